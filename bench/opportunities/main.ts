// `npm run bench -- opportunities`: the postings list and search as alumni read them, the matching
// of alumni to a posting, and an offer's fan-out, on PostgreSQL and on PGlite, against a bare
// SELECT measured in the same run (method: bench/README.md).
//   1. prepare (child): the directory bench's alumni in a database of its own plus the postings
//      (bench/opportunities/data.ts), loaded or reused;
//   2. serve (child): the real app and the baseline app on the same Database object (PostgreSQL:
//      the job workers in a process of their own, as ROLE=worker; PGlite: in the server's);
//   3. here: sign in the readers and the operator, build the list mix from what the readers see
//      and check every request of it once, then autocannon runs taking turns in rounds; each kind
//      alone; the matches of a diverse set of postings at 1 and at 4 connections; one 業務委託
//      posting published to the network and its offers counted until every consenting alumnus
//      has one.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Rng } from "../../src/devdata/index.ts";
import { SKILLS } from "../../src/devdata/work.ts";
import { forkBench, type Handle, nextMessage, serveChild } from "../directory/child.ts";
import { OPERATOR_EMAIL, ORIGIN, SLUG, type Target } from "../directory/data.ts";
import {
  combine,
  type Drawn,
  drawer,
  getJson,
  type LoadOptions,
  type Measurement,
  machineBusy,
  type percentiles,
  sample,
  sequential,
  signIn,
  takeTurns,
} from "../directory/loadgen.ts";
import { ROOT } from "../directory/options.ts";
import { writeSection } from "../soak/report.ts";
import { BASELINE_SQL, DEFAULT_POSTINGS, OFFER_TITLE, VARIANT } from "./data.ts";
import type { MatchPosting, OppsPreparedMessage, OppsReadyMessage } from "./server.ts";

const CACHE_DIR = path.join(ROOT, "bench/tmp/opportunities");
const RESULTS_FILE = path.join(ROOT, "bench/RESULTS.md");
const SERVER = "bench/opportunities/server.ts";

const HELP = `Opportunities benchmark: list and search, matching, offer fan-out / 募集の一覧・検索、マッチング、案内配信の負荷試験

Usage: npm run bench -- opportunities [options]
  --pg-size <N>        alumni in the PostgreSQL network (default 100000; 0 skips PostgreSQL)
  --pglite-size <N>    alumni in the PGlite network (default 10000; 0 skips PGlite)
  --postings <N>       postings in each network (default ${DEFAULT_POSTINGS})
  --duration <s>       seconds each run is measured, in all (default 30)
  --rounds <N>         the list runs take turns in N slices (default 3)
  --warmup <s>         seconds of warm-up before each measurement (default 5)
  --connections <N>    concurrent connections of the list runs (default 16)
  --seed <N>           generator seed (default 1)
  --skip-matching      no matching runs;  --skip-offer: no offer fan-out
  --skip-plans         do not write EXPLAIN plans to bench/plans/<db>-opps-*.txt
  --reload             reload the data
  --pg-admin-url <u>   PostgreSQL server (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --results <file>     Markdown report (default: bench/RESULTS.md for the default sizes, else bench/tmp/opportunities/results.md)

Quick run: npm run bench -- opportunities --pg-size 10000 --pglite-size 2000 --postings 1000 --duration 5 --rounds 1`;

const argv = process.argv.slice(2).filter((a) => a !== "opportunities");
const { values } = parseArgs({
  args: argv,
  options: {
    "pg-size": { type: "string" },
    "pglite-size": { type: "string" },
    postings: { type: "string" },
    duration: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string" },
    seed: { type: "string" },
    "skip-matching": { type: "boolean" },
    "skip-offer": { type: "boolean" },
    "skip-plans": { type: "boolean" },
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
const int = (name: string, v: string | undefined, d: number, min = 0) => {
  const n = v === undefined ? d : Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min} (got ${v})`);
  return n;
};
const o = {
  pgSize: int("pg-size", values["pg-size"], 100_000),
  pgliteSize: int("pglite-size", values["pglite-size"], 10_000),
  postings: int("postings", values.postings, DEFAULT_POSTINGS, 1),
  duration: int("duration", values.duration, 30, 1),
  rounds: int("rounds", values.rounds, 3, 1),
  warmup: int("warmup", values.warmup, 5),
  connections: int("connections", values.connections, 16, 1),
  seed: int("seed", values.seed, 1),
  matching: !values["skip-matching"],
  offer: !values["skip-offer"],
  plans: !values["skip-plans"],
  reload: !!values.reload,
  pgAdminUrl:
    values["pg-admin-url"] ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
};
const defaultSizes = o.pgSize === 100_000 && o.pgliteSize === 10_000 && o.postings === DEFAULT_POSTINGS;
const resultsFile = path.resolve(
  values.results ?? (defaultSizes ? RESULTS_FILE : path.join(CACHE_DIR, "results.md")),
);
const command = ["npm run bench -- opportunities", ...argv].join(" ");

/** The issue's targets. */
const TARGETS = {
  list: { p95: 50 },
  matchAlone: { postgres: 150, pglite: 300 },
  matchRps: 20,
  /** The community fan-out's: every member's bell row within 10 s for 100,000 members (bench:feed). */
  fanoutMembersPerSecond: 10_000,
};

const base = `/api/n/${SLUG}/opportunities`;

// --- readers and the list mix ------------------------------------------------------------------

type Reader = {
  email: string;
  cookie: string;
  cursor2: string | null;
  cursor3: string | null;
  seen: string[];
};

async function prepareReaders(appUrl: string, emails: string[]): Promise<Reader[]> {
  const out: Reader[] = [];
  let i = 0;
  const worker = async () => {
    while (i < emails.length) {
      const email = emails[i++];
      const cookie = await signIn(appUrl, email);
      const p1 = await getJson(appUrl + base, cookie);
      if (!Array.isArray(p1.items) || !p1.items.length) throw new Error(`${email} sees no postings`);
      const p2 = p1.nextCursor
        ? await getJson(`${appUrl + base}?cursor=${encodeURIComponent(p1.nextCursor)}`, cookie)
        : null;
      out.push({
        email,
        cookie,
        cursor2: p1.nextCursor,
        cursor3: p2?.nextCursor ?? null,
        seen: [...p1.items, ...(p2?.items ?? [])].map((x: { id: string }) => x.id),
      });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out;
}

/** Words of the generator's vocabulary that postings contain, and some that none does. */
const FOUND = [
  "営業",
  "マーケティング",
  "人事部",
  "React",
  "メンタリング",
  "経理",
  "データ分析",
  "カスタマーサクセス",
  "採用",
  "Python",
  "東京",
  "資料",
];
const NOT_FOUND = ["量子コンピュータ", "宇宙開発", "養蜂", "xyzzy"];
const SKILL_WORDS = [...new Set(Object.values(SKILLS).flat())];

/**
 * The list mix, one seeded sequence shared by all connections: a reader at random, then first page
 * 20 %, the postings that fit her best (sort=fit) 5 %, page 2 10 %, page 3 5 %, a type 8 %, a kind 5 %, remote 5 %, a fee range 5 %, a skill 10 %,
 * text that matches 10 %, text that matches nothing 5 %, a posting by id 12 %.
 */
function mixSequence(readers: Reader[], seed: number, length = 100_000): Drawn[] {
  const rng = new Rng(seed * 53 + 11);
  const seq: Drawn[] = [];
  const q = (s: string) => `${base}?${s}`;
  for (let n = 0; n < length; n++) {
    const r = rng.pick(readers);
    const headers = { cookie: r.cookie };
    const x = rng.float() * 100;
    const push = (kind: string, p: string) => seq.push({ path: p, headers, kind });
    if (x < 20) push("first page", base);
    else if (x < 25) push("for you (fit)", q("sort=fit"));
    else if (x < 35 && r.cursor2) push("page 2", q(`cursor=${encodeURIComponent(r.cursor2)}`));
    else if (x < 40 && r.cursor3) push("page 3", q(`cursor=${encodeURIComponent(r.cursor3)}`));
    else if (x < 48) push("type", q(`type=${rng.pick(["rehire", "freelance"])}`));
    else if (x < 53) push("kind", q(`type=freelance&kind=${rng.pick(["task", "mentoring"])}`));
    else if (x < 58) push("remote", q(`remote=${rng.pick(["remote", "hybrid", "onsite"])}`));
    else if (x < 63) {
      const lo = rng.pick([3000, 5000, 8000, 20000, 100000]);
      push("fee range", q(`type=freelance&feeMin=${lo}&feeMax=${lo * rng.pick([2, 5, 10])}`));
    } else if (x < 73) push("skill", q(`skill=${encodeURIComponent(rng.pick(SKILL_WORDS))}`));
    else if (x < 83) push("text", q(`q=${encodeURIComponent(rng.pick(FOUND))}`));
    else if (x < 88) push("text, no match", q(`q=${encodeURIComponent(rng.pick(NOT_FOUND))}`));
    else push("posting by id", `${base}/${rng.pick(r.seen)}`);
  }
  return seq;
}

/** Every distinct request of the mix once (each reader's own): all must answer 200. */
async function checkMix(appUrl: string, seq: Drawn[]) {
  const seen = new Set<string>();
  const found: Record<string, { requests: number; empty: number }> = {};
  for (const d of seq.slice(0, 3000)) {
    const key = `${d.headers?.cookie} ${d.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const body = await getJson(appUrl + d.path, d.headers?.cookie);
    const k = d.kind ?? "?";
    found[k] ??= { requests: 0, empty: 0 };
    found[k].requests++;
    if (Array.isArray(body.items) && !body.items.length) found[k].empty++;
  }
  return found;
}

// --- runs -------------------------------------------------------------------------------------------

type MatchRun = {
  alone: Measurement;
  four: Measurement;
  postings: number;
  sizes: number[];
  reasons: number;
} | null;
type OfferRun = {
  postMs: number;
  expected: number;
  /** Alumni who opted in to 業務委託 offers (the posting fits `expected` of them). */
  consenting: number;
  rows: number;
  unconsented: number;
  rowsMs: number | null;
  members: number;
} | null;
type DbRun = {
  label: string;
  kind: Target["kind"];
  size: number;
  prepared: OppsPreparedMessage;
  prepareS: number;
  busyBefore: number | null;
  readers: number;
  checked: Record<string, { requests: number; empty: number }>;
  results: Record<string, Measurement>;
  alone: ({ name: string } & ReturnType<typeof percentiles>)[];
  matching: MatchRun;
  matchingSkipped: string | null;
  offer: OfferRun;
};

async function runMatching(
  server: Handle & OppsReadyMessage,
  cookie: string,
  postings: MatchPosting[],
): Promise<{ run: MatchRun; skipped: string | null }> {
  const pathOf = (id: string) => `${base}/${id}/matches?limit=50`;
  const sizes: number[] = [];
  let reasons = 0;
  let notFound = 0;
  for (const p of postings) {
    const res = await fetch(server.appUrl + pathOf(p.id), { headers: { cookie } });
    const body: any = await res.json().catch(() => null);
    if (res.status === 404) {
      notFound++;
      continue;
    }
    // { items: [{ card, score, reasons, … }], wishes } (the first sketch of the route said `matches`).
    const items = body?.items ?? body?.matches;
    if (res.status !== 200 || !Array.isArray(items))
      throw new Error(`matches of ${p.id} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    sizes.push(items.length);
    reasons += items.filter(
      (m: { reasons?: unknown[] }) => Array.isArray(m.reasons) && m.reasons.length,
    ).length;
  }
  if (!postings.length) return { run: null, skipped: "no open network posting to match" };
  if (notFound === postings.length)
    return {
      run: null,
      skipped: `GET ${base}/:id/matches answered 404 for all ${postings.length} postings: the route is not there (yet)`,
    };
  if (notFound) throw new Error(`matches answered 404 for ${notFound} of ${postings.length} postings`);
  let i = 0;
  const load = (connections: number): LoadOptions => ({
    url: server.appUrl,
    connections,
    duration: 0,
    requests: [{ name: "matches", path: pathOf(postings[0].id) }],
    draw: () => ({ path: pathOf(postings[i++ % postings.length].id), headers: { cookie }, kind: "matches" }),
    serverPid: server.pid,
  });
  if (o.warmup) await sample({ ...load(1), duration: o.warmup });
  const alone = combine([await sample({ ...load(1), duration: o.duration })]);
  console.log(
    `  matching alone: p50 ${alone.p50.toFixed(1)} p95 ${alone.p95.toFixed(1)} ms, ${alone.rps.toFixed(1)} req/s`,
  );
  const four = combine([await sample({ ...load(4), duration: o.duration })]);
  console.log(`  matching, 4 connections: ${four.rps.toFixed(1)} req/s, p95 ${four.p95.toFixed(1)} ms`);
  return { run: { alone, four, postings: postings.length, sizes, reasons }, skipped: null };
}

async function runOffer(server: OppsReadyMessage, cookie: string, members: number): Promise<OfferRun> {
  const headers = { cookie, origin: ORIGIN, "content-type": "application/json" };
  const today = Date.now() + 9 * 3600_000;
  const day = (d: number) => new Date(today + d * 86_400_000).toISOString().slice(0, 10);
  const t0 = performance.now();
  const created = await fetch(server.appUrl + base, {
    method: "POST",
    headers,
    body: JSON.stringify({
      type: "freelance",
      kind: "task",
      title: `${OFFER_TITLE}：営業資料の改訂（業務委託） ${new Date().toISOString()}`,
      description: "新製品に合わせて営業資料を改訂していただきます。",
      remote: "remote",
      periodStart: day(14),
      periodEnd: day(45),
      expectedHours: "週10時間程度",
      feeMin: 4000,
      feeMax: 6000,
      feeUnit: "hour",
      terminationTerms: "双方とも14日前までの通知で解除できます。",
      howToApply: "このページから応募してください。",
      recruiterName: "人事部 アルムナイ担当",
      recruiterContact: "recruit@bench.example",
      closesOn: day(20),
      department: "営業部",
      jobType: "sales",
      skills: ["営業資料作成", "PowerPoint"],
      audience: { type: "network" },
    }),
  });
  const draft = (await created.json()) as { id: string };
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(draft)}`);
  const published = await fetch(`${server.appUrl + base}/${draft.id}/publish`, {
    method: "POST",
    headers: { cookie, origin: ORIGIN },
  });
  const out = (await published.json()) as { status: string };
  if (published.status !== 200 || out.status !== "open")
    throw new Error(`publish answered ${published.status}: ${JSON.stringify(out).slice(0, 300)}`);
  const postMs = performance.now() - t0;
  let last = { rows: 0, unconsented: 0, expected: 0, consenting: 0 };
  let rowsMs: number | null = null;
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    last = await getJson(`${server.baselineUrl}/offers?id=${draft.id}`);
    if (last.rows >= last.expected) {
      rowsMs = performance.now() - t0;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // A moment more: nothing beyond the consenting alumni may arrive late.
  await new Promise((r) => setTimeout(r, 1000));
  last = await getJson(`${server.baselineUrl}/offers?id=${draft.id}`);
  console.log(
    `  offer: ${last.rows} of ${last.expected} bell rows in ${rowsMs === null ? "—" : (rowsMs / 1000).toFixed(1)} s; to someone who had not opted in: ${last.unconsented}`,
  );
  return {
    postMs,
    expected: last.expected,
    consenting: last.consenting,
    rows: last.rows,
    unconsented: last.unconsented,
    rowsMs,
    members,
  };
}

async function runDb(t: Target): Promise<DbRun> {
  const label = t.kind === "postgres" ? "PostgreSQL" : "PGlite";
  console.log(
    `\n== opportunities: ${label}, ${t.size.toLocaleString("en-US")} alumni, ${o.postings.toLocaleString("en-US")} postings ==`,
  );
  const t0 = performance.now();
  const child = forkBench(SERVER, "prepare", t, [
    String(o.postings),
    ...(o.reload ? ["--reload"] : []),
    ...(o.plans ? [] : ["--skip-plans"]),
  ]);
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  const prepared = await nextMessage<OppsPreparedMessage>(child, "prepared");
  if ((await exited) !== 0) throw new Error("prepare failed");
  const prepareS = (performance.now() - t0) / 1000;
  for (const p of prepared.plans) console.log(`  plan ${p.name.padEnd(12)} ${p.ms.toFixed(2)} ms  ${p.file}`);
  console.log(
    `  data ${prepared.reused ? "reused" : "loaded"} in ${prepareS.toFixed(1)} s: ${JSON.stringify(prepared.opps.counts)}`,
  );
  // PostgreSQL: web and job workers in two processes (ROLE=web, ROLE=worker); PGlite: one process
  // with both (its data directory is one process's).
  const server = await serveChild<OppsReadyMessage>(
    SERVER,
    "serve",
    t,
    t.kind === "pglite" ? ["--workers"] : [],
  );
  const workers = t.kind === "postgres" ? await serveChild<OppsReadyMessage>(SERVER, "worker", t) : null;
  const busyBefore = await machineBusy(3000);
  try {
    process.stdout.write(`  signing in ${prepared.readers.length} alumni… `);
    const readers = await prepareReaders(server.appUrl, prepared.readers);
    const operator = await signIn(server.appUrl, OPERATOR_EMAIL);
    console.log("done");
    await getJson(`${server.baselineUrl}/baseline`);
    await getJson(`${server.baselineUrl}/baseline-auth`, readers[0].cookie);
    const seq = mixSequence(readers, o.seed);
    const checked = await checkMix(server.appUrl, seq);
    console.log(`  mix checked: ${JSON.stringify(checked)}`);
    const cookies = readers.map((r) => ({ cookie: r.cookie }));
    let ci = 0;
    const common = { connections: o.connections, duration: 0, serverPid: server.pid };
    const variants: { key: string; load: LoadOptions }[] = [
      {
        key: "baseline",
        load: { ...common, url: server.baselineUrl, requests: [{ name: "baseline", path: "/baseline" }] },
      },
      {
        key: "baselineAuth",
        load: {
          ...common,
          url: server.baselineUrl,
          requests: [{ name: "baseline + auth", path: "/baseline-auth" }],
          draw: () => ({ path: "/baseline-auth", headers: cookies[ci++ % cookies.length] }),
        },
      },
      {
        key: "list",
        load: {
          ...common,
          url: server.appUrl,
          requests: [{ name: "list", path: base }],
          draw: drawer(seq).next,
        },
      },
    ];
    const results = await takeTurns(variants, o);
    // Each kind alone, one at a time (reader 0).
    const r0 = readers[0];
    const alone: DbRun["alone"] = [
      ...(await sequential({
        url: server.baselineUrl,
        requests: [{ name: "baseline", path: "/baseline" }],
        reps: 20,
      })),
      ...(await sequential({
        url: server.appUrl,
        headers: { cookie: r0.cookie },
        reps: 20,
        requests: [
          { name: "first page", path: base },
          ...(r0.cursor2
            ? [{ name: "page 2", path: `${base}?cursor=${encodeURIComponent(r0.cursor2)}` }]
            : []),
          { name: "for you (fit)", path: `${base}?sort=fit` },
          { name: "skill", path: `${base}?skill=${encodeURIComponent("法人営業")}` },
          { name: "text", path: `${base}?q=${encodeURIComponent("マーケティング")}` },
          { name: "text, no match", path: `${base}?q=${encodeURIComponent("量子コンピュータ")}` },
          { name: "posting by id", path: `${base}/${r0.seen[0]}` },
        ],
      })),
    ];
    let matching: MatchRun = null;
    let matchingSkipped: string | null = o.matching ? null : "--skip-matching";
    if (o.matching) {
      const m = await runMatching(server, operator, prepared.matchPostings);
      matching = m.run;
      matchingSkipped = m.skipped;
      if (m.skipped) console.log(`  matching skipped: ${m.skipped}`);
    }
    const offer = o.offer ? await runOffer(server, operator, prepared.members) : null;
    const r: DbRun = {
      label,
      kind: t.kind,
      size: t.size,
      prepared,
      prepareS,
      busyBefore,
      readers: readers.length,
      checked,
      results,
      alone,
      matching,
      matchingSkipped,
      offer,
    };
    for (const [k, m] of Object.entries(results))
      console.log(
        `  ${k.padEnd(14)} ${f0(m.rps).padStart(6)} req/s  p50 ${f1(m.p50)}  p95 ${f1(m.p95)}  p99 ${f1(m.p99)}  non-2xx ${m.non2xx}`,
      );
    return r;
  } finally {
    await server.stop();
    await workers?.stop();
  }
}

// --- report -------------------------------------------------------------------------------------------

const f0 = (x: number) => Math.round(x).toLocaleString("en-US");
const f1 = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : `${Math.round(x * 100)} %`;
const yes = (b: boolean) => (b ? "yes" : "**no**");
const bad = (m: Measurement) => m.non2xx + m.errors + m.timeouts;

/** The mix's kinds, in the report's order. */
const KINDS = [
  "first page",
  "for you (fit)",
  "page 2",
  "page 3",
  "type",
  "kind",
  "remote",
  "fee range",
  "skill",
  "text",
  "text, no match",
  "posting by id",
];

const WHAT: Record<string, string> = {
  baseline: "baseline (bare SELECT of a page of open postings)",
  baselineAuth: "baseline + auth (same SELECT behind the member guard, the readers' sessions in turn)",
  list: "**postings list and search**, the mix of many alumni",
};

function render(runs: DbRun[], started: Date, seconds: number): string {
  const L: string[] = [];
  const load = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(", ");
  const cores = (fs.readFileSync("/proc/cpuinfo", "utf8").match(/^processor/gm) ?? []).length;
  L.push("## Opportunities: list and search, matching, offer fan-out (`npm run bench -- opportunities`)", "");
  L.push(
    `Run ${started.toISOString().replace(/\.\d+Z$/, "Z")}, ${f0(seconds)} s in all. Machine: ${process.env.BENCH_MACHINE ?? `${cores} cores`}, Node ${process.version}; load average at the end ${load}. Client (autocannon) and server (a child process) share these cores.`,
    "",
    `- Command: \`${command}\` — list runs ${o.duration} s each in ${o.rounds} round(s) taking turns, after ${o.warmup} s of warm-up, ${o.connections} connections; matching ${o.duration} s at 1 connection, then ${o.duration} s at 4`,
    "- Method: [bench/README.md](README.md#opportunities-npm-run-bench----opportunities)",
    `- Baseline: \`${BASELINE_SQL.replace(/\s+/g, " ")}\` on the same Database object as the app (same pool, same PGlite)`,
  );
  for (const r of runs) {
    const c = r.prepared.opps.counts;
    L.push(
      `- ${r.label}: ${r.prepared.version.split(" on ")[0]}; ${f0(r.prepared.members)} active members (${f0(r.prepared.freelanceConsenting)} alumni opted in to 業務委託 offers), ${f0(c.postings)} postings (open ${f0(c.open)}, closed ${f0(c.closed)}, drafts ${f0(c.draft)}; rehire ${f0(c.rehire)}, tasks ${f0(c.task)}, mentoring ${f0(c.mentoring)}; network ${f0(c.network)}, segment ${f0(c.segment)}, invited ${f0(c.invited)} with ${f0(c.invites)} invitations; ${f0(c.unconfirmed)} open ones not reconfirmed for 21+ days, hidden from alumni), ${f0(c.applications)} applications; data ${r.prepared.reused ? "reused" : `loaded in ${f1(r.prepareS)} s`}; ${r.readers} alumni reading; CPU in use by other work during 3 s before the runs: ${pct(r.busyBefore)}`,
    );
  }
  L.push(
    "",
    "Mix (one seeded sequence, all connections): a reader at random (40 alumni: different segments, some invited, some with applications), then first page 20 %, the postings that fit her best (`sort=fit`, おすすめ) 5 %, page 2 10 % and page 3 5 % (the keyset cursors the API returned), a type 8 %, a kind 5 %, remote 5 %, a fee range 5 %, a skill 10 %, Japanese or English text found in postings 10 %, text found in none 5 %, a posting by id 12 %.",
    "",
    "| database | alumni | run | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ baseline | p95 × | server CPU (cores) | machine idle | non-2xx |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of runs) {
    const b = r.results.baseline;
    for (const [k, m] of Object.entries(r.results))
      L.push(
        `| ${r.label} | ${f0(r.size)} | ${WHAT[k] ?? k} | ${f0(m.rps)} | ${f1(m.p50)} | ${f1(m.p95)} | ${f1(m.p99)} | ${k === "list" ? `**${f2(m.rps / b.rps)}**` : f2(m.rps / b.rps)} | ${f1(m.p95 / b.p95)}× | ${m.serverCores === null ? "–" : f2(m.serverCores)} | ${pct(m.idle)} | ${bad(m)} |`,
      );
  }
  L.push(
    "",
    "Per request kind inside the list runs, and each alone (reader #0, one at a time, 20 times):",
    "",
  );
  L.push(
    "| database | kind | requests | p50 ms | p95 ms | distinct checked (empty pages) |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  );
  for (const r of runs)
    for (const k of [...(r.results.list.perKind ?? [])].sort(
      (a, b) => KINDS.indexOf(a.name) - KINDS.indexOf(b.name),
    ))
      L.push(
        `| ${r.label} | ${k.name} | ${f0(k.n)} | ${f1(k.p50)} | ${f1(k.p95)} | ${r.checked[k.name] ? `${r.checked[k.name].requests} (${r.checked[k.name].empty})` : "–"} |`,
      );
  L.push("", "| database | alone | p50 ms | p95 ms |", "| --- | --- | ---: | ---: |");
  for (const r of runs)
    for (const a of r.alone) L.push(`| ${r.label} | ${a.name} | ${f1(a.p50)} | ${f1(a.p95)} |`);
  L.push(
    "",
    "Query plans: the statements each request runs in the service (recorded from it), explained with a warm cache; execution time summed:",
    "",
    "| database | request | ms | plan |",
    "| --- | --- | ---: | --- |",
  );
  for (const r of runs)
    for (const p of r.prepared.plans)
      L.push(`| ${r.label} | ${p.name} | ${f1(p.ms)} | [${path.basename(p.file)}](${p.file}) |`);
  L.push("", "### Matching (`GET /api/n/:slug/opportunities/:id/matches?limit=50`, as the operator)", "");
  for (const r of runs) {
    if (!r.matching) {
      L.push(`- ${r.label}: not measured — ${r.matchingSkipped}`);
      continue;
    }
    const m = r.matching;
    L.push(
      `- ${r.label}, ${f0(r.size)} alumni: ${m.postings} open postings in turn (each type and kind, many lead skills); matches per posting ${Math.min(...m.sizes)}–${Math.max(...m.sizes)}, ${m.reasons} of ${m.sizes.reduce((a, b) => a + b, 0)} with reasons`,
      "",
      "| database | connections | requests | req/s | p50 ms | p95 ms | p99 ms | server CPU (cores) | non-2xx |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...(
        [
          [1, m.alone],
          [4, m.four],
        ] as const
      ).map(
        ([c, x]) =>
          `| ${r.label} | ${c} | ${f0(x.requests)} | ${f1(x.rps)} | ${f1(x.p50)} | ${f1(x.p95)} | ${f1(x.p99)} | ${x.serverCores === null ? "–" : f2(x.serverCores)} | ${bad(x)} |`,
      ),
      "",
    );
  }
  L.push("", "### Offer fan-out (one 業務委託 posting to the network, through the API)", "");
  L.push(
    "The operator creates a draft (`POST /api/n/:slug/opportunities`) and publishes it (`POST …/:id/publish`); the published event queues the fan-out job (`notifications.fanout`, through the outbox, batches of 5,000 members, consent- and fit-filtered in its insert); the bell rows of kind `opportunity_offer` are counted every 200 ms until every active alumnus who opted in to 業務委託 offers (and did not switch offers off) and whom the posting fits (営業部, sales, 営業資料作成 / PowerPoint, or open to 業務委託: her directory row as operators see it, the module's `wishesOf` and the directory's `fitsAnySql`) has one. PostgreSQL: the job workers in a process of their own; PGlite: in the server's.",
    "",
    "| database | members walked | opted in | of them fitting: offers expected | bell rows | to anyone not opted in | POST + publish | all rows after | members/s | target (community fan-out: 100,000 in 10 s) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const r of runs) {
    const x = r.offer;
    if (!x) {
      L.push(`| ${r.label} | – | – | – | – | – | – | not measured | – | – |`);
      continue;
    }
    const rate = x.rowsMs ? x.members / (x.rowsMs / 1000) : null;
    L.push(
      `| ${r.label} | ${f0(x.members)} | ${f0(x.consenting)} | ${f0(x.expected)} | ${f0(x.rows)} | ${x.unconsented} | ${f0(x.postMs)} ms | ${x.rowsMs === null ? "not within 180 s" : `${f1(x.rowsMs / 1000)} s`} | ${rate === null ? "–" : f0(rate)} | ${yes(rate !== null && rate >= TARGETS.fanoutMembersPerSecond)} |`,
    );
  }
  L.push("", "### Targets", "", "| target | measured | met |", "| --- | --- | --- |");
  for (const r of runs) {
    const m = r.results.list;
    L.push(
      `| ${r.label}, ${f0(r.size)} alumni, ${f0(r.prepared.opps.counts.postings)} postings: list/search p95 ≤ ${TARGETS.list.p95} ms at ${o.connections} connections | ${f1(m.p95)} ms (${f2(m.rps / r.results.baseline.rps)} of the baseline's req/s) | ${yes(m.p95 <= TARGETS.list.p95)} |`,
    );
    if (r.matching) {
      const lim = TARGETS.matchAlone[r.kind];
      L.push(
        `| ${r.label}, ${f0(r.size)} alumni: matching top 50 p95 ≤ ${lim} ms alone | ${f1(r.matching.alone.p95)} ms | ${yes(r.matching.alone.p95 <= lim)} |`,
      );
      if (r.kind === "postgres")
        L.push(
          `| ${r.label}, ${f0(r.size)} alumni: matching ≥ ${TARGETS.matchRps} req/s at 4 connections | ${f1(r.matching.four.rps)} req/s | ${yes(r.matching.four.rps >= TARGETS.matchRps)} |`,
        );
    }
    if (r.offer)
      L.push(
        `| ${r.label}: offer to every consenting alumnus, nobody else, at the community fan-out rate | ${f0(r.offer.rows)} / ${f0(r.offer.expected)} rows, ${r.offer.unconsented} to others, ${r.offer.rowsMs === null ? "–" : `${f1(r.offer.rowsMs / 1000)} s`} | ${yes(r.offer.rows === r.offer.expected && r.offer.unconsented === 0 && r.offer.rowsMs !== null && r.offer.members / (r.offer.rowsMs / 1000) >= TARGETS.fanoutMembersPerSecond)} |`,
      );
  }
  return `${L.join("\n")}\n`;
}

const started = new Date();
const runs: DbRun[] = [];
const common = { seed: o.seed, pgAdminUrl: o.pgAdminUrl, variant: VARIANT };
if (o.pgSize > 0) runs.push(await runDb({ kind: "postgres", size: o.pgSize, ...common }));
if (o.pgliteSize > 0) runs.push(await runDb({ kind: "pglite", size: o.pgliteSize, ...common }));
writeSection(
  resultsFile,
  "bench:opportunities",
  render(runs, started, (Date.now() - started.getTime()) / 1000),
);
fs.mkdirSync(CACHE_DIR, { recursive: true });
fs.appendFileSync(path.join(CACHE_DIR, "runs.ndjson"), `${JSON.stringify({ started, o, runs })}\n`);
console.log(`\nReport: ${path.relative(process.cwd(), resultsFile)}`);
const failed = runs.flatMap((r) => [
  ...Object.entries(r.results)
    .filter(([, m]) => bad(m) > 0)
    .map(([k]) => `${r.label} ${k}`),
  ...(r.matching && bad(r.matching.alone) + bad(r.matching.four) > 0 ? [`${r.label} matching`] : []),
  ...(r.offer && (r.offer.unconsented > 0 || r.offer.rows > r.offer.expected)
    ? [`${r.label} offer reached someone who had not opted in`]
    : []),
]);
if (failed.length) {
  console.error(`FAILED: ${failed.join(", ")}`);
  process.exit(1);
}
process.exit(0);
