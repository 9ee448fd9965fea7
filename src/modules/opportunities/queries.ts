// SQL for opportunities. Every query is scoped to one network. Who sees a posting is one condition
// (`opportunityVisibleTo`): operators everything; employees open and closed postings, and what they
// posted or co-review; alumni open postings their audience reaches (the feed's rule, `audienceReach`,
// resolved when read, plus invitations), current (closing date ahead, reconfirmed within the
// network's days + 7), and what they applied to.
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  member,
  memberConsent,
  type OpportunityStatus,
  type OpportunityType,
  opportunity,
  opportunityApplication,
  opportunityInvite,
  opportunityReviewer,
  opportunityRevision,
  opportunitySettings,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { containsPattern, labelKey, prefixQuery, queryWords, textArray } from "../directory/index.ts";
import { audienceReach, type Viewer } from "../feed/index.ts";

export type OpportunityRow = typeof opportunity.$inferSelect;
export type OpportunityViewer = Viewer & { role: "operator" | "employee" | "alumni" };
export type Settings = {
  approvalRequired: boolean;
  reconfirmDays: number;
  /** Referrals: days after the hire until the incentive is due; what it is. */
  referralBonusDays: number;
  referralIncentive: string | null;
};

/** Days after the reconfirm period when an unconfirmed posting is hidden from alumni. */
export const HIDE_AFTER_DAYS = 7;

export const DEFAULT_SETTINGS: Settings = {
  approvalRequired: false,
  reconfirmDays: 14,
  referralBonusDays: 90,
  referralIncentive: null,
};

export async function settingsOf(db: Db | Tx, networkId: string): Promise<Settings> {
  const [row] = await db
    .select({
      approvalRequired: opportunitySettings.approvalRequired,
      reconfirmDays: opportunitySettings.reconfirmDays,
      referralBonusDays: opportunitySettings.referralBonusDays,
      referralIncentive: opportunitySettings.referralIncentive,
    })
    .from(opportunitySettings)
    .where(eq(opportunitySettings.networkId, networkId));
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(tx: Tx, networkId: string, s: Settings, by: string | null) {
  await tx
    .insert(opportunitySettings)
    .values({ networkId, ...s, updatedBy: by })
    .onConflictDoUpdate({
      target: opportunitySettings.networkId,
      set: { ...s, updatedBy: by, updatedAt: new Date() },
    });
}

const reviewedBy = (userId: string) =>
  sql`exists (select 1 from ${opportunityReviewer} r where r.network_id = ${opportunity.networkId}
               and r.opportunity_id = ${opportunity.id} and r.user_id = ${userId})`;
const appliedBy = (userId: string) =>
  sql`exists (select 1 from ${opportunityApplication} a where a.network_id = ${opportunity.networkId}
               and a.opportunity_id = ${opportunity.id} and a.user_id = ${userId})`;
const invited = (userId: string) =>
  sql`exists (select 1 from ${opportunityInvite} i where i.network_id = ${opportunity.networkId}
               and i.opportunity_id = ${opportunity.id} and i.user_id = ${userId})`;

/** Open, before its closing date, and reconfirmed recently enough to be shown to alumni. */
export function current(reconfirmDays: number): SQL {
  return and(
    eq(opportunity.status, "open"),
    or(isNull(opportunity.closesAt), sql`${opportunity.closesAt} > now()`),
    sql`${opportunity.confirmedAt} >= now() - ${reconfirmDays + HIDE_AFTER_DAYS}::int * interval '1 day'`,
  ) as SQL;
}

/** The audience rule: the feed's (network, segment) plus invited alumni. */
function reach(v: OpportunityViewer): SQL {
  // audienceReach's group branch never matches: a posting's audience is never 'group' (CHECK).
  const feedRule = audienceReach(
    {
      audience: opportunity.audience,
      segmentId: opportunity.segmentId,
      groupId: opportunity.segmentId,
      authorId: opportunity.createdBy,
    },
    { ...v, groups: [] },
  );
  return or(feedRule, and(eq(opportunity.audience, "invited"), invited(v.userId))) as SQL;
}

/** The postings `v` may see (undefined for operators: all of them). */
export function opportunityVisibleTo(v: OpportunityViewer, s: Settings): SQL | undefined {
  if (v.operator) return undefined;
  if (v.role === "employee")
    return or(
      eq(opportunity.createdBy, v.userId),
      reviewedBy(v.userId),
      inArray(opportunity.status, ["open", "closed"]),
    ) as SQL;
  return or(appliedBy(v.userId), and(current(s.reconfirmDays), reach(v))) as SQL;
}

export async function findVisibleOpportunity(
  db: Db | Tx,
  networkId: string,
  id: string,
  v: OpportunityViewer,
  s: Settings,
) {
  const [row] = await db
    .select()
    .from(opportunity)
    .where(byId(opportunity, networkId, id, opportunityVisibleTo(v, s)))
    .limit(1);
  return row ?? null;
}

export async function findOpportunity(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(opportunity)
    .where(byId(opportunity, networkId, id))
    .limit(1);
  return row ?? null;
}

/** The posting row, locked until the transaction ends (status changes, the filled count). */
export async function lockOpportunity(tx: Tx, networkId: string, id: string): Promise<OpportunityRow | null> {
  const [row] = await tx
    .select()
    .from(opportunity)
    .where(byId(opportunity, networkId, id))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function insertOpportunity(tx: Tx, v: typeof opportunity.$inferInsert) {
  await tx.insert(opportunity).values(v);
}

export async function updateOpportunity(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<typeof opportunity.$inferInsert>,
) {
  const [row] = await tx
    .update(opportunity)
    .set(v)
    .where(byId(opportunity, networkId, id))
    .returning();
  return row;
}

export async function insertRevision(tx: Tx, v: typeof opportunityRevision.$inferInsert) {
  await tx.insert(opportunityRevision).values(v).onConflictDoNothing();
}

export async function revisionsOf(db: Db | Tx, networkId: string, id: string) {
  return db
    .select()
    .from(opportunityRevision)
    .where(inNetwork(opportunityRevision, networkId, eq(opportunityRevision.opportunityId, id)))
    .orderBy(desc(opportunityRevision.revision));
}

export async function reviewersOf(db: Db | Tx, networkId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ opportunityId: opportunityReviewer.opportunityId, userId: opportunityReviewer.userId })
    .from(opportunityReviewer)
    .where(inNetwork(opportunityReviewer, networkId, inArray(opportunityReviewer.opportunityId, ids)));
}

export async function addReviewer(
  tx: Tx,
  networkId: string,
  opportunityId: string,
  userId: string,
  by: string,
) {
  await tx
    .insert(opportunityReviewer)
    .values({ networkId, opportunityId, userId, addedBy: by })
    .onConflictDoNothing();
}

export async function removeReviewer(tx: Tx, networkId: string, opportunityId: string, userId: string) {
  await tx
    .delete(opportunityReviewer)
    .where(
      inNetwork(
        opportunityReviewer,
        networkId,
        eq(opportunityReviewer.opportunityId, opportunityId),
        eq(opportunityReviewer.userId, userId),
      ),
    );
}

export async function invitesOf(db: Db | Tx, networkId: string, id: string) {
  return (
    await db
      .select({ userId: opportunityInvite.userId })
      .from(opportunityInvite)
      .where(inNetwork(opportunityInvite, networkId, eq(opportunityInvite.opportunityId, id)))
  ).map((r) => r.userId);
}

/** Replaces the invitation list; returns who is new on it. */
export async function setInvites(tx: Tx, networkId: string, id: string, userIds: string[], by: string) {
  const before = new Set(await invitesOf(tx, networkId, id));
  const keep = new Set(userIds);
  const gone = [...before].filter((u) => !keep.has(u));
  if (gone.length)
    await tx
      .delete(opportunityInvite)
      .where(
        inNetwork(
          opportunityInvite,
          networkId,
          eq(opportunityInvite.opportunityId, id),
          inArray(opportunityInvite.userId, gone),
        ),
      );
  const added = userIds.filter((u) => !before.has(u));
  if (added.length)
    await tx
      .insert(opportunityInvite)
      .values(added.map((userId) => ({ networkId, opportunityId: id, userId, invitedBy: by })))
      .onConflictDoNothing();
  return added;
}

/** Of `userIds`, the alumni who opted in to offers of this type (rehire / freelance consent). */
export async function consentingAlumni(
  db: Db | Tx,
  networkId: string,
  type: OpportunityType,
  userIds: string[],
) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: memberConsent.userId })
    .from(memberConsent)
    .where(
      and(
        eq(memberConsent.networkId, networkId),
        inArray(memberConsent.userId, userIds),
        type === "rehire" ? eq(memberConsent.rehire, true) : eq(memberConsent.freelance, true),
        sql`exists (select 1 from member m where m.organization_id = ${networkId}
                      and m.user_id = ${memberConsent.userId} and m.role = 'alumni' and m.status = 'active')`,
      ),
    );
  return rows.map((r) => r.userId);
}

export type ListOpts = {
  scope: "open" | "mine" | "all";
  status?: OpportunityStatus;
  type?: OpportunityType;
  kind?: string;
  remote?: string;
  feeMin?: number;
  feeMax?: number;
  skills: string[];
  q?: string;
  after: { at: string; id: string } | null;
  limit: number;
  /** The "for you" order: this fit score first (open postings only), then newest first. */
  fit?: { score: SQL; after: { score: number; at: string; id: string } | null };
};

/**
 * A page of postings for `v`, newest first, with the viewer's live application (one statement).
 * `open` is ordered by when it went up (`published_at`, the list index); the others by creation.
 */
export async function listOpportunities(
  db: Db | Tx,
  networkId: string,
  v: OpportunityViewer,
  s: Settings,
  o: ListOpts,
) {
  const order = o.scope === "open" ? opportunity.publishedAt : opportunity.createdAt;
  const conds: (SQL | undefined)[] = [opportunityVisibleTo(v, s)];
  if (o.scope === "open")
    conds.push(v.role === "alumni" ? current(s.reconfirmDays) : eq(opportunity.status, "open"));
  if (o.scope === "mine") conds.push(eq(opportunity.createdBy, v.userId));
  if (o.status) conds.push(eq(opportunity.status, o.status));
  if (o.type) conds.push(eq(opportunity.type, o.type));
  if (o.kind) conds.push(sql`${opportunity.kind} = ${o.kind}`);
  if (o.remote) conds.push(sql`${opportunity.remote} = ${o.remote}`);
  if (o.feeMin !== undefined)
    conds.push(sql`coalesce(${opportunity.feeMax}, ${opportunity.feeMin}) >= ${o.feeMin}`);
  if (o.feeMax !== undefined)
    conds.push(sql`coalesce(${opportunity.feeMin}, ${opportunity.feeMax}) <= ${o.feeMax}`);
  const skills = [...new Set(o.skills.map(labelKey).filter(Boolean))];
  if (skills.length) conds.push(sql`${opportunity.skillKeys} @> ${textArray(skills)}`);
  const ws = queryWords(o.q ?? "");
  const prefixOnly = ws.filter((w) => !w.substring);
  if (prefixOnly.length)
    conds.push(sql`${opportunity.tsv} @@ ${prefixOnly.map((w) => prefixQuery(w.word)).join(" & ")}::tsquery`);
  for (const w of ws.filter((x) => x.substring))
    conds.push(
      sql`(${opportunity.tsv} @@ ${prefixQuery(w.word)}::tsquery or ${opportunity.txt} like ${containsPattern(w.word)})`,
    );
  if (o.after) conds.push(sql`(${order}, ${opportunity.id}) < (${o.after.at}::timestamptz, ${o.after.id})`);
  if (o.scope === "open") conds.push(sql`${opportunity.publishedAt} is not null`);
  const fit = o.fit;
  if (fit?.after)
    conds.push(
      sql`(${fit.score}, ${order}, ${opportunity.id}) < (${fit.after.score}::int, ${fit.after.at}::timestamptz, ${fit.after.id})`,
    );
  if (fit) {
    // Every visible posting is scored and sorted: on its id, score and date only (a posting's row
    // is kilobytes); the page's rows are read after.
    const page = db
      .select({ id: opportunity.id })
      .from(opportunity)
      .where(inNetwork(opportunity, networkId, ...conds))
      .orderBy(sql`${fit.score} desc`, sql`${order} desc nulls last`, sql`${opportunity.id} desc nulls last`)
      .limit(o.limit + 1);
    conds.splice(0, conds.length, inArray(opportunity.id, page));
  }
  return (
    db
      .select({
        o: opportunity,
        at: sql<string>`${order}::text`,
        score: fit ? sql<number>`(${fit.score})::int` : sql<number>`0`,
        applicationId: opportunityApplication.id,
        stage: opportunityApplication.stage,
      })
      .from(opportunity)
      .leftJoin(
        opportunityApplication,
        and(
          eq(opportunityApplication.networkId, opportunity.networkId),
          eq(opportunityApplication.opportunityId, opportunity.id),
          eq(opportunityApplication.userId, v.userId),
          sql`${opportunityApplication.stage} <> 'withdrawn'`,
        ),
      )
      .where(inNetwork(opportunity, networkId, ...conds))
      // As opportunity_list_idx sorts (DESC NULLS LAST): the open list is read in index order and
      // stops at the page's end, without sorting the network's postings.
      .orderBy(
        ...(fit ? [sql`${fit.score} desc`] : []),
        sql`${order} desc nulls last`,
        sql`${opportunity.id} desc nulls last`,
      )
      .limit(o.limit + 1)
  );
}

/** The viewer's live application to each of `ids`. */
export async function myApplications(db: Db | Tx, networkId: string, userId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; stage: string }>();
  const rows = await db
    .select({
      opportunityId: opportunityApplication.opportunityId,
      id: opportunityApplication.id,
      stage: opportunityApplication.stage,
    })
    .from(opportunityApplication)
    .where(
      inNetwork(
        opportunityApplication,
        networkId,
        eq(opportunityApplication.userId, userId),
        inArray(opportunityApplication.opportunityId, ids),
        sql`${opportunityApplication.stage} <> 'withdrawn'`,
      ),
    );
  return new Map(rows.map((r) => [r.opportunityId, { id: r.id, stage: r.stage }]));
}

/** Live applications per posting (not withdrawn). */
export async function applicationCounts(db: Db | Tx, networkId: string, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await db
    .select({ id: opportunityApplication.opportunityId, n: sql<number>`count(*)::int` })
    .from(opportunityApplication)
    .where(
      inNetwork(
        opportunityApplication,
        networkId,
        inArray(opportunityApplication.opportunityId, ids),
        sql`${opportunityApplication.stage} <> 'withdrawn'`,
      ),
    )
    .groupBy(opportunityApplication.opportunityId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The network's active operators. */
export async function operatorIds(db: Db | Tx, networkId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: member.userId })
    .from(member)
    .where(
      and(eq(member.organizationId, networkId), eq(member.role, "operator"), eq(member.status, "active")),
    );
  return rows.map((r) => r.userId);
}

/** Of `userIds`, the active members of the network with one of `roles`. */
export async function activeWithRole(db: Db | Tx, networkId: string, userIds: string[], roles: string[]) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: member.userId })
    .from(member)
    .where(
      and(
        eq(member.organizationId, networkId),
        inArray(member.userId, userIds),
        inArray(member.role, roles),
        eq(member.status, "active"),
      ),
    );
  return rows.map((r) => r.userId);
}

/** Whether the posting is still open to applications now (an offer about it is still true). */
export async function stillOpen(db: Db | Tx, networkId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: opportunity.id })
    .from(opportunity)
    .where(
      byId(
        opportunity,
        networkId,
        id,
        eq(opportunity.status, "open"),
        sql`(${opportunity.closesAt} is null or ${opportunity.closesAt} > now())`,
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * A condition on a directory row `e`: an alumna who opted in to offers of this type (what makes
 * her a candidate for matching; the directory row exists only for active members, and carries
 * her consent to offers, kept in step with member_consent by the directory's sync).
 */
export const consentingRow = (type: OpportunityType) =>
  type === "rehire"
    ? sql`e.role = 'alumni' and e.offer_rehire`
    : sql`e.role = 'alumni' and e.offer_freelance`;

/** The department keys the network's open postings use (what "for you" compares hers with). */
export async function postingDepartmentKeys(db: Db | Tx, networkId: string): Promise<string[]> {
  const res = await db.execute(sql`
    select distinct u from ${opportunity}, unnest(${opportunity.departmentKeys}) u
     where ${opportunity.networkId} = ${networkId} and ${opportunity.status} = 'open'`);
  return (res.rows as { u: string }[]).map((r) => r.u);
}

/** Adds invitations (kept when already there); returns who is new. */
export async function addInvites(tx: Tx, networkId: string, id: string, userIds: string[], by: string) {
  if (!userIds.length) return [];
  const rows = await tx
    .insert(opportunityInvite)
    .values(userIds.map((userId) => ({ networkId, opportunityId: id, userId, invitedBy: by })))
    .onConflictDoNothing()
    .returning({ userId: opportunityInvite.userId });
  return rows.map((r) => r.userId);
}

/** Of `userIds`, who is invited to the posting, and who has a live application to it. */
export async function standingOf(db: Db | Tx, networkId: string, id: string, userIds: string[]) {
  if (!userIds.length) return { invited: new Set<string>(), applied: new Set<string>() };
  const [inv, app] = await Promise.all([
    db
      .select({ userId: opportunityInvite.userId })
      .from(opportunityInvite)
      .where(
        inNetwork(
          opportunityInvite,
          networkId,
          eq(opportunityInvite.opportunityId, id),
          inArray(opportunityInvite.userId, userIds),
        ),
      ),
    db
      .select({ userId: opportunityApplication.userId })
      .from(opportunityApplication)
      .where(
        inNetwork(
          opportunityApplication,
          networkId,
          eq(opportunityApplication.opportunityId, id),
          inArray(opportunityApplication.userId, userIds),
          sql`${opportunityApplication.stage} <> 'withdrawn'`,
        ),
      ),
  ]);
  return { invited: new Set(inv.map((r) => r.userId)), applied: new Set(app.map((r) => r.userId)) };
}
