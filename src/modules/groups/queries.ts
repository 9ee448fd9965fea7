// SQL for groups and their memberships, every condition scoped to the network.
import { and, asc, desc, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type GroupKind,
  type GroupRole,
  groupMembership,
  member,
  networkGroup,
  notification,
  post,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";

export type GroupRow = typeof networkGroup.$inferSelect & {
  memberCount: number;
  myStatus: "active" | "requested" | null;
  myRole: GroupRole | null;
  pendingRequests: number;
};

const activeCount = sql<number>`(select count(*)::int from ${groupMembership} gm
  where gm.network_id = ${networkGroup.networkId} and gm.group_id = ${networkGroup.id} and gm.status = 'active')`;
const pendingCount = sql<number>`(select count(*)::int from ${groupMembership} gm
  where gm.network_id = ${networkGroup.networkId} and gm.group_id = ${networkGroup.id} and gm.status = 'requested')`;

/** Groups with their counts and `userId`'s place in each (`where` narrows them). */
function groupsWith(
  db: Db | Tx,
  networkId: string,
  userId: string,
  ...where: (ReturnType<typeof eq> | undefined)[]
) {
  return db
    .select({
      id: networkGroup.id,
      networkId: networkGroup.networkId,
      name: networkGroup.name,
      description: networkGroup.description,
      kind: networkGroup.kind,
      createdBy: networkGroup.createdBy,
      createdAt: networkGroup.createdAt,
      updatedAt: networkGroup.updatedAt,
      archivedAt: networkGroup.archivedAt,
      memberCount: activeCount,
      pendingRequests: pendingCount,
      myStatus: groupMembership.status,
      myRole: groupMembership.role,
    })
    .from(networkGroup)
    .leftJoin(
      groupMembership,
      and(
        eq(groupMembership.networkId, networkGroup.networkId),
        eq(groupMembership.groupId, networkGroup.id),
        eq(groupMembership.userId, userId),
      ),
    )
    .where(inNetwork(networkGroup, networkId, ...where));
}

export async function listGroups(db: Db | Tx, networkId: string, userId: string, archived: boolean) {
  const rows = await groupsWith(
    db,
    networkId,
    userId,
    archived ? sql`${networkGroup.archivedAt} is not null` : isNull(networkGroup.archivedAt),
  )
    .orderBy(asc(networkGroup.name))
    .limit(500);
  return rows as GroupRow[];
}

export async function findGroup(db: Db | Tx, networkId: string, id: string, userId: string) {
  const [row] = await groupsWith(db, networkId, userId, eq(networkGroup.id, id)).limit(1);
  return (row as GroupRow | undefined) ?? null;
}

export async function insertGroup(
  tx: Tx,
  v: { id: string; networkId: string; name: string; description: string; kind: GroupKind; createdBy: string },
) {
  const rows = await tx
    .insert(networkGroup)
    .values(v)
    .onConflictDoNothing()
    .returning({ id: networkGroup.id });
  return rows.length > 0;
}

export async function updateGroup(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<{ name: string; description: string; kind: GroupKind; archivedAt: Date | null }>,
) {
  await tx
    .update(networkGroup)
    .set({ ...v, updatedAt: new Date() })
    .where(byId(networkGroup, networkId, id));
}

export async function groupNameTaken(db: Db | Tx, networkId: string, name: string, except?: string) {
  const [row] = await db
    .select({ id: networkGroup.id })
    .from(networkGroup)
    .where(inNetwork(networkGroup, networkId, eq(networkGroup.name, name)))
    .limit(1);
  return !!row && row.id !== except;
}

/** The groups `userId` is an active member of (what the feed's viewer carries). */
export async function activeGroupIds(db: Db | Tx, networkId: string, userId: string) {
  const rows = await db
    .select({ id: groupMembership.groupId })
    .from(groupMembership)
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.userId, userId),
        eq(groupMembership.status, "active"),
      ),
    );
  return rows.map((r) => r.id);
}

export async function groupNames(db: Db | Tx, networkId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: networkGroup.id, name: networkGroup.name })
    .from(networkGroup)
    .where(inNetwork(networkGroup, networkId, inArray(networkGroup.id, ids)));
}

export async function membershipOf(db: Db | Tx, networkId: string, groupId: string, userId: string) {
  const [row] = await db
    .select()
    .from(groupMembership)
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.userId, userId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function putMembership(
  tx: Tx,
  v: {
    networkId: string;
    groupId: string;
    userId: string;
    status: "active" | "requested";
    addedBy: string | null;
  },
) {
  const now = new Date();
  await tx
    .insert(groupMembership)
    .values({
      ...v,
      role: "member",
      requestedAt: v.status === "requested" ? now : null,
      joinedAt: v.status === "active" ? now : null,
    })
    .onConflictDoUpdate({
      target: [groupMembership.networkId, groupMembership.groupId, groupMembership.userId],
      set:
        v.status === "active"
          ? { status: "active", joinedAt: now, addedBy: v.addedBy }
          : { status: "requested", requestedAt: now },
    });
}

export async function deleteMembership(tx: Tx, networkId: string, groupId: string, userId: string) {
  await tx
    .delete(groupMembership)
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.userId, userId),
      ),
    );
}

export async function setGroupRole(
  tx: Tx,
  networkId: string,
  groupId: string,
  userId: string,
  role: GroupRole,
) {
  await tx
    .update(groupMembership)
    .set({ role })
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.userId, userId),
      ),
    );
}

export const GROUP_MEMBERS_MAX = 1000;

/** Active members (admins first, then by joining) or pending requests (oldest first). */
export async function membersOf(
  db: Db | Tx,
  networkId: string,
  groupId: string,
  status: "active" | "requested",
) {
  return db
    .select({
      userId: groupMembership.userId,
      role: groupMembership.role,
      joinedAt: groupMembership.joinedAt,
      requestedAt: groupMembership.requestedAt,
    })
    .from(groupMembership)
    .innerJoin(
      member,
      and(eq(member.organizationId, groupMembership.networkId), eq(member.userId, groupMembership.userId)),
    )
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.status, status),
        eq(member.status, "active"),
      ),
    )
    .orderBy(
      ...(status === "active"
        ? [asc(groupMembership.role), asc(groupMembership.joinedAt)]
        : [asc(groupMembership.requestedAt)]),
      asc(groupMembership.userId),
    )
    .limit(GROUP_MEMBERS_MAX);
}

/** A page of a group's active members by user id (the fan-out of an announcement to a group). */
export async function groupMemberIdsAfter(
  db: Db | Tx,
  networkId: string,
  groupId: string,
  after: string | null,
  limit: number,
) {
  const rows = await db
    .select({ userId: groupMembership.userId })
    .from(groupMembership)
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.status, "active"),
        after ? gt(groupMembership.userId, after) : undefined,
      ),
    )
    .orderBy(asc(groupMembership.userId))
    .limit(limit);
  return rows.map((r) => r.userId);
}

/** Which of `userIds` are active members of the group. */
export async function activeMembersAmong(db: Db | Tx, networkId: string, groupId: string, userIds: string[]) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: groupMembership.userId })
    .from(groupMembership)
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.status, "active"),
        inArray(groupMembership.userId, userIds),
      ),
    );
  return rows.map((r) => r.userId);
}

/** A member who leaves a group keeps no notification about its posts. */
export async function forgetGroupNotifications(tx: Tx, networkId: string, groupId: string, userId: string) {
  await tx.delete(notification).where(
    inNetwork(
      notification,
      networkId,
      eq(notification.userId, userId),
      sql`${notification.subject} in (select 'post:' || ${post.id} from ${post}
          where ${post.networkId} = ${networkId} and ${post.groupId} = ${groupId})`,
    ),
  );
}

// --- Supporters -----------------------------------------------------------------------------------

export async function memberFacts(db: Db | Tx, networkId: string, userId: string) {
  const [row] = await db
    .select({
      role: member.role,
      status: member.status,
      supporter: sql<boolean>`${member.supporterAt} is not null`,
    })
    .from(member)
    .where(and(eq(member.organizationId, networkId), eq(member.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Members who joined the network since `since`, newest first. */
export async function joinedSince(db: Db | Tx, networkId: string, since: Date, limit: number) {
  return db
    .select({ userId: member.userId, joinedAt: member.createdAt })
    .from(member)
    .where(
      and(eq(member.organizationId, networkId), eq(member.status, "active"), gte(member.createdAt, since)),
    )
    .orderBy(desc(member.createdAt))
    .limit(limit);
}

/**
 * Who decides a request to join the group: its admins who are active members of the network, or,
 * when it has none, the network's active operators.
 */
export async function decidersOf(db: Db | Tx, networkId: string, groupId: string) {
  const admins = await db
    .select({ userId: groupMembership.userId })
    .from(groupMembership)
    .innerJoin(
      member,
      and(eq(member.organizationId, groupMembership.networkId), eq(member.userId, groupMembership.userId)),
    )
    .where(
      inNetwork(
        groupMembership,
        networkId,
        eq(groupMembership.groupId, groupId),
        eq(groupMembership.status, "active"),
        eq(groupMembership.role, "admin"),
        eq(member.status, "active"),
      ),
    );
  if (admins.length) return admins.map((r) => r.userId);
  const operators = await db
    .select({ userId: member.userId })
    .from(member)
    .where(
      and(eq(member.organizationId, networkId), eq(member.role, "operator"), eq(member.status, "active")),
    );
  return operators.map((r) => r.userId);
}
