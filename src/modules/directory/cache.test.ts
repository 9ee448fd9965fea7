// The page cache in isolation: shared queries, and pages evicted while still being computed
// (lru-cache aborts those unless told not to: every waiting request would fail).
import { describe, expect, it } from "vitest";
import type { AppContext } from "../../server/context.ts";
import { cachedPage, pageCacheStats } from "./cache.ts";
import type { Page } from "./queries.ts";

const ctxWith = (mb: number) => ({ config: { DIRECTORY_CACHE_MB: mb } }) as unknown as AppContext;
const page = (n: number): Page => ({
  hits: [{ userId: `u${n}`, card: { displayName: "x".repeat(200) }, photoPath: null, sortKey: "k" }],
  total: n,
  capped: false,
});
const later = <T>(v: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe("directory page cache", () => {
  it("computes a page once for concurrent requests, then serves it", async () => {
    const ctx = ctxWith(1);
    let runs = 0;
    const load = () => {
      runs++;
      return later(page(7), 20);
    };
    const pages = await Promise.all([1, 2, 3].map(() => cachedPage(ctx, ["n", "members", 1, "q"], load)));
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(await cachedPage(ctx, ["n", "members", 1, "q"], load)).toEqual(page(7));
    expect(runs).toBe(1);
    expect(pageCacheStats(ctx)).toMatchObject({ requests: 4, queries: 1 });
    // Another version is another page.
    expect((await cachedPage(ctx, ["n", "members", 2, "q"], () => later(page(8), 1))).total).toBe(8);
  });

  it("answers every request when pages are evicted while still being computed", async () => {
    const ctx = ctxWith(0.0015); // about 1,500 bytes: room for two or three pages
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        cachedPage(ctx, ["n", "members", 1, i], () => later(page(i), 5 + (i % 7))),
      ),
    );
    expect(results.map((p) => p.total)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it("is off with DIRECTORY_CACHE_MB=0", async () => {
    const ctx = ctxWith(0);
    let runs = 0;
    const load = async () => {
      runs++;
      return page(1);
    };
    for (let i = 0; i < 2; i++) await cachedPage(ctx, ["k"], load);
    expect(runs).toBe(2);
    expect(pageCacheStats(ctx)).toBeNull();
  });
});
