// `npm run bench -- feed`: the community feed under load, an announcement's fan-out to every
// member and the hourly digest, on PostgreSQL (and the feed on PGlite), against a bare-SELECT
// baseline measured in the same run (method: bench/README.md).
//   1. prepare (child): the directory bench's members plus the feed's rows, loaded or reused;
//   2. serve (child): the real app (job workers on, mail to a local SMTP sink), a second instance
//      with the feed cache off, and the baseline app on the same Database object;
//   3. here: sign in many members, build the read mix from what they see, then autocannon runs
//      taking turns in rounds while one member reacts and comments; each request kind alone;
//      then (PostgreSQL) the fan-out of one announcement while the feed is read, and the digest.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { Rng } from "../../src/devdata/index.ts";
import { benchConfig, OPERATOR_EMAIL, ORIGIN, SLUG, type Target } from "../directory/data.ts";
import {
  combine,
  type Drawn,
  drawer,
  getJson,
  type LoadOptions,
  type Measurement,
  machineBusy,
  percentiles,
  type Sample,
  sample,
  signIn,
  takeTurns,
} from "../directory/loadgen.ts";
import { ROOT } from "../directory/options.ts";
import type { ProfileSummary } from "../directory/profile.ts";
import type { DigestDoneMessage, FeedPreparedMessage, FeedReadyMessage } from "./server.ts";
import { startSink } from "./smtp.ts";

const CACHE_DIR = path.join(ROOT, "bench/tmp/feed");
const RESULTS_FILE = path.join(ROOT, "bench/RESULTS.md");
const SERVER = path.join(ROOT, "bench/feed/server.ts");

const HELP = `Feed, fan-out and digest benchmark / フィード・お知らせ配信・ダイジェストの負荷試験

Usage: npm run bench -- feed [options]
  --pg-size <N>        members in the PostgreSQL network (default 100000; 0 skips PostgreSQL)
  --pglite-size <N>    members in the PGlite network (default 10000; 0 skips PGlite); posts: N/2
  --duration <s>       seconds each read run is measured, in all (default 30)
  --rounds <N>         the runs take turns in N slices (default 3)
  --warmup <s>         seconds of warm-up before each measurement (default 5)
  --connections <N>    concurrent connections (default 16)
  --readers <N>        distinct members who sign in and read (default 200)
  --writes <N>         reactions/comments per second by another member during the read runs (default 1)
  --seed <N>           generator seed (default 1)
  --skip-fanout        no fan-out run;  --skip-digest: no digest run
  --fanout-rate <N>    the second fan-out's feed load, requests per second offered (default 300; 0: none)
  --skip-uncached      no run with the feed cache off
  --profile            one more feed run with the server's CPU profiled
  --reload             reload the data
  --pg-admin-url <u>   PostgreSQL server (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --results <file>     Markdown report (default: bench/RESULTS.md for the default sizes, else bench/tmp/feed/results.md)`;

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "feed"),
  options: {
    "pg-size": { type: "string" },
    "pglite-size": { type: "string" },
    duration: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    readers: { type: "string" },
    writes: { type: "string" },
    seed: { type: "string" },
    "skip-fanout": { type: "boolean" },
    "fanout-rate": { type: "string" },
    "skip-digest": { type: "boolean" },
    "skip-uncached": { type: "boolean" },
    profile: { type: "boolean" },
    reload: { type: "boolean" },
    "pg-admin-url": { type: "string" },
    results: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const int = (v: string | undefined, d: number) => (v === undefined ? d : Number.parseInt(v, 10));
const o = {
  pgSize: int(values["pg-size"], 100_000),
  pgliteSize: int(values["pglite-size"], 10_000),
  duration: int(values.duration, 30),
  rounds: int(values.rounds, 3),
  warmup: int(values.warmup, 5),
  connections: int(values.connections, 16),
  readers: int(values.readers, 200),
  writes: int(values.writes, 1),
  seed: int(values.seed, 1),
  fanout: !values["skip-fanout"],
  fanoutRate: int(values["fanout-rate"], 300),
  digest: !values["skip-digest"],
  uncached: !values["skip-uncached"],
  profile: !!values.profile,
  reload: !!values.reload,
  pgAdminUrl:
    values["pg-admin-url"] ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
};
const defaultSizes = o.pgSize === 100_000 && o.pgliteSize === 10_000;
const resultsFile = path.resolve(
  values.results ?? (defaultSizes ? RESULTS_FILE : path.join(CACHE_DIR, "results.md")),
);
const command = ["npm run bench -- feed", ...process.argv.slice(2).filter((a) => a !== "feed")].join(" ");

// --- child processes ------------------------------------------------------------------------------

function start(mode: string, t: Target, flags: string[], env: Record<string, string> = {}): ChildProcess {
  return fork(SERVER, [mode, t.kind, String(t.size), String(t.seed), t.pgAdminUrl, ...flags], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

function next<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: any) => {
      if (m?.type !== type) return;
      child.off("exit", onExit);
      child.off("message", onMessage);
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`the feed server process exited (code ${code}) before "${type}"`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

async function serve(t: Target, env: Record<string, string>, mode = "serve", flags: string[] = []) {
  const child = start(mode, t, flags, env);
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const ready = await next<FeedReadyMessage>(child, "ready");
  return {
    ...ready,
    pid: child.pid!,
    profile: async (during: () => Promise<unknown>): Promise<ProfileSummary> => {
      child.send({ type: "profile-start" });
      await during();
      const summary = next<{ type: "profile"; summary: ProfileSummary }>(child, "profile");
      child.send({ type: "profile-stop" });
      return (await summary).summary;
    },
    stop: async () => {
      process.off("exit", kill);
      if (child.exitCode === null) child.send({ type: "stop" });
      const timer = setTimeout(kill, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// --- HTTP helpers -------------------------------------------------------------------------------

const feedPath = (query = "") => `/api/n/${SLUG}/posts${query ? `?${query}` : ""}`;
const KINDS = ["announcement", "question", "help_wanted", "news"];

type Reader = {
  email: string;
  cookie: string;
  first: string[];
  cursor2: string | null;
  cursor3: string | null;
};

/** Signs the readers in (4 at a time) and reads their first two pages: the mix's cursors and ids. */
async function prepareReaders(appUrl: string, emails: string[]): Promise<Reader[]> {
  const out: Reader[] = [];
  let i = 0;
  const worker = async () => {
    while (i < emails.length) {
      const email = emails[i++];
      const cookie = await signIn(appUrl, email);
      const p1 = await getJson(appUrl + feedPath(), cookie);
      if (!Array.isArray(p1.items) || !p1.items.length) throw new Error(`${email} sees an empty feed`);
      const p2 = p1.nextCursor ? await getJson(appUrl + feedPath(`cursor=${p1.nextCursor}`), cookie) : null;
      out.push({
        email,
        cookie,
        first: [...p1.pinned, ...p1.items, ...(p2?.items ?? [])].map((p: { id: string }) => p.id),
        cursor2: p1.nextCursor,
        cursor3: p2?.nextCursor ?? null,
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/**
 * The read mix, one seeded sequence shared by all connections: a reader drawn at random, then
 * first page 50 %, page 2 15 %, page 3 5 %, a kind filter 15 %, a post by id 15 % (from what the
 * reader saw on their first two pages).
 */
function mixSequence(readers: Reader[], seed: number, length = 100_000): Drawn[] {
  const rng = new Rng(seed * 31 + 7);
  const seq: Drawn[] = [];
  for (let n = 0; n < length; n++) {
    const r = rng.pick(readers);
    const x = rng.float();
    const headers = { cookie: r.cookie };
    if (x < 0.5) seq.push({ path: feedPath(), headers, kind: "first page" });
    else if (x < 0.65 && r.cursor2)
      seq.push({ path: feedPath(`cursor=${r.cursor2}`), headers, kind: "page 2" });
    else if (x < 0.7 && r.cursor3)
      seq.push({ path: feedPath(`cursor=${r.cursor3}`), headers, kind: "page 3" });
    else if (x < 0.85) seq.push({ path: feedPath(`kind=${rng.pick(KINDS)}`), headers, kind: "kind filter" });
    else seq.push({ path: `/api/n/${SLUG}/posts/${rng.pick(r.first)}`, headers, kind: "post by id" });
  }
  return seq;
}

/** One member reacts (on, then off) every second and comments every fifth time. */
function startWriter(appUrl: string, cookie: string, postIds: string[], perSecond: number) {
  const headers = { cookie, origin: ORIGIN, "content-type": "application/json" };
  const out = { writes: 0, failures: 0, seconds: 0, failedWith: {} as Record<string, number> };
  let stopped = false;
  const t0 = performance.now();
  const loop = (async () => {
    for (let i = 0; !stopped && perSecond > 0; i++) {
      const t = performance.now();
      const id = postIds[i % postIds.length];
      const r =
        i % 5 === 4
          ? await fetch(`${appUrl}/api/n/${SLUG}/posts/${id}/comments`, {
              method: "POST",
              headers,
              body: JSON.stringify({ body: `ベンチのコメント ${i}` }),
            }).catch(() => null)
          : await fetch(`${appUrl}/api/n/${SLUG}/posts/${id}/reactions/like`, {
              method: Math.floor(i / postIds.length) % 2 ? "DELETE" : "PUT",
              headers: { cookie, origin: ORIGIN },
            }).catch(() => null);
      await r?.arrayBuffer();
      if (r && r.status < 300) out.writes++;
      else {
        out.failures++;
        const why = r ? String(r.status) : "no answer";
        out.failedWith[why] = (out.failedWith[why] ?? 0) + 1;
      }
      await new Promise((res) => setTimeout(res, Math.max(0, 1000 / perSecond - (performance.now() - t))));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      out.seconds = (performance.now() - t0) / 1000;
      return out;
    },
  };
}

// --- PostgreSQL helpers ---------------------------------------------------------------------------

async function pgClient(t: Target) {
  const c = new pg.Client({ connectionString: benchConfig(t).DATABASE_URL });
  await c.connect();
  return c;
}

/** Removes what earlier fan-out and digest runs left: their announcements, rows, digests and mails. */
async function cleanFanout(t: Target) {
  const c = await pgClient(t);
  try {
    const net = (await c.query("select id from organization where slug = $1", [SLUG])).rows[0].id;
    const posts = (
      await c.query("select id from post where network_id = $1 and title like 'ベンチのお知らせ%'", [net])
    ).rows;
    for (const p of posts)
      await c.query("delete from notification where network_id = $1 and subject = $2", [net, `post:${p.id}`]);
    await c.query("delete from post where network_id = $1 and title like 'ベンチのお知らせ%'", [net]);
    await c.query("delete from notification_digest where network_id = $1", [net]);
    await c.query("delete from pgboss.job where name in ('email.send', 'notifications.fanout')");
    await c.query("vacuum analyze notification");
  } finally {
    await c.end();
  }
}

// --- runs -----------------------------------------------------------------------------------------

type FeedRun = {
  label: string;
  size: number;
  prepared: FeedPreparedMessage;
  prepareS: number;
  busyBefore: number | null;
  readers: number;
  results: Record<string, Measurement>;
  writer: { writes: number; failures: number; seconds: number; failedWith: Record<string, number> } | null;
  alone: ({ name: string } & ReturnType<typeof percentiles>)[];
  cacheHits: number | null;
  fanouts: FanoutResult[];
  digest: DigestResult | null;
  profile: ProfileSummary | null;
};
type FanoutResult = {
  /** The feed's offered load during this fan-out (requests per second), or null: as fast as it goes. */
  rate: number | null;
  members: number;
  postMs: number;
  visibleMs: number;
  rowsMs: number | null;
  rows: number;
  emailNow: number;
  mails: number;
  mailFirstMs: number | null;
  mailLastMs: number | null;
  mailRate: number | null;
  before: Measurement;
  during: Measurement;
  listUnsubscribe: boolean;
};
type DigestResult = { sent: number; ms: number; rss: { s: number; mb: number }[]; pending: number };

async function runFeed(t: Target): Promise<FeedRun> {
  const label = t.kind === "postgres" ? "PostgreSQL" : "PGlite";
  console.log(`\n== feed: ${label}, ${t.size.toLocaleString("en-US")} members ==`);
  const t0 = performance.now();
  const child = start("prepare", t, o.reload ? ["--reload"] : []);
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  const prepared = await next<FeedPreparedMessage>(child, "prepared");
  if ((await exited) !== 0) throw new Error("prepare failed");
  const prepareS = (performance.now() - t0) / 1000;
  console.log(
    `  data ${prepared.reused ? "reused" : "loaded"} in ${prepareS.toFixed(1)} s: ${JSON.stringify(prepared.feed.counts)}`,
  );
  const sink = t.kind === "postgres" ? await startSink() : null;
  if (t.kind === "postgres" && o.fanout) await cleanFanout(t);
  // PostgreSQL: web and job workers in two processes, as ROLE=web and ROLE=worker would run them.
  // PGlite: one process with both (as the product runs on it: its data directory is one process's;
  // a second PGlite on the same directory corrupts it).
  const server = await serve(t, {}, "serve", t.kind === "pglite" ? ["--workers"] : []);
  const workers =
    t.kind === "pglite"
      ? { stop: async () => {} }
      : await serve(t, sink ? { BENCH_SMTP_URL: sink.url } : {}, "worker");
  const busyBefore = await machineBusy(3000);
  try {
    process.stdout.write(`  signing in ${o.readers} members… `);
    const readers = await prepareReaders(server.appUrl, prepared.readers.slice(0, o.readers));
    console.log("done");
    await getJson(`${server.baselineUrl}/baseline`);
    await getJson(`${server.baselineUrl}/baseline-auth`, readers[0].cookie);
    const seq = mixSequence(readers, o.seed);
    const cookies = readers.map((r) => ({ cookie: r.cookie }));
    let ci = 0;
    const base = { connections: o.connections, duration: 0 };
    const variants: { key: string; what: string; load: LoadOptions }[] = [
      {
        key: "baseline",
        what: "baseline",
        load: {
          ...base,
          url: server.baselineUrl,
          requests: [{ name: "baseline", path: "/baseline" }],
          serverPid: server.pid,
        },
      },
      {
        key: "baselineAuth",
        what: "baseline + auth",
        load: {
          ...base,
          url: server.baselineUrl,
          requests: [{ name: "baseline + auth", path: "/baseline-auth" }],
          draw: () => ({ path: "/baseline-auth", headers: cookies[ci++ % cookies.length] }),
          serverPid: server.pid,
        },
      },
      {
        key: "feed",
        what: "feed",
        load: {
          ...base,
          url: server.appUrl,
          requests: [{ name: "feed", path: feedPath() }],
          draw: drawer(seq).next,
          serverPid: server.pid,
        },
      },
    ];
    if (o.uncached) {
      variants.push({
        key: "feedUncached",
        what: "feed, cache off",
        load: {
          ...base,
          url: server.uncachedUrl,
          requests: [{ name: "feed", path: feedPath() }],
          draw: drawer(seq).next,
          serverPid: server.pid,
        },
      });
    }
    const writerMember = await signIn(server.appUrl, prepared.readers[prepared.readers.length - 1]);
    const writer = o.writes
      ? startWriter(server.appUrl, writerMember, readers[0].first.slice(0, 10), o.writes)
      : null;
    let stats0: any = null;
    const measured = await takeTurns(variants, o, {
      beforeRounds: async () => {
        stats0 = await getJson(`${server.baselineUrl}/cache-stats`);
      },
    });
    const stats1 = await getJson(`${server.baselineUrl}/cache-stats`);
    const written = writer ? await writer.stop() : null;
    const results = measured;
    const cacheHits =
      stats0 && stats1 && stats1.requests > stats0.requests
        ? 1 - (stats1.queries - stats0.queries) / (stats1.requests - stats0.requests)
        : null;
    // Each kind alone, one at a time (reader 0), with the cache on.
    const alone: FeedRun["alone"] = [];
    for (const [name, p] of [
      ["baseline", `${server.baselineUrl}/baseline`],
      ["first page", server.appUrl + feedPath()],
      ["page 2", server.appUrl + feedPath(`cursor=${readers[0].cursor2}`)],
      ["kind filter", server.appUrl + feedPath("kind=question")],
      ["post by id", `${server.appUrl}/api/n/${SLUG}/posts/${readers[0].first[3]}`],
      ["first page, cache off", server.uncachedUrl + feedPath()],
      ["post by id, cache off", `${server.uncachedUrl}/api/n/${SLUG}/posts/${readers[0].first[3]}`],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 22; i++) {
        const t1 = performance.now();
        const res = await fetch(p, { headers: { cookie: readers[0].cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
        if (i >= 2) times.push(performance.now() - t1);
      }
      alone.push({ name, ...percentiles(times) });
    }
    let profile: ProfileSummary | null = null;
    if (o.profile) {
      process.stdout.write("  profiling the server during one more feed run… ");
      profile = await server.profile(() => sample({ ...variants[2].load, duration: o.duration }));
      console.log(profile.file);
    }
    const fanouts: FanoutResult[] = [];
    let digest: DigestResult | null = null;
    if (t.kind === "postgres" && o.fanout && sink) {
      // First with the feed read as fast as 16 connections go (the machine saturated: whatever the
      // fan-out uses is taken from the reads), then at an offered rate the server has room for.
      fanouts.push(await runFanout(t, server, variants[2].load, sink));
      if (o.fanoutRate)
        fanouts.push(await runFanout(t, server, { ...variants[2].load, overallRate: o.fanoutRate }, sink));
      if (o.digest) {
        await server.stop();
        await workers.stop();
        digest = await runDigestBench(t);
      }
    }
    const r: FeedRun = {
      label,
      size: t.size,
      prepared,
      prepareS,
      busyBefore,
      readers: readers.length,
      results,
      writer: written,
      alone,
      cacheHits,
      fanouts,
      digest,
      profile,
    };
    printRun(r);
    return r;
  } finally {
    await server.stop();
    await workers.stop();
    await sink?.close();
  }
}

async function runFanout(
  t: Target,
  server: Awaited<ReturnType<typeof serve>>,
  feedLoad: LoadOptions,
  sink: Awaited<ReturnType<typeof startSink>>,
): Promise<FanoutResult> {
  const rate = feedLoad.overallRate ?? null;
  console.log(
    `  fan-out: one announcement to every member while the feed is read (${rate ? `${rate} req/s offered` : "as fast as it goes"})`,
  );
  const c = await pgClient(t);
  try {
    const net = (await c.query("select id from organization where slug = $1", [SLUG])).rows[0].id;
    const members = (
      await c.query(
        "select count(*)::int as n from member where organization_id = $1 and status = 'active'",
        [net],
      )
    ).rows[0].n;
    const emailNow = (
      await c.query(
        `select count(*)::int as n from notification_pref p join member m on m.organization_id = p.network_id and m.user_id = p.user_id
          where p.network_id = $1 and p.kind = 'announcement' and p.channel = 'email' and m.status = 'active' and m.role <> 'operator'`,
        [net],
      )
    ).rows[0].n;
    const operator = await signIn(server.appUrl, OPERATOR_EMAIL);
    const seconds = Math.max(10, Math.round(o.duration / 2));
    const before = combine([await sample({ ...feedLoad, duration: seconds })]);
    console.log(`    feed before: ${Math.round(before.rps)} req/s, p95 ${before.p95.toFixed(1)} ms`);
    const mails0 = sink.arrivals.length;
    // The feed is read during the whole fan-out (rows and mails), at least `seconds`.
    let stopLoad = false;
    const during: Sample[] = [];
    const loadLoop = (async () => {
      while (!stopLoad) during.push(await sample({ ...feedLoad, duration: 5 }));
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const t0 = performance.now();
    const res = await fetch(`${server.appUrl}/api/n/${SLUG}/posts`, {
      method: "POST",
      headers: { cookie: operator, origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({
        kind: "announcement",
        title: `ベンチのお知らせ ${new Date().toISOString()}`,
        body: "全員へのお知らせです。",
      }),
    });
    const post = (await res.json()) as { id: string };
    const postMs = performance.now() - t0;
    if (res.status !== 201) throw new Error(`announcement answered ${res.status}`);
    // Visible at once: a member's first page has it.
    const reader = feedLoad.draw ? (feedLoad.draw() as Drawn) : null;
    const first = await getJson(server.appUrl + feedPath(), reader?.headers?.cookie);
    const visibleMs = performance.now() - t0;
    if (![...first.pinned, ...first.items].some((p: { id: string }) => p.id === post.id))
      throw new Error("the announcement is not on a member's first page");
    let rows = 0;
    let rowsMs: number | null = null;
    const expected = members - 1;
    const deadline = t0 + 180_000;
    while (performance.now() < deadline) {
      rows = (
        await c.query("select count(*)::int as n from notification where network_id = $1 and key = $2", [
          net,
          `post:${post.id}`,
        ])
      ).rows[0].n;
      if (rows >= expected && rowsMs === null) rowsMs = performance.now() - t0;
      const mails = sink.arrivals.length - mails0;
      if (rowsMs !== null && mails >= emailNow) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const elapsed = performance.now() - t0;
    if (elapsed < seconds * 1000) await new Promise((r) => setTimeout(r, seconds * 1000 - elapsed));
    stopLoad = true;
    await loadLoop;
    const arrivals = sink.arrivals.slice(mails0);
    const mailFirstMs = arrivals.length ? arrivals[0] - t0 : null;
    const mailLastMs = arrivals.length ? arrivals[arrivals.length - 1] - t0 : null;
    const mailRate =
      arrivals.length > 1
        ? (arrivals.length - 1) / ((arrivals[arrivals.length - 1] - arrivals[0]) / 1000)
        : null;
    const d = combine(during);
    console.log(
      `    rows ${rows} in ${rowsMs ? (rowsMs / 1000).toFixed(1) : "—"} s; mails ${arrivals.length}/${emailNow} at ${mailRate?.toFixed(0)} /s; feed during: ${Math.round(d.rps)} req/s, p95 ${d.p95.toFixed(1)} ms`,
    );
    return {
      rate,
      members,
      postMs,
      visibleMs,
      rowsMs,
      rows,
      emailNow,
      mails: arrivals.length,
      mailFirstMs,
      mailLastMs,
      mailRate,
      before,
      during: d,
      listUnsubscribe: /List-Unsubscribe-Post/i.test(sink.sample ?? ""),
    };
  } finally {
    await c.end();
  }
}

async function runDigestBench(t: Target): Promise<DigestResult> {
  // The next 8 o'clock in Japan: the default digest hour of every member.
  const now = Date.now();
  const at = new Date(Math.ceil((now + 9 * 3_600_000 - 8 * 3_600_000) / 86_400_000) * 86_400_000 - 3_600_000);
  const c = await pgClient(t);
  const pending = (
    await c.query(
      `select count(distinct user_id)::int as n from notification n
      where n.read_at is null and n.mailed_at is null
        and network_id = (select id from organization where slug = $1)`,
      [SLUG],
    )
  ).rows[0].n;
  console.log(`  digest for ${at.toISOString()} (08:00 JST): ${pending} members with unread notifications…`);
  const child = start("digest", t, [at.toISOString()]);
  const rss: { s: number; mb: number }[] = [];
  const t0 = performance.now();
  const timer = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) rss.push({ s: (performance.now() - t0) / 1000, mb: Number(m[1]) / 1024 });
    } catch {}
  }, 1000);
  const done = await next<DigestDoneMessage>(child, "digest");
  clearInterval(timer);
  await new Promise((r) => child.once("exit", r));
  // The digests' mails wait in the queue: not sent by this benchmark (the fan-out measured sending).
  await c.query("delete from pgboss.job where name = 'email.send' and state = 'created'");
  await c.end();
  console.log(
    `    ${done.sent} digests in ${(done.ms / 1000).toFixed(1)} s; RSS ${rss.map((r) => r.mb.toFixed(0)).join(" ")}`,
  );
  return { sent: done.sent, ms: done.ms, rss, pending };
}

// --- report ---------------------------------------------------------------------------------------

const f0 = (x: number) => Math.round(x).toLocaleString("en-US");
const f1 = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : `${Math.round(x * 100)} %`;

function printRun(r: FeedRun) {
  for (const [k, m] of Object.entries(r.results)) {
    console.log(
      `  ${k.padEnd(14)} ${f0(m.rps).padStart(6)} req/s  p50 ${f1(m.p50)}  p95 ${f1(m.p95)}  p99 ${f1(m.p99)}  non-2xx ${m.non2xx}`,
    );
  }
}

const WHAT: Record<string, string> = {
  baseline: "baseline (bare SELECT of a feed page)",
  baselineAuth: "baseline + auth (same SELECT behind the member guard, readers' sessions in turn)",
  feed: "**feed**, read mix of many members (cache on)",
  feedUncached: "feed, same mix, feed cache off",
};

function render(runs: FeedRun[], started: Date, seconds: number): string {
  const L: string[] = [];
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(", ");
  L.push("## Feed, announcement fan-out and digest (`npm run bench -- feed`)", "");
  L.push(
    `Run ${started.toISOString().replace(/\.\d+Z$/, "Z")}, ${f0(seconds)} s in all. Machine: ${process.env.BENCH_MACHINE ?? `${(fs.readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm) ?? []).length} cores`}, Node ${process.version}; load average at the end ${load}. Client (autocannon) and server (a child process) share these cores.`,
    "",
  );
  L.push(
    `- Command: \`${command}\` — each run ${o.duration} s in ${o.rounds} rounds taking turns, after ${o.warmup} s of warm-up; ${o.connections} connections; ${o.readers} distinct members signed in, each request drawn from one seeded sequence (a member at random; first page 50 %, page 2 15 %, page 3 5 %, a kind filter 15 %, a post by id 15 %)`,
    "- Method: [bench/README.md](README.md#feed-fan-out-and-digest-npm-run-bench----feed)",
  );
  for (const r of runs) {
    L.push(
      `- ${r.label}: ${r.prepared.version.split(" on ")[0]}; ${f0(r.prepared.members)} active members, ${f0(r.prepared.feed.posts)} posts (${JSON.stringify(r.prepared.feed.counts)}); CPU in use by other work during 3 s before the runs: ${pct(r.busyBefore)}; writes during the runs: ${
        r.writer
          ? `${r.writer.writes} in ${f0(r.writer.seconds)} s (a reaction a second, every fifth a comment), ${r.writer.failures} failed${
              r.writer.failures
                ? ` (${Object.entries(r.writer.failedWith)
                    .map(([k, n]) => `${k}: ${n}`)
                    .join(", ")})`
                : ""
            }`
          : "none"
      }`,
    );
  }
  L.push(
    "",
    "| database | members | run | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ baseline | p95 × | server CPU (cores) | machine idle | non-2xx |",
  );
  L.push("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of runs) {
    const b = r.results.baseline;
    for (const [k, m] of Object.entries(r.results)) {
      L.push(
        `| ${r.label} | ${f0(r.size)} | ${WHAT[k] ?? k} | ${f0(m.rps)} | ${f1(m.p50)} | ${f1(m.p95)} | ${f1(m.p99)} | ${k === "feed" ? `**${f2(m.rps / b.rps)}**` : f2(m.rps / b.rps)} | ${f1(m.p95 / b.p95)}× | ${m.serverCores === null ? "–" : f2(m.serverCores)} | ${pct(m.idle)} | ${m.non2xx + m.errors + m.timeouts} |`,
      );
    }
  }
  L.push(
    "",
    "Per request kind inside the feed runs (p50 / p95 ms), and each alone (one at a time, reader #0, 20 times: p50 ms):",
    "",
  );
  L.push("| database | kind | requests (cache on) | cache on p50 / p95 | cache off p50 / p95 |");
  L.push("| --- | --- | ---: | ---: | ---: |");
  for (const r of runs) {
    for (const k of r.results.feed.perKind ?? []) {
      const u = r.results.feedUncached?.perKind?.find((x) => x.name === k.name);
      L.push(
        `| ${r.label} | ${k.name} | ${f0(k.n)} | ${f1(k.p50)} / ${f1(k.p95)} | ${u ? `${f1(u.p50)} / ${f1(u.p95)}` : "–"} |`,
      );
    }
  }
  L.push("", "| database | alone | p50 ms | p95 ms |", "| --- | --- | ---: | ---: |");
  for (const r of runs)
    for (const a of r.alone) L.push(`| ${r.label} | ${a.name} | ${f1(a.p50)} | ${f1(a.p95)} |`);
  for (const r of runs) {
    if (r.cacheHits !== null)
      L.push(
        "",
        `${r.label}: ${pct(r.cacheHits)} of the cached run's pages and posts came from the feed cache (the rest were computed: first requests of a key, and every key again after each write).`,
      );
  }
  for (const r of runs) {
    for (const fo of r.fanouts) {
      const slow = fo.during.rps / fo.before.rps;
      L.push(
        "",
        `### Announcement fan-out (${r.label}, ${f0(fo.members)} members; feed ${fo.rate ? `read at ${f0(fo.rate)} requests/s offered` : "read as fast as 16 connections go"})`,
        "",
      );
      L.push(
        `An operator posts one announcement to the whole network through the API while the feed mix runs (16 connections, ${fo.rate ? `${f0(fo.rate)} requests per second offered in all: a load the server has room for` : "each sending its next request as soon as the last was answered: the machine saturated, so whatever the fan-out uses is taken from the reads"}). In-app rows by the job \`notifications.fanout\` (batches of 5,000); mails for the ${f0(fo.emailNow)} members who chose "email now" for announcements (${pct(fo.emailNow / fo.members)}), through the job queue (its workers in a process of their own, as \`ROLE=worker\` runs them) to a local SMTP sink (\`smtp-server\`, a process of its own). Sample header check: List-Unsubscribe-Post ${fo.listUnsubscribe ? "present" : "**missing**"}.`,
        "",
      );
      L.push("| measure | value | target | met |", "| --- | ---: | ---: | --- |");
      L.push(`| POST of the announcement | ${f0(fo.postMs)} ms | – | – |`);
      L.push(
        `| on a member's first page (POST + one feed read) | ${f0(fo.visibleMs)} ms | at once (read time, no copy) | ${fo.visibleMs < 2000 ? "yes" : "no"} |`,
      );
      L.push(
        `| in-app rows for every member (${f0(fo.rows)}) | ${fo.rowsMs === null ? "not within 180 s" : `${f1(fo.rowsMs / 1000)} s`} | ≤ 10 s | ${fo.rowsMs !== null && fo.rowsMs <= 10_000 ? "yes" : "**no**"} |`,
      );
      L.push(
        `| mails received by the sink | ${f0(fo.mails)} of ${f0(fo.emailNow)}; first after ${f1((fo.mailFirstMs ?? Number.NaN) / 1000)} s, last after ${f1((fo.mailLastMs ?? Number.NaN) / 1000)} s | – | ${fo.mails >= fo.emailNow ? "yes" : "**no**"} |`,
      );
      L.push(
        `| mail rate (first to last) | ${fo.mailRate === null ? "–" : `${f0(fo.mailRate)} /s`} | ≥ 500 /s | ${fo.mailRate !== null && fo.mailRate >= 500 ? "yes" : "**no**"} |`,
      );
      if (!fo.rate)
        L.push(
          `| feed during ÷ before: req/s | ${f0(fo.during.rps)} ÷ ${f0(fo.before.rps)} = ${f2(slow)} | ≥ 0.80 | ${slow >= 0.8 ? "yes" : "**no**"} |`,
        );
      else
        L.push(
          `| feed req/s answered before / during (offered ${f0(fo.rate)}) | ${f0(fo.before.rps)} / ${f0(fo.during.rps)} | all of it | ${fo.during.rps >= 0.97 * fo.rate ? "yes" : "**no**"} |`,
        );
      L.push(
        `| feed p95 before → during | ${f1(fo.before.p95)} → ${f1(fo.during.p95)} ms (${f2(fo.during.p95 / fo.before.p95)}×) | ≤ 1.25× (20 % slower) | ${fo.during.p95 / fo.before.p95 <= 1.25 ? "yes" : "**no**"} |`,
      );
    }
  }
  for (const r of runs) {
    const d = r.digest;
    if (!d) continue;
    const mbs = d.rss.map((x) => x.mb);
    // Flat: after the first 10 s, no sample above 1.5× the median and the last within 1.2× of it
    // (a sawtooth between collections, no growth with the members processed).
    const steady = d.rss.filter((x) => x.s >= 10).map((x) => x.mb);
    const median = steady.length
      ? [...steady].sort((a, b) => a - b)[Math.floor(steady.length / 2)]
      : Number.NaN;
    const flat =
      steady.length > 0 && Math.max(...steady) <= 1.5 * median && steady[steady.length - 1] <= 1.2 * median;
    L.push("", `### Digest run (${r.label}, ${f0(r.size)} members)`, "");
    L.push(
      `\`runDigest\` (the hourly job \`notifications.digest\`) for 08:00 JST, in a process of its own, after the fan-out: ${f0(d.pending)} members with unread notifications; the active members walked in key order, 500 per batch, each batch one transaction (read state and preferences read again, one claim per member and day, mails queued in one statement: they are not sent by this run).`,
      "",
    );
    L.push("| measure | value | target | met |", "| --- | ---: | ---: | --- |");
    L.push(
      `| digests queued | ${f0(d.sent)} | one per member with unread digest-channel notifications | – |`,
    );
    L.push(
      `| time | ${f1(d.ms / 1000)} s (${f0(d.sent / (d.ms / 1000))} members/s) | ≤ 300 s | ${d.ms <= 300_000 ? "yes" : "**no**"} |`,
    );
    L.push(
      `| RSS (MB): min / median after 10 s / max / last | ${f0(Math.min(...mbs))} / ${f0(median)} / ${f0(Math.max(...mbs))} / ${f0(mbs[mbs.length - 1])} | flat (streamed): max ≤ 1.5 × median, last ≤ 1.2 × median | ${flat ? "yes" : "**no**"} |`,
    );
    const every = Math.max(1, Math.ceil(d.rss.length / 20));
    L.push(
      "",
      `RSS over time (s: MB): ${d.rss
        .filter((_, i) => i % every === 0)
        .map((x) => `${f0(x.s)}: ${f0(x.mb)}`)
        .join(", ")}`,
    );
  }
  L.push("", "### Targets", "", "| target | measured | met |", "| --- | --- | --- |");
  for (const r of runs) {
    const m = r.results.feed;
    const b = r.results.baseline;
    if (r.label === "PostgreSQL") {
      L.push(
        `| PostgreSQL, ${f0(r.size)} members: feed p95 ≤ 50 ms | ${f1(m.p95)} ms | ${m.p95 <= 50 ? "yes" : "**no**"} |`,
      );
      L.push(
        `| PostgreSQL: feed ≥ 30 % of the baseline's req/s | ${pct(m.rps / b.rps)} | ${m.rps / b.rps >= 0.3 ? "yes" : "**no**"} |`,
      );
    } else
      L.push(
        `| PGlite, ${f0(r.size)} members: feed p95 ≤ 150 ms | ${f1(m.p95)} ms | ${m.p95 <= 150 ? "yes" : "**no**"} |`,
      );
    for (const fo of r.fanouts) {
      const how = fo.rate ? `feed at ${f0(fo.rate)} req/s offered` : "feed as fast as it goes";
      L.push(
        `| ${r.label}: in-app rows for all members ≤ 10 s (${how}) | ${fo.rowsMs === null ? "–" : `${f1(fo.rowsMs / 1000)} s`} | ${fo.rowsMs !== null && fo.rowsMs <= 10_000 ? "yes" : "**no**"} |`,
        `| ${r.label}: mails ≥ 500/s to the SMTP sink (${how}) | ${fo.mailRate === null ? "–" : `${f0(fo.mailRate)} /s`} | ${fo.mailRate !== null && fo.mailRate >= 500 ? "yes" : "**no**"} |`,
        `| ${r.label}: feed no more than 20 % slower during the fan-out (${how}) | p95 ${f1(fo.before.p95)} → ${f1(fo.during.p95)} ms (${f2(fo.during.p95 / fo.before.p95)}×), req/s ${f2(fo.during.rps / fo.before.rps)} of before | ${fo.during.p95 / fo.before.p95 <= 1.25 && fo.during.rps / fo.before.rps >= 0.8 ? "yes" : "**no**"} |`,
      );
    }
    if (r.digest)
      L.push(
        `| ${r.label}: digest for ${f0(r.size)} members ≤ 5 min | ${f1(r.digest.ms / 1000)} s | ${r.digest.ms <= 300_000 ? "yes" : "**no**"} |`,
      );
  }
  for (const r of runs) {
    if (!r.profile) continue;
    L.push("", `### Where the server's CPU time goes (${r.label}, feed run, \`--profile\`)`, "");
    L.push("| area | ms | share |", "| --- | ---: | ---: |");
    for (const a of r.profile.byArea.slice(0, 12)) L.push(`| ${a.area} | ${f0(a.ms)} | ${pct(a.share)} |`);
    L.push("", "| function (self time) | ms | share |", "| --- | ---: | ---: |");
    for (const a of r.profile.topFunctions.slice(0, 12))
      L.push(`| \`${a.fn}\` | ${f0(a.ms)} | ${pct(a.share)} |`);
  }
  return L.join("\n");
}

function writeReport(file: string, body: string) {
  const start = "<!-- bench:feed:start -->";
  const end = "<!-- bench:feed:end -->";
  const block = `${start}\n${body}\n${end}`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n";
  if (text.includes(start) && text.includes(end))
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const started = new Date();
const runs: FeedRun[] = [];
const common = { seed: o.seed, pgAdminUrl: o.pgAdminUrl };
if (o.pgSize > 0) runs.push(await runFeed({ kind: "postgres", size: o.pgSize, ...common }));
if (o.pgliteSize > 0) runs.push(await runFeed({ kind: "pglite", size: o.pgliteSize, ...common }));
const report = render(runs, started, (Date.now() - started.getTime()) / 1000);
writeReport(resultsFile, report);
fs.mkdirSync(CACHE_DIR, { recursive: true });
fs.appendFileSync(path.join(CACHE_DIR, "runs.ndjson"), `${JSON.stringify({ started, o, runs })}\n`);
console.log(`\nReport: ${path.relative(process.cwd(), resultsFile)}`);
const bad = runs.flatMap((r) =>
  Object.entries(r.results)
    .filter(([, m]) => m.non2xx + m.errors + m.timeouts > 0)
    .map(([k]) => `${r.label} ${k}`),
);
if (bad.length) {
  console.error(`FAILED: requests that did not answer 2xx in ${bad.join(", ")}`);
  process.exit(1);
}
process.exit(0);
