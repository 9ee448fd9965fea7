// Background jobs on pg-boss, in the same database as the data (PGlite or PostgreSQL). A job sent
// with `{ tx }` is inserted through the caller's transaction (the outbox): it exists exactly when
// the data it belongs to was committed. A job sent with a `key` gets an id derived from it, so the
// same job is never queued twice.
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, Tx } from "../db/client.ts";

export type JobHandler<T> = (data: T) => Promise<void>;

export type SendOptions = {
  /** Insert the job in this transaction: it is queued if and only if the transaction commits. */
  tx?: Tx;
  /** Idempotency key: the job id derives from it, and a second send with the same key is a no-op. */
  key?: string;
  /**
   * Not before then: a moment (a reminder days later) or seconds from now (a mail that can be
   * withdrawn until then). `drain()` runs only jobs whose time has come.
   */
  startAfter?: Date | number;
};

/** How a queue's worker takes its jobs: `batchSize` per fetch, `concurrency` of them at a time. */
export type WorkOptions = {
  batchSize?: number;
  concurrency?: number;
  /**
   * Completions written together (default 1). A worker killed mid-batch repeats at most
   * `concurrency + completeEvery - 1` jobs that had already run.
   */
  completeEvery?: number;
};

export type JobQueue = {
  register: <T extends object>(name: string, handler: JobHandler<T>, opts?: WorkOptions) => Promise<void>;
  send: <T extends object>(name: string, data: T, opts?: SendOptions) => Promise<string | null>;
  /**
   * Many jobs of one queue in one statement (each with its key: a second send of a key is a
   * no-op), in `tx` when given (the outbox, as `send`).
   */
  sendMany: <T extends object>(
    name: string,
    jobs: { data: T; key: string }[],
    opts?: { tx?: Tx },
  ) => Promise<void>;
  /**
   * Takes back the job queued with `key` if no worker has started it, in `tx` (a rolled-back
   * withdrawal leaves it queued). False when it ran, is running, or was never queued. A later
   * send with the same key queues it again.
   */
  withdraw: (name: string, key: string, opts: { tx: Tx }) => Promise<boolean>;
  /** Starts polling workers for every registered queue. */
  startWorkers: () => Promise<void>;
  /** The job queued under `key`, with when it may start (tests, and what a reminder will carry). */
  find: <T extends object>(name: string, key: string) => Promise<{ data: T; startAfter: Date } | null>;
  /** Runs every job waiting now (tests and CLI): returns how many ran. */
  drain: () => Promise<number>;
  health: () => Promise<boolean>;
  stop: () => Promise<void>;
};

type Logger = { error: (o: object, msg: string) => void; info: (o: object, msg: string) => void };

export async function createJobQueue(
  database: Database,
  log: Logger,
  databaseUrl?: string,
  /** pg-boss's schema (tests give each test file its own, so parallel files don't share jobs). */
  schema = "pgboss",
): Promise<JobQueue> {
  const retry = { retryLimit: 8, retryDelay: 5, retryBackoff: true };
  // A worker that dies mid-job (kill -9) leaves the job active: it expires after a minute and is
  // retried at the next supervision (every 15 s), not after pg-boss's default 15 minutes.
  const expiry = { expireInSeconds: 60 };
  const common = {
    supervise: true,
    schedule: false,
    schema,
    superviseIntervalSeconds: 15,
    maintenanceIntervalSeconds: 15,
    ...retry,
    ...expiry,
  } as const;
  const boss =
    database.kind === "postgres"
      ? new PgBoss({ connectionString: databaseUrl, max: 4, ...common })
      : new PgBoss({
          db: {
            executeSql: async (text: string, values: any[]) => {
              const pglite = database.pglite!;
              if (values?.length) return pglite.query(text, values);
              const results = await pglite.exec(text);
              return results[results.length - 1] ?? { rows: [] };
            },
          },
          ...common,
        });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  await boss.start();

  const handlers = new Map<string, JobHandler<any>>();
  const workOptions = new Map<string, WorkOptions>();
  let working = false;

  const run = async (name: string, job: PgBoss.Job<any>) => {
    await handlers.get(name)!(job.data);
  };

  return {
    async register(name, handler, opts = {}) {
      await boss.createQueue(name);
      handlers.set(name, handler);
      workOptions.set(name, opts);
      if (working) await work(name);
    },
    send: (name, data, opts = {}) =>
      boss.send(name, data, {
        ...retry,
        ...expiry,
        ...(opts.key ? { id: jobIdFor(name, opts.key) } : {}),
        // As a moment, not seconds: pg-boss's seconds form, sent through a transaction (`db`),
        // fails with "invalid input syntax for type timestamp" (its SQL casts it both ways).
        ...(opts.startAfter instanceof Date
          ? { startAfter: opts.startAfter }
          : opts.startAfter
            ? { startAfter: new Date(Date.now() + opts.startAfter * 1000) }
            : {}),
        ...(opts.tx ? { db: { executeSql: executorFor(opts.tx) } } : {}),
      }),
    async sendMany(name, jobs, opts = {}) {
      if (!jobs.length) return;
      await boss.insert(
        jobs.map((j) => ({
          id: jobIdFor(name, j.key),
          name,
          data: j.data,
          retryLimit: retry.retryLimit,
          retryDelay: retry.retryDelay,
          retryBackoff: retry.retryBackoff,
          expireInSeconds: expiry.expireInSeconds,
        })),
        opts.tx ? { db: { executeSql: executorFor(opts.tx) } } : {},
      );
    },
    async find<T extends object>(name: string, key: string) {
      const job = await boss.getJobById<T>(name, jobIdFor(name, key));
      return job ? { data: job.data, startAfter: new Date(job.startAfter) } : null;
    },
    async withdraw(name, key, { tx }) {
      // Only a job still waiting (state "created"): one a worker fetched is "active" and may be
      // half-sent; a failed one waiting for its retry ("retry") may have reached the recipient.
      const result: any = await tx.execute(
        sql`delete from ${sql.identifier(schema)}.job
             where name = ${name} and id = ${jobIdFor(name, key)}::uuid and state = 'created'
            returning id`,
      );
      return (result.rows ?? result).length > 0;
    },
    async startWorkers() {
      working = true;
      for (const name of handlers.keys()) await work(name);
    },
    async drain() {
      let count = 0;
      for (const name of handlers.keys()) {
        for (;;) {
          const jobs = await boss.fetch<any>(name, { batchSize: 50 });
          if (!jobs.length) break;
          for (const job of jobs) {
            try {
              await run(name, job);
              await boss.complete(name, job.id);
            } catch (err: any) {
              await boss.fail(name, job.id, { message: String(err?.message ?? err) });
              throw err;
            }
            count++;
          }
        }
      }
      return count;
    },
    async health() {
      try {
        await boss.getQueueSize(handlers.keys().next().value ?? "email.send");
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };

  async function work(name: string) {
    const batchSize = workOptions.get(name)?.batchSize ?? 5;
    const concurrency = Math.max(1, Math.min(batchSize, workOptions.get(name)?.concurrency ?? 1));
    let id: string | undefined;
    const group = Math.max(1, workOptions.get(name)?.completeEvery ?? 1);
    id = await boss.work<any>(name, { pollingIntervalSeconds: 1, batchSize }, async (jobs) => {
      // Each job is completed (or failed) soon after it ran, not with its batch: a worker killed
      // mid-batch leaves only the jobs it was running, and the few whose completion was not yet
      // written, to be retried; a failing job does not send its batch-mates again. Completions are
      // written `completeEvery` at a time (one statement, not one per job: a fan-out's 10,000 mails
      // were 10,000 statements), at least once a second, one write at a time; a job finished while
      // `completeEvery` are waiting holds its lane until they are written. So at most
      // `concurrency + 2 × completeEvery` jobs are running or run and not yet completed.
      // `concurrency` jobs run at a time (mails: several SMTP connections at once).
      let next = 0;
      let done: string[] = [];
      let since = Date.now();
      let writing: Promise<unknown> | null = null;
      const write = async (all: boolean) => {
        while (done.length >= group || (all && done.length) || (done.length && Date.now() - since >= 1000)) {
          if (writing) {
            await writing;
            continue;
          }
          const ids = done;
          done = [];
          since = Date.now();
          writing = boss.complete(name, ids).finally(() => {
            writing = null;
          });
          await writing;
        }
      };
      const lane = async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          try {
            await run(name, job);
          } catch (err: any) {
            log.error({ err, job: job.id, queue: name }, "job failed; it will be retried");
            await boss.fail(name, job.id, { message: String(err?.message ?? err) });
            continue;
          }
          if (!done.length) since = Date.now();
          done.push(job.id);
          await write(false);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
      await write(true);
      // A full batch means more are waiting: fetch the next one at once, not after the polling
      // interval (which held a queue of 1,000 invitation mails to 5 a second, over 3 minutes).
      if (id && jobs.length === batchSize) boss.notifyWorker(id);
    });
  }
}

/** A UUID derived from the queue and the key (pg-boss ids are UUIDs). */
export function jobIdFor(name: string, key: string): string {
  const h = createHash("sha256").update(`${name}\0${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** pg-boss's SQL ($1, $2 … placeholders) run through a drizzle transaction, on either driver. */
function executorFor(tx: Tx) {
  return async (text: string, values: unknown[] = []) => {
    const chunks: SQL[] = [];
    let last = 0;
    for (const m of text.matchAll(/\$(\d+)/g)) {
      chunks.push(sql.raw(text.slice(last, m.index)), sql`${values[Number(m[1]) - 1]}`);
      last = m.index + m[0].length;
    }
    chunks.push(sql.raw(text.slice(last)));
    const result: any = await tx.execute(sql.join(chunks, sql.raw("")));
    return { rows: result.rows ?? result };
  };
}
