// Japanese-aware search text. The same functions prepare what is indexed and what is searched, so
// both sides always agree, on PGlite and on PostgreSQL alike (the database never parses text: it
// receives ready lexemes through array_to_tsvector and a ready tsquery).
//
//   1. NFKC (ﾏｰｹﾃｨﾝｸﾞ → マーケティング, ＷＥＢ → WEB) and lower case (WEB → web, React → react);
//   2. words by Intl.Segmenter('ja') (人事部長 → 人事 | 部長, 営業資料 → 営業 | 資料);
//   3. variant kanji of names folded (髙橋 → 高橋, 﨑 → 崎: shared/text.ts KANJI_VARIANTS), and
//      katakana folded to hiragana per word (マーケティング → まーけてぃんぐ), so a reading typed in
//      either script matches. Segmenting happens before folding: the segmenter needs the script.
//
// A query word matches a document when it is a prefix of one of its words (tsvector, GIN) or, for
// words in Japanese script of three or more characters, a substring of its text (pg_trgm, GIN):
// `人事` finds 人事部長 by prefix, `人事部` finds 人事部長 by substring (the segmenter splits that
// compound as 人事 | 部長). One- and two-character words have no trigrams; the prefix index answers them.

import { foldKana, foldVariants } from "../../shared/text.ts";

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** NFKC, lower case, katakana and variant kanji folded, white space collapsed: the comparable form of a text. */
export function normalizeText(s: string): string {
  return foldKana(foldVariants(s.normalize("NFKC")).toLowerCase())
    .replace(/\s+/g, " ")
    .trim();
}

/** A label's key (skills, departments, places): normalised, without inner spaces or middle dots. */
export function labelKey(s: string): string {
  return normalizeText(s).replace(/[\s・]+/g, "");
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
export const hasJapanese = (s: string) => JAPANESE.test(s);

/** The words of a text, normalised, in order (duplicates kept). */
export function words(s: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter.segment(foldVariants(s.normalize("NFKC")).toLowerCase())) {
    if (!seg.isWordLike) continue;
    const w = foldKana(seg.segment).trim();
    if (w) out.push(w);
  }
  return out;
}

/** Distinct words of several texts, capped in length so a pasted essay cannot bloat the index. */
export function lexemes(texts: (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const t of texts) if (t) for (const w of words(t)) if (w.length <= 60) set.add(w);
  return [...set];
}

/** The longest query, in characters; longer input is cut (never an error). */
export const MAX_QUERY = 100;
/** At most this many words of a query are used. */
export const MAX_QUERY_WORDS = 8;

export type QueryWord = { word: string; substring: boolean };

const KANA_ONLY = /^[\u3041-\u309f\u30a1-\u30ffー]+$/;
const PARTICLES = new Set(["の", "は", "が", "を", "に", "で", "と", "も", "へ", "や"]);

/**
 * The words of a query. A reading typed in hiragana (こーちんぐ) is cut by the segmenter into
 * grammatical pieces, so adjacent kana pieces are joined again, unless one is a particle (の, は…).
 */
function queryTokens(q: string): string[] {
  const out: string[] = [];
  let joinable = false;
  for (const w of words(q)) {
    const kana = KANA_ONLY.test(w) && !PARTICLES.has(w);
    if (kana && joinable) out[out.length - 1] += w;
    else out.push(w);
    joinable = kana;
  }
  return out;
}

/** The words of a search box, each with how it is matched. Empty when nothing searchable remains. */
export function queryWords(q: string): QueryWord[] {
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const w of queryTokens(q.slice(0, MAX_QUERY))) {
    if (seen.has(w) || w.length > 60) continue;
    seen.add(w);
    out.push({ word: w, substring: hasJapanese(w) && [...w].length >= 3 });
    if (out.length === MAX_QUERY_WORDS) break;
  }
  return out;
}

/** A tsquery literal for one lexeme, as is (quotes and backslashes escaped). */
export function lexemeQuery(word: string): string {
  return `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A tsquery literal for one word as a prefix: 'word':* */
export const prefixQuery = (word: string) => `${lexemeQuery(word)}:*`;

/** Every word as a prefix, OR-ed: used to rank (any matching word counts). */
export function rankQuery(ws: QueryWord[]): string {
  return ws.map((w) => prefixQuery(w.word)).join(" | ");
}

/** `s` with LIKE's special characters (%, _ and \) escaped. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A LIKE pattern matching `s` anywhere. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
/** A LIKE pattern matching what starts with `s`. */
export const prefixPattern = (s: string) => `${escapeLike(s)}%`;
