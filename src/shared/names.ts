// How a member's names are shown, on cards, profiles and lists alike: today's name with its
// reading, and the name while employed (旧姓・在籍時の氏名) only when it differs from today's.
import { nameKey } from "./text.ts";

export type NameFields = {
  displayName: string;
  displayNameKana?: string | null;
  nameWhileEmployed?: string | null;
  nameKana?: string | null;
};

export type ShownNames = {
  /** The reading (フリガナ) of today's name, when known. */
  reading: string | null;
  /** The name while employed, when it is not today's name. */
  former: string | null;
  /** Its reading, only with it. */
  formerReading: string | null;
};

/**
 * `nameWhileEmployed` null or "" means there is no other name; undefined means the viewer may not
 * see it — then it is not known to be the same name, and its reading is never shown as today's.
 */
export function shownNames(p: NameFields): ShownNames {
  const same =
    p.nameWhileEmployed === null || p.nameWhileEmployed === ""
      ? true
      : p.nameWhileEmployed === undefined
        ? false
        : nameKey(p.nameWhileEmployed) === nameKey(p.displayName);
  const former = same ? null : (p.nameWhileEmployed ?? null);
  return {
    // The same name has the same reading: the one given with the name while employed.
    reading: p.displayNameKana || (same ? p.nameKana || null : null),
    former,
    formerReading: former ? p.nameKana || null : null,
  };
}
