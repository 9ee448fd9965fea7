// Keeps directory_entry, directory_card and directory_term in step with profiles, memberships and consents.
// Every write to those calls syncDirectory() in the same transaction, so the directory is never
// behind what members chose (a member who hides a field or withdraws consent disappears from the
// results of the very next search).
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  directoryCard,
  directoryChange,
  directoryEntry,
  directoryTerm,
  member,
  organization,
} from "../../db/schema/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { buildEntries, type EntrySource, termsOf } from "./entry.ts";

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

export type DirectoryRows = {
  entries: (typeof directoryEntry.$inferInsert)[];
  cards: (typeof directoryCard.$inferInsert)[];
  /** +1 for every suggestion term the rows contribute. */
  terms: Delta[];
};

/**
 * What the directory holds for these members: which of their fields go into which audience's row
 * and card (entry.ts decides), and the suggestion terms they add. The one place rows are made,
 * for syncDirectory and for indexNewMembers (the bulk loader of src/devdata).
 */
export function directoryRowsOf(sources: EntrySource[]): DirectoryRows {
  const rows: DirectoryRows = { entries: [], cards: [], terms: [] };
  for (const s of sources) {
    for (const e of buildEntries(s)) {
      const { card, photoPath, ...entry } = e;
      rows.entries.push({ ...entry, memberSince: new Date(e.memberSince) });
      rows.cards.push({ networkId: e.networkId, audience: e.audience, userId: e.userId, card, photoPath });
      for (const t of termsOf(s, e)) rows.terms.push({ audience: e.audience, ...t, delta: 1 });
    }
  }
  return rows;
}

// directory_entry has 17 columns: 1,000 rows per statement stay well under the 65,535 parameters
// one statement may carry (the bulk loader indexes 1,000 members, up to 2,000 rows, at a time).
const ROWS_PER_INSERT = 1000;

/** Inserts the rows of members who have none now and applies their terms together with `removed`. */
async function writeDirectoryRows(tx: Tx, networkId: string, rows: DirectoryRows, removed: Delta[] = []) {
  for (let i = 0; i < rows.entries.length; i += ROWS_PER_INSERT) {
    await tx.insert(directoryEntry).values(rows.entries.slice(i, i + ROWS_PER_INSERT));
    await tx.insert(directoryCard).values(rows.cards.slice(i, i + ROWS_PER_INSERT));
  }
  await applyTermDeltas(tx, networkId, [...removed, ...rows.terms]);
}

/**
 * Past this many members, one sync records a bulk change (every cached page stale) rather than
 * each member's rows: a roster import need not copy thousands of rows into directory_change.
 */
export const CHANGE_ROWS_MAX = 50;

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
  const bulk = userIds.length > CHANGE_ROWS_MAX;
  const version = await bumpDirectoryVersion(tx, networkId, bulk);
  if (!bulk) await copyChangedRows(tx, networkId, version, userIds); // as they were
  const old = await tx
    .delete(directoryEntry)
    .where(and(eq(directoryEntry.networkId, networkId), inArray(directoryEntry.userId, userIds)))
    .returning({
      audience: directoryEntry.audience,
      skills: directoryEntry.skills,
      departments: directoryEntry.departments,
      location: directoryEntry.location,
    });
  const removed: Delta[] = [];
  for (const o of old) {
    const minus = (field: string, key: string) =>
      removed.push({ audience: o.audience, field, key, label: key, delta: -1 });
    for (const k of o.skills) minus("skills", k);
    for (const k of o.departments) minus("departments", k);
    if (o.location) minus("location", o.location);
  }
  await tx
    .delete(directoryCard)
    .where(and(eq(directoryCard.networkId, networkId), inArray(directoryCard.userId, userIds)));
  await writeDirectoryRows(tx, networkId, directoryRowsOf(sources), removed);
  if (!bulk) await copyChangedRows(tx, networkId, version, userIds); // as they are now
}

/**
 * The batched form for members created in this very transaction, who have no directory rows yet
 * (the bulk loader, thousands at a time): syncDirectory without the row locks and the deletes
 * (nobody else can see these members before the commit), same rows and terms, a bulk change.
 */
export async function indexNewMembers(tx: Tx, networkId: string, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  await writeDirectoryRows(tx, networkId, directoryRowsOf(await memberProfiles(tx, networkId, userIds)));
  await bumpDirectoryVersion(tx, networkId, true);
}

/** Versions of directory_change kept per network: a page not asked for in that many changes is recomputed. */
export const CHANGE_VERSIONS_KEPT = 2000;

/**
 * Cached directory pages of the network are stale from this commit on, unless directory_change
 * shows that the change cannot concern them (cache.ts): raises the version and writes its marker
 * row (`everything`: a bulk change, no page survives it). Returns the new version.
 */
async function bumpDirectoryVersion(tx: Tx, networkId: string, everything: boolean): Promise<number> {
  const [{ version }] = await tx
    .update(organization)
    .set({ directoryVersion: sql`${organization.directoryVersion} + 1` })
    .where(eq(organization.id, networkId))
    .returning({ version: organization.directoryVersion });
  await tx.insert(directoryChange).values({ networkId, version, everything });
  if (version % 100 === 0) {
    await tx
      .delete(directoryChange)
      .where(
        and(
          eq(directoryChange.networkId, networkId),
          lte(directoryChange.version, version - CHANGE_VERSIONS_KEPT),
        ),
      );
  }
  return version;
}

/** Copies the members' directory_entry rows, as they are at this point, into directory_change. */
async function copyChangedRows(tx: Tx, networkId: string, version: number, userIds: string[]) {
  await tx.execute(sql`
    insert into directory_change (network_id, version, audience, user_id, join_year, departments,
                                  industry, job_type, skills, location, open_to, tsv, txt)
    select network_id, ${version}, audience, user_id, join_year, departments,
           industry, job_type, skills, location, open_to, tsv, txt
      from directory_entry
     where network_id = ${networkId} and user_id in (${sql.join(
       userIds.map((id) => sql`${id}`),
       sql`, `,
     )})`);
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
