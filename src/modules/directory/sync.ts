// Keeps directory_entry and directory_term in step with profiles, memberships and consents.
// Every write to those calls syncDirectory() in the same transaction, so the directory is never
// behind what members chose (a member who hides a field or withdraws consent disappears from the
// results of the very next search).
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { directoryCard, directoryEntry, directoryTerm, member, organization } from "../../db/schema/index.ts";
import { memberProfiles } from "../profiles/queries.ts";
import { buildEntries, type EntryRow, type EntrySource, termsOf } from "./entry.ts";

type Delta = { audience: string; field: string; key: string; label: string; delta: number };

/** Adds (or, with a negative delta, removes) members to the suggestion counts of their labels. */
export async function applyTermDeltas(tx: Tx, networkId: string, deltas: Delta[]) {
  const merged = new Map<string, Delta>();
  for (const d of deltas) {
    const id = `${d.audience}\u0000${d.field}\u0000${d.key}`;
    const cur = merged.get(id);
    if (cur) {
      cur.delta += d.delta;
      if (d.delta > 0) cur.label = d.label;
    } else merged.set(id, { ...d });
  }
  // Sorted, so that concurrent syncs lock the term rows in one order (no deadlock).
  const rows = [...merged.entries()]
    .filter(([, d]) => d.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
  if (!rows.length) return;
  await tx
    .insert(directoryTerm)
    .values(
      rows.map((d) => ({
        networkId,
        audience: d.audience as any,
        field: d.field,
        key: d.key,
        label: d.label,
        count: d.delta,
      })),
    )
    .onConflictDoUpdate({
      target: [directoryTerm.networkId, directoryTerm.audience, directoryTerm.field, directoryTerm.key],
      set: {
        count: sql`${directoryTerm.count} + excluded.count`,
        label: sql`case when excluded.count > 0 then excluded.label else ${directoryTerm.label} end`,
      },
    });
  await tx
    .delete(directoryTerm)
    .where(and(eq(directoryTerm.networkId, networkId), lte(directoryTerm.count, 0)));
}

function entryValues({ card: _c, photoPath: _p, ...e }: EntryRow) {
  return { ...e, memberSince: new Date(e.memberSince) };
}

function cardValues(e: EntryRow) {
  return {
    networkId: e.networkId,
    audience: e.audience,
    userId: e.userId,
    card: e.card,
    photoPath: e.photoPath,
  };
}

/**
 * Rebuilds the directory rows of the given members of one network (members that are gone lose
 * their rows). Call inside the transaction that changed them.
 */
export async function syncDirectory(tx: Tx, networkId: string, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  // Serialise syncs of the same members (two tabs saving the profile at once), then read.
  await tx
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, networkId), inArray(member.userId, userIds)))
    .orderBy(asc(member.id))
    .for("update");
  const sources: EntrySource[] = await memberProfiles(tx, networkId, userIds);
  const old = await tx
    .delete(directoryEntry)
    .where(and(eq(directoryEntry.networkId, networkId), inArray(directoryEntry.userId, userIds)))
    .returning({
      audience: directoryEntry.audience,
      skills: directoryEntry.skills,
      departments: directoryEntry.departments,
      location: directoryEntry.location,
    });
  const deltas: Delta[] = [];
  for (const o of old) {
    const minus = (field: string, key: string) =>
      deltas.push({ audience: o.audience, field, key, label: key, delta: -1 });
    for (const k of o.skills) minus("skills", k);
    for (const k of o.departments) minus("departments", k);
    if (o.location) minus("location", o.location);
  }
  const entries: EntryRow[] = [];
  for (const s of sources) {
    for (const e of buildEntries(s)) {
      entries.push(e);
      for (const t of termsOf(s, e)) deltas.push({ audience: e.audience, ...t, delta: 1 });
    }
  }
  await tx
    .delete(directoryCard)
    .where(and(eq(directoryCard.networkId, networkId), inArray(directoryCard.userId, userIds)));
  if (entries.length) {
    await tx.insert(directoryEntry).values(entries.map(entryValues));
    await tx.insert(directoryCard).values(entries.map(cardValues));
  }
  await applyTermDeltas(tx, networkId, deltas);
  await bumpDirectoryVersion(tx, networkId);
}

/** Cached directory pages of the network are stale from this commit on (cache.ts). */
async function bumpDirectoryVersion(tx: Tx, networkId: string) {
  await tx
    .update(organization)
    .set({ directoryVersion: sql`${organization.directoryVersion} + 1` })
    .where(eq(organization.id, networkId));
}

/**
 * Indexes active members who have no directory row yet (data from before the directory existed,
 * or written by hand). Runs at start-up; returns how many members were indexed.
 */
export async function backfillDirectory(db: Db, batchSize = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const missing = await db
      .select({ networkId: member.organizationId, userId: member.userId })
      .from(member)
      .leftJoin(
        directoryEntry,
        and(
          eq(directoryEntry.networkId, member.organizationId),
          eq(directoryEntry.userId, member.userId),
          eq(directoryEntry.audience, "operators"),
        ),
      )
      .where(and(eq(member.status, "active"), isNull(directoryEntry.userId)))
      .limit(batchSize);
    if (!missing.length) return done;
    const byNetwork = new Map<string, string[]>();
    for (const m of missing) byNetwork.set(m.networkId, [...(byNetwork.get(m.networkId) ?? []), m.userId]);
    await db.transaction(async (tx) => {
      for (const [networkId, ids] of byNetwork) await syncDirectory(tx, networkId, ids);
    });
    done += missing.length;
  }
}
