// Command-line options of `npm run bench` (the directory search benchmark).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Cached databases and run output (bench/tmp is git-ignored). */
export const CACHE_DIR = path.join(ROOT, "bench/tmp/directory");
export const PLANS_DIR = path.join(ROOT, "bench/plans");
export const RESULTS_FILE = path.join(ROOT, "bench/RESULTS.md");

/** The sizes of the targets: the defaults. */
export const DEFAULT_PG_SIZE = 100_000;
export const DEFAULT_PGLITE_SIZE = 10_000;

export const HELP = `Directory search benchmark / 名簿検索の負荷試験

Usage: npm run bench -- [options]
  --pg-size <N>        alumni in the PostgreSQL network (default ${DEFAULT_PG_SIZE}; 0 skips PostgreSQL)
  --pglite-size <N>    alumni in the PGlite network (default ${DEFAULT_PGLITE_SIZE}; 0 skips PGlite)
  --duration <s>       seconds each run is measured, in all (default 30)
  --rounds <N>         the runs take turns in N slices of duration/N seconds (default 3)
  --warmup <s>         seconds of warm-up before each measurement (default 5)
  --connections <N>    concurrent connections (default 16)
  --seed <N>           generator seed (default 1)
  --writes <N>         profile saves per second by another alumnus during all runs (default 1;
                       0: none): each makes the directory's cached pages stale
  --skip-operator      no run as an operator (the alumni run and the baseline only)
  --skip-realistic     no realistic-mix runs (Zipf over thousands of queries drawn from the data)
  --realistic-queries <N>  distinct queries of the realistic mix (default 5000)
  --zipf <s>           Zipf exponent of the realistic mix's popularity (default 1.0)
  --skip-plans         do not write EXPLAIN plans to bench/plans/
  --plans-only         load or reuse the data and write the plans, no load runs (after a change
                       to the queries: see what the planner does now)
  --profile            one more alumnus run (page cache off) with the server's CPU profiled (not in the table):
                       where the time goes, by package and function
  --reload             reload the data even when the cached database holds the same data
  --pg-admin-url <u>   PostgreSQL server to create the bench databases on
                       (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)
  --results <file>     where to write the Markdown report (default bench/RESULTS.md for the
                       default sizes, bench/tmp/directory/results.md otherwise)

Quick run: npm run bench -- --pg-size 10000 --pglite-size 2000 --duration 10 --warmup 2`;

export type BenchOptions = {
  pgSize: number;
  pgliteSize: number;
  duration: number;
  rounds: number;
  warmup: number;
  connections: number;
  seed: number;
  operator: boolean;
  /** Realistic-mix runs (bench/directory/realistic.ts): distinct queries and Zipf exponent, or null. */
  realistic: { distinct: number; s: number } | null;
  writesPerSecond: number;
  plans: boolean;
  plansOnly: boolean;
  profile: boolean;
  reload: boolean;
  pgAdminUrl: string;
  resultsFile: string;
  /** The command as typed (for the report). */
  command: string;
};

function int(name: string, v: string | undefined, def: number, min = 0): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min} (got ${v})`);
  return n;
}

function zipf(v: string | undefined): number {
  if (v === undefined) return 1;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 4) throw new Error(`--zipf must be a number in [0, 4] (got ${v})`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      "pg-size": { type: "string" },
      "pglite-size": { type: "string" },
      duration: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      seed: { type: "string" },
      "skip-operator": { type: "boolean" },
      "skip-realistic": { type: "boolean" },
      "realistic-queries": { type: "string" },
      zipf: { type: "string" },
      writes: { type: "string" },
      "skip-plans": { type: "boolean" },
      "plans-only": { type: "boolean" },
      profile: { type: "boolean" },
      reload: { type: "boolean" },
      "pg-admin-url": { type: "string" },
      results: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return null;
  const pgSize = int("pg-size", values["pg-size"], DEFAULT_PG_SIZE);
  const pgliteSize = int("pglite-size", values["pglite-size"], DEFAULT_PGLITE_SIZE);
  const defaultSizes = pgSize === DEFAULT_PG_SIZE && pgliteSize === DEFAULT_PGLITE_SIZE;
  return {
    pgSize,
    pgliteSize,
    duration: int("duration", values.duration, 30, 1),
    rounds: int("rounds", values.rounds, 3, 1),
    warmup: int("warmup", values.warmup, 5),
    connections: int("connections", values.connections, 16, 1),
    seed: int("seed", values.seed, 1),
    operator: !values["skip-operator"],
    realistic: values["skip-realistic"]
      ? null
      : { distinct: int("realistic-queries", values["realistic-queries"], 5000, 1), s: zipf(values.zipf) },
    writesPerSecond: int("writes", values.writes, 1),
    plans: !values["skip-plans"] || !!values["plans-only"],
    plansOnly: !!values["plans-only"],
    profile: !!values.profile,
    reload: !!values.reload,
    pgAdminUrl:
      values["pg-admin-url"] ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    resultsFile: path.resolve(
      values.results ?? (defaultSizes ? RESULTS_FILE : path.join(CACHE_DIR, "results.md")),
    ),
    command: ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" "),
  };
}
