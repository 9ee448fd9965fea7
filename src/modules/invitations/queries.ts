// Invitation and API token SQL. Every function is scoped by network id.
import { and, desc, eq, gt, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  apiToken,
  member,
  networkInvitation,
  networkSettings,
  organization,
  rosterEntry,
  user,
} from "../../db/schema/index.ts";
import { byId, byUser, inNetwork } from "../../db/scoped.ts";
import type { InvitationStatus } from "./schemas.ts";

export type InvitationRow = typeof networkInvitation.$inferSelect;

export async function rosterEntriesByIds(tx: Tx, networkId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, networkId), inArray(rosterEntry.id, ids)));
}

export async function rosterEntriesByNumbers(tx: Tx, networkId: string, numbers: string[]) {
  if (!numbers.length) return [];
  return tx
    .select({
      id: rosterEntry.id,
      employeeNumber: rosterEntry.employeeNumber,
      linkedUserId: rosterEntry.linkedUserId,
    })
    .from(rosterEntry)
    .where(and(eq(rosterEntry.networkId, networkId), inArray(rosterEntry.employeeNumber, numbers)));
}

export async function rosterEntryById(tx: Tx, networkId: string, id: string) {
  const [r] = await tx
    .select()
    .from(rosterEntry)
    .where(byId(rosterEntry, networkId, id));
  return r ?? null;
}

/** Emails (lower case) of people who already have a member row in the network. */
export async function memberEmails(tx: Tx, networkId: string, emails: string[]) {
  if (!emails.length) return new Set<string>();
  const rows = await tx
    .select({ email: user.email })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, networkId), inArray(sql`lower(${user.email})`, emails)));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

export async function isMember(tx: Tx, networkId: string, userId: string) {
  const [m] = await tx
    .select({ id: member.id })
    .from(member)
    .where(byUser(member, networkId, userId));
  return !!m;
}

/** Revokes the still-pending invitations of these emails (a new link replaces the old one). */
export async function revokePendingFor(tx: Tx, networkId: string, emails: string[]) {
  if (!emails.length) return;
  await tx
    .update(networkInvitation)
    .set({ revokedAt: sql`now()` })
    .where(
      inNetwork(
        networkInvitation,
        networkId,
        inArray(networkInvitation.email, emails),
        isNull(networkInvitation.acceptedAt),
        isNull(networkInvitation.revokedAt),
      ),
    );
}

export async function insertInvitations(tx: Tx, rows: (typeof networkInvitation.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(networkInvitation).values(rows.slice(i, i + 500));
}

const statusSql = sql<InvitationStatus>`case
  when ${networkInvitation.revokedAt} is not null then 'revoked'
  when ${networkInvitation.acceptedAt} is not null then 'accepted'
  when ${networkInvitation.expiresAt} <= now() then 'expired'
  else 'pending' end`;

export async function listInvitations(
  db: Db,
  networkId: string,
  f: { status?: InvitationStatus; limit: number },
) {
  const byStatus: Record<InvitationStatus, SQL | undefined> = {
    revoked: sql`${networkInvitation.revokedAt} is not null`,
    accepted: and(isNull(networkInvitation.revokedAt), sql`${networkInvitation.acceptedAt} is not null`),
    expired: and(
      isNull(networkInvitation.revokedAt),
      isNull(networkInvitation.acceptedAt),
      lte(networkInvitation.expiresAt, sql`now()`),
    ),
    pending: and(
      isNull(networkInvitation.revokedAt),
      isNull(networkInvitation.acceptedAt),
      gt(networkInvitation.expiresAt, sql`now()`),
    ),
  };
  return db
    .select({
      id: networkInvitation.id,
      email: networkInvitation.email,
      name: networkInvitation.name,
      role: networkInvitation.role,
      status: statusSql,
      rosterEntryId: networkInvitation.rosterEntryId,
      expiresAt: networkInvitation.expiresAt,
      createdAt: networkInvitation.createdAt,
      createdVia: networkInvitation.createdVia,
      acceptedAt: networkInvitation.acceptedAt,
      message: networkInvitation.message,
      remindedAt: networkInvitation.remindedAt,
    })
    .from(networkInvitation)
    .where(and(eq(networkInvitation.networkId, networkId), f.status ? byStatus[f.status] : undefined))
    .orderBy(desc(networkInvitation.createdAt), desc(networkInvitation.id))
    .limit(f.limit);
}

export async function invitationById(tx: Tx, networkId: string, id: string) {
  const [r] = await tx
    .select()
    .from(networkInvitation)
    .where(byId(networkInvitation, networkId, id));
  return r ?? null;
}

/** The invitation, its row locked until the transaction ends (two resends of it run one after the other). */
export async function lockInvitation(tx: Tx, networkId: string, id: string) {
  const [r] = await tx
    .select()
    .from(networkInvitation)
    .where(byId(networkInvitation, networkId, id))
    .for("update");
  return r ?? null;
}

/** Whether the network invited this email again after `inv` (a later invitation replaces it). */
export async function hasNewerInvitation(
  tx: Tx,
  networkId: string,
  inv: { id: string; email: string; createdAt: Date },
) {
  const [r] = await tx
    .select({ id: networkInvitation.id })
    .from(networkInvitation)
    .where(
      inNetwork(
        networkInvitation,
        networkId,
        eq(networkInvitation.email, inv.email),
        gt(networkInvitation.createdAt, inv.createdAt),
        sql`${networkInvitation.id} <> ${inv.id}`,
      ),
    )
    .limit(1);
  return !!r;
}

/** A usable (not accepted, not revoked, not expired) invitation of an active network. */
export async function pendingInvitationByHash(tx: Tx, tokenHash: string) {
  const [r] = await tx
    .select({
      invitation: networkInvitation,
      network: { id: organization.id, name: organization.name, slug: organization.slug },
    })
    .from(networkInvitation)
    .innerJoin(organization, eq(organization.id, networkInvitation.networkId))
    .where(
      and(
        eq(networkInvitation.tokenHash, tokenHash),
        isNull(networkInvitation.acceptedAt),
        isNull(networkInvitation.revokedAt),
        gt(networkInvitation.expiresAt, sql`now()`),
        eq(organization.status, "active"),
      ),
    );
  return r ?? null;
}

/** Marks the network's invitation used. Single use even under concurrency: the WHERE re-checks it. */
export async function markAccepted(tx: Tx, networkId: string, id: string, userId: string) {
  const rows = await tx
    .update(networkInvitation)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      byId(
        networkInvitation,
        networkId,
        id,
        isNull(networkInvitation.acceptedAt),
        isNull(networkInvitation.revokedAt),
        gt(networkInvitation.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: networkInvitation.id });
  return rows.length === 1;
}

export async function listApiTokens(db: Db, networkId: string) {
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      prefix: apiToken.prefix,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.networkId, networkId))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
}

/** Reminders after 7 days unless the operators chose otherwise (network_settings). */
export const DEFAULT_REMINDER_DAYS = 7;

export async function reminderDaysOf(db: Db | Tx, networkId: string): Promise<number | null> {
  const [r] = await db
    .select({ days: networkSettings.invitationReminderDays })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId));
  return r ? r.days : DEFAULT_REMINDER_DAYS;
}

/** Sets the reminder delay; returns the previous one. The row is created first and locked. */
export async function setReminderDays(tx: Tx, networkId: string, days: number | null, by: string | null) {
  await tx.insert(networkSettings).values({ networkId }).onConflictDoNothing();
  const [before] = await tx
    .select({ days: networkSettings.invitationReminderDays })
    .from(networkSettings)
    .where(eq(networkSettings.networkId, networkId))
    .for("update");
  if (before.days !== days) {
    await tx
      .update(networkSettings)
      .set({ invitationReminderDays: days, updatedBy: by, updatedAt: sql`now()` })
      .where(eq(networkSettings.networkId, networkId));
  }
  return before.days;
}

/**
 * Marks the invitation reminded if it still waits for its invitee (not accepted, revoked, expired
 * or reminded, in an active network, and the invitee has not joined some other way — registering,
 * or another invitation — under that email): once, even when the job runs twice. Its link becomes
 * the one of `tokenHash` (the reminder's). Returns what the reminder mail needs, or null.
 */
export async function claimReminder(tx: Tx, networkId: string, id: string, tokenHash: string) {
  const [r] = await tx
    .update(networkInvitation)
    .set({ remindedAt: sql`now()`, tokenHash })
    .where(
      byId(
        networkInvitation,
        networkId,
        id,
        isNull(networkInvitation.acceptedAt),
        isNull(networkInvitation.revokedAt),
        isNull(networkInvitation.remindedAt),
        gt(networkInvitation.expiresAt, sql`now()`),
        sql`exists (select 1 from ${organization} where ${organization.id} = ${networkInvitation.networkId}
                      and ${organization.status} = 'active')`,
        // Any member row: a suspended member cannot accept an invitation either (accept.ts).
        sql`not exists (select 1 from ${member} join ${user} on ${user.id} = ${member.userId}
                         where ${member.organizationId} = ${networkInvitation.networkId}
                           and lower(${user.email}) = ${networkInvitation.email})`,
      ),
    )
    .returning();
  if (!r) return null;
  const [network] = await tx
    .select({ name: organization.name })
    .from(organization)
    .where(eq(organization.id, networkId));
  return { invitation: r, networkName: network.name };
}

/** How many invitations the network ever sent (the operators' first steps). */
export async function invitationCount(db: Db | Tx, networkId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(networkInvitation)
    .where(eq(networkInvitation.networkId, networkId));
  return r?.n ?? 0;
}
