// Making someone a member of a network: the one place that creates a member row, their first
// profile and their consent record, and links the roster entry. Called inside the caller's
// transaction by registration approval, invitation acceptance and roster matching. Its inverse,
// withdrawAdmission, takes back an approval that its operator undoes at once.

import { randomUUID } from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { consentLog, member, memberConsent, profile, rosterEntry } from "../../db/schema/index.ts";
import { byUser } from "../../db/scoped.ts";
import { record } from "../../server/events.ts";
import { AppError } from "../../shared/errors.ts";
import { sameNameReading } from "../../shared/names.ts";
import { type ConsentChoices, PROFILE_FIELD_DEFAULTS } from "../../shared/profile.ts";

export type AdmitInput = {
  networkId: string;
  userId: string;
  role: "operator" | "employee" | "alumni";
  verifiedVia: "roster_match" | "operator_approval" | "invitation" | "operator_added" | "setup";
  verifiedBy: string | null;
  rosterEntryId?: string | null;
  profile: {
    displayName: string;
    /** The reading of displayName; when absent, the reading of the same name while employed. */
    displayNameKana?: string | null;
    nameWhileEmployed?: string | null;
    nameKana?: string | null;
    joinYm?: string | null;
    leaveYm?: string | null;
    departments?: string[];
  };
  consent?: { noticeVersion: number } & ConsentChoices;
};

/** Returns false when the person already is a member (nothing is changed then). */
export async function admitMember(tx: Tx, v: AdmitInput): Promise<boolean> {
  const inserted = await tx
    .insert(member)
    .values({
      id: randomUUID(),
      organizationId: v.networkId,
      userId: v.userId,
      role: v.role,
      status: "active",
      verifiedVia: v.verifiedVia,
      verifiedBy: v.verifiedBy,
      verifiedAt: sql`now()`,
      rosterEntryId: v.rosterEntryId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: member.id });
  if (!inserted.length) return false;

  await tx
    .insert(profile)
    .values({
      networkId: v.networkId,
      userId: v.userId,
      displayName: v.profile.displayName,
      displayNameKana:
        v.profile.displayNameKana ??
        sameNameReading({ ...v.profile, nameWhileEmployed: v.profile.nameWhileEmployed ?? null }),
      nameWhileEmployed: v.profile.nameWhileEmployed ?? null,
      nameKana: v.profile.nameKana ?? null,
      joinYm: v.profile.joinYm ?? null,
      leaveYm: v.profile.leaveYm ?? null,
      departments: v.profile.departments ?? [],
      visibility: { ...PROFILE_FIELD_DEFAULTS },
    })
    .onConflictDoNothing();

  if (v.consent) {
    const { noticeVersion, ...choices } = v.consent;
    await tx
      .insert(memberConsent)
      .values({ networkId: v.networkId, userId: v.userId, noticeVersion, ...choices })
      .onConflictDoUpdate({
        target: [memberConsent.networkId, memberConsent.userId],
        set: { noticeVersion, ...choices, acceptedAt: sql`now()`, updatedAt: sql`now()` },
      });
    await tx.insert(consentLog).values({
      id: randomUUID(),
      networkId: v.networkId,
      userId: v.userId,
      noticeVersion,
      change: { event: "accepted", ...choices },
    });
  }

  if (v.rosterEntryId) {
    // A roster row belongs to one person: linking a row that another member already holds fails
    // (and the caller's transaction rolls back) instead of silently taking it over.
    const linked = await tx
      .update(rosterEntry)
      .set({ linkedUserId: v.userId, updatedAt: sql`now()` })
      .where(
        and(
          eq(rosterEntry.id, v.rosterEntryId),
          eq(rosterEntry.networkId, v.networkId),
          or(isNull(rosterEntry.linkedUserId), eq(rosterEntry.linkedUserId, v.userId)),
        ),
      )
      .returning({ id: rosterEntry.id });
    if (!linked.length) {
      throw new AppError(409, "ROSTER_ENTRY_LINKED", {
        ja: "この名簿の行は既に別のメンバーと紐付いています。運営にお問い合わせください。",
        en: "This roster entry already belongs to another member. Please contact the operators.",
      });
    }
  }
  await record(tx, { type: "member.changed", networkId: v.networkId, userIds: [v.userId] });
  return true;
}

export type WithdrawAdmission = {
  networkId: string;
  userId: string;
  /** The admission to take back: made by this operator's approval at this moment. */
  verifiedBy: string;
  verifiedAt: Date;
};

/**
 * Takes back the admission of an approval its operator undoes (registration/review.ts), while
 * nothing depends on it: the member has not opened the network yet (`last_active_at` is set on
 * their first request), and nobody changed their role or status. The member leaves the directory
 * as a suspended member would (member.changed, with its term counts and cache changes), then the
 * member row goes with the profile made for it, and the roster row is unlinked.
 *
 * "not_admitted": that approval admitted nobody (the person already was a member) — nothing done;
 * "in_use": the member is using the network — nothing done.
 */
export async function withdrawAdmission(
  tx: Tx,
  v: WithdrawAdmission,
): Promise<"withdrawn" | "not_admitted" | "in_use"> {
  const [m] = await tx
    .select()
    .from(member)
    .where(byUser(member, v.networkId, v.userId))
    .for("update");
  // admitMember's verified_at and the decision's decided_at are both now() of the one transaction.
  const admittedThen =
    m &&
    m.verifiedVia === "operator_approval" &&
    m.verifiedBy === v.verifiedBy &&
    m.verifiedAt?.getTime() === v.verifiedAt.getTime();
  if (!admittedThen) return "not_admitted";
  if (m.lastActiveAt || m.status !== "active" || m.role !== "alumni") return "in_use";

  await tx
    .update(member)
    .set({ status: "suspended" })
    .where(byUser(member, v.networkId, v.userId));
  await record(tx, { type: "member.changed", networkId: v.networkId, userIds: [v.userId] });
  if (m.rosterEntryId) {
    await tx
      .update(rosterEntry)
      .set({ linkedUserId: null, updatedAt: sql`now()` })
      .where(
        and(
          eq(rosterEntry.networkId, v.networkId),
          eq(rosterEntry.id, m.rosterEntryId),
          eq(rosterEntry.linkedUserId, v.userId),
        ),
      );
  }
  // The profile (and anything else keyed to the member row) goes with it (ON DELETE CASCADE).
  await tx.delete(member).where(byUser(member, v.networkId, v.userId));
  return "withdrawn";
}
