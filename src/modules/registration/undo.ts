// Taking back an approval or a rejection (取り消す) just after it was made: only by the operator
// who decided, within UNDO_WINDOW_MS, and only while nothing depends on it — the decision mail
// still waits in the outbox (it is withdrawn in the same transaction, so it is either taken back
// or sent, never both), nobody registered again, and an admitted member has not opened the
// network yet. The registration goes back to the queue as it was; audited.
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError } from "../../shared/errors.ts";
import { withdrawAdmission } from "../members/index.ts";
import { findRegistration, lockUser, registeredSince, reopenRegistration } from "./queries.ts";
import { decisionMailKey, reviewErrors, UNDO_WINDOW_MS } from "./review.ts";

export const undoErrors = {
  notDecided: () =>
    new AppError(409, "REGISTRATION_NOT_DECIDED", {
      ja: "この登録申請はまだ承認も却下もされていません。",
      en: "This registration has not been approved or rejected yet.",
    }),
  notYours: () =>
    new AppError(403, "REGISTRATION_UNDO_NOT_YOURS", {
      ja: "取り消せるのは、承認・却下をした運営者本人だけです（自動承認は取り消せません）。",
      en: "Only the operator who made the decision can undo it (automatic approvals cannot be undone).",
    }),
  tooLate: (reason: "expired" | "mail_sent" | "in_use" | "registered_again") =>
    new AppError(
      409,
      "REGISTRATION_UNDO_TOO_LATE",
      {
        expired: {
          ja: "取り消せる時間（10 分）を過ぎています。",
          en: "The time to undo (10 minutes) has passed.",
        },
        mail_sent: {
          ja: "本人に結果のメールを送ったため、取り消せません。",
          en: "The registrant has already been sent the result by email, so it can no longer be undone.",
        },
        in_use: {
          ja: "本人が既にネットワークを使い始めている（または役割・状態が変更された）ため、取り消せません。必要なら「メンバー」で利用停止にしてください。",
          en: "The member has already started using the network (or their role or status changed), so it can no longer be undone. Suspend them under Members if needed.",
        },
        registered_again: {
          ja: "本人が新しく登録を申請しているため、取り消せません。",
          en: "The person has registered again since, so it can no longer be undone.",
        },
      }[reason],
      { reason },
    ),
};

export async function undoDecision(scope: Scope, id: string) {
  const { ctx, network, actor } = scope;
  await inTransaction(scope, async ({ db: tx }) => {
    const reg = await findRegistration(tx, network.id, id);
    if (!reg) throw reviewErrors.notFound();
    if (reg.status === "pending") throw undoErrors.notDecided();
    if (!actor.userId || reg.decidedBy !== actor.userId) throw undoErrors.notYours();
    if (!reg.decidedAt || Date.now() - reg.decidedAt.getTime() > UNDO_WINDOW_MS)
      throw undoErrors.tooLate("expired");
    // Serialised with a new registration of the same person (submitRegistration locks them too).
    await lockUser(tx, reg.userId);
    if (await registeredSince(tx, network.id, reg.userId, reg.createdAt, reg.id))
      throw undoErrors.tooLate("registered_again");

    let memberRemoved = false;
    if (reg.status === "approved") {
      const admission = await withdrawAdmission(tx, {
        networkId: network.id,
        userId: reg.userId,
        verifiedBy: actor.userId,
        verifiedAt: reg.decidedAt,
      });
      if (admission === "in_use") throw undoErrors.tooLate("in_use");
      memberRemoved = admission === "withdrawn";
      // An approval that admitted someone queued their welcome mail; one that did not, none.
      if (
        memberRemoved &&
        !(await ctx.mailer.withdraw(decisionMailKey("registrationApproved", reg.id), { tx }))
      )
        throw undoErrors.tooLate("mail_sent");
    } else if (!(await ctx.mailer.withdraw(decisionMailKey("registrationRejected", reg.id), { tx }))) {
      throw undoErrors.tooLate("mail_sent");
    }
    if (!(await reopenRegistration(tx, network.id, reg.id, reg.status))) throw reviewErrors.notFound();
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "registration.undo",
      targetType: "registration",
      targetId: reg.id,
      data: {
        from: reg.status,
        userId: reg.userId,
        memberRemoved,
        rosterEntryId: reg.matchedRosterEntryId,
      },
    });
  });
}
