// The benchmark's server process (started by main.ts, one per database):
//   prepare — load or reuse the data, write the EXPLAIN plans, report row counts, exit;
//   serve   — the real app (buildApp, auth and all) on one port and, on a second port, the
//             baseline: a minimal Fastify route running one bare indexed SELECT of the same page
//             size on the same Database object (same pool, same PGlite instance), and the same
//             route behind the app's authentication guard (what signing in costs per request).
// Messages to the parent go through the IPC channel of child_process.fork.
import Fastify from "fastify";
import { pageCacheStats } from "../../src/modules/directory/index.ts";
import { buildApp } from "../../src/server/app.ts";
import { resolveMember } from "../../src/server/guards.ts";
import { closeServices } from "../../src/server/services.ts";
import { serveUntilStopped, targetOf } from "./child.ts";
import { openBenchServices, prepareData, SLUG, type Target } from "./data.ts";
import { writePlans } from "./plans.ts";
import type { ProfileSummary } from "./profile.ts";

export type PreparedMessage = {
  type: "prepared";
  reused: boolean;
  loadMs: number | null;
  loadedAt: string | null;
  version: string;
  /** A few planner and memory settings, as SHOW prints them. */
  settings: Record<string, string>;
  rows: { members: number; operators: number };
  baselineSql: string;
  plans: { name: string; ms: number; file: string }[];
};
export type ReadyMessage = { type: "ready"; appUrl: string; uncachedUrl: string; baselineUrl: string };
export type ProfileMessage = { type: "profile"; summary: ProfileSummary };

const send = (m: PreparedMessage | ReadyMessage | ProfileMessage) =>
  new Promise<void>((resolve) =>
    process.send ? process.send(m, undefined, {}, () => resolve()) : resolve(),
  );
const print = (s: string) => process.stdout.write(`${s}\n`);

/** The page the baseline serves: first 20 cards by name, members' audience, no auth, no search. */
const BASELINE_SQL = `select user_id, card from directory_entry
 where network_id = $1 and audience = 'members'
 order by name_sort, user_id limit 20`;
/** The same when cards live in a table of their own (directory_card, one row per entry). */
const BASELINE_SQL_CARD_TABLE = `select e.user_id, c.card from directory_entry e
  join directory_card c on c.network_id = e.network_id and c.audience = e.audience and c.user_id = e.user_id
 where e.network_id = $1 and e.audience = 'members'
 order by e.name_sort, e.user_id limit 20`;

export async function baselineSql(query: (sql: string, v: unknown[]) => Promise<unknown[]>) {
  const rows = await query(
    `select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = 'directory_entry' and column_name = 'card'`,
    [],
  );
  return rows.length ? BASELINE_SQL : BASELINE_SQL_CARD_TABLE;
}

async function networkIdOf(query: (sql: string, v: unknown[]) => Promise<{ id: string }[]>) {
  const [row] = await query("select id from organization where slug = $1", [SLUG]);
  if (!row) throw new Error(`network ${SLUG} missing`);
  return row.id;
}

async function prepare(t: Target, label: string, plans: boolean, reload: boolean) {
  const { ctx, marker, reused } = await prepareData(t, reload, print);
  try {
    const q = ctx.database.query;
    const networkId = await networkIdOf(q as any);
    const counts = await q<{ audience: "members" | "operators"; n: number }>(
      "select audience, count(*)::int as n from directory_entry where network_id = $1 group by audience",
      [networkId],
    );
    const rows = { members: 0, operators: 0 };
    for (const c of counts) rows[c.audience] = c.n;
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
    const baseline = await baselineSql(q);
    const planList = plans ? await writePlans(ctx, label, networkId, t.size, baseline) : [];
    await send({
      type: "prepared",
      reused,
      loadMs: marker.loadMs ?? null,
      loadedAt: marker.loadedAt ?? null,
      version,
      settings,
      rows,
      baselineSql: baseline,
      plans: planList,
    });
  } finally {
    await closeServices(ctx);
  }
}

async function serve(t: Target) {
  const ctx = await openBenchServices(t, false);
  const app = await buildApp(ctx);
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  // The same app without the directory page cache (what every search costs on a miss).
  const uncachedCtx = { ...ctx, config: { ...ctx.config, DIRECTORY_CACHE_MB: 0 } };
  const uncached = await buildApp(uncachedCtx);
  const uncachedUrl = await uncached.listen({ port: 0, host: "127.0.0.1" });

  const networkId = await networkIdOf(ctx.database.query as any);
  const sqlText = await baselineSql(ctx.database.query);
  const baseline = Fastify({ logger: false });
  baseline.get("/baseline", async () => ({ items: await ctx.database.query(sqlText, [networkId]) }));
  // The same SELECT behind the app's own guard (session + membership): what authentication costs.
  baseline.get("/baseline-auth", async (req) => {
    await resolveMember(ctx, req, undefined, SLUG);
    return { items: await ctx.database.query(sqlText, [networkId]) };
  });
  // Hits and misses of the app's directory page cache so far.
  baseline.get("/cache-stats", async () => pageCacheStats(ctx));
  const baselineUrl = await baseline.listen({ port: 0, host: "127.0.0.1" });

  serveUntilStopped(ctx, [baseline, uncached, app], `${t.kind}-${t.size}`);
  await send({ type: "ready", appUrl, uncachedUrl, baselineUrl });
}

const { mode, target, flags } = targetOf(process.argv.slice(2));
const label = target.kind === "postgres" ? "pg" : "pglite";
try {
  if (mode === "prepare") {
    await prepare(target, label, !flags.includes("--skip-plans"), flags.includes("--reload"));
    process.exit(0);
  } else if (mode === "serve") await serve(target);
  else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
