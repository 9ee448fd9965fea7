// Reports: a member reports a post, a comment or a direct message they can see (404 otherwise:
// what they cannot see does not exist for them), with a reason from a fixed set and an optional
// note. One report per member and item: a second one updates the first. The reports of one round
// open the item's case in the operators' queue; a post or comment reported by the network's
// threshold of distinct members is hidden pending review in the transaction of the report that
// reached it. The author is never told who reported (nothing of a report reaches them).
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.ts";
import type { ReportTarget } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError } from "../../shared/errors.ts";
import { reportableComment, reportablePost, setContentHidden } from "../feed/index.ts";
import { reportableMessage } from "../messages/index.ts";
import { hideNotifications } from "../notifications/index.ts";
import { markAutoHidden, openCase, reportCount, thresholdOf, upsertReport } from "./queries.ts";
import type { ReportInput } from "./schemas.ts";

const ownContent = () =>
  new AppError(422, "MODERATION_REPORT_OWN", {
    ja: "自分の投稿・コメント・メッセージは通報できません。",
    en: "You cannot report your own post, comment or message.",
  });

/** What a report is about, as the reporter may see it. */
export type ReportSubject =
  | { type: "post"; id: string }
  | { type: "comment"; id: string }
  | { type: "message"; id: string; conversationId: string };

async function subjectOf(scope: MemberScope, s: ReportSubject) {
  if (s.type === "post") return reportablePost(scope, s.id);
  if (s.type === "comment") return reportableComment(scope, s.id);
  return reportableMessage(scope, s.conversationId, s.id);
}

/**
 * Hides a post or comment pending review, or shows it again, with the notifications about it
 * (they leave the bell and the digest of everyone but its author and the operators).
 */
export async function setHidden(
  tx: Scope & { db: Tx },
  target: { type: ReportTarget; id: string; postId?: string; authorId: string },
  hidden: boolean,
) {
  if (target.type === "message") return false;
  const exists = await setContentHidden(tx.db, tx.network.id, target.type, target.id, hidden);
  if (!exists) return false;
  const about =
    target.type === "post"
      ? { subject: `post:${target.id}` }
      : { subject: `post:${target.postId}`, key: `comment:${target.id}` };
  await hideNotifications(tx.db, tx.network.id, about, [target.authorId], hidden);
  return true;
}

export async function fileReport(scope: MemberScope, subject: ReportSubject, input: ReportInput) {
  const target = await subjectOf(scope, subject);
  if (target.authorId === scope.member.userId) throw ownContent();
  return inTransaction(scope, async (tx) => {
    const networkId = tx.network.id;
    const c = await openCase(tx.db, {
      id: randomUUID(),
      networkId,
      targetType: subject.type,
      targetId: subject.id,
      authorId: target.authorId,
    });
    const r = await upsertReport(tx.db, {
      id: randomUUID(),
      networkId,
      caseId: c.id,
      targetType: subject.type,
      targetId: subject.id,
      reporterId: tx.member.userId,
      round: c.round,
      reason: input.reason,
      note: input.note,
    });
    await audit(tx.db, {
      networkId,
      actor: tx.actor,
      action: "moderation.report",
      targetType: subject.type,
      targetId: subject.id,
      data: { caseId: c.id, reportReason: input.reason, updated: !r.created },
    });
    // The Nth distinct reporter of this round hides a post or comment pending review.
    if (subject.type !== "message" && !c.autoHiddenAt && !("hiddenAt" in target && target.hiddenAt)) {
      const n = await reportCount(tx.db, networkId, c.id, c.round);
      const threshold = await thresholdOf(tx.db, networkId);
      if (n >= threshold) {
        const postId = "postId" in target ? target.postId : undefined;
        await setHidden(tx, { type: subject.type, id: subject.id, postId, authorId: target.authorId }, true);
        await markAutoHidden(tx.db, networkId, c.id);
        await audit(tx.db, {
          networkId,
          actor: null,
          action: "moderation.auto_hide",
          targetType: "moderation_case",
          targetId: c.id,
          data: { targetType: subject.type, targetId: subject.id, reports: n, threshold },
        });
      }
    }
    return { received: true as const, updated: !r.created };
  });
}
