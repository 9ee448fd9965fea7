// EXPLAIN (ANALYZE, BUFFERS) of the statements behind the directory's main requests, written to
// bench/plans/<db>-<name>.txt so that a plan change (an index no longer used) shows up in review.
// The SQL is not retyped: the directory service itself runs each request on a drizzle instance
// whose logger records every statement with its parameters, and those statements are explained.
import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, Db } from "../../src/db/client.ts";
import * as schema from "../../src/db/schema/index.ts";
import { countDirectory, directoryQuery, searchDirectory } from "../../src/modules/directory/index.ts";
import type { AppContext } from "../../src/server/context.ts";
import { memberScope, type Scope } from "../../src/server/scope.ts";
import { SLUG } from "./data.ts";
import { MIX } from "./mix.ts";
import { PLANS_DIR } from "./options.ts";

/** The requests whose plans are kept: every request of the mix, and two counts (segments). */
export const PLAN_QUERIES: { name: string; query: string; count?: boolean }[] = [
  ...MIX.map((m) => ({ name: m.id, query: m.query })),
  { name: "count-short", query: "q=人事", count: true },
  { name: "count-filters", query: "joinFrom=2010&joinTo=2019&industry=it", count: true },
];

export type Statement = { sql: string; params: unknown[] };

/** A drizzle instance on the same connection(s) that records what it runs. */
export function recordingDb(database: Database, log: Statement[]): Db {
  const logger = { logQuery: (sql: string, params: unknown[]) => void log.push({ sql, params }) };
  if (database.kind === "postgres") return drizzleNodePg(database.pool!, { schema, logger });
  return drizzlePglite(database.pglite!, { schema, logger }) as unknown as Db;
}

/** The statements the directory service runs for one request (run for real, then recorded). */
async function statementsOf(ctx: AppContext, scope: Scope, query: string, count: boolean) {
  const log: Statement[] = [];
  // Without the page cache: the plans are those of the statements a search runs.
  const rctx = {
    ...ctx,
    db: recordingDb(ctx.database, log),
    config: { ...ctx.config, DIRECTORY_CACHE_MB: 0 },
  };
  const rscope: Scope = { ...scope, ctx: rctx, db: rctx.db };
  const params = Object.fromEntries(new URLSearchParams(query));
  const run = () =>
    count
      ? countDirectory(rscope, directoryQuery.parse(params), "members")
      : searchDirectory(rscope, directoryQuery.parse(params));
  await run(); // warm PostgreSQL's buffers: the plans show the steady state
  log.length = 0;
  await run();
  return log;
}

export type PlanSummary = { name: string; ms: number; file: string };

/** Writes one plan file per request, as an alumnus (the members' audience) sees the directory. */
export async function writePlans(
  ctx: AppContext,
  label: string,
  networkId: string,
  size: number,
  baselineSql: string,
): Promise<PlanSummary[]> {
  fs.mkdirSync(PLANS_DIR, { recursive: true });
  // Plans of requests no longer in the list must not linger.
  for (const f of fs.readdirSync(PLANS_DIR)) {
    if (f.startsWith(`${label}-`) && f.endsWith(".txt")) fs.rmSync(path.join(PLANS_DIR, f));
  }
  const scope = memberScope(
    ctx,
    { id: networkId, name: "ベンチ株式会社", slug: SLUG, status: "active", directoryVersion: 0 },
    { id: "bench", role: "alumni", status: "active", userId: "bench" },
    {
      id: "bench",
      email: "",
      name: "",
      emailVerified: true,
      platformAdmin: false,
      locale: "ja",
      twoFactorEnabled: false,
    },
  );
  const out: PlanSummary[] = [];
  const requests = [...PLAN_QUERIES, { name: "baseline", query: "", count: false }];
  for (const p of requests) {
    const baseline = p.name === "baseline";
    if (baseline) await ctx.database.query(baselineSql, [networkId]);
    const statements = baseline
      ? [{ sql: baselineSql, params: [networkId] }]
      : await statementsOf(ctx, scope, p.query, !!p.count);
    const file = path.join(PLANS_DIR, `${label}-${p.name}.txt`);
    const ms = await explainInto(
      ctx,
      file,
      [
        baseline
          ? `-- ${label}, ${size.toLocaleString("en-US")} alumni: the baseline's bare SELECT (bench/directory/server.ts)`
          : `-- ${label}, ${size.toLocaleString("en-US")} alumni, as an alumnus (audience members): ` +
            `GET /api/n/${SLUG}/directory${p.count ? "/count" : ""}?${p.query}`,
        `-- ${statements.length} statement(s)${baseline ? "" : ", recorded from src/modules/directory/service.ts"}`,
      ],
      statements,
      networkId,
    );
    out.push({ name: p.name, ms, file: path.relative(path.dirname(PLANS_DIR), file) });
  }
  return out;
}

/** Writes `header`, then each statement with its EXPLAIN (ANALYZE, BUFFERS), to `file`; returns the execution ms. */
export async function explainInto(
  ctx: AppContext,
  file: string,
  header: string[],
  statements: Statement[],
  networkId: string,
): Promise<number> {
  const parts = [...header];
  let ms = 0;
  for (const st of statements) {
    const rows = await ctx.database.query<Record<string, string>>(
      `EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`,
      st.params,
    );
    const plan = rows.map((r) => Object.values(r)[0]).join("\n");
    ms += Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? Number.NaN);
    const shown = st.params.map((v) => (v === networkId ? "<network id>" : v));
    parts.push("", st.sql.replace(/\s+/g, " ").trim(), `-- params: ${JSON.stringify(shown)}`, "", plan);
  }
  fs.writeFileSync(file, `${parts.join("\n")}\n`);
  return ms;
}
