// Background jobs on pg-boss, in the same database as the data (PGlite or PostgreSQL).
import PgBoss from "pg-boss";
import type { Database } from "../db/client.ts";

export type JobHandler<T> = (data: T) => Promise<void>;

export type JobQueue = {
  register: <T extends object>(name: string, handler: JobHandler<T>) => Promise<void>;
  send: <T extends object>(name: string, data: T) => Promise<string | null>;
  /** Starts polling workers for every registered queue. */
  startWorkers: () => Promise<void>;
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
  const common = { supervise: true, schedule: false, schema, ...retry } as const;
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
  let working = false;

  const run = async (name: string, job: PgBoss.Job<any>) => {
    await handlers.get(name)!(job.data);
  };

  return {
    async register(name, handler) {
      await boss.createQueue(name);
      handlers.set(name, handler);
      if (working) await work(name);
    },
    send: (name, data) => boss.send(name, data, retry),
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
    await boss.work<any>(name, { pollingIntervalSeconds: 1, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await run(name, job);
        } catch (err) {
          log.error({ err, job: job.id, queue: name }, "job failed; it will be retried");
          throw err;
        }
      }
    });
  }
}
