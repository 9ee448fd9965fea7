// The benchmark's report: console summary, the Markdown section of bench/RESULTS.md (between
// markers, so other benchmarks can keep their own sections in the same file), and the targets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DbKind } from "./data.ts";
import type { Measurement, Percentiles, WriterResult } from "./loadgen.ts";
import { MIX } from "./mix.ts";
import { type BenchOptions, ROOT } from "./options.ts";
import type { ProfileSummary } from "./profile.ts";
import type { RealisticInfo } from "./realistic.ts";
import type { PreparedMessage } from "./server.ts";

export type DbRun = {
  kind: DbKind;
  label: string;
  size: number;
  connections: number;
  duration: number;
  prepared: PreparedMessage;
  prepareS: number;
  checked: { name: string; path: string; total: number | null; capped: boolean; items: number }[];
  baseline: Measurement;
  /** The baseline's SELECT behind the app's session + membership guard. */
  baselineAuth: Measurement;
  /** The directory as an alumnus: the app as it runs (directory page cache on). */
  alumnus: Measurement;
  /** The same requests on the same process with the page cache off: what every miss costs. */
  alumnusUncached: Measurement;
  operator: Measurement | null;
  /** The realistic mix (Zipf over thousands of queries), page cache on and off; null when skipped. */
  realistic: RealisticInfo | null;
  /** Profile saves by another alumnus during all the runs (each makes cached pages stale). */
  writer: WriterResult | null;
  /** Each request alone, one at a time (no page cache). */
  alone: {
    baseline: Percentiles;
    baselineAuth: Percentiles;
    alumnus: ({ name: string; n: number } & Percentiles)[];
  };
  profile: ProfileSummary | null;
  /** Share of the machine's CPU in use during 3 s before the runs, our server idle (other work). */
  busyBefore: number | null;
};

/** The issue's targets (for the alumnus' run). */
export const TARGETS: Record<DbKind, { size: number; connections: number; p95: number; ratio?: number }> = {
  postgres: { size: 100_000, connections: 16, p95: 50, ratio: 0.5 },
  pglite: { size: 10_000, connections: 16, p95: 150 },
};

/** The target for the realistic mix (PostgreSQL, 100,000 alumni, 16 connections, page cache on). */
export const REALISTIC_TARGET = { size: 100_000, connections: 16, p95: 50, ratio: 0.3 };

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const times = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : "–");
const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);

export function machineInfo(runs: DbRun[]) {
  const cpus = os.cpus();
  let pglite = "";
  try {
    pglite = JSON.parse(
      fs.readFileSync(path.join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8"),
    ).version;
  } catch {}
  const versionOf = (k: DbKind) => runs.find((r) => r.kind === k)?.prepared.version ?? null;
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: versionOf("postgres"),
    pglite: versionOf("pglite") ? `@electric-sql/pglite ${pglite} (${versionOf("pglite")})` : null,
  };
}

export function verdict(r: DbRun) {
  const t = TARGETS[r.kind];
  const ratio = r.alumnus.rps / r.baseline.rps;
  const atTarget = r.size === t.size && r.connections === t.connections;
  const checks = [
    { what: `p95 ≤ ${t.p95} ms`, value: `${ms(r.alumnus.p95)} ms`, met: r.alumnus.p95 <= t.p95 },
    ...(t.ratio === undefined
      ? []
      : [
          {
            what: `throughput ≥ ${t.ratio * 100} % of baseline`,
            value: `${Math.round(ratio * 100)} %`,
            met: ratio >= t.ratio,
          },
        ]),
  ];
  const rt = r.realistic?.cached;
  if (rt && r.kind === "postgres") {
    const rr = rt.rps / r.baseline.rps;
    checks.push(
      {
        what: `realistic mix: p95 ≤ ${REALISTIC_TARGET.p95} ms`,
        value: `${ms(rt.p95)} ms`,
        met: rt.p95 <= REALISTIC_TARGET.p95,
      },
      {
        what: `realistic mix: throughput ≥ ${REALISTIC_TARGET.ratio * 100} % of baseline`,
        value: `${Math.round(rr * 100)} %`,
        met: rr >= REALISTIC_TARGET.ratio,
      },
    );
  }
  return { target: t, atTarget, checks };
}

function rowsOf(r: DbRun): string[] {
  const b = r.baseline;
  const line = (run: string, m: Measurement, isBase: boolean) =>
    `| ${r.label} | ${int(r.size)} | ${r.connections} | ${run} | ${int(m.rps)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${
      isBase
        ? "1.00 | 1.0× | 1.0× | 1.0×"
        : `${(m.rps / b.rps).toFixed(2)} | ${times(m.p50, b.p50)} | ${times(m.p95, b.p95)} | ${times(m.p99, b.p99)}`
    } | ${m.serverCores === null ? "–" : m.serverCores.toFixed(2)} | ${pct(m.idle)} | ${
      m.statementsPerRequest === undefined ? "–" : m.statementsPerRequest.toFixed(1)
    } | ${m.cacheHitRate === undefined ? "–" : `${(m.cacheHitRate * 100).toFixed(1)} %`} |`;
  return [
    line("baseline (bare SELECT)", b, true),
    line("baseline + auth (same SELECT behind the session/member guard)", r.baselineAuth, false),
    line("directory, alumnus", r.alumnus, false),
    ...(r.operator ? [line("directory, operator", r.operator, false)] : []),
    line("directory, alumnus, page cache off (every request searches)", r.alumnusUncached, false),
    ...(r.realistic
      ? [
          line(
            `**realistic mix**, alumnus (Zipf s=${r.realistic.s} over ${int(r.realistic.distinct)} queries)`,
            r.realistic.cached,
            false,
          ),
          line("**realistic mix**, alumnus, page cache off", r.realistic.uncached, false),
        ]
      : []),
  ];
}

export function printRun(r: DbRun) {
  const { checks, atTarget } = verdict(r);
  for (const c of checks) {
    console.log(
      `  target ${c.what}: ${c.value} — ${c.met ? "met" : "NOT met"}${atTarget ? "" : " (not the target's size)"}`,
    );
  }
  const bad = failures([r]);
  if (bad.length) console.log(`  ERRORS: ${bad.join("; ")}`);
}

/** Non-2xx answers, socket errors and timeouts: any of them fails the run. */
export function failures(runs: DbRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    for (const [name, m] of [
      ["baseline", r.baseline],
      ["baseline + auth", r.baselineAuth],
      ["alumnus", r.alumnus],
      ["alumnus, no page cache", r.alumnusUncached],
      ["operator", r.operator],
      ["realistic mix", r.realistic?.cached ?? null],
      ["realistic mix, no page cache", r.realistic?.uncached ?? null],
    ] as const) {
      if (!m) continue;
      if (m.non2xx || m.errors || m.timeouts) {
        out.push(
          `${r.label} ${name}: ${m.non2xx} non-2xx (${JSON.stringify(m.statusCodes)}), ${m.errors} errors, ${m.timeouts} timeouts`,
        );
      }
    }
    if (r.writer?.failures) out.push(`${r.label} writer: ${r.writer.failures} profile saves failed`);
  }
  return out;
}

export function renderReport(o: {
  opts: BenchOptions;
  runs: DbRun[];
  machine: ReturnType<typeof machineInfo>;
  started: Date;
  seconds: number;
}): string {
  const { opts, runs, machine } = o;
  const L: string[] = [];
  L.push("## Directory search (`npm run bench`)", "");
  L.push(
    `Run ${o.started.toISOString().replace(/\.\d+Z$/, "Z")}, ${Math.round(o.seconds)} s in all. ` +
      `Machine: ${machine.cores} × ${machine.cpu}, ${machine.ramGb} GB RAM, ${machine.os}, Node ${machine.node}. ` +
      "Client (autocannon) and server (a child process) share these cores.",
    "",
  );
  L.push(
    `- CPU in use by other work during 3 s before each database's runs: ${runs
      .map((r) => `${r.label} ${pct(r.busyBefore)}`)
      .join(
        ", ",
      )} (more than a few %: other work also ran during the runs; the rounds spread it over all of them)`,
  );
  if (machine.postgres) L.push(`- PostgreSQL: ${machine.postgres}`);
  for (const r of runs) {
    const set = Object.entries(r.prepared.settings ?? {});
    if (set.length) L.push(`- ${r.label} settings: ${set.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  }
  if (machine.pglite) L.push(`- PGlite: ${machine.pglite}`);
  L.push(
    `- Command: \`${opts.command}\` — each run measured ${opts.duration} s in all, in ${opts.rounds} rounds of ${
      opts.duration / opts.rounds
    } s in which the runs take turns, after ${opts.warmup} s of warm-up each; ${opts.connections} connections; seed ${opts.seed}`,
    "- Method, request mix and how to read this: [bench/README.md](README.md)",
    `- Baseline: \`${(runs[0]?.prepared.baselineSql ?? "").replace(/\s+/g, " ")}\` served by a bare Fastify route ` +
      "(no auth, no search) on the same Database object; “baseline + auth” runs it behind the app's `requireMember`",
    `- Writes: ${runs
      .map((r) =>
        r.writer
          ? `${r.label} ${int(r.writer.writes)} profile saves in ${int(r.writer.seconds)} s (${(r.writer.writes / Math.max(1, r.writer.seconds)).toFixed(1)}/s)`
          : `${r.label} none`,
      )
      .join(
        ", ",
      )} by another alumnus during all runs; each one makes every cached directory page of the network stale`,
    "",
  );
  L.push(
    "| database | alumni | conn. | run | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ baseline | p50 × | p95 × | p99 × | server CPU (cores) | machine idle | PG xacts / req. | page cache hits |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of runs) L.push(...rowsOf(r));
  for (const r of runs.filter((x) => x.realistic)) {
    const x = r.realistic!;
    L.push(
      "",
      `Realistic mix (${r.label}): ${int(x.distinct)} distinct queries built from the generated data (\`bench/directory/realistic.ts\`), ` +
        `drawn with Zipf popularity (s = ${x.s}, seeded); the cached run sent ${int(x.sent)} requests, ${int(x.distinctSent)} distinct queries among them ` +
        `(${(x.repeatShare * 100).toFixed(1)} % repeats: the hit rate of a cache that never goes stale). ` +
        `Of the ${x.checked} most popular queries, ${x.empty} match nobody and ${x.capped} match 500+.`,
    );
  }
  L.push(
    "",
    "### Targets (alumnus run)",
    "",
    "| database | target | measured | met |",
    "| --- | --- | --- | --- |",
  );
  for (const r of runs) {
    const v = verdict(r);
    for (const c of v.checks) {
      const at = v.atTarget
        ? ""
        : ` (measured at ${int(r.size)} alumni / ${r.connections} conn.; the target is for ${int(v.target.size)} / ${v.target.connections})`;
      L.push(
        `| ${r.label} | ${int(v.target.size)} alumni, ${v.target.connections} conn.: ${c.what} | ${c.value}${at} | ${c.met ? "yes" : "**no**"} |`,
      );
    }
  }
  L.push(
    "",
    "### Per request (alumnus)",
    "",
    "matches: `total` of the first page; SQL ms: execution time of its statements in EXPLAIN ANALYZE " +
      "(alone, warm cache; plan in `plans/<db>-<id>.txt`); alone p50: 20 requests sent one at a time " +
      "(no queueing) with the page cache off; p50/p95: in the alumnus load run above (page cache on).",
    "",
    `| request | ${runs.map((r) => `${r.label} matches | SQL ms | alone p50 | p50 | p95`).join(" | ")} |`,
    `| --- | ${runs.map(() => "---: | ---: | ---: | ---: | ---:").join(" | ")} |`,
  );
  const planMs = (r: DbRun, id: string | undefined) => {
    const p = id ? r.prepared.plans.find((x) => x.name === id) : undefined;
    return p ? ms(p.ms) : "–";
  };
  L.push(
    `| baseline (bare SELECT) | ${runs
      .map(
        (r) =>
          `– | ${planMs(r, "baseline")} | ${ms(r.alone.baseline.p50)} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p95)}`,
      )
      .join(" | ")} |`,
  );
  L.push(
    `| baseline + auth | ${runs
      .map(
        (r) =>
          `– | ${planMs(r, "baseline")} | ${ms(r.alone.baselineAuth.p50)} | ${ms(r.baselineAuth.p50)} | ${ms(r.baselineAuth.p95)}`,
      )
      .join(" | ")} |`,
  );
  const names = runs[0]?.checked.map((c) => c.name) ?? [];
  for (const name of names) {
    const cells = runs.map((r) => {
      const c = r.checked.find((x) => x.name === name);
      const matches = c ? (c.total === null ? "(page 2)" : `${int(c.total)}${c.capped ? "+" : ""}`) : "–";
      const a = r.alone.alumnus.find((x) => x.name === name);
      const p = r.alumnus.perRequest.find((x) => x.name === name);
      const id = MIX.find((m) => m.name === name)?.id;
      return `${matches} | ${planMs(r, id)} | ${a ? ms(a.p50) : "–"} | ${p ? ms(p.p50) : "–"} | ${p ? ms(p.p95) : "–"}`;
    });
    L.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  const withPlans = runs.filter((r) => r.prepared.plans.length);
  if (withPlans.length) {
    L.push(
      "",
      "### Query plans (EXPLAIN ANALYZE execution time of each request's statements, alone, warm cache)",
      "",
      `| query | ${withPlans.map((r) => `${r.label} ms`).join(" | ")} | files |`,
      `| --- | ${withPlans.map(() => "---:").join(" | ")} | --- |`,
    );
    for (const p of withPlans[0].prepared.plans) {
      const cells = withPlans.map((r) =>
        ms(r.prepared.plans.find((x) => x.name === p.name)?.ms ?? Number.NaN),
      );
      const files = withPlans
        .map((r) => r.prepared.plans.find((x) => x.name === p.name)?.file)
        .filter(Boolean);
      L.push(`| ${p.name} | ${cells.join(" | ")} | ${files.map((f) => `[${f}](${f})`).join(", ")} |`);
    }
  }
  for (const r of runs.filter((x) => x.profile)) {
    const p = r.profile!;
    L.push(
      "",
      `### Where the server's CPU time goes (${r.label}, alumnus run with the page cache off, \`--profile\`)`,
      "",
      `${int(p.totalMs)} ms of samples; profile: \`${path.relative(ROOT, p.file)}\` (open in Chrome DevTools).`,
      "",
      "| area | ms | share |",
      "| --- | ---: | ---: |",
      ...p.byArea.map((a) => `| ${a.area} | ${int(a.ms)} | ${Math.round(a.share * 100)} % |`),
      "",
      "| function (self time) | ms | share |",
      "| --- | ---: | ---: |",
      ...p.topFunctions
        .slice(0, 12)
        .map((f) => `| \`${f.fn}\` | ${int(f.ms)} | ${Math.round(f.share * 100)} % |`),
    );
  }
  return `${L.join("\n")}\n`;
}

const START = "<!-- bench:directory:start -->";
const END = "<!-- bench:directory:end -->";

/** Replaces this benchmark's section of the results file (creating the file if needed). */
export function writeReport(file: string, section: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = `${START}\n${section}${END}\n`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n\n";
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + END.length + 1);
  else text = `${text.trimEnd()}\n\n${block}`;
  fs.writeFileSync(file, text);
}
