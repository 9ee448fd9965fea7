// Raw bulk writes for the loader: one transaction on one connection (a pg client from the pool,
// or PGlite's exclusive transaction), and multi-row INSERTs with numbered parameters. The same
// connection also gets a drizzle handle, so that product code (the directory's indexNewMembers)
// writes in the loader's transaction.
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, Db } from "../db/client.ts";
import * as schema from "../db/schema/index.ts";

export type Query = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

/**
 * Runs `fn` in one transaction on one connection; rolls back if it throws. `q` sends raw SQL,
 * `tx` is drizzle on the same connection (inside the transaction: never call tx.transaction).
 */
export async function inTransaction<T>(database: Database, fn: (q: Query, tx: Db) => Promise<T>): Promise<T> {
  if (database.kind === "pglite") {
    return database.pglite!.transaction((t) => {
      // PGlite's transaction object has the query() drizzle's PGlite session calls.
      const tx = drizzlePglite(t as unknown as PGlite, { schema }) as unknown as Db;
      return fn((text, values) => t.query(text, values as any[]), tx);
    });
  }
  const client = await database.pool!.connect();
  try {
    await client.query("BEGIN");
    const tx = drizzleNodePg(client, { schema });
    const result = await fn((text, values) => client.query(text, values as any[]), tx);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * INSERT INTO table (columns) VALUES (...), (...): one statement for all rows. `casts` gives a
 * SQL type for columns whose parameter needs one (jsonb). Keep rows × columns under 65,535.
 */
export async function insertRows(
  q: Query,
  table: string,
  columns: string[],
  rows: unknown[][],
  casts: Record<string, string> = {},
): Promise<void> {
  if (!rows.length) return;
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const slots = row.map((v, i) => {
      values.push(v);
      const cast = casts[columns[i]];
      return cast ? `$${values.length}::${cast}` : `$${values.length}`;
    });
    tuples.push(`(${slots.join(",")})`);
  }
  const cols = columns.map((c) => `"${c}"`).join(",");
  await q(`INSERT INTO "${table}" (${cols}) VALUES ${tuples.join(",")}`, values);
}
