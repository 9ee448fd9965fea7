// Applications (応募) and the pipeline. An alumna applies in one click to an open, current posting
// she may see: a motivation (required), optionally a CV (a PDF, recognised by its content) and a
// snapshot of the profile fields she chooses to share; one live application per posting (a second
// is refused: 409 APPLICATION_DUPLICATE); she may withdraw while it is open.
//
// Reviewers — the poster, the co-reviewers the poster adds (employees, operators) and the
// operators — see the posting's board, move applications through the stages (applied → screening
// → interview → offered → hired / contracted; declined by us, declined by the applicant, withdrawn
// close it), each change recorded with who and when, and keep private notes with 1–5 ratings. The
// applicant sees her stage and its dates, never the notes, the reviewers' names on the history
// nor the reason of a decline by us. Both write in the application's thread. "hired" and
// "contracted" count towards the posting's openings (it closes when filled); "contracted" records
// `opportunity.contracted`, the hand-over to the engagements of the next capability.
import { randomUUID } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ApplicationStage } from "../../db/schema/index.ts";
import { record } from "../../server/events.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { detectAttachmentType, displayName, uploadedFile } from "../inquiries/index.ts";
import { notify } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import {
  type ApplicationRow,
  applicationsFor,
  applicationsOf,
  attachFile,
  filesByIds,
  findApplication,
  findFile,
  insertApplication,
  insertFile,
  insertMessage,
  insertNote,
  insertStageChange,
  LIVE_STAGES,
  lockApplication,
  messagesOf,
  notesOf,
  removeStaleFiles,
  stageChangesOf,
  updateApplication,
} from "./application-queries.ts";
import { type OpportunityAccess, opportunitiesPolicy } from "./policy.ts";
import { takesApplications } from "./presenter.ts";
import {
  activeWithRole,
  addReviewer,
  findOpportunity,
  findVisibleOpportunity,
  lockOpportunity,
  type OpportunityRow,
  removeReviewer,
  reviewersOf,
  settingsOf,
} from "./queries.ts";
import { linkReferral } from "./referrals.ts";
import type { ApplicationOut, ApplyInput, ShareableField } from "./schemas.ts";
import { countFilled, opportunityNotFound, opportunityViewer } from "./service.ts";

const applicationNotFound = () => errors.notFound({ ja: "応募", en: "application" });
const duplicate = () =>
  errors.conflict("APPLICATION_DUPLICATE", {
    ja: "この募集にはすでに応募しています。応募状況は「応募した募集」で確認できます。",
    en: "You have already applied to this opening. See its progress under My applications.",
  });
const notOpen = () =>
  errors.conflict("OPPORTUNITY_NOT_OPEN", {
    ja: "この募集はいま応募を受け付けていません（締切後か、内容の確認待ちです）。",
    en: "This opening is not taking applications now (closed, or waiting to be reconfirmed).",
  });
const pdfOnly = () =>
  new AppError(400, "APPLICATION_FILE_PDF_ONLY", {
    ja: "添付できるのは PDF ファイルだけです。",
    en: "Only a PDF file can be attached.",
  });
const fileUnknown = () =>
  new AppError(400, "ATTACHMENT_NOT_FOUND", {
    ja: "添付ファイルが見つかりません。もう一度アップロードしてください。",
    en: "The attachment was not found. Please upload it again.",
  });
const stageFinal = () =>
  errors.conflict("APPLICATION_STAGE_FINAL", {
    ja: "この応募は選考が終了しています。",
    en: "This application is closed.",
  });
const stageRefused = (from: string, to: string) =>
  new AppError(
    422,
    "APPLICATION_STAGE_NOT_ALLOWED",
    {
      ja: "この段階には移せません。",
      en: `An application cannot move from ${from} to ${to}.`,
    },
    { from, to },
  );
const reasonRequired = () =>
  new AppError(422, "APPLICATION_REASON_REQUIRED", {
    ja: "見送り・辞退には理由を入力してください。",
    en: "A decline needs a reason.",
  });
const reviewerUnknown = () =>
  new AppError(422, "OPPORTUNITY_REVIEWER_NOT_STAFF", {
    ja: "選考担当にできるのは社員か運営者だけです。",
    en: "Only employees and operators can review.",
  });

const OUTCOMES: ApplicationStage[] = ["declined_by_us", "declined_by_applicant"];

/** The stages a reviewer may move an application of posting type `type` to from `from`. */
export function reviewerMoves(from: ApplicationStage, type: OpportunityRow["type"]): ApplicationStage[] {
  if (!LIVE_STAGES.includes(from)) return [];
  const moves = LIVE_STAGES.filter((s) => s !== from);
  if (from === "offered") moves.push(type === "rehire" ? "hired" : "contracted");
  return [...moves, ...OUTCOMES];
}

async function accessOf(scope: MemberScope, o: OpportunityRow): Promise<OpportunityAccess> {
  const rs = await reviewersOf(scope.db, scope.network.id, [o.id]);
  return { createdBy: o.createdBy, reviewers: rs.map((r) => r.userId) };
}

const networkRef = (scope: MemberScope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

/** Who reviews `o`: the poster and the co-reviewers (operators see the board without being told). */
async function reviewerIds(scope: MemberScope, o: OpportunityRow) {
  const a = await accessOf(scope, o);
  return [...new Set([a.createdBy, ...a.reviewers])];
}

// --- Uploads --------------------------------------------------------------------------------------

const PENDING_HOURS = 24;

/** A CV for an application: a PDF by its content, at most 10 MB; pending until an application uses it. */
export async function uploadCv(scope: MemberScope, req: FastifyRequest) {
  authorize(scope, opportunitiesPolicy.apply);
  const file = await uploadedFile(req);
  const type = detectAttachmentType(file.buf);
  if (type?.ext !== "pdf") throw pdfOnly();
  const networkId = scope.network.id;
  const userId = scope.member.userId;
  for (const key of await removeStaleFiles(scope.db, networkId, userId, PENDING_HOURS))
    await scope.ctx.storage.delete(key).catch(() => {});
  const id = randomUUID();
  const storageKey = `opportunities/${networkId}/${id}`;
  const name = displayName(file.name, type);
  // The file first, then its row: a failed insert removes the file again.
  await scope.ctx.storage.put(storageKey, file.buf, type.mime);
  try {
    await insertFile(scope.db, {
      id,
      networkId,
      uploadedBy: userId,
      name,
      mime: type.mime,
      size: file.buf.length,
      storageKey,
    });
  } catch (err) {
    await scope.ctx.storage.delete(storageKey).catch(() => {});
    throw err;
  }
  return { id, name, size: file.buf.length };
}

/** The application's CV (its applicant or a reviewer): the stored file and its name. */
export async function applicationFile(scope: MemberScope, id: string) {
  const { a } = await readable(scope, id);
  const f = a.fileId ? await findFile(scope.db, scope.network.id, a.fileId) : null;
  const stream = f && (await scope.ctx.storage.get(f.storageKey));
  if (!f || !stream) throw errors.notFound({ ja: "添付ファイル", en: "attachment" });
  return { file: stream, name: f.name, mime: f.mime };
}

// --- Applying -----------------------------------------------------------------------------------

/** The snapshot of the fields she chose to share, as her profile has them now. */
async function snapshot(scope: MemberScope, share: ShareableField[]) {
  const [p] = await memberProfiles(scope.db, scope.network.id, [scope.member.userId]);
  const out: Record<string, unknown> = { name: p?.displayName ?? p?.userName ?? scope.user.name };
  for (const f of new Set(share)) {
    const v = f === "email" ? scope.user.email : (p as Record<string, unknown> | undefined)?.[f];
    if (v !== null && v !== undefined && !(Array.isArray(v) && !v.length) && v !== "") out[f] = v;
  }
  return out;
}

export async function apply(
  scope: MemberScope,
  opportunityId: string,
  input: ApplyInput,
): Promise<ApplicationOut> {
  authorize(scope, opportunitiesPolicy.apply);
  const s = await settingsOf(scope.db, scope.network.id);
  const seen = await findVisibleOpportunity(
    scope.db,
    scope.network.id,
    opportunityId,
    await opportunityViewer(scope),
    s,
  );
  if (!seen) throw opportunityNotFound();
  const profile = await snapshot(scope, input.share);
  const id = randomUUID();
  await inTransaction(scope, async (tx) => {
    const o = await lockOpportunity(tx.db, tx.network.id, opportunityId);
    if (!o) throw opportunityNotFound();
    if (!takesApplications(o, s.reconfirmDays)) throw notOpen();
    const row = await insertApplication(tx.db, {
      id,
      networkId: tx.network.id,
      opportunityId,
      userId: tx.member.userId,
      motivation: input.motivation,
      profile,
      fileId: null,
    });
    if (!row) throw duplicate();
    if (input.fileId) {
      if (!(await attachFile(tx.db, tx.network.id, tx.member.userId, input.fileId, id))) throw fileUnknown();
      await updateApplication(tx.db, tx.network.id, id, { fileId: input.fileId });
    }
    await insertStageChange(tx.db, {
      networkId: tx.network.id,
      applicationId: id,
      fromStage: null,
      toStage: "applied",
      actorId: tx.member.userId,
    });
    await record(
      tx.db,
      {
        type: "opportunity.applied",
        network: networkRef(tx),
        opportunityId,
        applicationId: id,
        title: o.title,
        applicantId: tx.member.userId,
        applicantName: String(profile.name),
        reviewers: await reviewerIds(tx, o),
      },
      undefined,
      tx.ctx,
    );
    // A referral she had for this posting is answered by applying (the referrer is told).
    await linkReferral(tx, o, id, String(profile.name));
  });
  return getApplication(scope, id);
}

// --- Reading --------------------------------------------------------------------------------------

/** The application with its posting, for its applicant or a reviewer (404 for anyone else). */
async function readable(scope: MemberScope, id: string) {
  const found = await findApplication(scope.db, scope.network.id, id);
  if (!found) throw applicationNotFound();
  const access = await accessOf(scope, found.o);
  if (!can(scope, opportunitiesPolicy.readApplication, { userId: found.a.userId, access }))
    throw applicationNotFound();
  return { ...found, access, review: can(scope, opportunitiesPolicy.review, access) };
}

async function names(scope: MemberScope, ids: (string | null)[]) {
  const people = await memberProfiles(scope.db, scope.network.id, [
    ...new Set(ids.filter((x): x is string => !!x)),
  ]);
  const m = new Map(people.map((p) => [p.userId, p.displayName ?? p.userName]));
  return (userId: string) => ({ userId, name: m.get(userId) ?? "—" });
}

function brief(
  a: ApplicationRow,
  o: OpportunityRow,
  review: boolean,
  applicant: { userId: string; name: string },
) {
  const ownReason = a.stage === "withdrawn" || a.stage === "declined_by_applicant";
  return {
    id: a.id,
    opportunity: { id: o.id, title: o.title, type: o.type, kind: o.kind, status: o.status },
    applicant,
    motivation: a.motivation,
    profile: a.profile,
    stage: a.stage,
    reason: review || ownReason ? a.reason : null,
    createdAt: a.createdAt.toISOString(),
    stageChangedAt: a.stageChangedAt.toISOString(),
  };
}

export async function getApplication(scope: MemberScope, id: string): Promise<ApplicationOut> {
  const { a, o, review } = await readable(scope, id);
  const mine = a.userId === scope.member.userId;
  const history = await stageChangesOf(scope.db, scope.network.id, id);
  const messages = await messagesOf(scope.db, scope.network.id, id);
  const notes = review ? await notesOf(scope.db, scope.network.id, [id]) : [];
  const file = a.fileId ? await findFile(scope.db, scope.network.id, a.fileId) : null;
  const person = await names(scope, [
    a.userId,
    ...history.map((h) => h.actorId),
    ...messages.map((m) => m.authorId),
    ...notes.map((n) => n.authorId),
  ]);
  return {
    ...brief(a, o, review, person(a.userId)),
    file: file ? { name: file.name, size: file.size } : null,
    history: history.map((h) => ({
      from: h.fromStage,
      to: h.toStage,
      at: h.at.toISOString(),
      // The applicant sees when, not which reviewer.
      by: review && h.actorId ? person(h.actorId) : null,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      author: person(m.authorId),
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      mine: m.authorId === scope.member.userId,
    })),
    notes: review
      ? notes.map((n) => ({
          id: n.id,
          author: person(n.authorId),
          body: n.body,
          rating: n.rating,
          createdAt: n.createdAt.toISOString(),
        }))
      : null,
    review,
    next: review
      ? reviewerMoves(a.stage, o.type)
      : mine && LIVE_STAGES.includes(a.stage)
        ? (["withdrawn"] as ApplicationStage[])
        : [],
  };
}

export async function myApplications(scope: MemberScope) {
  const rows = await applicationsOf(scope.db, scope.network.id, scope.member.userId);
  const person = await names(scope, [scope.member.userId]);
  const files = await filesByIds(
    scope.db,
    scope.network.id,
    rows.flatMap(({ a }) => (a.fileId ? [a.fileId] : [])),
  );
  return {
    items: rows.map(({ a, o }) => ({
      ...brief(a, o, false, person(a.userId)),
      file: a.fileId ? (files.get(a.fileId) ?? null) : null,
      review: false,
      next: LIVE_STAGES.includes(a.stage) ? (["withdrawn"] as ApplicationStage[]) : [],
    })),
  };
}

/** The posting's board: every application with its stage and the reviewers' average rating. */
export async function board(scope: MemberScope, opportunityId: string) {
  const o = await findOpportunity(scope.db, scope.network.id, opportunityId);
  if (!o) throw opportunityNotFound();
  const access = await accessOf(scope, o);
  if (!can(scope, opportunitiesPolicy.review, access)) {
    // Who may not review a posting they can see is refused; one they cannot see does not exist.
    const seen = await findVisibleOpportunity(
      scope.db,
      scope.network.id,
      opportunityId,
      await opportunityViewer(scope),
      await settingsOf(scope.db, scope.network.id),
    );
    if (!seen) throw opportunityNotFound();
    authorize(scope, opportunitiesPolicy.review, access);
  }
  const apps = await applicationsFor(scope.db, scope.network.id, opportunityId);
  const notes = await notesOf(
    scope.db,
    scope.network.id,
    apps.map((a) => a.id),
  );
  const person = await names(scope, [...apps.map((a) => a.userId), access.createdBy, ...access.reviewers]);
  return {
    items: apps.map((a) => {
      const mine = notes.filter((n) => n.applicationId === a.id);
      const rated = mine.filter((n) => n.rating !== null);
      return {
        id: a.id,
        applicant: { userId: a.userId, name: String(a.profile.name ?? person(a.userId).name) },
        stage: a.stage,
        createdAt: a.createdAt.toISOString(),
        stageChangedAt: a.stageChangedAt.toISOString(),
        rating: rated.length
          ? Math.round((rated.reduce((s, n) => s + (n.rating ?? 0), 0) / rated.length) * 10) / 10
          : null,
        notes: mine.length,
      };
    }),
    reviewers: [access.createdBy, ...access.reviewers].map(person),
  };
}

// --- The pipeline -------------------------------------------------------------------------------

async function changeStage(
  scope: MemberScope,
  id: string,
  to: ApplicationStage,
  reason: string | null,
  who: "reviewer" | "applicant",
) {
  await inTransaction(scope, async (tx) => {
    const found = await readable(tx, id);
    if (who === "reviewer" && !found.review) authorize(tx, opportunitiesPolicy.review, found.access);
    if (who === "applicant" && found.a.userId !== tx.member.userId) throw applicationNotFound();
    const a = await lockApplication(tx.db, tx.network.id, id);
    if (!a) throw applicationNotFound();
    if (!LIVE_STAGES.includes(a.stage)) throw stageFinal();
    const allowed =
      who === "reviewer" ? reviewerMoves(a.stage, found.o.type) : (["withdrawn"] as ApplicationStage[]);
    if (!allowed.includes(to)) throw stageRefused(a.stage, to);
    if (OUTCOMES.includes(to) && !reason) throw reasonRequired();
    await updateApplication(tx.db, tx.network.id, id, { stage: to, reason, stageChangedAt: new Date() });
    await insertStageChange(tx.db, {
      networkId: tx.network.id,
      applicationId: id,
      fromStage: a.stage,
      toStage: to,
      reason,
      actorId: tx.member.userId,
    });
    if (to === "hired" || to === "contracted") await countFilled(tx.ctx, tx.db, tx.network.id, found.o.id, 1);
    await record(
      tx.db,
      {
        type: "opportunity.stage_changed",
        network: networkRef(tx),
        opportunityId: found.o.id,
        applicationId: id,
        title: found.o.title,
        from: a.stage,
        to,
        actorId: tx.member.userId,
        applicantId: a.userId,
        reviewers: await reviewerIds(tx, found.o),
      },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.stage",
        targetType: "opportunity_application",
        targetId: id,
        data: { from: a.stage, to },
      },
      tx.ctx,
    );
    if (to === "contracted")
      await record(
        tx.db,
        {
          type: "opportunity.contracted",
          networkId: tx.network.id,
          opportunityId: found.o.id,
          applicationId: id,
          userId: a.userId,
          actorId: tx.member.userId,
        },
        undefined,
        tx.ctx,
      );
  });
  return getApplication(scope, id);
}

export const moveStage = (scope: MemberScope, id: string, to: ApplicationStage, reason: string | null) =>
  changeStage(scope, id, to, reason, "reviewer");

export const withdraw = (scope: MemberScope, id: string, reason: string | null) =>
  changeStage(scope, id, "withdrawn", reason, "applicant");

export async function addNote(scope: MemberScope, id: string, body: string, rating: number | null) {
  await inTransaction(scope, async (tx) => {
    const found = await readable(tx, id);
    authorize(tx, opportunitiesPolicy.review, found.access);
    await insertNote(tx.db, {
      networkId: tx.network.id,
      applicationId: id,
      authorId: tx.member.userId,
      body,
      rating,
    });
  });
  return getApplication(scope, id);
}

/** A message in the application's thread: the applicant hears of a reviewer's, the reviewers of hers. */
export async function postMessage(scope: MemberScope, id: string, body: string) {
  await inTransaction(scope, async (tx) => {
    const found = await readable(tx, id);
    const m = await insertMessage(tx.db, {
      networkId: tx.network.id,
      applicationId: id,
      authorId: tx.member.userId,
      body,
    });
    const fromApplicant = found.a.userId === tx.member.userId;
    const person = await names(tx, [tx.member.userId]);
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: fromApplicant ? "opportunity_review" : "opportunity_application",
      userIds: fromApplicant ? await reviewerIds(tx, found.o) : [found.a.userId],
      key: `opportunity-message:${m?.id}`,
      subject: `opportunity:${found.o.id}`,
      actorId: tx.member.userId,
      data: {
        opportunityId: found.o.id,
        applicationId: id,
        title: found.o.title,
        opportunityNews: "message",
        actorName: person(tx.member.userId).name,
        excerpt: body.slice(0, 120),
      },
    });
  });
  return getApplication(scope, id);
}

// --- Co-reviewers -------------------------------------------------------------------------------

async function managed(scope: MemberScope, opportunityId: string) {
  const o = await findOpportunity(scope.db, scope.network.id, opportunityId);
  if (!o) throw opportunityNotFound();
  const seen = await findVisibleOpportunity(
    scope.db,
    scope.network.id,
    opportunityId,
    await opportunityViewer(scope),
    await settingsOf(scope.db, scope.network.id),
  );
  if (!seen) throw opportunityNotFound();
  authorize(scope, opportunitiesPolicy.manage, await accessOf(scope, o));
  return o;
}

export async function appointReviewer(scope: MemberScope, opportunityId: string, userId: string) {
  await inTransaction(scope, async (tx) => {
    const o = await managed(tx, opportunityId);
    if (!(await activeWithRole(tx.db, tx.network.id, [userId], ["employee", "operator"])).length)
      throw reviewerUnknown();
    await addReviewer(tx.db, tx.network.id, opportunityId, userId, tx.member.userId);
    await notify(tx.ctx, tx.db, {
      network: networkRef(tx),
      kind: "opportunity_review",
      userIds: [userId],
      key: `opportunity-reviewer:${opportunityId}:${userId}`,
      subject: `opportunity:${opportunityId}`,
      actorId: tx.member.userId,
      data: {
        opportunityId,
        title: o.title,
        opportunityNews: "reviewer",
        actorName: (await names(tx, [tx.member.userId]))(tx.member.userId).name,
      },
    });
  });
  return board(scope, opportunityId);
}

export async function dismissReviewer(scope: MemberScope, opportunityId: string, userId: string) {
  await inTransaction(scope, async (tx) => {
    await managed(tx, opportunityId);
    await removeReviewer(tx.db, tx.network.id, opportunityId, userId);
  });
  return board(scope, opportunityId);
}
