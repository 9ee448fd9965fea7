// The opaque cursor of a list ordered newest first by (created_at, id): the feed, notifications.
// `at` keeps the database's microseconds (a Date would round them and skip or repeat rows).
import { errors } from "./errors.ts";

export type Keyset = { at: string; id: string };

export function encodeKeyset(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at, k.id])).toString("base64url");
}

/** The cursor a previous page gave (null for the first page); 400 INVALID_CURSOR for anything else. */
export function decodeKeyset(s: string | undefined): Keyset | null {
  if (!s) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) throw new Error();
    return { at, id };
  } catch {
    throw errors.invalidCursor();
  }
}
