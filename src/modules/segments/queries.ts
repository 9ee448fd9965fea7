// SQL for segments. Every query is scoped by network id.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { segment } from "../../db/schema/index.ts";
import { byId } from "../../db/scoped.ts";
import type { SegmentInput } from "./schemas.ts";

export async function listSegments(db: Db | Tx, networkId: string) {
  return db.select().from(segment).where(eq(segment.networkId, networkId)).orderBy(asc(segment.name));
}

export async function findSegment(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(segment)
    .where(byId(segment, networkId, id))
    .limit(1);
  return row ?? null;
}
export type SegmentRow = NonNullable<Awaited<ReturnType<typeof findSegment>>>;

/** Inserts; null when the name is taken in the network. */
export async function insertSegment(
  tx: Tx,
  v: SegmentInput & { id: string; networkId: string; createdBy: string | null },
) {
  const [row] = await tx.insert(segment).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

/** Replaces name, description and filter; null when the segment is gone or the name is taken. */
export async function updateSegment(tx: Tx, networkId: string, id: string, v: SegmentInput) {
  const [row] = await tx
    .update(segment)
    .set({ ...v, updatedAt: sql`now()` })
    .where(byId(segment, networkId, id))
    .returning();
  return row ?? null;
}

/** Deletes; the deleted segment's name, or null when there was none. */
export async function deleteSegment(tx: Tx, networkId: string, id: string) {
  const [row] = await tx
    .delete(segment)
    .where(byId(segment, networkId, id))
    .returning({ name: segment.name });
  return row?.name ?? null;
}

export async function nameTaken(db: Db | Tx, networkId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: segment.id })
    .from(segment)
    .where(and(eq(segment.networkId, networkId), eq(segment.name, name)))
    .limit(1);
  return !!row && row.id !== exceptId;
}
