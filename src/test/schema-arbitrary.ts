// Inputs generated from a route's own zod schema (through its JSON Schema, input side), for the
// generated tests: a valid body or query for any route (the access matrix replays other networks'
// ids with valid bodies, so the id check is what answers), and later hostile variants of them.
import fc from "fast-check";
import { type ZodType, z } from "zod";

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  allOf?: Json[];
  default?: unknown;
  additionalProperties?: boolean | Json;
  $ref?: string;
  $defs?: Record<string, Json>;
};

const WORDS = ["営業", "人事部", "マーケティング", "山田 太郎", "React", "東京都", "企画"];

function stringArb(s: Json): fc.Arbitrary<string> {
  if (s.format === "email") return fc.constantFrom("alumna@example.com", "taro.yamada@example.jp");
  if (s.format === "uuid") return fc.uuid();
  if (s.format === "date") return fc.constantFrom("2020-04-01", "2015-03-31");
  if (s.format === "date-time") return fc.constant(new Date(Date.UTC(2026, 0, 15)).toISOString());
  if (s.format === "uri" || s.format === "url") return fc.constant("https://example.com/page");
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, 60));
  if (s.pattern)
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max);
  return fc
    .constantFrom(...WORDS)
    .map((w) => w.repeat(Math.ceil(Math.max(min, 1) / w.length)))
    .filter((w) => w.length >= min && w.length <= max)
    .map((w) => w.slice(0, max));
}

function numberArb(s: Json, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : min + 100);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
}

function fromJson(s: Json, root: Json): fc.Arbitrary<unknown> {
  if (s.$ref) return fromJson(root.$defs?.[s.$ref.replace("#/$defs/", "")] ?? {}, root);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const options = s.anyOf ?? s.oneOf;
  if (options) return fc.oneof(...options.map((o) => fromJson(o, root)));
  if (s.allOf?.length) return fromJson(Object.assign({}, ...s.allOf), root);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "string":
      return stringArb(s);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 3, 3));
      return fc.array(fromJson(s.items ?? {}, root), { minLength, maxLength });
    }
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = fromJson(v, root);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return fc.constantFrom("x", 1, true);
  }
}

/** Values the schema's JSON Schema describes (not every one passes refinements: see `validSample`). */
export function arbitraryFor(schema: ZodType): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return fromJson(json, json);
}

/**
 * A value the schema accepts, deterministic for a seed; undefined when none was found (a schema
 * whose refinements the generator cannot meet: the caller reports it).
 */
export function validSample(schema: ZodType, seed = 1): unknown {
  const arb = arbitraryFor(schema);
  for (let i = 0; i < 200; i++) {
    const [v] = fc.sample(arb, { numRuns: 1, seed: seed + i });
    if (schema.safeParse(v).success) return v;
  }
  return undefined;
}
