// SQL for the operators' member list and member changes. Every query is scoped by network id.

import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { member, profile, user } from "../../db/schema/index.ts";
import { byUser, inNetwork } from "../../db/scoped.ts";
import { record } from "../../server/events.ts";
import { VARIANTS_SQL } from "../../shared/text.ts";

export type ListFilters = {
  networkId: string;
  q?: string;
  role?: string;
  status?: string;
  /** Only these members (at most a few thousand: one parameter each). */
  userIds?: string[];
};
export type ListCursor = { createdAt: string; id: string };

/** NFKC, lower case, no spaces or ・ — the same key as `nameKey` in shared/text.ts, in SQL. */
// Variant kanji folded on both sides (高橋 finds 髙橋): translate() maps them character by character.
const searchKey = (col: unknown) =>
  sql`translate(translate(lower(normalize(coalesce(${col}, ''), NFKC)), ' ・', ''), ${VARIANTS_SQL.from}, ${VARIANTS_SQL.to})`;

function where(f: ListFilters, cursor?: ListCursor): SQL {
  const conds: (SQL | undefined)[] = [eq(member.organizationId, f.networkId)];
  if (f.role) conds.push(eq(member.role, f.role));
  if (f.status) conds.push(eq(member.status, f.status));
  if (f.userIds) conds.push(f.userIds.length ? inArray(member.userId, f.userIds) : sql`false`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, "\\$&")}%`;
    conds.push(
      sql`(${searchKey(user.name)} like ${pattern} or ${searchKey(profile.displayName)} like ${pattern}
        or ${searchKey(profile.nameWhileEmployed)} like ${pattern} or ${searchKey(profile.nameKana)} like ${pattern}
        or ${searchKey(profile.displayNameKana)} like ${pattern} or ${searchKey(user.email)} like ${pattern})`,
    );
  }
  if (cursor) {
    conds.push(sql`(${member.createdAt}, ${member.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`);
  }
  return and(...conds)!;
}

const columns = {
  id: member.id,
  userId: member.userId,
  name: user.name,
  displayName: profile.displayName,
  email: user.email,
  role: member.role,
  status: member.status,
  joinYm: profile.joinYm,
  leaveYm: profile.leaveYm,
  visibility: profile.visibility,
  verifiedVia: member.verifiedVia,
  verifiedAt: member.verifiedAt,
  lastActiveAt: member.lastActiveAt,
  supporterAt: member.supporterAt,
  createdAt: member.createdAt,
  /** created_at as text with microseconds and offset: an exact keyset cursor. */
  createdAtKey: sql<string>`${member.createdAt}::text`,
};

const profileJoin = and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId));

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Newest first; `limit + 1` rows are read so the caller knows whether there is a next page. */
export async function listMembers(db: Db, f: ListFilters, cursor: ListCursor | undefined, limit: number) {
  return db
    .select(columns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, profileJoin)
    .where(where(f, cursor))
    .orderBy(desc(member.createdAt), desc(member.id))
    .limit(limit + 1);
}

export async function countMembers(db: Db, f: ListFilters) {
  const [row] = await db
    .select({ n: count() })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, profileJoin)
    .where(where(f));
  return Number(row.n);
}

export async function findMember(db: Db | Tx, networkId: string, userId: string) {
  const [row] = await db
    .select(columns)
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, profileJoin)
    .where(byUser(member, networkId, userId))
    .limit(1);
  return row ?? null;
}

/**
 * The network's active operators, with their rows locked until the transaction ends: two operators
 * demoting each other at the same moment are serialised, so one operator always remains.
 */
export async function lockActiveOperators(tx: Tx, networkId: string) {
  const rows = await tx
    .select({ userId: member.userId })
    .from(member)
    .where(inNetwork(member, networkId, eq(member.role, "operator"), eq(member.status, "active")))
    .orderBy(member.id) // one lock order for everyone: no deadlock
    .for("update");
  return rows.map((r) => r.userId);
}

export async function updateMember(
  tx: Tx,
  networkId: string,
  userId: string,
  set: { role?: string; status?: string; supporterAt?: Date | null; supporterBy?: string | null },
) {
  await tx
    .update(member)
    .set(set)
    .where(byUser(member, networkId, userId));
  await record(tx, { type: "member.changed", networkId: networkId, userIds: [userId] });
}
