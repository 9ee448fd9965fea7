// Opportunities (募集): rehire openings (再雇用) and 業務委託 projects (task, mentoring).
// Employees and operators post; with the network's approval setting an employee's posting waits
// for an operator (pending → approved, or returned with a reason). A draft may be incomplete;
// publishing checks every item its type must state (Japanese employment postings since April 2024;
// the Freelance Act for 業務委託). Every save keeps the previous content as a revision.
//
// Accurate and current: publishing, editing and reconfirming set `confirmed_at`; a job queued with
// it (`opportunities.reconfirm`, startAfter + the network's days) asks the poster to reconfirm; the
// posting is flagged from then on and hidden from alumni seven days later (read time, whatever the
// jobs do). A posting closes by itself after its closing day (`opportunities.close`, queued with
// the date; alumni stop seeing it at that moment in any case) and when its openings are filled.
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ApplicationStage,
  type OpportunityStatus,
  opportunity,
  organization,
} from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import type { AppContext } from "../../server/context.ts";
import { record } from "../../server/events.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import { CODE_LABELS } from "../../shared/profile-labels.ts";
import { departmentUnits, labelKey, lexemes, normalizeText } from "../directory/index.ts";
import { viewerOf } from "../feed/index.ts";
import { notify } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { findSegment } from "../segments/index.ts";
import {
  explainPosting,
  fittingPostingDepartments,
  type MatchReason,
  postingFitSql,
  type Seeker,
  seekerOf,
  wishesOf,
} from "./matching.ts";
import { offerToInvitees } from "./offers.ts";
import { type OpportunityAccess, opportunitiesPolicy } from "./policy.ts";
import {
  type Content,
  closingDay,
  contentOf,
  endOfDay,
  presentOpportunity,
  todayInJapan,
} from "./presenter.ts";
import {
  activeWithRole,
  applicationCounts,
  consentingAlumni,
  findOpportunity,
  findVisibleOpportunity,
  insertOpportunity,
  insertRevision,
  invitesOf,
  listOpportunities as listRows,
  lockOpportunity,
  myApplications,
  type OpportunityRow,
  type OpportunityViewer,
  operatorIds,
  postingDepartmentKeys,
  reviewersOf,
  revisionsOf,
  type Settings,
  saveSettings,
  setInvites,
  settingsOf,
  updateOpportunity,
} from "./queries.ts";
import type {
  OpportunityAdminQuery,
  OpportunityInput,
  OpportunityListQuery,
  OpportunityOut,
  OpportunityPatch,
  SettingsInput,
} from "./schemas.ts";

export const opportunityNotFound = () => errors.notFound({ ja: "募集", en: "opening" });
const invalid = (code: string, ja: string, en: string, details?: unknown) =>
  new AppError(422, code, { ja, en }, details);
const conflict = (code: string, ja: string, en: string) => errors.conflict(code, { ja, en });

/** The items a posting must state, named for the error message. */
export const ITEM_NAMES: Record<string, { ja: string; en: string }> = {
  title: { ja: "タイトル", en: "title" },
  description: { ja: "仕事内容", en: "the work" },
  kind: { ja: "種類（タスク・メンタリング）", en: "kind (task or mentoring)" },
  employmentType: { ja: "雇用形態", en: "employment type" },
  location: { ja: "就業場所", en: "place of work" },
  remote: { ja: "リモート可否", en: "remote policy" },
  hours: { ja: "就業時間", en: "working hours" },
  salary: { ja: "給与（下限か上限）", en: "salary range" },
  trialPeriod: { ja: "試用期間", en: "trial period" },
  changeScopeDuties: { ja: "業務の変更の範囲", en: "scope of changes of duties" },
  changeScopeWorkplace: { ja: "就業場所の変更の範囲", en: "scope of changes of workplace" },
  renewalBasis: { ja: "契約更新の有無と基準", en: "whether and on what basis the contract is renewed" },
  renewalCap: { ja: "更新上限の有無と内容", en: "any cap on renewals" },
  period: { ja: "期間（開始日・終了日）", en: "period (start and end)" },
  expectedHours: { ja: "想定稼働時間", en: "expected hours" },
  fee: { ja: "報酬（下限か上限）と単位", en: "fee or rate and its unit" },
  terminationTerms: { ja: "契約の解除・不更新の条件", en: "termination and non-renewal terms" },
  howToApply: { ja: "応募方法", en: "how to apply" },
  recruiter: { ja: "募集者の氏名（名称）と連絡先", en: "recruiter and contact details" },
  closesOn: { ja: "募集締切日", en: "closing date" },
};

const requiredMissing = (missing: string[]) =>
  invalid(
    "OPPORTUNITY_REQUIRED_MISSING",
    `公開するには次の項目を入力してください：${missing.map((m) => ITEM_NAMES[m]?.ja ?? m).join("、")}`,
    `To publish, please fill in: ${missing.map((m) => ITEM_NAMES[m]?.en ?? m).join(", ")}.`,
    { missing },
  );
const kindRequired = () =>
  invalid(
    "OPPORTUNITY_KIND_REQUIRED",
    "業務委託の募集には種類（タスク・メンタリング）を選んでください。",
    "A freelance project needs a kind (task or mentoring).",
  );
const salaryRange = () =>
  invalid(
    "OPPORTUNITY_SALARY_RANGE",
    "給与の下限は上限以下にしてください。",
    "The salary minimum must not exceed the maximum.",
  );
const feeRange = () =>
  invalid(
    "OPPORTUNITY_FEE_RANGE",
    "報酬の下限は上限以下にしてください。",
    "The fee minimum must not exceed the maximum.",
  );
const periodInvalid = () =>
  invalid(
    "OPPORTUNITY_PERIOD_INVALID",
    "期間の終了日は開始日以降にしてください。",
    "The period must end on or after its start.",
  );
const closesInPast = () =>
  invalid(
    "OPPORTUNITY_CLOSES_IN_PAST",
    "募集締切日は今日以降の日付にしてください。",
    "The closing date must be today or later.",
  );
const segmentUnknown = () =>
  invalid(
    "OPPORTUNITY_SEGMENT_NOT_FOUND",
    "対象のセグメントが見つかりません。",
    "The segment was not found.",
  );
const segmentOperatorsOnly = () =>
  new AppError(403, "OPPORTUNITY_SEGMENT_OPERATORS_ONLY", {
    ja: "セグメント向けの募集は運営者だけが作れます。",
    en: "Only operators can post for a segment.",
  });
export const inviteeUnknown = () =>
  invalid(
    "OPPORTUNITY_INVITEE_NOT_ALUMNI",
    "招待できるのはこのネットワークのアルムナイだけです。",
    "Only alumni of this network can be invited.",
  );
export const inviteeNoConsent = (n: number) =>
  invalid(
    "OPPORTUNITY_INVITEE_NO_CONSENT",
    `${n}人はこの種類の募集の案内を受け取ることに同意していないため、招待できません。`,
    `${n} of them did not opt in to offers of this type and cannot be invited.`,
  );
export const wrongStatus = (ja: string, en: string) => conflict("OPPORTUNITY_STATUS_CONFLICT", ja, en);
const alreadyFilled = () =>
  conflict(
    "OPPORTUNITY_ALREADY_FILLED",
    "採用・契約の人数が募集人数に達しています。再開するには募集人数を増やしてください。",
    "The openings are filled. Raise the number of openings to reopen it.",
  );

export type TxScope = MemberScope & { db: Tx };

export async function opportunityViewer(scope: MemberScope): Promise<OpportunityViewer> {
  return { ...(await viewerOf(scope)), role: scope.member.role };
}

export const networkRef = (scope: Scope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

export async function accessOf(scope: Scope, o: OpportunityRow): Promise<OpportunityAccess> {
  const rs = await reviewersOf(scope.db, scope.network.id, [o.id]);
  return { createdBy: o.createdBy, reviewers: rs.map((r) => r.userId) };
}

/** The posting, if the viewer may see it (404 otherwise, whatever the reason). */
export async function visibleOpportunity(
  scope: MemberScope,
  id: string,
  s?: Settings,
): Promise<OpportunityRow> {
  const settings = s ?? (await settingsOf(scope.db, scope.network.id));
  const o = await findVisibleOpportunity(
    scope.db,
    scope.network.id,
    id,
    await opportunityViewer(scope),
    settings,
  );
  if (!o) throw opportunityNotFound();
  return o;
}

/** The posting, locked, for who manages it: 404 if they may not see it, 403 if they may not manage it. */
async function managedOpportunity(tx: TxScope, id: string): Promise<OpportunityRow> {
  await visibleOpportunity(tx, id);
  const o = await lockOpportunity(tx.db, tx.network.id, id);
  if (!o) throw opportunityNotFound();
  authorize(tx, opportunitiesPolicy.manage, await accessOf(tx, o));
  return o;
}

// --- Content --------------------------------------------------------------------------------------

const REHIRE_ONLY = [
  "employmentType",
  "hours",
  "salaryMin",
  "salaryMax",
  "salaryNote",
  "trialPeriod",
  "changeScopeDuties",
  "changeScopeWorkplace",
  "renewalBasis",
  "renewalCap",
] as const;
const FREELANCE_ONLY = [
  "periodStart",
  "periodEnd",
  "expectedHours",
  "feeMin",
  "feeMax",
  "feeUnit",
  "terminationTerms",
] as const;

/** Checks what may never be saved (a range upside down) and drops the other type's fields. */
function shape(c: Content): Content {
  const out = { ...c, description: c.description ?? "" };
  if (out.type === "rehire") {
    out.kind = null;
    for (const k of FREELANCE_ONLY) (out as Record<string, unknown>)[k] = null;
  } else {
    if (!out.kind) throw kindRequired();
    for (const k of REHIRE_ONLY) (out as Record<string, unknown>)[k] = null;
    out.fixedTerm = false;
  }
  if (!out.fixedTerm) {
    out.renewalBasis = null;
    out.renewalCap = null;
  }
  if (out.salaryMin !== null && out.salaryMax !== null && out.salaryMin > out.salaryMax) throw salaryRange();
  if (out.feeMin !== null && out.feeMax !== null && out.feeMin > out.feeMax) throw feeRange();
  if (out.periodStart && out.periodEnd && out.periodEnd < out.periodStart) throw periodInvalid();
  out.skills = [...new Map(out.skills.map((s) => [labelKey(s), s.trim()])).values()].filter(Boolean);
  return out;
}

/** The items the posting still lacks to be published (empty: complete). */
export function missingItems(c: Content): string[] {
  const missing: string[] = [];
  const need = (ok: unknown, item: string) => {
    if (ok === null || ok === undefined || ok === "" || ok === false) missing.push(item);
  };
  need(c.title, "title");
  need(c.description.trim(), "description");
  if (c.type === "rehire") {
    need(c.employmentType, "employmentType");
    need(c.location, "location");
    need(c.remote, "remote");
    need(c.hours, "hours");
    need(c.salaryMin !== null || c.salaryMax !== null, "salary");
    need(c.trialPeriod, "trialPeriod");
    need(c.changeScopeDuties, "changeScopeDuties");
    need(c.changeScopeWorkplace, "changeScopeWorkplace");
    if (c.fixedTerm) {
      need(c.renewalBasis, "renewalBasis");
      need(c.renewalCap, "renewalCap");
    }
  } else {
    need(c.kind, "kind");
    need(c.remote, "remote");
    if (c.remote !== "remote") need(c.location, "location");
    need(c.periodStart && c.periodEnd, "period");
    need(c.expectedHours, "expectedHours");
    need((c.feeMin !== null || c.feeMax !== null) && c.feeUnit, "fee");
    need(c.terminationTerms, "terminationTerms");
  }
  need(c.howToApply, "howToApply");
  need(c.recruiterName && c.recruiterContact, "recruiter");
  need(c.closesOn, "closesOn");
  return missing;
}

/** A tsvector literal: each lexeme once, with the highest weight it has (as the directory's). */
function tsvLiteral(groups: [weight: "A" | "B" | "C" | "D", texts: (string | null | undefined)[]][]): string {
  const weightOf = new Map<string, string>();
  for (const [weight, texts] of groups)
    for (const w of lexemes(texts)) if (!weightOf.has(w)) weightOf.set(w, weight);
  return [...weightOf]
    .map(([w, weight]) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}':1${weight}`)
    .join(" ");
}

/** The job type's labels (ja, en), searched as the directory searches a profile's. */
const jobTypeLabels = (code: keyof typeof CODE_LABELS.ja.jobTypes | null) =>
  code ? [CODE_LABELS.ja.jobTypes[code], CODE_LABELS.en.jobTypes[code]] : [];

/** The columns of a content: the search text, the skills' keys, the closing moment. */
function columnsOf(c: Content) {
  const strong = [...c.skills, c.department, ...jobTypeLabels(c.jobType)];
  const weak = [c.location, c.employmentType, c.kind];
  return {
    ...Object.fromEntries(Object.entries(c).filter(([k]) => k !== "closesOn")),
    closesAt: c.closesOn ? endOfDay(c.closesOn) : null,
    departmentKeys: departmentUnits(c.department),
    skillKeys: [...new Set(c.skills.map(labelKey).filter(Boolean))],
    tsv: tsvLiteral([
      ["A", [c.title]],
      ["B", strong],
      ["C", weak],
      ["D", [c.description, c.expectedHours, c.hours]],
    ]),
    txt: normalizeText([c.title, ...strong, ...weak, c.description].filter(Boolean).join(" / ")),
  } as Omit<Partial<OpportunityRow>, "id" | "networkId">;
}

type Audience = OpportunityInput["audience"];

/** The audience's columns after its checks (segments: operators; invitees: consenting alumni). */
async function checkAudience(tx: TxScope, type: Content["type"], a: Audience) {
  if (a.type === "segment") {
    if (!can(tx, opportunitiesPolicy.segment)) throw segmentOperatorsOnly();
    if (!(await findSegment(tx.db, tx.network.id, a.segmentId))) throw segmentUnknown();
    return { audience: "segment" as const, segmentId: a.segmentId, invitees: null };
  }
  if (a.type === "invited") {
    const ids = [...new Set(a.userIds)];
    const alumni = await activeWithRole(tx.db, tx.network.id, ids, ["alumni"]);
    if (alumni.length !== ids.length) throw inviteeUnknown();
    // An invitation to apply is an offer: never to someone who did not opt in.
    const consenting = new Set(await consentingAlumni(tx.db, tx.network.id, type, ids));
    const refused = ids.filter((u) => !consenting.has(u));
    if (refused.length) throw inviteeNoConsent(refused.length);
    return { audience: "invited" as const, segmentId: null, invitees: ids };
  }
  return { audience: "network" as const, segmentId: null, invitees: null };
}

// --- Jobs: auto-close, reconfirm ----------------------------------------------------------------

export const OPPORTUNITY_CLOSE_JOB = "opportunities.close";
export type OpportunityCloseJob = { networkId: string; opportunityId: string; closesAt: string };
export const OPPORTUNITY_RECONFIRM_JOB = "opportunities.reconfirm";
export type OpportunityReconfirmJob = { networkId: string; opportunityId: string; confirmedAt: string };
const DAY = 86_400_000;

/** Queues the posting's closing (its date) and its reconfirm request, in `tx` (open postings). */
async function queueJobs(ctx: AppContext, tx: Tx, networkId: string, o: OpportunityRow, s: Settings) {
  if (o.status !== "open") return;
  if (o.closesAt)
    await ctx.jobs.send<OpportunityCloseJob>(
      OPPORTUNITY_CLOSE_JOB,
      { networkId, opportunityId: o.id, closesAt: o.closesAt.toISOString() },
      { tx, key: `opportunity-close:${o.id}:${o.closesAt.getTime()}`, startAfter: o.closesAt },
    );
  if (o.confirmedAt)
    await ctx.jobs.send<OpportunityReconfirmJob>(
      OPPORTUNITY_RECONFIRM_JOB,
      { networkId, opportunityId: o.id, confirmedAt: o.confirmedAt.toISOString() },
      {
        tx,
        key: `opportunity-reconfirm:${o.id}:${o.confirmedAt.getTime()}`,
        startAfter: new Date(o.confirmedAt.getTime() + s.reconfirmDays * DAY),
      },
    );
}

export async function networkOf(tx: Tx, networkId: string) {
  const [net] = await tx
    .select({ id: organization.id, slug: organization.slug, name: organization.name })
    .from(organization)
    .where(eq(organization.id, networkId));
  return net ?? null;
}

/** Closes the posting (the poster is told) if it is still open and past its closing moment. */
export async function runAutoClose(ctx: AppContext, job: OpportunityCloseJob) {
  await ctx.db.transaction(async (tx) => {
    const o = await lockOpportunity(tx, job.networkId, job.opportunityId);
    if (o?.status !== "open" || !o.closesAt || o.closesAt > new Date()) return;
    await closeRow(ctx, tx, o, "expired", null);
  });
}

/** Asks the poster to reconfirm, if the posting is still open and unconfirmed since the job was queued. */
export async function runReconfirm(ctx: AppContext, job: OpportunityReconfirmJob) {
  await ctx.db.transaction(async (tx) => {
    const o = await findOpportunity(tx, job.networkId, job.opportunityId);
    if (o?.status !== "open" || !o.confirmedAt || o.confirmedAt.toISOString() !== job.confirmedAt) return;
    const s = await settingsOf(tx, job.networkId);
    // The network allowed more days since: ask when they have passed.
    const due = new Date(o.confirmedAt.getTime() + s.reconfirmDays * DAY);
    if (due > new Date()) {
      await ctx.jobs.send<OpportunityReconfirmJob>(OPPORTUNITY_RECONFIRM_JOB, job, {
        tx,
        key: `opportunity-reconfirm:${o.id}:${o.confirmedAt.getTime()}:${s.reconfirmDays}`,
        startAfter: due,
      });
      return;
    }
    const net = await networkOf(tx, job.networkId);
    if (!net) return;
    await notify(ctx, tx, {
      network: net,
      kind: "opportunity_review",
      userIds: [o.createdBy],
      key: `opportunity-reconfirm:${o.id}:${o.confirmedAt.getTime()}`,
      subject: `opportunity:${o.id}`,
      actorId: null,
      data: { opportunityId: o.id, title: o.title, opportunityNews: "reconfirm" },
    });
  });
}

/** Closes `o` (locked) for `reason` in `tx`; an automatic close tells the poster. */
async function closeRow(
  ctx: AppContext,
  tx: Tx,
  o: OpportunityRow,
  reason: "manual" | "filled" | "expired",
  actorId: string | null,
) {
  await updateOpportunity(tx, o.networkId, o.id, {
    status: "closed",
    closeReason: reason,
    closedAt: new Date(),
  });
  await audit(tx, {
    networkId: o.networkId,
    actor: actorId ? { userId: actorId, label: actorId } : null,
    action: "opportunity.close",
    targetType: "opportunity",
    targetId: o.id,
    data: { reason },
  });
  if (reason === "manual") return;
  const net = await networkOf(tx, o.networkId);
  if (!net) return;
  await notify(ctx, tx, {
    network: net,
    kind: "opportunity_review",
    userIds: [o.createdBy],
    key: `opportunity-closed:${o.id}:${reason}:${Date.now()}`,
    subject: `opportunity:${o.id}`,
    actorId: null,
    data: { opportunityId: o.id, title: o.title, opportunityNews: "closed" },
  });
}

/**
 * One more application hired or contracted (the pipeline, under the posting's lock): the posting
 * closes when its openings are filled.
 */
export async function countFilled(ctx: AppContext, tx: Tx, networkId: string, id: string, delta: 1 | -1) {
  const o = await lockOpportunity(tx, networkId, id);
  if (!o) return;
  const filled = Math.max(0, o.filled + delta);
  const row = await updateOpportunity(tx, networkId, id, { filled });
  if (row && row.status === "open" && filled >= row.openings) await closeRow(ctx, tx, row, "filled", null);
}

// --- Reading ----------------------------------------------------------------------------------------

async function present(
  scope: MemberScope,
  rows: OpportunityRow[],
  s: Settings,
  fits?: Map<string, { score: number; reasons: MatchReason[] }>,
): Promise<OpportunityOut[]> {
  if (!rows.length) return [];
  const networkId = scope.network.id;
  const ids = rows.map((o) => o.id);
  const reviewers = await reviewersOf(scope.db, networkId, ids);
  const mine = await myApplications(scope.db, networkId, scope.member.userId, ids);
  const accessFor = (o: OpportunityRow): OpportunityAccess => ({
    createdBy: o.createdBy,
    reviewers: reviewers.filter((r) => r.opportunityId === o.id).map((r) => r.userId),
  });
  const managed = rows.filter((o) => can(scope, opportunitiesPolicy.manage, accessFor(o)));
  const invited = new Map<string, string[]>();
  for (const o of managed)
    if (o.audience === "invited") invited.set(o.id, await invitesOf(scope.db, networkId, o.id));
  const counts = await applicationCounts(
    scope.db,
    networkId,
    rows.filter((o) => can(scope, opportunitiesPolicy.review, accessFor(o))).map((o) => o.id),
  );
  const people = await memberProfiles(scope.db, networkId, [
    ...new Set([...rows.map((o) => o.createdBy), ...[...invited.values()].flat()]),
  ]);
  const nameOf = new Map(people.map((p) => [p.userId, p.displayName ?? p.userName]));
  const person = (userId: string) => ({ userId, name: nameOf.get(userId) ?? "—" });
  const segmentName = new Map<string, string | null>();
  for (const o of rows)
    if (o.segmentId && !segmentName.has(o.segmentId))
      segmentName.set(o.segmentId, (await findSegment(scope.db, networkId, o.segmentId))?.name ?? null);
  return rows.map((o) => {
    const a = accessFor(o);
    const manage = can(scope, opportunitiesPolicy.manage, a);
    const review = can(scope, opportunitiesPolicy.review, a);
    const my = mine.get(o.id);
    return presentOpportunity(o, s, {
      manage,
      review,
      postedBy: person(o.createdBy),
      segmentName: o.segmentId ? (segmentName.get(o.segmentId) ?? null) : null,
      invited: manage && o.audience === "invited" ? (invited.get(o.id) ?? []).map(person) : null,
      myApplication: my ? { id: my.id, stage: my.stage as ApplicationStage } : null,
      applications: review ? (counts.get(o.id) ?? 0) : null,
      fit: fits?.get(o.id) ?? null,
    });
  });
}

/** Every posting of the network, or those in one status (operators: the approval queue). */
export async function adminOpportunities(scope: MemberScope, q: OpportunityAdminQuery) {
  authorize(scope, opportunitiesPolicy.approve);
  return listPage(scope, {
    scope: "all",
    sort: "recent",
    status: q.status,
    skill: [],
    cursor: q.cursor,
    limit: q.limit,
  });
}

export async function listOpportunities(scope: MemberScope, q: OpportunityListQuery) {
  return listPage(scope, q);
}

async function listPage(
  scope: MemberScope,
  q: Omit<OpportunityListQuery, "scope"> & { scope: "open" | "mine" | "all"; status?: OpportunityStatus },
) {
  const s = await settingsOf(scope.db, scope.network.id);
  // "For you": an alumna's open postings ranked by how well they fit her own profile.
  const me =
    q.sort === "fit" && q.scope === "open" && scope.member.role === "alumni" ? await seekerFor(scope) : null;
  const fitAfter = me ? decodeFitCursor(q.cursor) : null;
  const rows = await listRows(scope.db, scope.network.id, await opportunityViewer(scope), s, {
    scope: q.scope,
    status: q.status,
    type: q.type,
    kind: q.kind,
    remote: q.remote,
    feeMin: q.feeMin,
    feeMax: q.feeMax,
    skills: q.skill,
    q: q.q,
    after: me ? null : decodeKeyset(q.cursor),
    limit: q.limit,
    fit: me
      ? {
          score: postingFitSql(
            me,
            fittingPostingDepartments(await postingDepartmentKeys(scope.db, scope.network.id), me),
          ),
          after: fitAfter,
        }
      : undefined,
  });
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const fits = me
    ? new Map(page.map((r) => [r.o.id, { score: r.score, reasons: explainPosting(r.o, me) }]))
    : undefined;
  return {
    items: await present(
      scope,
      page.map((r) => r.o),
      s,
      fits,
    ),
    nextCursor:
      more && last
        ? me
          ? encodeFitCursor({ score: last.score, at: last.at, id: last.o.id })
          : encodeKeyset({ at: last.at, id: last.o.id })
        : null,
  };
}

async function seekerFor(scope: MemberScope): Promise<Seeker> {
  const [p] = await memberProfiles(scope.db, scope.network.id, [scope.member.userId]);
  return seekerOf({
    skills: p?.skills ?? null,
    departments: p?.departments ?? null,
    jobType: p?.jobType ?? null,
    openTo: p?.openTo ?? null,
    location: p?.location ?? null,
  });
}

type FitCursor = { score: number; at: string; id: string };
const encodeFitCursor = (c: FitCursor) =>
  Buffer.from(JSON.stringify(["fit", c.score, c.at, c.id])).toString("base64url");
function decodeFitCursor(s: string | undefined): FitCursor | null {
  if (!s) return null;
  try {
    const [tag, score, at, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (
      tag === "fit" &&
      Number.isInteger(score) &&
      typeof at === "string" &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === "string"
    )
      return { score, at, id };
  } catch {}
  throw errors.invalidCursor();
}

export async function getOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  const s = await settingsOf(scope.db, scope.network.id);
  const o = await visibleOpportunity(scope, id, s);
  const [out] = await present(scope, [o], s);
  return out;
}

async function presentOne(scope: MemberScope, id: string) {
  const s = await settingsOf(scope.db, scope.network.id);
  const o = await findOpportunity(scope.db, scope.network.id, id);
  if (!o) throw opportunityNotFound();
  const [out] = await present(scope, [o], s);
  return out;
}

export async function opportunityRevisions(scope: MemberScope, id: string) {
  const o = await visibleOpportunity(scope, id);
  authorize(scope, opportunitiesPolicy.manage, await accessOf(scope, o));
  const rows = await revisionsOf(scope.db, scope.network.id, id);
  const people = await memberProfiles(scope.db, scope.network.id, [
    ...new Set(rows.flatMap((r) => (r.editedBy ? [r.editedBy] : []))),
  ]);
  const nameOf = new Map(people.map((p) => [p.userId, p.displayName ?? p.userName]));
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      editedAt: r.editedAt.toISOString(),
      editedBy: r.editedBy ? { userId: r.editedBy, name: nameOf.get(r.editedBy) ?? "—" } : null,
      content: r.content,
    })),
  };
}

// --- Settings ---------------------------------------------------------------------------------------

export async function getSettings(scope: MemberScope): Promise<Settings> {
  authorize(scope, opportunitiesPolicy.settings);
  return settingsOf(scope.db, scope.network.id);
}

export async function putSettings(scope: MemberScope, input: SettingsInput): Promise<Settings> {
  authorize(scope, opportunitiesPolicy.settings);
  return inTransaction(scope, async (tx) => {
    // The referral fields are optional: left out, they keep their values.
    const before = await settingsOf(tx.db, tx.network.id);
    const s: Settings = {
      approvalRequired: input.approvalRequired,
      reconfirmDays: input.reconfirmDays,
      referralBonusDays: input.referralBonusDays ?? before.referralBonusDays,
      referralIncentive:
        input.referralIncentive === undefined ? before.referralIncentive : input.referralIncentive || null,
    };
    await saveSettings(tx.db, tx.network.id, s, tx.actor.userId);
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "opportunity.settings",
      data: s,
    });
    return s;
  });
}

// --- Writing ----------------------------------------------------------------------------------------

const auditOf = (tx: TxScope, action: string, id: string, data?: Record<string, unknown>) => ({
  networkId: tx.network.id,
  actor: tx.actor,
  action,
  targetType: "opportunity",
  targetId: id,
  data,
});

/** Goes up (or, for an employee when the network asks, waits for an operator), in `tx`. */
async function publishRow(tx: TxScope, o: OpportunityRow, s: Settings): Promise<OpportunityStatus> {
  const missing = missingItems(contentOf(o));
  if (missing.length) throw requiredMissing(missing);
  const closesOn = closingDay(o.closesAt);
  if (closesOn && closesOn < todayInJapan()) throw closesInPast();
  if (s.approvalRequired && tx.member.role === "employee") {
    await updateOpportunity(tx.db, tx.network.id, o.id, { status: "pending", returnReason: null });
    await record(
      tx.db,
      {
        type: "opportunity.approval_requested",
        network: networkRef(tx),
        opportunityId: o.id,
        title: o.title,
        actorId: tx.actor.userId,
        operators: await operatorIds(tx.db, tx.network.id),
      },
      auditOf(tx, "opportunity.submit", o.id),
      tx.ctx,
    );
    return "pending";
  }
  await goLive(tx, o, s, "opportunity.publish");
  return "open";
}

/** Opens `o` now (published, confirmed), queues its jobs and records `opportunity.published`. */
async function goLive(tx: TxScope, o: OpportunityRow, s: Settings, action: string) {
  const now = new Date();
  const row = await updateOpportunity(tx.db, tx.network.id, o.id, {
    status: "open",
    returnReason: null,
    closeReason: null,
    closedAt: null,
    publishedAt: o.publishedAt ?? now,
    confirmedAt: now,
    updatedAt: now,
  });
  if (!row) throw opportunityNotFound();
  await queueJobs(tx.ctx, tx.db, tx.network.id, row, s);
  await record(
    tx.db,
    {
      type: "opportunity.published",
      network: networkRef(tx),
      opportunityId: o.id,
      opportunityType: o.type,
      title: o.title,
      actorId: tx.actor.userId,
      authorId: o.createdBy,
      audience: o.audience,
      segmentId: o.segmentId,
      invitees: o.audience === "invited" ? await invitesOf(tx.db, tx.network.id, o.id) : [],
      first: o.publishedAt === null,
      wishes: wishesOf(o),
    },
    auditOf(tx, action, o.id),
    tx.ctx,
  );
}

export async function createOpportunity(
  scope: MemberScope,
  input: OpportunityInput,
): Promise<OpportunityOut> {
  authorize(scope, opportunitiesPolicy.create);
  const id = randomUUID();
  const { publish, audience, ...rest } = input;
  const c = shape(rest);
  await inTransaction(scope, async (tx) => {
    const s = await settingsOf(tx.db, tx.network.id);
    const a = await checkAudience(tx, c.type, audience);
    await insertOpportunity(tx.db, {
      id,
      networkId: tx.network.id,
      ...columnsOf(c),
      type: c.type,
      title: c.title,
      audience: a.audience,
      segmentId: a.segmentId,
      createdBy: tx.member.userId,
    });
    if (a.invitees) await setInvites(tx.db, tx.network.id, id, a.invitees, tx.member.userId);
    await insertRevision(tx.db, {
      networkId: tx.network.id,
      opportunityId: id,
      revision: 1,
      content: { ...c, audience: a.audience, segmentId: a.segmentId },
      editedBy: tx.member.userId,
    });
    await audit(tx.db, auditOf(tx, "opportunity.create", id, { type: c.type }));
    if (publish) {
      const o = await lockOpportunity(tx.db, tx.network.id, id);
      if (o) await publishRow(tx, o, s);
    }
  });
  return presentOne(scope, id);
}

export async function editOpportunity(
  scope: MemberScope,
  id: string,
  patch: OpportunityPatch,
): Promise<OpportunityOut> {
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    const s = await settingsOf(tx.db, tx.network.id);
    const { audience, ...fields } = patch;
    const before = contentOf(o);
    const c = shape({
      ...before,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    } as Content);
    let audienceCols = {};
    let newInvitees: string[] = [];
    if (audience) {
      const a = await checkAudience(tx, c.type, audience);
      audienceCols = { audience: a.audience, segmentId: a.segmentId };
      newInvitees = await setInvites(tx.db, tx.network.id, id, a.invitees ?? [], tx.member.userId);
    } else if (o.audience === "invited" && c.type !== o.type) {
      // Invitees consented to the old type only: check them again for the new one.
      await checkAudience(tx, c.type, {
        type: "invited",
        userIds: await invitesOf(tx.db, tx.network.id, id),
      });
    }
    if (o.status === "open") {
      const missing = missingItems(c);
      if (missing.length) throw requiredMissing(missing);
      if (c.closesOn && c.closesOn !== before.closesOn && c.closesOn < todayInJapan()) throw closesInPast();
    }
    const now = new Date();
    const row = await updateOpportunity(tx.db, tx.network.id, id, {
      ...columnsOf(c),
      ...audienceCols,
      revision: o.revision + 1,
      updatedAt: now,
      // Editing an open posting confirms it as current.
      ...(o.status === "open" ? { confirmedAt: now } : {}),
    });
    await insertRevision(tx.db, {
      networkId: tx.network.id,
      opportunityId: id,
      revision: o.revision + 1,
      content: { ...c, audience: row?.audience, segmentId: row?.segmentId },
      editedBy: tx.member.userId,
      editedAt: now,
    });
    if (row?.status === "open") {
      if (row.filled >= row.openings) await closeRow(tx.ctx, tx.db, row, "filled", tx.actor.userId);
      else await queueJobs(tx.ctx, tx.db, tx.network.id, row, s);
    }
    await audit(tx.db, auditOf(tx, "opportunity.edit", id, { revision: o.revision + 1 }));
    if (row?.status === "open" && newInvitees.length) await notifyInvitees(tx, row, newInvitees);
  });
  return presentOne(scope, id);
}

async function notifyInvitees(tx: TxScope, o: OpportunityRow, userIds: string[]) {
  await offerToInvitees(tx.ctx, tx.db, {
    network: networkRef(tx),
    opportunityId: o.id,
    opportunityType: o.type,
    title: o.title,
    actorId: tx.actor.userId,
    invitees: userIds,
  });
}

export async function publishOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    if (o.status !== "draft" && o.status !== "returned")
      throw wrongStatus(
        "下書きか差し戻しの募集だけを公開できます。",
        "Only a draft or a returned posting can be published.",
      );
    await publishRow(tx, o, await settingsOf(tx.db, tx.network.id));
  });
  return presentOne(scope, id);
}

export async function approveOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  authorize(scope, opportunitiesPolicy.approve);
  await inTransaction(scope, async (tx) => {
    const o = await lockOpportunity(tx.db, tx.network.id, id);
    if (!o) throw opportunityNotFound();
    if (o.status !== "pending")
      throw wrongStatus("承認待ちの募集ではありません。", "This posting is not waiting for approval.");
    const missing = missingItems(contentOf(o));
    if (missing.length) throw requiredMissing(missing);
    await goLive(tx, o, await settingsOf(tx.db, tx.network.id), "opportunity.approve");
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: "opportunity_review",
      userIds: [o.createdBy],
      key: `opportunity-approved:${o.id}:${Date.now()}`,
      subject: `opportunity:${o.id}`,
      actorId: tx.actor.userId,
      data: { opportunityId: o.id, title: o.title, opportunityNews: "approved" },
    });
  });
  return presentOne(scope, id);
}

export async function returnOpportunity(
  scope: MemberScope,
  id: string,
  reason: string,
): Promise<OpportunityOut> {
  authorize(scope, opportunitiesPolicy.approve);
  await inTransaction(scope, async (tx) => {
    const o = await lockOpportunity(tx.db, tx.network.id, id);
    if (!o) throw opportunityNotFound();
    if (o.status !== "pending")
      throw wrongStatus("承認待ちの募集ではありません。", "This posting is not waiting for approval.");
    await updateOpportunity(tx.db, tx.network.id, id, { status: "returned", returnReason: reason });
    await audit(tx.db, auditOf(tx, "opportunity.return", id, { reason }));
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: "opportunity_review",
      userIds: [o.createdBy],
      key: `opportunity-returned:${o.id}:${Date.now()}`,
      subject: `opportunity:${o.id}`,
      actorId: tx.actor.userId,
      data: {
        opportunityId: o.id,
        title: o.title,
        opportunityNews: "returned",
        excerpt: reason.slice(0, 200),
      },
    });
  });
  return presentOne(scope, id);
}

export async function closeOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    if (o.status === "closed") return;
    if (o.status !== "open" && o.status !== "pending")
      throw wrongStatus(
        "公開中か承認待ちの募集だけを締め切れます。",
        "Only an open or pending posting can be closed.",
      );
    await closeRow(tx.ctx, tx.db, o, "manual", tx.actor.userId);
  });
  return presentOne(scope, id);
}

export async function reopenOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    if (o.status !== "closed")
      throw wrongStatus("締め切った募集ではありません。", "This posting is not closed.");
    if (o.filled >= o.openings) throw alreadyFilled();
    const closesOn = closingDay(o.closesAt);
    if (!closesOn || closesOn < todayInJapan()) throw closesInPast();
    if (o.publishedAt === null) {
      // Closed while it waited for approval: it goes through publishing again.
      await updateOpportunity(tx.db, tx.network.id, id, {
        status: "draft",
        closeReason: null,
        closedAt: null,
      });
      const row = await lockOpportunity(tx.db, tx.network.id, id);
      if (row) await publishRow(tx, row, await settingsOf(tx.db, tx.network.id));
      return;
    }
    await goLive(tx, o, await settingsOf(tx.db, tx.network.id), "opportunity.reopen");
  });
  return presentOne(scope, id);
}

export async function reconfirmOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    if (o.status !== "open")
      throw wrongStatus("公開中の募集だけを確認できます。", "Only an open posting can be reconfirmed.");
    const now = new Date();
    const row = await updateOpportunity(tx.db, tx.network.id, id, { confirmedAt: now, updatedAt: now });
    if (row) await queueJobs(tx.ctx, tx.db, tx.network.id, row, await settingsOf(tx.db, tx.network.id));
    await audit(tx.db, auditOf(tx, "opportunity.reconfirm", id));
  });
  return presentOne(scope, id);
}

export async function duplicateOpportunity(scope: MemberScope, id: string): Promise<OpportunityOut> {
  authorize(scope, opportunitiesPolicy.create);
  const newId = randomUUID();
  await inTransaction(scope, async (tx) => {
    const o = await managedOpportunity(tx, id);
    const c = contentOf(o);
    // A past closing date is not carried over (the copy needs a new one).
    if (c.closesOn && c.closesOn < todayInJapan()) c.closesOn = null;
    const keepSegment = o.audience !== "segment" || can(tx, opportunitiesPolicy.segment);
    await insertOpportunity(tx.db, {
      id: newId,
      networkId: tx.network.id,
      ...columnsOf(c),
      type: c.type,
      title: c.title,
      audience: keepSegment ? o.audience : "network",
      segmentId: keepSegment ? o.segmentId : null,
      createdBy: tx.member.userId,
    });
    if (o.audience === "invited")
      await setInvites(
        tx.db,
        tx.network.id,
        newId,
        await invitesOf(tx.db, tx.network.id, id),
        tx.member.userId,
      );
    await insertRevision(tx.db, {
      networkId: tx.network.id,
      opportunityId: newId,
      revision: 1,
      content: {
        ...c,
        audience: keepSegment ? o.audience : "network",
        segmentId: keepSegment ? o.segmentId : null,
      },
      editedBy: tx.member.userId,
    });
    await audit(tx.db, auditOf(tx, "opportunity.duplicate", newId, { from: id }));
  });
  return presentOne(scope, newId);
}

/**
 * The columns of a posting's content (checked, the other type's fields dropped, search text and
 * skill keys prepared) — for writers outside a request, such as the demo seed.
 */
export function postingColumns(c: Content) {
  const shaped = shape(c);
  return { ...columnsOf(shaped), type: shaped.type, title: shaped.title, missing: missingItems(shaped) };
}
export type PostingContent = Content;

/**
 * Postings saved before matching had no department keys (a data migration fills them, in batches):
 * they are the directory's label keys, which only this code computes.
 */
export async function backfillDepartmentKeys(db: Db): Promise<number> {
  let done = 0;
  let after = "";
  for (;;) {
    const rows = await db
      .select({ networkId: opportunity.networkId, id: opportunity.id, department: opportunity.department })
      .from(opportunity)
      .where(
        and(
          isNotNull(opportunity.department),
          sql`cardinality(${opportunity.departmentKeys}) = 0`,
          sql`${opportunity.id} > ${after}`,
        ),
      )
      .orderBy(opportunity.id)
      .limit(500);
    if (!rows.length) return done;
    await db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(opportunity)
          .set({ departmentKeys: departmentUnits(r.department) })
          .where(and(eq(opportunity.networkId, r.networkId), eq(opportunity.id, r.id)));
    });
    done += rows.length;
    after = rows[rows.length - 1].id;
  }
}
