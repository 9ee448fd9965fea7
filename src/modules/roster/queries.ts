// Roster SQL. Every function takes the network id and puts it in the WHERE clause.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { networkInvitation, rosterEntry, rosterImport, user } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { kanaKey, nameKey } from "../../shared/text.ts";
import type { RosterField } from "./messages.ts";
import type { RosterState } from "./schemas.ts";
import type { RosterRow } from "./validate.ts";

/** Serialises imports of one network (two operators uploading at once wait for each other). */
export async function lockRoster(tx: Tx, networkId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`roster:${networkId}`}))`);
}

export async function existingEmployeeNumbers(tx: Tx, networkId: string, numbers: string[]) {
  if (!numbers.length) return new Set<string>();
  const rows = await tx
    .select({ n: rosterEntry.employeeNumber })
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, networkId), inArray(rosterEntry.employeeNumber, numbers)));
  return new Set(rows.map((r) => r.n));
}

/** The keys registration matching looks rows up by (name_key, kana_key), derived from the row. */
export function matchingKeys(r: Pick<RosterRow, "name" | "nameKana">) {
  return { nameKey: nameKey(r.name), kanaKey: r.nameKana ? kanaKey(r.nameKana) : null };
}

/**
 * Inserts or updates (by employee number) one batch. Optional columns missing from the file
 * keep their stored values; a present but empty cell clears the value.
 */
export async function upsertRosterBatch(
  tx: Tx,
  networkId: string,
  rows: RosterRow[],
  columns: RosterField[],
) {
  const has = new Set(columns);
  const set: Record<string, SQL> = {
    name: sql`excluded.name`,
    nameKey: sql`excluded.name_key`,
    joinDate: sql`excluded.join_date`,
    leaveDate: sql`excluded.leave_date`,
    updatedAt: sql`now()`,
  };
  if (has.has("nameKana")) {
    set.nameKana = sql`excluded.name_kana`;
    set.kanaKey = sql`excluded.kana_key`;
  }
  if (has.has("department")) set.department = sql`excluded.department`;
  if (has.has("email")) set.email = sql`excluded.email`;
  await tx
    .insert(rosterEntry)
    .values(
      rows.map((r) => ({
        id: randomUUID(),
        networkId,
        employeeNumber: r.employeeNumber,
        name: r.name,
        nameKana: r.nameKana,
        ...matchingKeys(r),
        joinDate: r.joinDate,
        leaveDate: r.leaveDate,
        department: r.department,
        email: r.email,
      })),
    )
    .onConflictDoUpdate({ target: [rosterEntry.networkId, rosterEntry.employeeNumber], set });
}

export async function insertImportRecord(
  tx: Tx,
  v: {
    networkId: string;
    userId: string | null;
    filename: string | null;
    encoding: string;
    rowCount: number;
    created: number;
    updated: number;
    durationMs: number;
  },
) {
  const id = randomUUID();
  await tx.insert(rosterImport).values({ id, ...v });
  return id;
}

export async function listImports(db: Db, networkId: string, limit = 50) {
  return db
    .select({
      id: rosterImport.id,
      filename: rosterImport.filename,
      encoding: rosterImport.encoding,
      rowCount: rosterImport.rowCount,
      created: rosterImport.created,
      updated: rosterImport.updated,
      durationMs: rosterImport.durationMs,
      createdAt: rosterImport.createdAt,
      by: user.name,
    })
    .from(rosterImport)
    .leftJoin(user, eq(user.id, rosterImport.userId))
    .where(eq(rosterImport.networkId, networkId))
    .orderBy(desc(rosterImport.createdAt), desc(rosterImport.id))
    .limit(limit);
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One search term must match one of: name, kana, employee number, department, email. */
function termMatches(term: string): SQL | undefined {
  const key = nameKey(term);
  if (!key) return undefined;
  const k = `%${likeEscape(key)}%`;
  const kana = `%${likeEscape(kanaKey(term))}%`;
  const raw = `%${likeEscape(term.normalize("NFKC").toLowerCase())}%`;
  return sql`(${rosterEntry.nameKey} like ${k}
    or ${rosterEntry.kanaKey} like ${kana}
    or lower(${rosterEntry.employeeNumber}) like ${k}
    or regexp_replace(lower(coalesce(${rosterEntry.department}, '')), '[[:space:]・･]+', '', 'g') like ${k}
    or lower(coalesce(${rosterEntry.email}, '')) like ${raw})`;
}

export type RosterListFilter = {
  q?: string;
  state?: RosterState;
  sort: "employeeNumber" | "name";
  after?: { key: string; id: string };
  limit: number;
  /** Count the matching rows (the list does; the export pages through them without). */
  count?: boolean;
};

/** Per roster row of the network: when it was last invited and whether an invitation is pending. */
function invitations(db: Db | Tx, networkId: string) {
  return db
    .select({
      rosterEntryId: networkInvitation.rosterEntryId,
      invitedAt:
        sql<Date | null>`max(${networkInvitation.createdAt}) filter (where ${networkInvitation.revokedAt} is null)`.as(
          "invited_at",
        ),
      pending:
        sql<boolean>`bool_or(${networkInvitation.acceptedAt} is null and ${networkInvitation.revokedAt} is null and ${networkInvitation.expiresAt} > now())`.as(
          "pending",
        ),
    })
    .from(networkInvitation)
    .where(
      and(eq(networkInvitation.networkId, networkId), sql`${networkInvitation.rosterEntryId} is not null`),
    )
    .groupBy(networkInvitation.rosterEntryId)
    .as("inv");
}

/** The row as the list shows it: its fields, its state and when it was invited. */
function entryColumns(inv: ReturnType<typeof invitations>) {
  const state = sql<RosterState>`case when ${rosterEntry.linkedUserId} is not null then 'member'
    when coalesce(${inv.pending}, false) then 'invited' else 'not_invited' end`;
  return {
    state,
    columns: {
      id: rosterEntry.id,
      employeeNumber: rosterEntry.employeeNumber,
      name: rosterEntry.name,
      nameKana: rosterEntry.nameKana,
      joinDate: rosterEntry.joinDate,
      leaveDate: rosterEntry.leaveDate,
      department: rosterEntry.department,
      email: rosterEntry.email,
      state,
      invitedAt: inv.invitedAt,
    },
  };
}

/** Roster rows with their invitation/membership state, keyset-paginated, plus the total. */
export async function searchRoster(db: Db, networkId: string, f: RosterListFilter) {
  const inv = invitations(db, networkId);
  const { state, columns } = entryColumns(inv);
  const sortKey =
    f.sort === "name"
      ? sql<string>`coalesce(${rosterEntry.kanaKey}, ${rosterEntry.nameKey})`
      : sql<string>`${rosterEntry.employeeNumber}`;

  const where: (SQL | undefined)[] = [eq(rosterEntry.networkId, networkId)];
  for (const term of (f.q ?? "")
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .slice(0, 5))
    where.push(termMatches(term));
  if (f.state) where.push(sql`${state} = ${f.state}`);
  const filtered = and(...where);

  const [{ total }] =
    f.count === false
      ? [{ total: -1 }]
      : await db
          .select({ total: sql<number>`count(*)::int` })
          .from(rosterEntry)
          .leftJoin(inv, eq(inv.rosterEntryId, rosterEntry.id))
          .where(filtered);
  const rows = await db
    .select({ ...columns, sortKey })
    .from(rosterEntry)
    .leftJoin(inv, eq(inv.rosterEntryId, rosterEntry.id))
    .where(
      and(
        filtered,
        f.after ? sql`(${sortKey}, ${rosterEntry.id}) > (${f.after.key}, ${f.after.id})` : undefined,
      ),
    )
    .orderBy(asc(sortKey), asc(rosterEntry.id))
    .limit(f.limit + 1);
  return { total, rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** One row as the list shows it (state, invitation), or null. */
export async function findRosterEntry(db: Db | Tx, networkId: string, id: string) {
  const inv = invitations(db, networkId);
  const [row] = await db
    .select(entryColumns(inv).columns)
    .from(rosterEntry)
    .leftJoin(inv, eq(inv.rosterEntryId, rosterEntry.id))
    .where(byId(rosterEntry, networkId, id))
    .limit(1);
  return row ?? null;
}

/** The stored row, locked until the transaction ends, or null. */
export async function lockRosterRow(tx: Tx, networkId: string, id: string) {
  const [row] = await tx
    .select()
    .from(rosterEntry)
    .where(byId(rosterEntry, networkId, id))
    .for("update");
  return row ?? null;
}

/** Another row of the network has this employee number, or (lower-cased) this email. */
export async function takenBy(
  tx: Tx,
  networkId: string,
  exceptId: string,
  by: { employeeNumber: string } | { email: string },
) {
  const cond =
    "employeeNumber" in by
      ? eq(rosterEntry.employeeNumber, by.employeeNumber)
      : sql`lower(${rosterEntry.email}) = ${by.email}`;
  const [row] = await tx
    .select({ id: rosterEntry.id })
    .from(rosterEntry)
    .where(inNetwork(rosterEntry, networkId, ne(rosterEntry.id, exceptId), cond))
    .limit(1);
  return !!row;
}

/** Replaces the row's fields and the matching keys derived from them. */
export async function updateRosterRow(tx: Tx, networkId: string, id: string, r: Omit<RosterRow, "line">) {
  await tx
    .update(rosterEntry)
    .set({ ...r, ...matchingKeys(r), updatedAt: sql`now()` })
    .where(byId(rosterEntry, networkId, id));
}

/** Deletes the row unless a member is linked to it; whether it was deleted. */
export async function deleteUnlinkedRosterRow(tx: Tx, networkId: string, id: string) {
  const rows = await tx
    .delete(rosterEntry)
    .where(byId(rosterEntry, networkId, id, isNull(rosterEntry.linkedUserId)))
    .returning({ id: rosterEntry.id });
  return rows.length > 0;
}

/** How many people the network's roster holds (the operators' first steps). */
export async function rosterSize(db: Db | Tx, networkId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rosterEntry)
    .where(eq(rosterEntry.networkId, networkId));
  return r?.n ?? 0;
}
