// Feed pages and posts, cached in each server process and shared between viewers.
//
// A page of the feed depends on the viewer only through their audience (audience.ts:
// `audienceKey`: operators; a member with posts of their own outside the network-wide audience;
// every other member by their segments — and groups, once they exist) and on the request (kind,
// cursor, page size). So the rows of a page, their authors' profiles, reaction and comment counts
// are computed once per key and shared; what belongs to the viewer alone (which reactions are
// theirs, what is new since their last visit, what they may edit, how an author is shown to them)
// is added per request (service.ts).
//
// Each entry keeps the versions it was computed at: the network's feed version (raised in the
// same transaction by every post written, edited, deleted, pinned or hidden, every comment and
// every reaction: `feedChanged`), its directory version (authors' names, photos and visibility)
// and the segments' fingerprint (their names). An entry is served only while all three are the
// ones the request read, so a change is visible to the next request, in every process, without
// coordination. Concurrent requests of one key at the same versions share one computation.
import { and, eq, lte, type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Tx } from "../../db/client.ts";
import { feedChange, organization } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";

export type Tags = { feedVersion: number; directoryVersion: number; segmentsFingerprint: string };
export type Entry<T> = Tags & { value: T };
type Cache = {
  entries: LRUCache<string, Entry<unknown>>;
  inFlight: Map<string, Promise<unknown>>;
  requests: number;
  queries: number;
  /** Entries of an older version served after the check that no change since concerns them. */
  revalidated: number;
};

const byConfig = new WeakMap<object, Cache | null>();
// Every cache made in this process (the benchmark asks for the stats without a context).
const allCaches = new Set<Cache>();

function cacheOf(ctx: AppContext): Cache | null {
  let c = byConfig.get(ctx.config);
  if (c === undefined) {
    const max = ctx.config.FEED_CACHE_ENTRIES ?? 5000;
    c =
      max > 0
        ? { entries: new LRUCache({ max }), inFlight: new Map(), requests: 0, queries: 0, revalidated: 0 }
        : null;
    byConfig.set(ctx.config, c);
    if (c) allCaches.add(c);
  }
  return c;
}

const sameTags = (a: Tags, b: Tags) =>
  a.feedVersion === b.feedVersion &&
  a.directoryVersion === b.directoryVersion &&
  a.segmentsFingerprint === b.segmentsFingerprint;

/** The cached entry of `key`, whatever its versions (no computation, no counting). */
export function peek<T>(ctx: AppContext, key: string): Entry<T> | null {
  const c = cacheOf(ctx);
  return (c?.entries.get(key, { updateAgeOnGet: false }) as Entry<T> | undefined) ?? null;
}

/** The value of `key` at `tags`: cached, shared with a computation in flight, or `load()`ed. */
export async function cached<T>(
  ctx: AppContext,
  key: string,
  tags: Tags,
  load: () => Promise<T>,
): Promise<T> {
  const c = cacheOf(ctx);
  if (!c) return load();
  c.requests++;
  const hit = c.entries.get(key) as Entry<T> | undefined;
  if (hit && sameTags(hit, tags)) return hit.value;
  const flightKey = `${tags.feedVersion} ${tags.directoryVersion} ${tags.segmentsFingerprint} ${key}`;
  let flight = c.inFlight.get(flightKey) as Promise<T> | undefined;
  if (!flight) {
    c.queries++;
    flight = load();
    c.inFlight.set(flightKey, flight);
    flight.then(
      (value) => {
        const cur = c.entries.get(key, { updateAgeOnGet: false });
        // Versions only grow: never replace an entry by an older computation.
        if (!cur || cur.feedVersion <= tags.feedVersion) c.entries.set(key, { ...tags, value });
      },
      () => {},
    );
    flight.finally(() => c.inFlight.delete(flightKey)).catch(() => {});
  }
  return flight;
}

/** Entries and counters (tests, the benchmark); null without a cache. */
export function feedCacheStats(ctx?: AppContext) {
  const all = ctx ? [cacheOf(ctx)] : [...allCaches];
  const cs = all.filter((c): c is Cache => !!c);
  if (!cs.length) return null;
  return {
    entries: cs.reduce((a, c) => a + c.entries.size, 0),
    requests: cs.reduce((a, c) => a + c.requests, 0),
    queries: cs.reduce((a, c) => a + c.queries, 0),
    revalidated: cs.reduce((a, c) => a + c.revalidated, 0),
  };
}
/** How many versions of changes are kept: a cached entry older than that is computed again. */
export const FEED_CHANGES_KEPT = 1000;

/**
 * The network's feed changed: call in the transaction of the change, with the post concerned —
 * or null when the change may concern any page (a post published, pinned or unpinned, shown
 * again after moderation hid it): every cached page and post of the network is then stale.
 * With a post (edited, deleted, hidden; a comment or reaction on it), only cached pages that hold
 * it, and the post itself, are.
 */
export async function feedChanged(tx: Tx, networkId: string, postId: string | null) {
  const [row] = await tx
    .update(organization)
    .set({ feedVersion: sql`${organization.feedVersion} + 1` })
    .where(sql`${organization.id} = ${networkId}`)
    .returning({ version: organization.feedVersion });
  if (!row) return;
  await tx.insert(feedChange).values({ networkId, version: row.version, postId });
  if (row.version % 100 === 0) {
    await tx
      .delete(feedChange)
      .where(
        and(eq(feedChange.networkId, networkId), lte(feedChange.version, row.version - FEED_CHANGES_KEPT)),
      );
  }
}

/**
 * SQL: true when no change after version `from` up to the network's current one concerns any of
 * `postIds` (nor every page), and those changes are still kept. `o` is the organization row.
 */
export const unchangedSinceSql = (from: number | SQL, postIds: SQL) => sql`(
  ${from} >= o.feed_version - ${FEED_CHANGES_KEPT} and not exists (
    select 1 from feed_change c
     where c.network_id = o.id and c.version > ${from} and c.version <= o.feed_version
       and (c.post_id is null or c.post_id = any(${postIds}))))`;

/**
 * An entry found stale by version only, but which `unchangedSinceSql` said still holds: it is
 * served, and kept as of the newer version.
 */
export function revalidated<T>(ctx: AppContext, key: string, entry: Entry<T>, tags: Tags): T {
  const c = cacheOf(ctx);
  if (c) {
    c.requests++;
    if (entry.feedVersion < tags.feedVersion) c.revalidated++;
    const cur = c.entries.get(key, { updateAgeOnGet: false });
    if (!cur || cur.feedVersion < tags.feedVersion) c.entries.set(key, { ...tags, value: entry.value });
  }
  return entry.value;
}
