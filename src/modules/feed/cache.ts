// Feed streams and posts, cached in each server process and shared between viewers.
//
// What a member sees of the feed is the merge, newest first, of a few streams (audience.ts:
// `streamsOf`): the network's posts, each of their segments' posts, each of their groups' posts
// (operators: one stream of everything). A page of one stream (its rows for a kind, a cursor and a
// page size) is the same for everyone who has that stream, so it is read once and shared, however
// many different combinations of segments and groups the members have. What a post is shown with
// — its author, reaction and comment counts, pictures, segment and group names — is cached per
// post. What belongs to the viewer alone (which reactions are theirs, what is new since their
// last visit, what they may edit, how an author is shown to them) is added per request
// (service.ts).
//
// Each entry keeps the versions it was computed at — the network's feed version (raised in the
// same transaction by every post written, edited, deleted, pinned or hidden, every comment and
// every reaction: `feedChanged`), its directory version (authors' names, photos and visibility)
// and the segments' fingerprint (their names) — and the posts it holds. It is served while the
// directory and segments are as it saw them and no change since its feed version concerns its
// posts (or may concern any page: a new post, a pin). The changes since are read in the same
// statement that reads who the viewer is, so a change is visible to the next request, in every
// process, without coordination. Concurrent requests of one key share one computation.
import { and, eq, lte, type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { Tx } from "../../db/client.ts";
import { feedChange, organization } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";

export type Tags = { feedVersion: number; directoryVersion: number; segmentsFingerprint: string };
export type Entry<T> = Tags & { value: T; ids: string[] };
/** A computed value and the posts it depends on. */
export type Loaded<T> = { value: T; ids: string[] };
/**
 * The feed changes after version `since` that concern some posts (or any page: postId null), as
 * read with the viewer (audience.ts); null when unknown (not asked, too old, too many).
 */
export type Changes = { since: number; list: { version: number; postId: string | null }[] } | null;

type Cache = {
  entries: LRUCache<string, Entry<unknown>>;
  inFlight: Map<string, Promise<Loaded<unknown>>>;
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
    const max = ctx.config.FEED_CACHE_ENTRIES ?? 20_000;
    c =
      max > 0
        ? { entries: new LRUCache({ max }), inFlight: new Map(), requests: 0, queries: 0, revalidated: 0 }
        : null;
    byConfig.set(ctx.config, c);
    if (c) allCaches.add(c);
  }
  return c;
}

/** The cached entry of `key`, whatever its versions (no computation, no counting). */
export function peek<T>(ctx: AppContext, key: string): Entry<T> | null {
  const c = cacheOf(ctx);
  return (c?.entries.get(key, { updateAgeOnGet: false }) as Entry<T> | undefined) ?? null;
}

/** Whether `e` still holds at `tags`, given the changes read since (see `Changes`). */
export function isFresh(e: Entry<unknown>, tags: Tags, changes: Changes): boolean {
  if (e.directoryVersion !== tags.directoryVersion || e.segmentsFingerprint !== tags.segmentsFingerprint)
    return false;
  if (e.feedVersion === tags.feedVersion) return true;
  if (e.feedVersion > tags.feedVersion || !changes || changes.since > e.feedVersion) return false;
  const ids = new Set(e.ids);
  return !changes.list.some((c) => c.version > e.feedVersion && (c.postId === null || ids.has(c.postId)));
}

/** The entry of `key` if it holds at `tags` (kept as of the newer version), else null. */
function freshEntry<T>(c: Cache, key: string, tags: Tags, changes: Changes): Entry<T> | null {
  const hit = c.entries.get(key) as Entry<T> | undefined;
  if (!hit || !isFresh(hit, tags, changes)) return null;
  if (hit.feedVersion < tags.feedVersion) {
    c.revalidated++;
    c.entries.set(key, { ...hit, ...tags });
  }
  return hit;
}

function store<T>(c: Cache, key: string, tags: Tags, loaded: Loaded<T>) {
  const cur = c.entries.get(key, { updateAgeOnGet: false });
  // Versions only grow: never replace an entry by an older computation.
  if (!cur || cur.feedVersion <= tags.feedVersion) c.entries.set(key, { ...tags, ...loaded });
}

/** The value of `key` at `tags`: cached, shared with a computation in flight, or `load()`ed. */
export async function cached<T>(
  ctx: AppContext,
  key: string,
  tags: Tags,
  changes: Changes,
  load: () => Promise<Loaded<T>>,
): Promise<T> {
  const c = cacheOf(ctx);
  if (!c) return (await load()).value;
  c.requests++;
  const hit = freshEntry<T>(c, key, tags, changes);
  if (hit) return hit.value;
  const flightKey = `${tags.feedVersion} ${tags.directoryVersion} ${tags.segmentsFingerprint} ${key}`;
  let flight = c.inFlight.get(flightKey) as Promise<Loaded<T>> | undefined;
  if (!flight) {
    c.queries++;
    flight = load();
    c.inFlight.set(flightKey, flight);
    flight.then(
      (loaded) => store(c, key, tags, loaded),
      () => {},
    );
    flight.finally(() => c.inFlight.delete(flightKey)).catch(() => {});
  }
  return (await flight).value;
}

/**
 * The values of `keys` at `tags`: those cached, the others computed together by one
 * `load(missing)` (the indexes into `keys` of what is missing, in order).
 */
export async function cachedEach<T>(
  ctx: AppContext,
  keys: string[],
  tags: Tags,
  changes: Changes,
  load: (missing: number[]) => Promise<Loaded<T>[]>,
): Promise<T[]> {
  const c = cacheOf(ctx);
  const all = keys.map((_, i) => i);
  if (!c) return (await load(all)).map((l) => l.value);
  c.requests += keys.length;
  const out: (T | undefined)[] = keys.map((k) => freshEntry<T>(c, k, tags, changes)?.value);
  const missing = all.filter((i) => out[i] === undefined);
  if (missing.length) {
    c.queries += missing.length;
    const loaded = await load(missing);
    missing.forEach((i, j) => {
      store(c, keys[i], tags, loaded[j]);
      out[i] = loaded[j].value;
    });
  }
  return out as T[];
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
/** At most this many changes are read with the viewer; more, and older entries are computed again. */
export const FEED_CHANGES_READ = 200;

/**
 * The network's feed changed: call in the transaction of the change, with the post concerned —
 * or null when the change may concern any page (a post published, pinned or unpinned, shown
 * again after moderation hid it): every cached stream page and post of the network is then stale.
 * With a post (edited, deleted, hidden; a comment or reaction on it), only cached entries that
 * hold it are.
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
 * SQL: the changes after version `from` up to the network's current one that concern any of
 * `postIds` (or every page), as a JSON array of [version, post id | null], oldest first; null
 * when those changes are no longer all kept. `o` is the organization row.
 */
export const changesSinceSql = (from: SQL, postIds: SQL) => sql`(
  case when ${from} >= o.feed_version - ${FEED_CHANGES_KEPT} then (
    select coalesce(json_agg(json_build_array(x.version, x.post_id) order by x.version), '[]'::json)
      from (select c.version, c.post_id from feed_change c
             where c.network_id = o.id and c.version > ${from} and c.version <= o.feed_version
               and (c.post_id is null or c.post_id = any(${postIds}))
             order by c.version limit ${FEED_CHANGES_READ}) x)
  end)`;

/** The changes as read (`changesSinceSql`); null when unknown or possibly cut off. */
export function changesOf(since: number | null, raw: unknown): Changes {
  if (since === null || raw === null || raw === undefined) return null;
  const list = (typeof raw === "string" ? JSON.parse(raw) : raw) as [number | string, string | null][];
  if (list.length >= FEED_CHANGES_READ) return null;
  return { since, list: list.map(([v, postId]) => ({ version: Number(v), postId })) };
}
