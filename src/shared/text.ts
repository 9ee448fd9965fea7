import { hasControl } from "./text-schema.ts";

/** NFKC, lower case, without spaces (half- and full-width): the key used to compare names. */
export function nameKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u3000・･]+/g, "");
}

/** Katakana → hiragana (ヴ and small ヵヶ included). */
export function foldKana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Katakana → hiragana after NFKC (ｶﾅ → カナ → かな), for comparing readings. */
export function kanaKey(s: string): string {
  return foldKana(nameKey(s));
}

/** Collapses white space and trims; NFKC for half-width katakana and full-width ASCII. */
export function cleanText(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * A file name a client sent (multipart `filename`), as a label that any column can store: control
 * characters (U+0000 among them) removed, lone surrogates replaced, at most `max` characters.
 */
export function safeFilename(name: string, max = 255): string {
  const wellFormed = (name as string & { toWellFormed(): string }).toWellFormed();
  // By code point, so that cutting at `max` cannot split a surrogate pair.
  const chars = Array.from(wellFormed.trim()).filter((c) => !hasControl(c));
  return chars.slice(0, max).join("").trim();
}
