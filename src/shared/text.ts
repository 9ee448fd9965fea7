import { hasControl } from "./text-schema.ts";

/**
 * Variant forms of kanji common in Japanese names (異体字), each with the form people type: 髙橋
 * is found by 高橋, 﨑 by 崎, 邊・邉 by 辺, 齊・齋・斎 by 斉, 澤 by 沢, 濱 by 浜 … Names are
 * stored as written; only comparison keys and search text fold them (nameKey, the directory's
 * normalizeText and words, the operators' member search in SQL through translate()).
 */
export const KANJI_VARIANTS: Readonly<Record<string, string>> = {
  髙: "高",
  﨑: "崎",
  嵜: "崎",
  碕: "崎",
  邊: "辺",
  邉: "辺",
  齊: "斉",
  齋: "斉",
  斎: "斉",
  澤: "沢",
  濱: "浜",
  濵: "浜",
  𠮷: "吉",
  德: "徳",
  廣: "広",
  國: "国",
  櫻: "桜",
  眞: "真",
  藏: "蔵",
  冨: "富",
  槇: "槙",
  嶋: "島",
  嶌: "島",
  峯: "峰",
  淵: "渕",
  增: "増",
  實: "実",
  惠: "恵",
  榮: "栄",
  圓: "円",
  黑: "黒",
  淺: "浅",
  瀨: "瀬",
  條: "条",
  來: "来",
  萬: "万",
  禮: "礼",
  壽: "寿",
  彌: "弥",
  龍: "竜",
  邨: "村",
  埜: "野",
  桒: "桑",
  曻: "昇",
  舘: "館",
  凜: "凛",
  晄: "晃",
  鄕: "郷",
};
const VARIANT = new RegExp(`[${Object.keys(KANJI_VARIANTS).join("")}]`, "gu");

/** Variant kanji folded to their common form (KANJI_VARIANTS). */
export function foldVariants(s: string): string {
  return s.replace(VARIANT, (c) => KANJI_VARIANTS[c] ?? c);
}

/** The variants and their folds as two equally long strings of characters, for SQL translate(). */
export const VARIANTS_SQL = {
  from: Object.keys(KANJI_VARIANTS).join(""),
  to: Object.values(KANJI_VARIANTS).join(""),
};

/** NFKC, lower case, variant kanji folded, without spaces (half- and full-width): the key used to compare names. */
export function nameKey(s: string): string {
  return foldVariants(s.normalize("NFKC"))
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
 * A person's name as written: white space collapsed and trimmed, and half-width katakana (the
 * readings of older HR exports, ｻﾄｳ ﾊﾅｺ) in full width; nothing else changes (「伊藤 ①」 keeps
 * ①, 髙 stays 髙). Names are compared through nameKey / kanaKey, which apply NFKC and fold
 * variants; what is stored and shown is what the person or the roster wrote.
 */
export function cleanName(s: string): string {
  return s
    .replace(/[\uff61-\uff9f]+/g, (run) => run.normalize("NFKC"))
    .replace(/\s+/g, " ")
    .trim();
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
