// A safety net under the per-field text schemas (shared/text-schema.ts): every value a route
// validates (body, query string, params) is first searched for strings no database column can
// hold (U+0000, lone surrogates), object keys included. A route whose schema still says plain
// `z.string()` therefore answers 400 VALIDATION_FAILED instead of 500 from PostgreSQL.
// Bodies are checked where validation runs (after the access hooks, so anonymous callers still
// get 401); path parameters and query strings already on request, since the access hooks look
// a network up by its slug.
import type { FastifyInstance, FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { errors } from "../shared/errors.ts";
import { isStorable, isWellFormed, TEXT_MESSAGES } from "../shared/text-schema.ts";

type Found = { path: (string | number)[]; message: string };

const MAX_DEPTH = 64;

/** Paths of strings (and object keys) in `value` that cannot be stored. */
export function findUnstorable(value: unknown, path: (string | number)[] = [], out: Found[] = []): Found[] {
  if (out.length >= 20 || path.length > MAX_DEPTH) return out;
  if (typeof value === "string") {
    if (!isStorable(value)) {
      out.push({
        path,
        message: isWellFormed(value) ? TEXT_MESSAGES.control : TEXT_MESSAGES.malformed,
      });
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findUnstorable(value[i], [...path, i], out);
  } else if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!isStorable(k)) out.push({ path: [...path, k], message: TEXT_MESSAGES.malformed });
      findUnstorable(v, [...path, k], out);
    }
  }
  return out;
}

/** A schema that refuses unstorable strings anywhere before `schema` sees the value. */
export function storable<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .superRefine((value, c) => {
      for (const f of findUnstorable(value)) c.addIssue({ code: "custom", path: f.path, message: f.message });
    })
    .pipe(schema);
}

/** fastify-type-provider-zod's validator, with `storable` around every zod schema. */
export const storableValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) =>
  validatorCompiler({
    ...route,
    schema: route.schema instanceof z.ZodType ? storable(route.schema) : route.schema,
  });

export function toDetails(found: Found[]) {
  return found.map((f) => ({ path: f.path.join("."), message: f.message }));
}

/** Path parameters and query strings with unstorable text: 400 before any hook reads them. */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook("onRequest", async (req) => {
    const found = [...findUnstorable(req.params, ["params"]), ...findUnstorable(req.query, ["query"])];
    if (found.length) throw errors.validation(toDetails(found));
  });
}
