// `npm run bench`: the directory search under load, on PostgreSQL and on PGlite, against a
// baseline measured in the same run on the same database (see bench/README.md for the method).
//   1. prepare (child process): load or reuse the data, VACUUM ANALYZE, EXPLAIN plans;
//   2. serve (child process): the real app + a minimal baseline app on the same Database object;
//   3. here: sign in as an alumnus (and an operator), check every request of the mix once, then
//      autocannon — baseline, baseline + auth, the directory as the alumnus and as the operator,
//      taking turns in rounds; each request alone; optionally a CPU profile of the server.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { prepareInChild, type Server, serveInChild } from "./child.ts";
import { alumnusEmail, benchConfig, OPERATOR_EMAIL, SLUG, type Target } from "./data.ts";
import {
  type LoadOptions,
  type Measurement,
  machineBusy,
  measure,
  sequential,
  signIn,
  startWriter,
  takeTurns,
  type WriterResult,
} from "./loadgen.ts";
import { directoryPath, MIX } from "./mix.ts";
import { type BenchOptions, CACHE_DIR, HELP, parseOptions } from "./options.ts";
import { checkRealistic, type RealisticInfo, realisticSequence, sequenceStats } from "./realistic.ts";
import { type DbRun, failures, machineInfo, printRun, renderReport, TARGETS, writeReport } from "./report.ts";

/**
 * PostgreSQL: transactions committed in the bench database so far. Outside explicit transactions
 * every statement is one, so the difference over a run ÷ requests = statements per request.
 */
async function transactions(t: Target): Promise<number | null> {
  if (t.kind !== "postgres") return null;
  const c = new pg.Client({ connectionString: benchConfig(t).DATABASE_URL });
  await c.connect();
  try {
    await new Promise((r) => setTimeout(r, 1100)); // backends flush their counters within a second
    await c.query("select pg_stat_clear_snapshot()");
    const { rows } = await c.query(
      "select xact_commit::float8 as n from pg_stat_database where datname = current_database()",
    );
    return rows[0].n;
  } finally {
    await c.end();
  }
}

type Checked = { name: string; path: string; total: number | null; capped: boolean; items: number };

/** Sends every request once: all must answer 200 with a page; the browse gets a second page. */
async function checkMix(appUrl: string, cookie: string): Promise<Checked[]> {
  const out: Checked[] = [];
  const get = async (name: string, p: string) => {
    const res = await fetch(appUrl + p, { headers: { cookie } });
    const body: any = await res.json().catch(() => null);
    if (res.status !== 200 || !Array.isArray(body?.items)) {
      throw new Error(`${name} (${p}) answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    out.push({ name, path: p, total: body.total, capped: !!body.totalCapped, items: body.items.length });
    return body;
  };
  for (const m of MIX) {
    const body = await get(m.name, directoryPath(SLUG, m.query));
    if (m.query === "sort=name" && body.nextCursor) {
      await get("browse by name, page 2", directoryPath(SLUG, `sort=name&cursor=${body.nextCursor}`));
    }
  }
  return out;
}

async function checkBaseline(url: string, cookie?: string) {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body: any = await res.json().catch(() => null);
  if (res.status !== 200 || !Array.isArray(body?.items)) throw new Error(`baseline answered ${res.status}`);
}

async function runDb(o: BenchOptions, t: Target): Promise<DbRun | null> {
  const label = t.kind === "postgres" ? "PostgreSQL" : "PGlite";
  console.log(`\n== ${label}, ${t.size.toLocaleString("en-US")} alumni ==`);
  const flags = [...(o.reload ? ["--reload"] : []), ...(o.plans ? [] : ["--skip-plans"])];
  const t0 = performance.now();
  const prepared = await prepareInChild(t, flags);
  const prepareS = (performance.now() - t0) / 1000;
  console.log(
    `  data ${prepared.reused ? "reused" : "loaded"} (${prepareS.toFixed(1)} s incl. plans); directory rows: ${prepared.rows.members} members, ${prepared.rows.operators} operators`,
  );
  for (const p of prepared.plans) console.log(`  plan ${p.name.padEnd(20)} ${p.ms.toFixed(2)} ms  ${p.file}`);
  if (o.plansOnly) return null;

  const server: Server = await serveInChild(t);
  const busyBefore = await machineBusy(3000); // the server idles: this is other work
  try {
    const alumni = await signIn(server.appUrl, alumnusEmail(t.seed));
    const operator = await signIn(server.appUrl, OPERATOR_EMAIL);
    const checked = await checkMix(server.appUrl, alumni);
    const browse = checked.find((c) => c.path === directoryPath(SLUG, "sort=name"));
    if (!browse?.items || !browse.total) {
      throw new Error(
        `browsing the directory as an alumnus found nobody, though directory_entry holds ${prepared.rows.members} members' rows: the loaded data is incomplete`,
      );
    }
    const empty = checked.filter((c) => c.total === 0).map((c) => c.name);
    if (empty.length) console.log(`  warning: no match for ${empty.join(", ")}`);
    await checkMix(server.appUrl, operator);
    await checkBaseline(`${server.baselineUrl}/baseline`);
    await checkBaseline(`${server.baselineUrl}/baseline-auth`, alumni);
    const requests = checked.map((c) => ({ name: c.name, path: c.path }));
    await checkMix(server.uncachedUrl, alumni);
    const base = { connections: o.connections, serverPid: server.pid };
    const bare = [{ name: "baseline", path: "/baseline" }];
    const authed = [{ name: "baseline + auth", path: "/baseline-auth" }];
    const variants: { key: string; what: string; load: LoadOptions }[] = [
      {
        key: "baseline",
        what: "baseline",
        load: { ...base, url: server.baselineUrl, requests: bare, duration: 0 },
      },
      {
        key: "baselineAuth",
        what: "baseline + auth",
        load: {
          ...base,
          url: server.baselineUrl,
          requests: authed,
          headers: { cookie: alumni },
          duration: 0,
        },
      },
      {
        key: "alumnus",
        what: "directory (alumnus)",
        load: { ...base, url: server.appUrl, requests, headers: { cookie: alumni }, duration: 0 },
      },
      {
        key: "alumnusUncached",
        what: "directory (alumnus, no page cache)",
        load: { ...base, url: server.uncachedUrl, requests, headers: { cookie: alumni }, duration: 0 },
      },
      ...(o.operator
        ? [
            {
              key: "operator",
              what: "directory (operator)",
              load: { ...base, url: server.appUrl, requests, headers: { cookie: operator }, duration: 0 },
            },
          ]
        : []),
    ];
    // The realistic mix: one seeded sequence per run, drawn on by all its connections and going on
    // across rounds (a connection does not start it over).
    const real = o.realistic
      ? realisticSequence({ seed: o.seed, distinct: o.realistic.distinct, s: o.realistic.s, length: 200_000 })
      : null;
    const drawers: Record<string, { sent: number }> = {};
    const drawer = (key: string, seq: string[]) => {
      const d = { sent: 0 };
      drawers[key] = d;
      return () => directoryPath(SLUG, seq[d.sent++ % seq.length]);
    };
    const realChecked = real
      ? await checkRealistic(server.uncachedUrl, SLUG, alumni, real.queries.slice(0, 300))
      : null;
    if (real) {
      const realRequests = [{ name: "realistic mix", path: directoryPath(SLUG, real.queries[0]) }];
      variants.push(
        {
          key: "realistic",
          what: "realistic mix (alumnus)",
          load: {
            ...base,
            url: server.appUrl,
            requests: realRequests,
            draw: drawer("realistic", real.sequence),
            headers: { cookie: alumni },
            duration: 0,
          },
        },
        {
          key: "realisticUncached",
          what: "realistic mix (alumnus, no page cache)",
          load: {
            ...base,
            url: server.uncachedUrl,
            requests: realRequests,
            draw: drawer("realisticUncached", real.sequence),
            headers: { cookie: alumni },
            duration: 0,
          },
        },
      );
    }
    const cacheStats = async () =>
      (await (await fetch(`${server.baselineUrl}/cache-stats`)).json()) as {
        requests: number;
        queries: number;
      };
    const writer = o.writesPerSecond
      ? await startWriter({
          url: server.appUrl,
          slug: SLUG,
          cookie: await signIn(server.appUrl, alumnusEmail(t.seed, 1)),
          intervalMs: 1000 / o.writesPerSecond,
        })
      : null;
    // Rounds: every variant runs a slice of the duration in turn, so that other work on the machine
    // (which comes and goes) weighs on the baseline and on the directory alike.
    let x: number | null = null;
    const measured = await takeTurns(variants, o, {
      beforeRounds: async () => {
        x = await transactions(t);
      },
      slice: async (v, run) => {
        const c0 = await cacheStats();
        const s = await run();
        if (v.load.url === server.appUrl) {
          const c1 = await cacheStats();
          const queries = c1.queries - c0.queries;
          s.cache = { hits: c1.requests - c0.requests - queries, misses: queries };
        }
        const next = await transactions(t);
        if (x !== null && next !== null) s.transactions = next - x;
        x = next;
        return s;
      },
    });
    const written: WriterResult | null = writer ? await writer.stop() : null;
    const result = (key: string) => measured[key];
    const baseline = result("baseline");
    const baselineAuth = result("baselineAuth");
    const asAlumnus = result("alumnus");
    const asOperator: Measurement | null = o.operator ? result("operator") : null;
    const uncachedAlumnus = result("alumnusUncached");
    let realistic: RealisticInfo | null = null;
    if (real && realChecked && o.realistic) {
      const sent = drawers.realistic?.sent ?? 0;
      realistic = {
        ...o.realistic,
        ...realChecked,
        sent,
        ...sequenceStats(real.sequence.slice(0, Math.min(sent, real.sequence.length))),
        cached: result("realistic"),
        uncached: result("realisticUncached"),
      };
    }
    console.log("  each request alone (1 connection, 20 times, no page cache)…");
    const alone = {
      baseline: (await sequential({ url: server.baselineUrl, requests: bare, reps: 20 }))[0],
      baselineAuth: (
        await sequential({ url: server.baselineUrl, requests: authed, headers: { cookie: alumni }, reps: 20 })
      )[0],
      alumnus: await sequential({ url: server.uncachedUrl, requests, headers: { cookie: alumni }, reps: 20 }),
    };
    let profile: DbRun["profile"] = null;
    if (o.profile) {
      // With the page cache off: where the time of a search goes (a hit does little but auth).
      process.stdout.write("  profiling the server during one more alumnus run, page cache off… ");
      profile = await server.profile(() =>
        measure({
          ...base,
          url: server.uncachedUrl,
          requests,
          headers: { cookie: alumni },
          duration: o.duration,
        }),
      );
      console.log(profile.file);
    }
    const r: DbRun = {
      kind: t.kind,
      label,
      size: t.size,
      connections: o.connections,
      duration: o.duration,
      prepared,
      prepareS,
      checked,
      baseline,
      baselineAuth,
      alumnus: asAlumnus,
      alumnusUncached: uncachedAlumnus,
      operator: asOperator,
      realistic,
      writer: written,
      alone,
      profile,
      busyBefore,
    };
    printRun(r);
    return r;
  } finally {
    await server.stop();
  }
}

const opts = parseOptions(process.argv.slice(2));
if (!opts) {
  console.log(HELP);
  process.exit(0);
}
const targets: Target[] = [];
const common = { seed: opts.seed, pgAdminUrl: opts.pgAdminUrl };
if (opts.pgSize > 0) targets.push({ kind: "postgres", size: opts.pgSize, ...common });
if (opts.pgliteSize > 0) targets.push({ kind: "pglite", size: opts.pgliteSize, ...common });

const started = new Date();
const runs: DbRun[] = [];
for (const t of targets) {
  const r = await runDb(opts, t);
  if (r) runs.push(r);
}
if (opts.plansOnly) process.exit(0);

const machine = machineInfo(runs);
const report = renderReport({
  opts,
  runs,
  machine,
  started,
  seconds: (Date.now() - started.getTime()) / 1000,
});
writeReport(opts.resultsFile, report);
fs.mkdirSync(CACHE_DIR, { recursive: true });
// One line per run (NDJSON: a history, and not a file the linter formats).
fs.appendFileSync(
  path.join(CACHE_DIR, "runs.ndjson"),
  `${JSON.stringify({ started, opts, machine, targets: TARGETS, runs })}\n`,
);
console.log(`\nReport: ${path.relative(process.cwd(), opts.resultsFile)}`);

const bad = failures(runs);
if (bad.length) {
  console.error(`\nFAILED: ${bad.join("; ")}`);
  process.exit(1);
}
