// Opens everything a process needs: database (migrated), job queue, mailer, auth.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino, { type Logger } from "pino";
import { type Database, migrateDatabase, openDatabase } from "../db/client.ts";
import { createJobQueue } from "../jobs/queue.ts";
import { createMailer, type MailJob } from "../mail/mailer.ts";
import { backfillDirectory } from "../modules/directory/index.ts";
import { mailBrandOf } from "../modules/networks/index.ts";
import { createAuth, type PasswordHashing } from "./auth.ts";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { runDataMigrations } from "./data-migrations.ts";
import { redactingLogger } from "./log-redact.ts";
import { localFileStorage } from "./storage.ts";
import { registerJobHandlers, registerSubscribers } from "./subscribers.ts";

/**
 * How the mail worker takes its jobs: 100 per fetch, 20 at a time (over the SMTP pool's 20
 * connections), their completions written 10 at a time (one statement per mail was the worker's
 * largest cost after SMTP itself: bench/RESULTS.md, "Mail worker alone"). A worker killed mid-batch
 * sends again at most the 20 on the wire and the completions not yet written.
 */
/**
 * A --role=worker process runs at a lower scheduling priority (WORKER_NICE): where it shares the
 * CPU with web processes, a request is answered first and the jobs use what is left (measured in
 * bench/RESULTS.md, "Announcement fan-out").
 */
export function lowerWorkerPriority(config: Config, log: Pick<Logger, "warn">) {
  if (!config.WORKER_NICE) return;
  try {
    os.setPriority(config.WORKER_NICE);
  } catch (err) {
    log.warn({ err }, "could not lower the worker's priority");
  }
}

export const MAIL_WORK = { batchSize: 100, concurrency: 20, completeEvery: 10 } as const;
export type ServiceOptions = {
  /** Skip migrations (tests migrate once per database). */
  migrate?: boolean;
  /** In-memory PGlite instead of DATA_DIR (tests). */
  inMemory?: boolean;
  rateLimit?: boolean;
  logger?: pino.Logger;
  /** pg-boss schema name (default "pgboss"). */
  jobSchema?: string;
  /** Tests only: a cheaper password hash (see src/test/harness.ts). */
  passwordHashing?: PasswordHashing;
  /** In-memory PGlite started from this dump (tests: see src/test/global-setup.ts). */
  pgliteSnapshot?: Blob;
};

function secretFor(config: Config): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = path.join(config.dataDir, "auth-secret");
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export async function openServices(config: Config, opts: ServiceOptions = {}): Promise<AppContext> {
  registerSubscribers();
  // Jobs, the mailer and services log through it: errors without query parameters (log-redact.ts).
  const log = redactingLogger(opts.logger ?? pino({ level: config.LOG_LEVEL })) as Logger;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: opts.inMemory ? undefined : path.join(config.dataDir, "db"),
    pgliteSnapshot: opts.pgliteSnapshot,
  });
  if (opts.migrate !== false) {
    await migrateDatabase(database);
    await runDataMigrations(database.db, log);
    const indexed = await backfillDirectory(database.db);
    if (indexed) log.info({ indexed }, "members added to the directory index");
    if (database.kind === "pglite") await maintainPglite(database, log);
  }
  const jobs = await createJobQueue(database, log, config.DATABASE_URL, opts.jobSchema);
  const mailer = createMailer({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    outboxDir: path.join(config.dataDir, "mail"),
    jobs,
    log,
    brandOf: (networkId) => mailBrandOf(database.db, networkId, config.baseUrl),
  });
  await jobs.register<MailJob>("email.send", (job) => mailer.deliver(job), MAIL_WORK);
  const secret = secretFor(config);
  const auth = createAuth({
    db: database.db,
    baseUrl: config.baseUrl,
    secret,
    mailer,
    rateLimit: opts.rateLimit ?? config.AUTH_RATE_LIMIT === "on",
    passwordHashing: opts.passwordHashing,
  });
  const storage = localFileStorage(path.join(config.dataDir, "files"));
  const ctx: AppContext = { config, database, db: database.db, jobs, mailer, storage, auth, log, secret };
  await registerJobHandlers(ctx);
  return ctx;
}

/**
 * PGlite has no autovacuum: without statistics the planner guesses (a directory search planned on
 * guesses took 3× longer in bench/RESULTS.md). Statistics at start-up (after data was loaded by the
 * CLI, which runs while the server is stopped) and VACUUM ANALYZE every six hours.
 */
async function maintainPglite(database: Database, log: Logger) {
  const run = (sqlText: string) =>
    database.exec(sqlText).catch((err) => log.warn({ err }, `PGlite maintenance failed: ${sqlText}`));
  await run("analyze");
  const timer = setInterval(() => run("vacuum analyze"), 6 * 3600_000);
  timer.unref();
  const close = database.close;
  database.close = async () => {
    clearInterval(timer);
    await close();
  };
}

export async function closeServices(ctx: AppContext) {
  await ctx.jobs.stop().catch(() => {});
  await ctx.database.close();
}
