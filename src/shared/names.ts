// How a member's names are shown, on cards, profiles and lists alike: today's name with its
// reading, and the name while employed (旧姓・在籍時の氏名) only when it differs from today's.
import { nameKey } from "./text.ts";

export type NameFields = {
  displayName: string;
  displayNameKana?: string | null;
  /** null or "": there is no other name. undefined: the viewer may not see it. */
  nameWhileEmployed?: string | null;
  nameKana?: string | null;
};

export type ShownNames = {
  /** The reading (フリガナ) of today's name, as its owner gave it (cleared: none). */
  reading: string | null;
  /** The name while employed, when it is not today's name. */
  former: string | null;
  /** Its reading, only with it. */
  formerReading: string | null;
};

/**
 * Whether the name while employed is today's name: it is when there is no other name (null or
 * ""), or when the two are the same once spacing and variant kanji are folded. A name hidden from
 * the viewer (undefined) is not known to be the same, and its reading is never shown as today's.
 */
export function isSameName(p: NameFields): boolean {
  if (p.nameWhileEmployed === null || p.nameWhileEmployed === "") return true;
  if (p.nameWhileEmployed === undefined) return false;
  return nameKey(p.nameWhileEmployed) === nameKey(p.displayName);
}

/**
 * The names as shown. The reading of today's name is only the one stored with it, as the profile
 * editor shows it: a member who clears it has none, and the reading of the name while employed is
 * not shown in its place (it is copied once, when a profile starts: `sameNameReading`).
 */
export function shownNames(p: NameFields): ShownNames {
  const former = isSameName(p) ? null : (p.nameWhileEmployed ?? null);
  return {
    reading: p.displayNameKana || null,
    former,
    formerReading: former ? p.nameKana || null : null,
  };
}

/**
 * The reading of the name while employed when it is today's name: the same name has the same
 * reading, the one the roster or the registrant gave with it. What a new profile's reading starts
 * with when none was given (members/admit.ts, and the data migration for older profiles).
 */
export function sameNameReading(p: NameFields): string | null {
  return isSameName(p) ? p.nameKana || null : null;
}
