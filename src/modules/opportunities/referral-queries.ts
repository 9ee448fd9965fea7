// SQL for referrals (リファラル). Scoped to one network. A referral is read with its posting, the
// stage of the application it led to (the outcome is derived from it when read) and whether the
// referred member is still an active member (the incentive's condition).
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  member,
  type OpportunityType,
  opportunity,
  opportunityApplication,
  opportunityReferral,
  type ReferralStatus,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";

export type ReferralRow = typeof opportunityReferral.$inferSelect;

/** Inserts; null when the alumna already has a live referral for the posting (whoever made it). */
export async function insertReferral(tx: Tx, v: typeof opportunityReferral.$inferInsert) {
  const rows = await tx.insert(opportunityReferral).values(v).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function lockReferral(tx: Tx, networkId: string, id: string) {
  const [row] = await tx
    .select()
    .from(opportunityReferral)
    .where(byId(opportunityReferral, networkId, id))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function updateReferral(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<typeof opportunityReferral.$inferInsert>,
) {
  const [row] = await tx
    .update(opportunityReferral)
    .set(v)
    .where(byId(opportunityReferral, networkId, id))
    .returning();
  return row ?? null;
}

/**
 * Links her live referral for the posting (asked, or applied with an application she withdrew
 * before applying again) to application `applicationId`; returns the referrals that were asked.
 */
export async function linkApplication(
  tx: Tx,
  networkId: string,
  opportunityId: string,
  userId: string,
  applicationId: string,
) {
  const before = await tx
    .select({ id: opportunityReferral.id, status: opportunityReferral.status })
    .from(opportunityReferral)
    .where(
      inNetwork(
        opportunityReferral,
        networkId,
        eq(opportunityReferral.opportunityId, opportunityId),
        eq(opportunityReferral.userId, userId),
        inArray(opportunityReferral.status, ["asked", "applied"]),
      ),
    )
    .for("update");
  if (!before.length) return [];
  await tx
    .update(opportunityReferral)
    .set({
      status: "applied",
      applicationId,
      answeredAt: sql`coalesce(${opportunityReferral.answeredAt}, now())`,
    })
    .where(
      inNetwork(
        opportunityReferral,
        networkId,
        inArray(
          opportunityReferral.id,
          before.map((r) => r.id),
        ),
      ),
    );
  return before.filter((r) => r.status === "asked").map((r) => r.id);
}

/** A referral as every reader gets it: with its posting, the application's stage, her membership. */
export type ReferralView = {
  r: ReferralRow;
  o: {
    id: string;
    title: string;
    type: OpportunityType;
    kind: "task" | "mentoring" | null;
    status: string;
  };
  stage: string | null;
  stageChangedAt: Date | null;
  memberStatus: string | null;
};

export type ReferralFilter = {
  id?: string;
  opportunityId?: string;
  userId?: string;
  referrerId?: string;
  status?: ReferralStatus;
  /** Leave out these statuses (the alumna's list: withdrawn ones are not hers to see). */
  notStatus?: ReferralStatus[];
  type?: OpportunityType;
  /** Made at or after / before these moments. */
  from?: Date;
  until?: Date;
};

export const REFERRALS_MAX = 1000;

export async function referralViews(
  db: Db | Tx,
  networkId: string,
  f: ReferralFilter,
  limit = REFERRALS_MAX,
): Promise<ReferralView[]> {
  const conds: (SQL | undefined)[] = [
    f.id ? eq(opportunityReferral.id, f.id) : undefined,
    f.opportunityId ? eq(opportunityReferral.opportunityId, f.opportunityId) : undefined,
    f.userId ? eq(opportunityReferral.userId, f.userId) : undefined,
    f.referrerId ? eq(opportunityReferral.referrerId, f.referrerId) : undefined,
    f.status ? eq(opportunityReferral.status, f.status) : undefined,
    f.notStatus?.length
      ? sql`${opportunityReferral.status} not in (${sql.join(
          f.notStatus.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    f.type ? eq(opportunity.type, f.type) : undefined,
    f.from ? sql`${opportunityReferral.createdAt} >= ${f.from.toISOString()}::timestamptz` : undefined,
    f.until ? sql`${opportunityReferral.createdAt} < ${f.until.toISOString()}::timestamptz` : undefined,
  ];
  const rows = await db
    .select({
      r: opportunityReferral,
      o: {
        id: opportunity.id,
        title: opportunity.title,
        type: opportunity.type,
        kind: opportunity.kind,
        status: opportunity.status,
      },
      stage: opportunityApplication.stage,
      stageChangedAt: opportunityApplication.stageChangedAt,
      memberStatus: member.status,
    })
    .from(opportunityReferral)
    .innerJoin(
      opportunity,
      and(
        eq(opportunity.networkId, opportunityReferral.networkId),
        eq(opportunity.id, opportunityReferral.opportunityId),
      ),
    )
    .leftJoin(
      opportunityApplication,
      and(
        eq(opportunityApplication.networkId, opportunityReferral.networkId),
        eq(opportunityApplication.id, opportunityReferral.applicationId),
      ),
    )
    .leftJoin(
      member,
      and(
        eq(member.organizationId, opportunityReferral.networkId),
        eq(member.userId, opportunityReferral.userId),
      ),
    )
    .where(inNetwork(opportunityReferral, networkId, ...conds))
    .orderBy(desc(opportunityReferral.createdAt), desc(opportunityReferral.id))
    .limit(limit);
  return rows;
}
