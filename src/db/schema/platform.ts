import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Data migrations that have run (src/server/data-migrations.ts): changes to stored data that SQL
 * migrations cannot make alone, such as re-indexing the directory after a default changed.
 */
export const dataMigration = pgTable("data_migration", {
  id: text("id").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});
