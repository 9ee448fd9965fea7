// The member directory: search with filters, counts and label suggestions, each answered from the
// viewer's audience (operators see what operators may see; everyone else what members may see).
import type { DirectoryAudience } from "../../db/schema/directory.ts";
import type { Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { photoUrl } from "../profiles/index.ts";
import { cachedPage } from "./cache.ts";
import type { TermField } from "./entry.ts";
import {
  type Cursor,
  countEntries,
  type Scope as DirectoryScope,
  type EntryHit,
  findPage,
  prepareSearch,
  type Search,
  suggestTerms,
  unchangedSince,
  visibleUserIds,
} from "./queries.ts";
import type { DirectoryCard, DirectoryFilter, DirectoryQuery, DirectorySort } from "./schemas.ts";
import { DIRECTORY_SORTS } from "./schemas.ts";
import { queryWords } from "./text.ts";

export function audienceOf(role: string): DirectoryAudience {
  return role === "operator" ? "operators" : "members";
}

/** The viewer's audience; an API token or the system reads as operators do. */
export const viewerAudience = (s: Scope): DirectoryAudience => audienceOf(s.member?.role ?? "operator");

/** What the directory queries need of the request scope: the network and the audience read. */
export const directoryScope = (s: Scope, audience = viewerAudience(s)): DirectoryScope => ({
  networkId: s.network.id,
  audience,
});

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.userId])).toString("base64url");
}

function decodeCursor(s: string, sort: DirectorySort): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      v[0] === sort &&
      (DIRECTORY_SORTS as readonly string[]).includes(v[0]) &&
      typeof v[1] === "string" &&
      typeof v[2] === "string" &&
      (sort !== "relevance" || Number.isFinite(Number(v[1]))) &&
      (sort !== "recent" || !Number.isNaN(Date.parse(v[1])))
    ) {
      return { sort, key: v[1], userId: v[2] };
    }
  } catch {}
  throw errors.invalidCursor();
}

export function presentCard(slug: string, h: Pick<EntryHit, "userId" | "card" | "photoPath">): DirectoryCard {
  const card = { ...(h.card as DirectoryCard), userId: h.userId };
  if ("photoUrl" in card) card.photoUrl = photoUrl(slug, h.userId, h.photoPath);
  return card;
}

/** The sort actually used: relevance needs free text; without it, by name. */
export function effectiveSort(q: Pick<DirectoryQuery, "q" | "sort">, hasWords: boolean): DirectorySort {
  if (q.sort === "relevance" || q.sort === undefined) return hasWords ? "relevance" : "name";
  return q.sort;
}

/** A page of cards from the viewer's audience (or `audience`, for operators' tools such as segments). */
export async function searchDirectory(scope: Scope, q: DirectoryQuery, audience = viewerAudience(scope)) {
  // The SQL is built on a cache miss only; the words decide the sort, which is part of the key.
  const words = queryWords(q.q ?? "");
  const sort = effectiveSort(q, words.length > 0);
  const cursor = q.cursor ? decodeCursor(q.cursor, sort) : null;
  const { network } = scope;
  const { cursor: _c, sort: _s, limit, ...filter } = q;
  const key = [network.id, audience, sort, q.cursor ?? null, limit, filter];
  let search: Search | undefined;
  const prepared = () => {
    search ??= prepareSearch(directoryScope(scope, audience), q, words);
    return search;
  };
  const {
    hits: rows,
    total,
    capped,
  } = await cachedPage(scope.ctx, key, network.directoryVersion, {
    load: () => findPage(scope.db, prepared(), sort, cursor, limit),
    unchanged: (from, to) => unchangedSince(scope.db, prepared(), from, to),
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last ? encodeCursor({ sort, key: last.sortKey, userId: last.userId }) : null;
  return {
    items: page.map((h) => presentCard(scope.network.slug, h)),
    total,
    totalCapped: capped,
    nextCursor,
    sort,
  };
}

export async function countDirectory(scope: Scope, f: DirectoryFilter, audience = viewerAudience(scope)) {
  return countEntries(scope.db, prepareSearch(directoryScope(scope, audience), f));
}

/** Which of `userIds` the viewer may see in the directory (a hidden member is not among them). */
export async function visibleMembers(scope: Scope, userIds: string[], audience = viewerAudience(scope)) {
  return visibleUserIds(scope.db, directoryScope(scope, audience), userIds);
}

export async function suggest(scope: Scope, field: TermField, prefix: string, limit: number) {
  return suggestTerms(scope.db, directoryScope(scope), field, prefix, limit);
}
