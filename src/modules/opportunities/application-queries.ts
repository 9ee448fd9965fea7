// SQL for applications, their stage changes, reviewers' notes and the thread. Scoped to one network.
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ApplicationStage,
  opportunity,
  opportunityApplication,
  opportunityFile,
  opportunityMessage,
  opportunityNote,
  opportunityStageChange,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";

export type ApplicationRow = typeof opportunityApplication.$inferSelect;

export async function findApplication(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select({ a: opportunityApplication, o: opportunity })
    .from(opportunityApplication)
    .innerJoin(
      opportunity,
      and(
        eq(opportunity.networkId, opportunityApplication.networkId),
        eq(opportunity.id, opportunityApplication.opportunityId),
      ),
    )
    .where(byId(opportunityApplication, networkId, id))
    .limit(1);
  return row ?? null;
}

/** The application row, locked (stage decisions are taken under it). */
export async function lockApplication(tx: Tx, networkId: string, id: string) {
  const [row] = await tx
    .select()
    .from(opportunityApplication)
    .where(byId(opportunityApplication, networkId, id))
    .for("update")
    .limit(1);
  return row ?? null;
}

/** Inserts; null when the member already has a live application to the posting. */
export async function insertApplication(tx: Tx, v: typeof opportunityApplication.$inferInsert) {
  const rows = await tx.insert(opportunityApplication).values(v).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function updateApplication(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<typeof opportunityApplication.$inferInsert>,
) {
  const [row] = await tx
    .update(opportunityApplication)
    .set(v)
    .where(byId(opportunityApplication, networkId, id))
    .returning();
  return row;
}

export async function insertStageChange(tx: Tx, v: Omit<typeof opportunityStageChange.$inferInsert, "id">) {
  await tx.insert(opportunityStageChange).values({ id: crypto.randomUUID(), ...v });
}

export async function stageChangesOf(db: Db | Tx, networkId: string, applicationId: string) {
  return db
    .select()
    .from(opportunityStageChange)
    .where(
      inNetwork(opportunityStageChange, networkId, eq(opportunityStageChange.applicationId, applicationId)),
    )
    .orderBy(asc(opportunityStageChange.at));
}

export async function notesOf(db: Db | Tx, networkId: string, applicationIds: string[]) {
  if (!applicationIds.length) return [];
  return db
    .select()
    .from(opportunityNote)
    .where(inNetwork(opportunityNote, networkId, inArray(opportunityNote.applicationId, applicationIds)))
    .orderBy(asc(opportunityNote.createdAt));
}

export async function insertNote(tx: Tx, v: Omit<typeof opportunityNote.$inferInsert, "id">) {
  const [row] = await tx
    .insert(opportunityNote)
    .values({ id: crypto.randomUUID(), ...v })
    .returning();
  return row;
}

export async function messagesOf(db: Db | Tx, networkId: string, applicationId: string) {
  return db
    .select()
    .from(opportunityMessage)
    .where(inNetwork(opportunityMessage, networkId, eq(opportunityMessage.applicationId, applicationId)))
    .orderBy(asc(opportunityMessage.createdAt));
}

export async function insertMessage(tx: Tx, v: Omit<typeof opportunityMessage.$inferInsert, "id">) {
  const [row] = await tx
    .insert(opportunityMessage)
    .values({ id: crypto.randomUUID(), ...v })
    .returning();
  return row;
}

/** The member's applications, newest first, with their posting. */
export async function applicationsOf(db: Db | Tx, networkId: string, userId: string) {
  return db
    .select({ a: opportunityApplication, o: opportunity })
    .from(opportunityApplication)
    .innerJoin(
      opportunity,
      and(
        eq(opportunity.networkId, opportunityApplication.networkId),
        eq(opportunity.id, opportunityApplication.opportunityId),
      ),
    )
    .where(inNetwork(opportunityApplication, networkId, eq(opportunityApplication.userId, userId)))
    .orderBy(desc(opportunityApplication.createdAt))
    .limit(200);
}

/** A posting's applications (the board), oldest first. */
export async function applicationsFor(db: Db | Tx, networkId: string, opportunityId: string) {
  return db
    .select()
    .from(opportunityApplication)
    .where(
      inNetwork(opportunityApplication, networkId, eq(opportunityApplication.opportunityId, opportunityId)),
    )
    .orderBy(asc(opportunityApplication.createdAt), asc(opportunityApplication.id))
    .limit(1000);
}

export async function insertFile(db: Db | Tx, v: typeof opportunityFile.$inferInsert) {
  await db.insert(opportunityFile).values(v);
}

export async function filesByIds(db: Db | Tx, networkId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { name: string; size: number }>();
  const rows = await db
    .select({ id: opportunityFile.id, name: opportunityFile.name, size: opportunityFile.size })
    .from(opportunityFile)
    .where(inNetwork(opportunityFile, networkId, inArray(opportunityFile.id, ids)));
  return new Map(rows.map((r) => [r.id, { name: r.name, size: r.size }]));
}

export async function findFile(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(opportunityFile)
    .where(byId(opportunityFile, networkId, id))
    .limit(1);
  return row ?? null;
}

/** Links the uploader's own pending file to the application; false when it is not one. */
export async function attachFile(
  tx: Tx,
  networkId: string,
  uploaderId: string,
  fileId: string,
  applicationId: string,
) {
  const rows = await tx
    .update(opportunityFile)
    .set({ applicationId })
    .where(
      byId(
        opportunityFile,
        networkId,
        fileId,
        eq(opportunityFile.uploadedBy, uploaderId),
        isNull(opportunityFile.applicationId),
      ),
    )
    .returning({ id: opportunityFile.id });
  return rows.length === 1;
}

/** Removes the uploader's pending files older than `hours`; returns their storage keys. */
export async function removeStaleFiles(db: Db | Tx, networkId: string, uploaderId: string, hours: number) {
  const rows = await db
    .delete(opportunityFile)
    .where(
      inNetwork(
        opportunityFile,
        networkId,
        eq(opportunityFile.uploadedBy, uploaderId),
        isNull(opportunityFile.applicationId),
        lt(opportunityFile.createdAt, sql`now() - ${hours}::int * interval '1 hour'`),
      ),
    )
    .returning({ key: opportunityFile.storageKey });
  return rows.map((r) => r.key);
}

export const LIVE_STAGES: ApplicationStage[] = ["applied", "screening", "interview", "offered"];
