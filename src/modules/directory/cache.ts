// Directory pages, cached in each server process.
//
// A directory page depends only on the network, the audience and the request (filters, sort,
// cursor, page size), never on who asks: every member of an audience sees the same rows. So
// pages are shared by all viewers of an audience, under the network's directory version, which
// every change to the directory rows raises in the same transaction (sync.ts) and which the
// request's guard has already read with the membership (server/session.ts): a page computed
// before a change is never served after it, and several processes need no coordination. Old
// versions are not deleted: they fall out of the LRU. Concurrent misses of one key share one
// query (lru-cache's fetch), so a change does not send every waiting request to the database.
import { LRUCache } from "lru-cache";
import type { AppContext } from "../../server/context.ts";
import type { Page } from "./queries.ts";

type PageCache = LRUCache<string, Page, () => Promise<Page>>;
/** requests: pages asked for; queries: pages computed (the rest came from the cache or shared a query in flight). */
type Cache = { pages: PageCache; requests: number; queries: number };

// One cache per configuration, which sets its size: in practice one per server process.
const byConfig = new WeakMap<object, Cache | null>();

function cacheOf(ctx: AppContext): Cache | null {
  let c = byConfig.get(ctx.config);
  if (c === undefined) {
    const bytes = Math.floor(ctx.config.DIRECTORY_CACHE_MB * 1024 * 1024);
    const pages: PageCache | null =
      bytes > 0
        ? new LRUCache<string, Page, () => Promise<Page>>({
            maxSize: bytes,
            // UTF-16 length of the cards' JSON approximates their size in memory.
            sizeCalculation: (p) => Math.max(1, JSON.stringify(p.hits).length * 2),
            fetchMethod: (_key, _stale, { context }) => context(),
            // A page still being computed may be evicted (many new keys at once): its query goes
            // on and still answers the requests waiting for it.
            ignoreFetchAbort: true,
          })
        : null;
    c = pages ? { pages, requests: 0, queries: 0 } : null;
    byConfig.set(ctx.config, c);
  }
  return c;
}

/** `load()`'s page, or the same page cached under the same `key` (which must name the version). */
export async function cachedPage(ctx: AppContext, key: unknown[], load: () => Promise<Page>): Promise<Page> {
  const cache = cacheOf(ctx);
  if (!cache) return load();
  cache.requests++;
  const counted = () => {
    cache.queries++;
    return load();
  };
  return (await cache.pages.fetch(JSON.stringify(key), { context: counted })) ?? load();
}

/** Entries, bytes in use, pages asked for and computed so far (tests, the benchmark); null without a cache. */
export function pageCacheStats(ctx: AppContext) {
  const c = cacheOf(ctx);
  return c
    ? { entries: c.pages.size, bytes: c.pages.calculatedSize, requests: c.requests, queries: c.queries }
    : null;
}
