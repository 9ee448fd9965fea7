// The page cache in isolation: shared queries, versions checked against the changes since, and
// pages evicted while still being computed (every waiting request must still be answered).
import { describe, expect, it } from "vitest";
import type { AppContext } from "../../server/context.ts";
import { cachedPage, type PageSource, pageCacheStats } from "./cache.ts";
import type { Page } from "./queries.ts";

const ctxWith = (mb: number) => ({ config: { DIRECTORY_CACHE_MB: mb } }) as unknown as AppContext;
const page = (n: number): Page => ({
  hits: [{ userId: `u${n}`, card: { displayName: "x".repeat(200) }, photoPath: null, sortKey: "k" }],
  total: n,
  capped: false,
});
const later = <T>(v: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(v), ms));

/** A source whose loads return totals 1, 2, 3…, and whose check answers `unchanged`. */
function source(unchanged = false) {
  const s = { loads: 0, checks: [] as [number, number][] };
  const src: PageSource = {
    load: () => {
      s.loads++;
      return later(page(s.loads), 10);
    },
    unchanged: async (from, to) => {
      s.checks.push([from, to]);
      await later(null, 10);
      return unchanged;
    },
  };
  return { s, src };
}

describe("directory page cache", () => {
  it("computes a page once for concurrent requests, then serves it at that version", async () => {
    const ctx = ctxWith(1);
    const { s, src } = source();
    const pages = await Promise.all([1, 2, 3].map(() => cachedPage(ctx, ["n", "q"], 1, src)));
    expect(pages.map((p) => p.total)).toEqual([1, 1, 1]);
    expect((await cachedPage(ctx, ["n", "q"], 1, src)).total).toBe(1);
    // A guard that read an older version gets the newer page (computed after what it read).
    expect((await cachedPage(ctx, ["n", "q"], 0, src)).total).toBe(1);
    expect(s.loads).toBe(1);
    expect(s.checks).toEqual([]);
    expect(pageCacheStats(ctx)).toMatchObject({ requests: 5, queries: 1, checks: 0 });
  });

  it("serves a page of an older version only when no change since concerns it", async () => {
    const ctx = ctxWith(1);
    const kept = source(true);
    expect((await cachedPage(ctx, ["kept"], 1, kept.src)).total).toBe(1);
    // Concurrent requests at the new version share one check; the page then counts as version 5.
    const again = await Promise.all([1, 2].map(() => cachedPage(ctx, ["kept"], 5, kept.src)));
    expect(again.map((p) => p.total)).toEqual([1, 1]);
    expect(await cachedPage(ctx, ["kept"], 5, kept.src)).toBe(again[0]);
    expect(kept.s).toEqual({ loads: 1, checks: [[1, 5]] });
    expect((await cachedPage(ctx, ["kept"], 7, kept.src)).total).toBe(1);
    expect(kept.s.checks).toEqual([
      [1, 5],
      [5, 7],
    ]);

    const stale = source(false);
    expect((await cachedPage(ctx, ["stale"], 1, stale.src)).total).toBe(1);
    expect((await cachedPage(ctx, ["stale"], 2, stale.src)).total).toBe(2);
    expect(stale.s).toEqual({ loads: 2, checks: [[1, 2]] });
    expect(pageCacheStats(ctx)).toMatchObject({ queries: 3, checks: 3, unchanged: 2 });
  });

  it("passes a failed check or query to every waiting request and caches nothing", async () => {
    const ctx = ctxWith(1);
    let fail = true;
    const src: PageSource = {
      load: async () => {
        if (fail) throw new Error("database down");
        return page(9);
      },
      unchanged: async () => true,
    };
    const tries = await Promise.allSettled([1, 2].map(() => cachedPage(ctx, ["f"], 1, src)));
    expect(tries.map((t) => t.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect((await cachedPage(ctx, ["f"], 1, src)).total).toBe(9);
  });

  it("answers every request when pages are evicted while still being computed", async () => {
    const ctx = ctxWith(0.0015); // about 1,500 bytes: room for two or three pages
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        cachedPage(ctx, ["n", i], 1, {
          load: () => later(page(i), 5 + (i % 7)),
          unchanged: async () => true,
        }),
      ),
    );
    expect(results.map((p) => p.total)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it("is off with DIRECTORY_CACHE_MB=0", async () => {
    const ctx = ctxWith(0);
    const { s, src } = source(true);
    for (let i = 0; i < 2; i++) await cachedPage(ctx, ["k"], 1, src);
    expect(s.loads).toBe(2);
    expect(pageCacheStats(ctx)).toBeNull();
  });
});
