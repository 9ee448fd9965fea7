// Watches, from outside the server process, whether the roster import's transaction has begun
// writing — so the crash test can aim its SIGKILL inside that transaction.
// PostgreSQL: the import takes a transaction-scoped advisory lock first (lockRoster); it is
// visible in pg_locks exactly while the transaction is open. PGlite runs inside the server
// process, so the only outside sign is its write-ahead log: the import's batches of upserts
// append to DATA_DIR/db/pg_wal many times a second.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export type TxWatch = {
  /** True while (PostgreSQL) / once recently (PGlite) the import's transaction is writing. */
  writing: () => Promise<boolean>;
  /** Starts counting from now (call when the request is sent). */
  reset: () => void;
  close: () => Promise<void>;
};

export async function postgresWatch(adminUrl: string, database: string): Promise<TxWatch> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return {
    reset() {},
    async writing() {
      const r = await client.query(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
         where l.locktype = 'advisory' and l.granted and d.datname = $1`,
        [database],
      );
      return r.rows[0].n > 0;
    },
    close: () => client.end(),
  };
}

/** PGlite: writing once the WAL has changed `minChanges` times since reset (one change can be
 * something else, e.g. a session refresh or pg-boss's maintenance; the import makes dozens). */
export function pgliteWatch(dataDir: string, minChanges = 3): TxWatch {
  const dir = path.join(dataDir, "db", "pg_wal");
  const signature = () => {
    try {
      return fs
        .readdirSync(dir)
        .filter((f) => /^[0-9A-F]{24}$/.test(f))
        .map((f) => {
          const st = fs.statSync(path.join(dir, f));
          return `${f}:${st.size}:${st.mtimeMs}`;
        })
        .join(",");
    } catch {
      return "";
    }
  };
  let last = "";
  let changes = 0;
  return {
    reset() {
      last = signature();
      changes = 0;
    },
    async writing() {
      const now = signature();
      if (now !== last) {
        changes++;
        last = now;
      }
      return changes >= minChanges;
    },
    close: async () => {},
  };
}
