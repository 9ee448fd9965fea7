// The feed benchmark's server process (started by bench/feed/main.ts, one per database):
//   prepare — the directory bench's members (loaded or reused) plus the feed's rows, then the
//             readers (members who will sign in), EXPLAIN plans of the feed's statements, exit;
//   serve   — the real app (buildApp, auth, job workers, mail through SMTP_URL when set) on one
//             port and, on a second port, the baseline: one bare indexed SELECT of a feed page
//             (same page size, same Database object), and the same behind the app's guard;
//   digest  — one run of the digest job (runDigest) for the hour given, RSS sampled by the parent.
import Fastify from "fastify";
import { feedCacheStats } from "../../src/modules/feed/index.ts";
import { runDigest } from "../../src/modules/notifications/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { resolveMember } from "../../src/server/guards.ts";
import { closeServices } from "../../src/server/services.ts";
import { serveUntilStopped } from "../directory/child.ts";
import { type DbKind, openBenchServices, SLUG, type Target } from "../directory/data.ts";
import type { ProfileSummary } from "../directory/profile.ts";
import { type FeedMarker, prepareFeedData } from "./data.ts";
import { runWorkers } from "./worker.ts";

export type FeedPreparedMessage = {
  type: "prepared";
  reused: boolean;
  feed: FeedMarker;
  version: string;
  settings: Record<string, string>;
  members: number;
  /** Members who sign in for the runs (seeded choice), with how many segments each is in. */
  readers: string[];
  baselineSql: string;
  plans: { name: string; ms: number; text: string }[];
};
export type FeedReadyMessage = { type: "ready"; appUrl: string; uncachedUrl: string; baselineUrl: string };
export type DigestDoneMessage = { type: "digest"; sent: number; ms: number };
type ProfileMessage = { type: "profile"; summary: ProfileSummary };

const send = (m: FeedPreparedMessage | FeedReadyMessage | DigestDoneMessage | ProfileMessage) =>
  new Promise<void>((resolve) =>
    process.send ? process.send(m, undefined, {}, () => resolve()) : resolve(),
  );
const print = (s: string) => process.stdout.write(`${s}\n`);

/** A page of the feed as bare as it gets: the newest 20 network posts, no auth, no audience logic. */
export const BASELINE_SQL = `select id, author_id, kind, title, body, created_at from post
 where network_id = $1 and pinned_at is null and audience = 'network'
 order by created_at desc, id desc limit 20`;

export const READERS = 400;

async function prepare(t: Target, reload: boolean) {
  const p = await prepareFeedData(t, reload, print);
  const { ctx } = p;
  try {
    const q = ctx.database.query;
    const [{ version }] = await q<{ version: string }>("select version()");
    const settings = Object.fromEntries(
      (
        await q<{ name: string; value: string }>(
          `select name, current_setting(name) as value from pg_settings
            where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit')
            order by name`,
        )
      ).map((r) => [r.name, r.value]),
    );
    const [{ n }] = await q<{ n: number }>(
      "select count(*)::int as n from member where organization_id = $1 and status = 'active'",
      [p.networkId],
    );
    // Readers: a seeded choice of active members (not operators), every one with an account.
    const readers = await q<{ email: string }>(
      `select u.email from member m join "user" u on u.id = m.user_id
        where m.organization_id = $1 and m.status = 'active' and m.role <> 'operator'
        order by md5(u.email || $2) limit ${READERS}`,
      [p.networkId, String(t.seed)],
    );
    const plans: FeedPreparedMessage["plans"] = [];
    for (const [name, sql] of [
      ["baseline", BASELINE_SQL],
      [
        "feed-page-member",
        `select id from post where network_id = $1 and pinned_at is null
           and (audience = 'network' or author_id = 'x' or (audience = 'segment' and segment_id = any(array(select id from segment where network_id = $1 limit 2))))
           and (hidden_at is null or author_id = 'x')
         order by created_at desc, id desc limit 21`,
      ],
    ] as const) {
      const rows = await q<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${sql}`, [p.networkId]);
      const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
      const ms = Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN);
      plans.push({ name, ms, text });
    }
    await send({
      type: "prepared",
      reused: p.reused && p.feedReused,
      feed: p.feed,
      version,
      settings,
      members: n,
      readers: readers.map((r) => r.email),
      baselineSql: BASELINE_SQL,
      plans,
    });
  } finally {
    await closeServices(ctx);
  }
}

async function serve(t: Target, flags: string[]) {
  // The mail sink of the fan-out benchmark, when there is one (else mails go to DATA_DIR/mail).
  const smtp = process.env.BENCH_SMTP_URL;
  const ctx = await openBenchServices(t, false, smtp ? { SMTP_URL: smtp } : {});
  if (flags.includes("--workers")) await ctx.jobs.startWorkers();
  const app = await buildApp(ctx);
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  // The same app with the feed cache off (what each read costs on a miss), same pool.
  const uncached = await buildApp({ ...ctx, config: { ...ctx.config, FEED_CACHE_ENTRIES: 0 } });
  const uncachedUrl = await uncached.listen({ port: 0, host: "127.0.0.1" });
  const [net] = await ctx.database.query<{ id: string }>("select id from organization where slug = $1", [
    SLUG,
  ]);
  const networkId = net.id;
  const baseline = Fastify({ logger: false });
  baseline.get("/baseline", async () => ({ items: await ctx.database.query(BASELINE_SQL, [networkId]) }));
  baseline.get("/baseline-auth", async (req) => {
    await resolveMember(ctx, req, undefined, SLUG);
    return { items: await ctx.database.query(BASELINE_SQL, [networkId]) };
  });
  baseline.get("/cache-stats", async () => feedCacheStats());
  const baselineUrl = await baseline.listen({ port: 0, host: "127.0.0.1" });
  serveUntilStopped(ctx, [baseline, uncached, app], `feed-${t.kind}-${t.size}`);
  await send({ type: "ready", appUrl, uncachedUrl, baselineUrl });
}

async function digest(t: Target, at: string) {
  const ctx = await openBenchServices(t, false);
  try {
    const t0 = performance.now();
    const sent = await runDigest(ctx, new Date(at));
    await send({ type: "digest", sent, ms: performance.now() - t0 });
  } finally {
    await closeServices(ctx);
  }
}

const [mode, kind, size, seed, pgAdminUrl, ...flags] = process.argv.slice(2);
const target: Target = { kind: kind as DbKind, size: Number(size), seed: Number(seed), pgAdminUrl };
try {
  if (mode === "prepare") {
    await prepare(target, flags.includes("--reload"));
    process.exit(0);
  } else if (mode === "serve") await serve(target, flags);
  else if (mode === "worker")
    await runWorkers(target, "feed", () =>
      send({ type: "ready", appUrl: "", uncachedUrl: "", baselineUrl: "" }),
    );
  else if (mode === "digest") {
    await digest(target, flags[0]);
    process.exit(0);
  } else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
