// The operators' side: the approval queue with candidate roster rows, approve (optionally linking
// a roster row) and reject. Each decision is made once (409 on a second), in one transaction,
// audited, and mailed to the registrant in their language. A rejection mail never says why. The
// mail waits DECISION_MAIL_DELAY_SECONDS, during which the operator can undo the decision (undo.ts).
import type { Db, Tx } from "../../db/client.ts";
import { audit } from "../../server/audit.ts";
import type { AppContext } from "../../server/context.ts";
import { inTransaction, type Network, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { admitMember } from "../members/index.ts";
import { type RegistrationFacts, rankCandidates } from "./matching.ts";
import { presentRegistration } from "./presenter.ts";
import {
  claimRosterRow,
  decideRegistration,
  findRegistration,
  isMember,
  listRegistrations,
  type RegistrationRow,
  rosterRowExists,
  rosterRowsByKeys,
  rosterRowsByMonths,
  userContact,
} from "./queries.ts";
import { networkUrl, seedProfile } from "./service.ts";

export const reviewErrors = {
  notFound: () => errors.notFound({ ja: "登録申請", en: "registration" }),
  alreadyDecided: (status: string) =>
    new AppError(
      409,
      "REGISTRATION_ALREADY_DECIDED",
      status === "approved"
        ? { ja: "この登録申請は既に承認されています。", en: "This registration has already been approved." }
        : { ja: "この登録申請は既に却下されています。", en: "This registration has already been rejected." },
      { status },
    ),
  rosterEntryNotFound: () =>
    new AppError(404, "ROSTER_ENTRY_NOT_FOUND", {
      ja: "指定された名簿の行が見つかりません。",
      en: "The roster entry was not found.",
    }),
  rosterEntryLinked: () =>
    errors.conflict("ROSTER_ENTRY_LINKED", {
      ja: "この名簿の行は既に別のメンバーに紐付いています。",
      en: "This roster entry is already linked to another member.",
    }),
};

const factsOf = (r: RegistrationRow): RegistrationFacts => ({
  name: r.name,
  nameKana: r.nameKana,
  joinYm: r.joinYm,
  leaveYm: r.leaveYm,
  department: r.department,
  employeeNumber: r.employeeNumber,
});

/** Roster rows an operator should look at for this registration (at most 5, best first). */
export async function candidatesFor(db: Db, networkId: string, r: RegistrationRow) {
  const f = factsOf(r);
  const byKeys = await rosterRowsByKeys(db, networkId, f);
  const byMonths = await rosterRowsByMonths(
    db,
    networkId,
    f,
    byKeys.map((x) => x.id),
  );
  return rankCandidates(f, [...byKeys, ...byMonths]);
}

export async function registrationQueue(
  scope: Scope,
  q: { status: "pending" | "approved" | "rejected"; limit: number },
) {
  const { db } = scope;
  const networkId = scope.network.id;
  const rows = await listRegistrations(db, networkId, q.status, q.limit);
  const items = [];
  for (const row of rows) items.push(presentRegistration(row, await candidatesFor(db, networkId, row.r)));
  return { items };
}

async function loadPending(tx: Parameters<typeof findRegistration>[0], networkId: string, id: string) {
  const reg = await findRegistration(tx, networkId, id);
  if (!reg) throw reviewErrors.notFound();
  if (reg.status !== "pending") throw reviewErrors.alreadyDecided(reg.status);
  return reg;
}

/** How long the operator who decided may take the decision back (while its mail still waits). */
export const UNDO_WINDOW_MS = 10 * 60_000;

/**
 * Until when the decision can be undone: while its mail waits (DECISION_MAIL_DELAY_SECONDS), or
 * the whole window when no mail was queued; null when the mail goes at once.
 */
function undoUntil(ctx: AppContext, mailed: boolean): string | null {
  const delay = ctx.config.DECISION_MAIL_DELAY_SECONDS;
  if (!mailed) return new Date(Date.now() + UNDO_WINDOW_MS).toISOString();
  return delay > 0 ? new Date(Date.now() + Math.min(delay * 1000, UNDO_WINDOW_MS)).toISOString() : null;
}

export async function approveRegistration(scope: Scope, id: string, rosterEntryId?: string) {
  const { ctx, network, actor } = scope;
  return inTransaction(scope, async ({ db: tx }) => {
    const reg = await loadPending(tx, network.id, id);
    const already = await isMember(tx, network.id, reg.userId);
    let linked: string | null = null;
    if (rosterEntryId && !already) {
      if (!(await rosterRowExists(tx, network.id, rosterEntryId))) throw reviewErrors.rosterEntryNotFound();
      if (!(await claimRosterRow(tx, network.id, rosterEntryId, reg.userId)))
        throw reviewErrors.rosterEntryLinked();
      linked = rosterEntryId;
    }
    const contact = await userContact(tx, reg.userId);
    const admitted =
      !already &&
      (await admitMember(tx, {
        networkId: network.id,
        userId: reg.userId,
        role: "alumni",
        verifiedVia: "operator_approval",
        verifiedBy: actor.userId,
        rosterEntryId: linked,
        profile: seedProfile(contact?.name ?? "", factsOf(reg)),
      }));
    if (
      !(await decideRegistration(tx, network.id, reg.id, {
        status: "approved",
        decidedBy: actor.userId,
        matchedRosterEntryId: linked,
      }))
    )
      throw reviewErrors.alreadyDecided("approved");
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "registration.approve",
      targetType: "registration",
      targetId: reg.id,
      data: { userId: reg.userId, rosterEntryId: linked, alreadyMember: already },
    });
    // Someone who became a member meanwhile (e.g. by invitation) gets no second welcome.
    if (admitted) await notify(ctx, tx, reg, "registrationApproved", network);
    return { undoUntil: undoUntil(ctx, admitted) };
  });
}

export async function rejectRegistration(scope: Scope, id: string, note?: string) {
  const { ctx, network, actor } = scope;
  return inTransaction(scope, async ({ db: tx }) => {
    const reg = await loadPending(tx, network.id, id);
    if (
      !(await decideRegistration(tx, network.id, reg.id, {
        status: "rejected",
        decidedBy: actor.userId,
        note: note || null,
      }))
    )
      throw reviewErrors.alreadyDecided("rejected");
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "registration.reject",
      targetType: "registration",
      targetId: reg.id,
      data: { userId: reg.userId, withNote: !!note },
    });
    await notify(ctx, tx, reg, "registrationRejected", network);
    return { undoUntil: undoUntil(ctx, true) };
  });
}

export type DecisionTemplate = "registrationApproved" | "registrationRejected";
/** The decision mail's key: its job and Message-ID derive from it. */
export const decisionMailKey = (template: DecisionTemplate, registrationId: string) =>
  `${template}:${registrationId}`;

/**
 * Mails the registrant (current address, their language). The rejection mail has one wording.
 * The mail waits DECISION_MAIL_DELAY_SECONDS, so that the operator can still undo (undo.ts).
 */
async function notify(
  ctx: AppContext,
  tx: Tx,
  reg: RegistrationRow,
  template: DecisionTemplate,
  network: Network,
) {
  const contact = await userContact(tx, reg.userId);
  const to = contact?.email ?? reg.email;
  const locale = contact?.locale === "en" ? "en" : "ja";
  const opts = {
    tx,
    key: decisionMailKey(template, reg.id),
    startAfter: ctx.config.DECISION_MAIL_DELAY_SECONDS,
    networkId: network.id,
  };
  if (template === "registrationApproved") {
    await ctx.mailer.enqueue(
      to,
      template,
      locale,
      { networkName: network.name, url: networkUrl(ctx, network.slug), name: contact?.name || reg.name },
      opts,
    );
  } else {
    await ctx.mailer.enqueue(
      to,
      template,
      locale,
      { networkName: network.name, name: contact?.name || reg.name },
      opts,
    );
  }
}
