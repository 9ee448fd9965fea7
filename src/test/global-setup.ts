// With TEST_DATABASE_URL, migrate that PostgreSQL database once before the test files run.
import { migrateDatabase, openDatabase } from "../db/client.ts";

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await migrateDatabase(db);
  await db.close();
}
