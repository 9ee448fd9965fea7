// Referrals (リファラル). An employee (or an operator) refers an alumna for an open posting she may
// see — why she fits and how they know each other — picking her from the members they can see in
// the directory. An offer is never sent to someone who did not opt in to offers of the posting's
// type: such a referral is refused (422 REFERRAL_NOT_OPEN) and nothing is stored. One live
// referral per posting and alumna, whoever refers (409 REFERRAL_DUPLICATE); none once she applied
// (409 REFERRAL_ALREADY_APPLIED).
//
// She is asked (a notification, and the referral on the posting's page and in her applications)
// and decides: she applies through the normal application — which links it to the referral
// (status applied) — or declines, with an optional reason that stays hers. Nothing about her
// reaches the referrer or the reviewers until she applies; the referrer then sees only the
// application's coarse outcome (in progress / hired or contracted / not selected / withdrawn),
// never its notes, ratings or thread.
//
// The incentive: a referral whose application was hired or contracted is eligible once the
// network's `referral_bonus_days` have passed since the hire while she is still an active member
// (computed when read). Operators record its payment (who, when; audited) and read the report.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.ts";
import { record } from "../../server/events.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { visibleMembers } from "../directory/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { segmentsOfMember } from "../segments/index.ts";
import { LIVE_STAGES } from "./application-queries.ts";
import { opportunitiesPolicy } from "./policy.ts";
import { takesApplications } from "./presenter.ts";
import {
  activeWithRole,
  consentingAlumni,
  findVisibleOpportunity,
  myApplications,
  settingsOf,
} from "./queries.ts";
import {
  insertReferral,
  linkApplication,
  lockReferral,
  type ReferralView,
  referralViews,
  updateReferral,
} from "./referral-queries.ts";
import type { REFERRAL_OUTCOMES, ReferralInput, ReferralOut } from "./schemas.ts";
import { opportunityNotFound, opportunityViewer } from "./service.ts";

type Outcome = (typeof REFERRAL_OUTCOMES)[number];
const DAY = 86_400_000;

const referralNotFound = () => errors.notFound({ ja: "推薦", en: "referral" });
const invalid = (code: string, ja: string, en: string) => new AppError(422, code, { ja, en });
const notAlumna = () =>
  invalid(
    "REFERRAL_NOT_ALUMNI",
    "推薦できるのは、このネットワークで表示されているアルムナイだけです。",
    "Only alumni of this network whom you can see can be referred.",
  );
const notOpen = () =>
  invalid(
    "REFERRAL_NOT_OPEN",
    "この方はこの種類の募集の案内を受け取ることに同意していないため、推薦できません。",
    "This person did not opt in to offers of this type, so they cannot be referred.",
  );
const notAudience = () =>
  invalid(
    "REFERRAL_NOT_AUDIENCE",
    "この方はこの募集の対象に含まれていないため、推薦できません。",
    "This person is not in this opening's audience, so they cannot be referred.",
  );
const postingNotOpen = () =>
  errors.conflict("REFERRAL_POSTING_NOT_OPEN", {
    ja: "公開中で受付期間内の募集にだけ推薦できます。",
    en: "Only an opening that is open and taking applications can take referrals.",
  });
const duplicate = () =>
  errors.conflict("REFERRAL_DUPLICATE", {
    ja: "この方はすでにこの募集に推薦されています（推薦は1件まで）。",
    en: "This person has already been referred for this opening (one referral each).",
  });
const alreadyApplied = () =>
  errors.conflict("REFERRAL_ALREADY_APPLIED", {
    ja: "この方はすでにこの募集に応募しています。",
    en: "This person has already applied to this opening.",
  });
const answered = () =>
  errors.conflict("REFERRAL_ANSWERED", {
    ja: "この推薦にはすでに回答済みか、取り下げられています。",
    en: "This referral has already been answered or withdrawn.",
  });
const notEligible = () =>
  errors.conflict("REFERRAL_NOT_ELIGIBLE", {
    ja: "この推薦はまだ報奨の対象ではありません（採用・契約から所定の日数が経っていないか、在籍していません）。",
    en: "This referral is not eligible for the incentive yet (too soon after the hire, or no longer a member).",
  });
const alreadyPaid = () =>
  errors.conflict("REFERRAL_ALREADY_PAID", {
    ja: "この推薦の報奨金はすでに支払い済みです。",
    en: "The incentive for this referral has already been paid.",
  });

const networkRef = (scope: Scope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

async function nameOf(scope: Scope, ids: (string | null)[]) {
  const people = await memberProfiles(scope.db, scope.network.id, [
    ...new Set(ids.filter((x): x is string => !!x)),
  ]);
  const m = new Map(people.map((p) => [p.userId, p.displayName ?? p.userName]));
  return (userId: string) => ({ userId, name: m.get(userId) ?? "—" });
}

/** What the referrer may learn of her application: its coarse outcome. */
export function outcomeOf(stage: string | null): Outcome | null {
  if (!stage) return null;
  if ((LIVE_STAGES as string[]).includes(stage)) return "in_progress";
  if (stage === "hired" || stage === "contracted") return "hired";
  if (stage === "declined_by_us") return "not_selected";
  return "withdrawn";
}

/** The incentive's state, computed now: due `days` after the hire while she is an active member. */
function incentiveOf(v: ReferralView, days: number) {
  if (outcomeOf(v.stage) !== "hired" || !v.stageChangedAt) return null;
  const eligibleAt = new Date(v.stageChangedAt.getTime() + days * DAY);
  return {
    hiredAt: v.stageChangedAt,
    eligibleAt,
    eligible: eligibleAt.getTime() <= Date.now() && v.memberStatus === "active",
  };
}

/** A referral as `scope` may see it (the caller has checked they may see it at all). */
function present(
  scope: MemberScope,
  v: ReferralView,
  days: number,
  person: (id: string) => { userId: string; name: string },
): ReferralOut {
  const me = scope.member.userId;
  const operator = can(scope, opportunitiesPolicy.referrals);
  const hers = v.r.userId === me;
  const incentive = incentiveOf(v, days);
  // She applied: the outcome (coarse) for the referrer; her own list links to her application.
  const outcome = v.r.status === "applied" ? outcomeOf(v.stage) : null;
  const showIncentive = !hers && incentive;
  return {
    id: v.r.id,
    opportunity: v.o as ReferralOut["opportunity"],
    alumna: person(v.r.userId),
    referrer: person(v.r.referrerId),
    why: v.r.why,
    relationship: v.r.relationship,
    relationshipNote: v.r.relationshipNote,
    status: v.r.status,
    declineReason: hers || operator ? v.r.declineReason : null,
    outcome,
    applicationId: hers || operator ? v.r.applicationId : null,
    createdAt: v.r.createdAt.toISOString(),
    answeredAt: v.r.answeredAt?.toISOString() ?? null,
    incentive: showIncentive
      ? {
          hiredAt: incentive.hiredAt.toISOString(),
          eligibleAt: incentive.eligibleAt.toISOString(),
          eligible: incentive.eligible,
          paidAt: v.r.incentivePaidAt?.toISOString() ?? null,
          paidBy: v.r.incentivePaidBy ? person(v.r.incentivePaidBy) : null,
        }
      : null,
    canAnswer: hers && v.r.status === "asked",
    canWithdraw: !hers && v.r.status === "asked" && can(scope, opportunitiesPolicy.withdrawReferral, v.r),
    canMarkPaid: operator && !!incentive?.eligible && !v.r.incentivePaidAt,
  };
}

export async function presentAll(scope: MemberScope, views: ReferralView[]) {
  const s = await settingsOf(scope.db, scope.network.id);
  const person = await nameOf(
    scope,
    views.flatMap((v) => [v.r.userId, v.r.referrerId, v.r.incentivePaidBy]),
  );
  return {
    items: views.map((v) => present(scope, v, s.referralBonusDays, person)),
    incentive: { text: s.referralIncentive, days: s.referralBonusDays },
  };
}

async function presentOne(scope: MemberScope, id: string) {
  const [v] = await referralViews(scope.db, scope.network.id, { id }, 1);
  if (!v) throw referralNotFound();
  return (await presentAll(scope, [v])).items[0];
}

// --- Referring ------------------------------------------------------------------------------------

export async function refer(scope: MemberScope, opportunityId: string, input: ReferralInput) {
  authorize(scope, opportunitiesPolicy.refer);
  const networkId = scope.network.id;
  const s = await settingsOf(scope.db, networkId);
  const o = await findVisibleOpportunity(
    scope.db,
    networkId,
    opportunityId,
    await opportunityViewer(scope),
    s,
  );
  if (!o) throw opportunityNotFound();
  if (!takesApplications(o, s.reconfirmDays)) throw postingNotOpen();
  const userId = input.userId;
  // An active alumna whom the referrer can see in the directory (a hidden member is no one here).
  const [alumna] = await activeWithRole(scope.db, networkId, [userId], ["alumni"]);
  if (!alumna || !(await visibleMembers(scope, [userId])).includes(userId)) throw notAlumna();
  // A referral is an offer: never to someone who did not opt in to offers of this type.
  if (!(await consentingAlumni(scope.db, networkId, o.type, [userId])).length) throw notOpen();
  if ((await myApplications(scope.db, networkId, userId, [opportunityId])).has(opportunityId))
    throw alreadyApplied();
  // She must be able to see the posting herself (its audience: network, her segments, invited).
  const hers = await findVisibleOpportunity(
    scope.db,
    networkId,
    opportunityId,
    { userId, operator: false, segments: await segmentsOfMember(scope, userId), groups: [], role: "alumni" },
    s,
  );
  if (!hers) throw notAudience();
  const id = randomUUID();
  await inTransaction(scope, async (tx) => {
    const row = await insertReferral(tx.db, {
      id,
      networkId,
      opportunityId,
      userId,
      referrerId: tx.member.userId,
      why: input.why,
      relationship: input.relationship,
      relationshipNote: input.relationshipNote || null,
    });
    if (!row) throw duplicate();
    const person = await nameOf(tx, [tx.member.userId]);
    await record(
      tx.db,
      {
        type: "opportunity.referred",
        network: networkRef(tx),
        referralId: id,
        opportunityId,
        opportunityType: o.type,
        title: o.title,
        userId,
        referrerId: tx.member.userId,
        referrerName: person(tx.member.userId).name,
      },
      {
        networkId,
        actor: tx.actor,
        action: "opportunity.refer",
        targetType: "opportunity_referral",
        targetId: id,
        data: { opportunityId, userId },
      },
      tx.ctx,
    );
  });
  return presentOne(scope, id);
}

/**
 * In the transaction of her application (applications.ts): the referral she had for the posting is
 * linked to it (status applied) and the referrer is told.
 */
export async function linkReferral(
  tx: MemberScope & { db: Tx },
  o: { id: string; title: string },
  applicationId: string,
  applicantName: string,
) {
  const asked = await linkApplication(tx.db, tx.network.id, o.id, tx.member.userId, applicationId);
  for (const referralId of asked) {
    const [v] = await referralViews(tx.db, tx.network.id, { id: referralId }, 1);
    if (!v) continue;
    await record(
      tx.db,
      {
        type: "opportunity.referral_answered",
        network: networkRef(tx),
        referralId,
        opportunityId: o.id,
        title: o.title,
        userId: tx.member.userId,
        userName: applicantName,
        referrerId: v.r.referrerId,
        answer: "applied",
      },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.referral_applied",
        targetType: "opportunity_referral",
        targetId: referralId,
        data: { applicationId },
      },
      tx.ctx,
    );
  }
}

// --- Answering, withdrawing -------------------------------------------------------------------------

/** Locks the referral and checks `rule` on it (404 for whom it does not concern). */
async function lockedFor(
  tx: MemberScope & { db: Tx },
  id: string,
  rule: typeof opportunitiesPolicy.answerReferral | typeof opportunitiesPolicy.withdrawReferral,
) {
  const r = await lockReferral(tx.db, tx.network.id, id);
  if (!r) throw referralNotFound();
  authorize(tx, rule, r);
  if (r.status !== "asked") throw answered();
  return r;
}

export async function declineReferral(scope: MemberScope, id: string, reason: string | null) {
  await inTransaction(scope, async (tx) => {
    const r = await lockedFor(tx, id, opportunitiesPolicy.answerReferral);
    await updateReferral(tx.db, tx.network.id, id, {
      status: "declined",
      declineReason: reason || null,
      answeredAt: new Date(),
    });
    const [v] = await referralViews(tx.db, tx.network.id, { id }, 1);
    const person = await nameOf(tx, [tx.member.userId]);
    await record(
      tx.db,
      {
        type: "opportunity.referral_answered",
        network: networkRef(tx),
        referralId: id,
        opportunityId: r.opportunityId,
        title: v?.o.title ?? "",
        userId: r.userId,
        userName: person(r.userId).name,
        referrerId: r.referrerId,
        answer: "declined",
      },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.referral_declined",
        targetType: "opportunity_referral",
        targetId: id,
      },
      tx.ctx,
    );
  });
  return presentOne(scope, id);
}

export async function withdrawReferral(scope: MemberScope, id: string) {
  await inTransaction(scope, async (tx) => {
    const r = await lockedFor(tx, id, opportunitiesPolicy.withdrawReferral);
    await updateReferral(tx.db, tx.network.id, id, { status: "withdrawn", answeredAt: new Date() });
    await record(
      tx.db,
      { type: "opportunity.referral_withdrawn", networkId: tx.network.id, referralId: id, userId: r.userId },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.referral_withdrawn",
        targetType: "opportunity_referral",
        targetId: id,
      },
      tx.ctx,
    );
  });
  return presentOne(scope, id);
}

// --- Reading ------------------------------------------------------------------------------------------

/** The referrals I made (employees, operators), newest first. */
export async function myReferrals(scope: MemberScope, q: { opportunityId?: string }) {
  authorize(scope, opportunitiesPolicy.refer);
  const views = await referralViews(scope.db, scope.network.id, {
    referrerId: scope.member.userId,
    opportunityId: q.opportunityId,
  });
  return presentAll(scope, views);
}

/** The referrals made to me (alumni): those withdrawn before I answered are not mine to see. */
export async function receivedReferrals(scope: MemberScope, q: { opportunityId?: string }) {
  authorize(scope, opportunitiesPolicy.referred);
  const views = await referralViews(scope.db, scope.network.id, {
    userId: scope.member.userId,
    opportunityId: q.opportunityId,
    notStatus: ["withdrawn"],
  });
  return presentAll(scope, views);
}

// --- The incentive --------------------------------------------------------------------------------------

export async function markIncentivePaid(scope: MemberScope, id: string) {
  authorize(scope, opportunitiesPolicy.referrals);
  await inTransaction(scope, async (tx) => {
    const r = await lockReferral(tx.db, tx.network.id, id);
    if (!r) throw referralNotFound();
    if (r.incentivePaidAt) throw alreadyPaid();
    const [v] = await referralViews(tx.db, tx.network.id, { id }, 1);
    const s = await settingsOf(tx.db, tx.network.id);
    if (!v || !incentiveOf(v, s.referralBonusDays)?.eligible) throw notEligible();
    const now = new Date();
    await updateReferral(tx.db, tx.network.id, id, {
      incentivePaidAt: now,
      incentivePaidBy: tx.member.userId,
    });
    await record(
      tx.db,
      {
        type: "opportunity.referral_paid",
        network: networkRef(tx),
        referralId: id,
        opportunityId: r.opportunityId,
        title: v.o.title,
        referrerId: r.referrerId,
        actorId: tx.member.userId,
      },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.referral_paid",
        targetType: "opportunity_referral",
        targetId: id,
        data: { referrerId: r.referrerId, paidAt: now.toISOString() },
      },
      tx.ctx,
    );
  });
  return presentOne(scope, id);
}
