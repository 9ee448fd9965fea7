// The one zod building block for every string a client sends (body, query string, params).
// PostgreSQL text cannot hold U+0000, and a lone surrogate cannot be encoded as UTF-8 (a JSON
// column refuses it, a text column would store U+FFFD): both used to reach the database and
// answer 500, sometimes after part of a request was written. Validation refuses them first
// (400 VALIDATION_FAILED, nothing written), together with other control characters that have no
// place in a name or a search word.
import { z } from "zod";

/** True when `s` has no lone surrogate (it can be encoded as UTF-8). */
export function isWellFormed(s: string): boolean {
  // ES2024 (Node 20 has it; the TypeScript lib setting predates it).
  return (s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** True when `s` can be stored in any column: no U+0000, no lone surrogate. */
export function isStorable(s: string): boolean {
  return isWellFormed(s) && !s.includes("\u0000");
}

/** C0 controls, DEL and C1 controls (Unicode category Cc); tab and line breaks allowed when `multiline`. */
export function hasControl(s: string, multiline = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && (c < 0x7f || c > 0x9f)) continue;
    if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}

export const TEXT_MESSAGES = {
  malformed: "Must be well-formed Unicode (no lone surrogates)",
  control: "Must not contain control characters",
  controlMultiline: "Must not contain control characters other than tab and line breaks",
};

/**
 * A string that is well-formed Unicode without control characters (tab and line breaks allowed
 * when `multiline`). Chain `.trim()`, `.max()`, `.transform()` on it as on `z.string()`: the
 * checks run on the value as sent.
 */
export function safeString(opts: { multiline?: boolean } = {}) {
  const multiline = opts.multiline ?? false;
  return z
    .string()
    .refine(isWellFormed, TEXT_MESSAGES.malformed)
    .refine(
      (s) => !hasControl(s, multiline),
      multiline ? TEXT_MESSAGES.controlMultiline : TEXT_MESSAGES.control,
    );
}

/** Trimmed free text of at most `max` characters (at least `min`, default 0). */
export function text(opts: { max: number; min?: number; multiline?: boolean }) {
  return safeString(opts)
    .trim()
    .min(opts.min ?? 0)
    .max(opts.max);
}

/**
 * A secret typed by a person (a password): only what cannot be stored or hashed the same way on
 * every client is refused (U+0000, lone surrogates); other characters are the person's choice.
 */
export function secretString() {
  return z
    .string()
    .refine(isWellFormed, TEXT_MESSAGES.malformed)
    .refine((s) => !s.includes("\u0000"), TEXT_MESSAGES.control);
}

/** An id in a path or a body (`:id`, `:userId`, roster entry ids): 1–100 safe characters. */
export const idParam = safeString().min(1).max(100);

/** A network slug in a path: unknown slugs answer 404 later, so only length and safety here. */
export const slugParam = safeString().min(1).max(100);

/** A link token in a path (`:token`). */
export const tokenParam = safeString().min(10).max(200);

/** An opaque page cursor from a previous answer. */
export const cursorParam = safeString().max(500);
