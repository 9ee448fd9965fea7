// Directory pages, cached in each server process.
//
// A directory page depends only on the network, the audience and the request (filters, sort,
// cursor, page size), never on who asks: every member of an audience sees the same rows. So pages
// are shared by all viewers of an audience. Each page keeps the network's directory version it was
// computed at: every change to the directory rows raises that version in the same transaction
// (sync.ts), and the request's guard has already read it with the membership (server/session.ts).
// A page asked for at a newer version is served only once `unchanged(from, to)` has said that no
// change between the two versions can concern it (directory_change: the page's own filter,
// evaluated on the changed rows as they were and as they are, in SQL); otherwise it is computed
// again. A page computed before a change that concerns it is never served after it, and several
// processes need no coordination. Concurrent requests of one key at one version share one check
// or query, so a change does not send every waiting request to the database.
import { LRUCache } from "lru-cache";
import type { AppContext } from "../../server/context.ts";
import type { Page } from "./queries.ts";

type Entry = { page: Page; version: number };
type Stats = {
  /** Pages asked for. */
  requests: number;
  /** Pages computed (the rest came from the cache, shared a query in flight, or passed a check). */
  queries: number;
  /** Cached pages of an older version checked against the changes since. */
  checks: number;
  /** Checks that found no change concerning the page (served without computing it again). */
  unchanged: number;
};
type Cache = Stats & { pages: LRUCache<string, Entry>; inFlight: Map<string, Promise<Entry>> };

// One cache per configuration, which sets its size: in practice one per server process.
const byConfig = new WeakMap<object, Cache | null>();

function cacheOf(ctx: AppContext): Cache | null {
  let c = byConfig.get(ctx.config);
  if (c === undefined) {
    const bytes = Math.floor(ctx.config.DIRECTORY_CACHE_MB * 1024 * 1024);
    c =
      bytes > 0
        ? {
            pages: new LRUCache<string, Entry>({
              maxSize: bytes,
              // UTF-16 length of the cards' JSON approximates their size in memory.
              sizeCalculation: (e) => Math.max(1, JSON.stringify(e.page.hits).length * 2),
            }),
            inFlight: new Map(),
            requests: 0,
            queries: 0,
            checks: 0,
            unchanged: 0,
          }
        : null;
    byConfig.set(ctx.config, c);
  }
  return c;
}

export type PageSource = {
  /** Computes the page. */
  load: () => Promise<Page>;
  /** Whether no change after version `from` up to `to` can concern this page. */
  unchanged: (from: number, to: number) => Promise<boolean>;
};

/**
 * The page of `key` (which must not name the version) at directory version `version`: the cached
 * one when it is that recent or `unchanged` says it still holds, else `load()`'s.
 */
export async function cachedPage(
  ctx: AppContext,
  key: unknown[],
  version: number,
  src: PageSource,
): Promise<Page> {
  const cache = cacheOf(ctx);
  if (!cache) return src.load();
  cache.requests++;
  const k = JSON.stringify(key);
  const cached = cache.pages.get(k);
  // A page computed at a newer version than the guard read is as right as one computed now.
  if (cached && cached.version >= version) return cached.page;
  const flightKey = `${version} ${k}`;
  let flight = cache.inFlight.get(flightKey);
  if (!flight) {
    flight = (async (): Promise<Entry> => {
      if (cached) {
        cache.checks++;
        if (await src.unchanged(cached.version, version)) {
          cache.unchanged++;
          return { page: cached.page, version };
        }
      }
      cache.queries++;
      return { page: await src.load(), version };
    })();
    cache.inFlight.set(flightKey, flight);
    flight.then(
      (e) => {
        const cur = cache.pages.get(k, { updateAgeOnGet: false });
        if (!cur || cur.version < e.version) cache.pages.set(k, e);
      },
      () => {},
    );
    flight.finally(() => cache.inFlight.delete(flightKey)).catch(() => {});
  }
  return (await flight).page;
}

/** Entries, bytes in use, and the counters above (tests, the benchmark); null without a cache. */
export function pageCacheStats(ctx: AppContext) {
  const c = cacheOf(ctx);
  return c
    ? {
        entries: c.pages.size,
        bytes: c.pages.calculatedSize,
        requests: c.requests,
        queries: c.queries,
        checks: c.checks,
        unchanged: c.unchanged,
      }
    : null;
}
