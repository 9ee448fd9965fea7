// The process: web (HTTP + UI) and/or worker (jobs), by --role=web|worker (default: both).
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { acquireDataDirLock } from "./lock.ts";
import { closeServices, lowerWorkerPriority, openServices } from "./services.ts";

const started = performance.now();
let config: ReturnType<typeof loadConfig>;
let release = () => {};
try {
  config = loadConfig();
  if (!config.DATABASE_URL && config.ROLE !== "all") {
    throw new Error(
      "--role=web / --role=worker need DATABASE_URL (PostgreSQL): the embedded database serves one process, which runs both.\n" +
        "--role=web / --role=worker には DATABASE_URL（PostgreSQL）が必要です。組み込みデータベースは1プロセスで両方を実行します。",
    );
  }
  if (!config.DATABASE_URL) release = acquireDataDirLock(config.dataDir);
} catch (err: any) {
  console.error(err.message);
  process.exit(1);
}

const ctx = await openServices(config);
const web = config.ROLE !== "worker";
const app = web ? await buildApp(ctx, { serveWeb: true }) : null;
if (config.ROLE === "worker") lowerWorkerPriority(config, ctx.log);
if (config.ROLE !== "web") await ctx.jobs.startWorkers();
if (app) {
  await app.listen({ port: config.PORT, host: config.HOST });
  ctx.log.info(
    {
      url: config.baseUrl,
      database: ctx.database.kind,
      role: config.ROLE,
      startupMs: Math.round(performance.now() - started),
    },
    `Tsunagari is running at ${config.baseUrl}`,
  );
} else {
  ctx.log.info({ database: ctx.database.kind, role: config.ROLE }, "Tsunagari worker is running");
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  ctx.log.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  try {
    await app?.close();
    await closeServices(ctx);
  } finally {
    release();
  }
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
