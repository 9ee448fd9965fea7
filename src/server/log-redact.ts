// Logged errors keep the query but not its values: drizzle's DrizzleQueryError carries `params`
// (and repeats them in its message and stack: "params: a@example.com,<token hash>"), and
// PostgreSQL's `detail` names the values of a violated key. Those are emails and token hashes.
import type { FastifyBaseLogger } from "fastify";
import pino from "pino";

const DROP = new Set(["params", "parameters", "values", "detail"]);
/** "\nparams: …" up to the first stack frame or the end. */
const PARAMS_TEXT = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;
const REDACTED = "[redacted]";

/** Parameter values of the failed queries in `err` and its causes (drizzle keeps them in `params`). */
function paramValues(err: unknown): string[] {
  const out: string[] = [];
  for (let e = err as any, depth = 0; e && typeof e === "object" && depth < 8; e = e.cause, depth++) {
    if (Array.isArray(e.params)) {
      for (const v of e.params) if (v != null && String(v).length >= 3) out.push(String(v));
    }
  }
  return out.sort((a, b) => b.length - a.length);
}

function scrub(value: unknown, secrets: string[], depth: number): unknown {
  if (typeof value === "string") {
    // The driver's own message may quote a value too ('invalid input syntax …: "a@example.com"').
    let s = value.replace(PARAMS_TEXT, `\nparams: ${REDACTED}`);
    for (const secret of secrets) s = s.split(secret).join(REDACTED);
    return s;
  }
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = DROP.has(k) ? REDACTED : scrub(v, secrets, depth + 1);
  return out;
}

/** pino's error serializer, without query parameters anywhere in the error or its causes. */
export function redactErr(err: unknown): unknown {
  const serialized = err instanceof Error ? pino.stdSerializers.err(err) : err;
  return scrub(serialized, paramValues(err), 0);
}

/** `log` with the redacting error serializer (inherited by every request's child logger). */
export function redactingLogger(log: FastifyBaseLogger): FastifyBaseLogger {
  return log.child({}, { serializers: { err: redactErr } });
}
