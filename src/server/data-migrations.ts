// Data migrations: changes to stored data that an SQL migration cannot make alone — typically a
// new default that must also reach the directory index, which only syncDirectory writes. They run
// at start-up after the SQL migrations (server/services.ts), each once per database (recorded in
// `data_migration`), in batches, each batch in one transaction with its directory sync and audit
// row. Every step is idempotent: a process stopped half-way, or two processes starting at once,
// leave nothing half-done, and the next start finishes the step.
import type { Logger } from "pino";
import type { Db } from "../db/client.ts";
import { dataMigration } from "../db/schema/index.ts";
import { syncDirectory } from "../modules/directory/index.ts";
import { backfillDepartmentKeys } from "../modules/opportunities/index.ts";
import {
  membersWithCharacters,
  profilesWithoutReading,
  profilesWithVisibility,
  replaceVisibility,
  setDisplayNameKana,
  visibilityMap,
} from "../modules/profiles/index.ts";
import { sameNameReading } from "../shared/names.ts";
import { FORMERLY_OPERATORS_ONLY } from "../shared/profile.ts";
import { VARIANTS_SQL } from "../shared/text.ts";
import { audit } from "./audit.ts";

export type DataMigration = { id: string; run: (db: Db) => Promise<number> };

const BATCH = 500;

function groupByNetwork(rows: { networkId: string; userId: string }[]) {
  const byNetwork = new Map<string, string[]>();
  for (const r of rows) byNetwork.set(r.networkId, [...(byNetwork.get(r.networkId) ?? []), r.userId]);
  return byNetwork;
}

/**
 * "Open to", contact channel and contact hours defaulted to operators only, so members filtering
 * for 業務委託 could not find the people who ticked it. The default is now all members; profiles
 * that still hold the former default (which the editor stored as it was shown) take the new one.
 * A member who wants it narrower changes it in the profile editor. Each network's audit log
 * records how many profiles changed.
 */
async function contactVisibleToMembers(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await profilesWithVisibility(db, FORMERLY_OPERATORS_ONLY, "operators", BATCH);
    if (!rows.length) return done;
    await db.transaction(async (tx) => {
      for (const [networkId, userIds] of groupByNetwork(rows)) {
        await replaceVisibility(tx, networkId, userIds, FORMERLY_OPERATORS_ONLY, "operators", "members");
        await syncDirectory(tx, networkId, userIds);
        await audit(tx, {
          networkId,
          actor: null,
          action: "profiles.defaults_updated",
          data: {
            fields: [...FORMERLY_OPERATORS_ONLY],
            from: "operators",
            to: "members",
            profiles: userIds.length,
          },
        });
      }
    });
    done += rows.length;
  }
}

/**
 * The directory folds variant kanji (髙橋 is found as 高橋): the rows of members whose names or
 * profile text hold one are rebuilt with the new folding. (Roster keys are folded by SQL
 * migration 0011.)
 */
async function directoryFoldsVariants(db: Db): Promise<number> {
  let done = 0;
  let after: { networkId: string; userId: string } | null = null;
  for (;;) {
    const rows = await membersWithCharacters(db, VARIANTS_SQL.from, after, BATCH);
    if (!rows.length) return done;
    await db.transaction(async (tx) => {
      for (const [networkId, userIds] of groupByNetwork(rows)) await syncDirectory(tx, networkId, userIds);
    });
    after = rows[rows.length - 1];
    done += rows.length;
  }
}

/**
 * Profiles gained the reading of today's name (display_name_kana, migration 0012); until then
 * cards showed the reading of the name while employed under today's name, sorted by it, and
 * repeated the same name as 旧姓. Now a card shows only the reading stored with today's name. A
 * member whose name is still the one while employed (or who gave no other) gets that reading, if
 * they showed it to members (today's reading always is); the others fill it in themselves. Every
 * profile looked at has its directory rows rebuilt (its card, sort key and search text follow the
 * new rules), and no other; each network's audit log records how many.
 * (Its first version, "2026-12-display-name-reading", looked only at profiles with a name while
 * employed and copied readings that were not shown to members: this one runs after it too.)
 */
async function displayNameReading(db: Db): Promise<number> {
  let done = 0;
  let after: { networkId: string; userId: string } | null = null;
  for (;;) {
    const rows = await profilesWithoutReading(db, after, BATCH);
    if (!rows.length) return done;
    await db.transaction(async (tx) => {
      for (const [networkId, userIds] of groupByNetwork(rows)) {
        let readings = 0;
        for (const r of rows.filter((x) => x.networkId === networkId)) {
          const reading = visibilityMap(r.visibility).nameKana === "members" ? sameNameReading(r) : null;
          if (reading && (await setDisplayNameKana(tx, networkId, r.userId, reading))) readings++;
        }
        await syncDirectory(tx, networkId, userIds);
        await audit(tx, {
          networkId,
          actor: null,
          action: "profiles.reading_filled",
          data: { profiles: userIds.length, readings },
        });
      }
    });
    after = rows[rows.length - 1];
    done += rows.length;
  }
}

export const DATA_MIGRATIONS: DataMigration[] = [
  { id: "2026-12-contact-visible-to-members", run: contactVisibleToMembers },
  { id: "2026-12-directory-variant-kanji", run: directoryFoldsVariants },
  { id: "2026-12-display-name-reading-2", run: displayNameReading },
  // Postings saved before matching: their department as the key matching compares.
  { id: "2026-12-opportunity-department-key", run: backfillDepartmentKeys },
];

/** Runs the data migrations this database has not recorded yet; returns what each changed. */
export async function runDataMigrations(db: Db, log: Logger, migrations = DATA_MIGRATIONS) {
  const applied = new Set((await db.select({ id: dataMigration.id }).from(dataMigration)).map((r) => r.id));
  const changed: Record<string, number> = {};
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    changed[m.id] = await m.run(db);
    await db.insert(dataMigration).values({ id: m.id }).onConflictDoNothing();
    if (changed[m.id]) log.info({ migration: m.id, rows: changed[m.id] }, "data migration applied");
  }
  return changed;
}
