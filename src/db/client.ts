import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Db = NodePgDatabase<typeof schema>;
/** A database or an open transaction on it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /**
   * Runs raw SQL with parameters; returns rows. With `name` (PostgreSQL), the statement is
   * prepared once per connection and planned from then on without parsing its text again: for
   * hot statements whose text never changes under that name.
   */
  query: <T = Record<string, unknown>>(text: string, values?: unknown[], name?: string) => Promise<T[]>;
  /** Runs SQL that may hold several statements (no parameters). */
  exec: (text: string) => Promise<unknown>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PostgreSQL connection string (postgres only). */
  url?: string;
  close: () => Promise<void>;
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DbOptions = {
  databaseUrl?: string;
  pgliteDir?: string;
  poolSize?: number;
  /** A PGlite data directory dumped by `dumpDataDir` (tests: migrated once, loaded per file). */
  pgliteSnapshot?: Blob;
};

/** A value as an SQL literal (standard_conforming_strings: a quote is doubled, nothing else escaped). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const text = v instanceof Date ? v.toISOString() : typeof v === "string" ? v : JSON.stringify(v);
  return `'${text.replace(/'/g, "''")}'`;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite (in memory when no dir). */
export async function openDatabase(opts: DbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on("error", () => {}); // idle client errors surface on the next query
    const db = drizzleNodePg(pool, { schema });
    return {
      kind: "postgres",
      db,
      pool,
      url: opts.databaseUrl,
      query: async (text, values, name) =>
        (await pool.query(name ? { name, text, values: values as any[] } : { text, values: values as any[] }))
          .rows,
      exec: (text) => pool.query(text),
      close: () => pool.end(),
    };
  }
  if (opts.pgliteDir) fs.mkdirSync(opts.pgliteDir, { recursive: true });
  const pglite = await PGlite.create(opts.pgliteDir ?? "memory://", {
    extensions: { pg_trgm },
    ...(opts.pgliteSnapshot ? { loadDataDir: opts.pgliteSnapshot } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  // Named statements, prepared once (PGlite is one connection): EXECUTE skips parsing and planning
  // the text again, which in PGlite costs as much as running a small statement.
  const prepared = new Map<string, Promise<unknown>>();
  return {
    kind: "pglite",
    db,
    pglite,
    query: async (text, values, name) => {
      if (!name) return (await pglite.query(text, values as any[])).rows as any[];
      // One PREPARE per name, also when the first reads come at once.
      let ready = prepared.get(name);
      if (!ready) {
        ready = pglite.query(`prepare ${name} as ${text}`);
        ready.catch(() => prepared.delete(name));
        prepared.set(name, ready);
      }
      await ready;
      // EXECUTE takes its arguments as literals (PGlite binds no parameters to it).
      const args = (values ?? []).map(literal).join(", ");
      return (await pglite.query(`execute ${name}${args ? `(${args})` : ""}`)).rows as any[];
    },
    exec: (text) => pglite.exec(text),
    close: () => pglite.close(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "postgres") {
    // Several processes (web + worker) may start at once: one migrates, the others wait.
    // The lock is held on a connection of its own, outside the pool (which may have one slot).
    const lock = new pg.Client({ connectionString: database.url });
    await lock.connect();
    try {
      await lock.query("select pg_advisory_lock(7342001)");
      await migrateNodePg(database.db, { migrationsFolder });
    } finally {
      await lock.end().catch(() => {}); // ending the session releases the lock
    }
  } else {
    await migratePglite(database.db as any, { migrationsFolder });
  }
}
