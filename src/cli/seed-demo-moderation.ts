// Demo moderation: a few reports so the operators' queue is not empty — a spam post hidden
// automatically by three members' reports, a comment and a direct message reported once, and a
// resolved (dismissed) case in the history — with their audit entries.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import type { Db, Tx } from "../db/client.ts";
import {
  auditLog,
  conversationParticipant,
  directMessage,
  member,
  moderationCase,
  post,
  postComment,
  type ReportReason,
  type ReportTarget,
  report,
} from "../db/schema/index.ts";

const HOUR = 3_600_000;

type Report = { by: string; reason: ReportReason; note?: string; at: Date };

/** An audit entry at the time the demo says it happened (server/audit.ts writes "now"). */
async function audit(
  tx: Tx,
  e: {
    networkId: string;
    actor: string | null;
    action: string;
    targetType: string;
    targetId: string;
    data: Record<string, unknown>;
    at: Date;
  },
) {
  await tx.insert(auditLog).values({
    id: randomUUID(),
    networkId: e.networkId,
    actorUserId: e.actor,
    actorLabel: e.actor ? "demo" : "system",
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    data: e.data,
    createdAt: e.at,
  });
}

async function fileCase(
  tx: Tx,
  networkId: string,
  target: { type: ReportTarget; id: string; authorId: string },
  reports: Report[],
  extra: Partial<typeof moderationCase.$inferInsert> = {},
) {
  const caseId = randomUUID();
  const times = reports.map((r) => r.at.getTime());
  await tx.insert(moderationCase).values({
    id: caseId,
    networkId,
    targetType: target.type,
    targetId: target.id,
    authorId: target.authorId,
    openedAt: new Date(Math.min(...times)),
    lastReportedAt: new Date(Math.max(...times)),
    ...extra,
  });
  for (const r of reports) {
    await tx.insert(report).values({
      id: randomUUID(),
      networkId,
      caseId,
      targetType: target.type,
      targetId: target.id,
      reporterId: r.by,
      round: 1,
      reason: r.reason,
      note: r.note ?? null,
      createdAt: r.at,
      updatedAt: r.at,
    });
    await audit(tx, {
      networkId,
      actor: r.by,
      action: "moderation.report",
      targetType: target.type,
      targetId: target.id,
      data: { caseId, reportReason: r.reason, updated: false },
      at: r.at,
    });
  }
  return caseId;
}

export async function seedDemoModeration(
  db: Db,
  o: { networkId: string; alumnusId: string; employeeId: string; operatorId: string },
) {
  const { networkId } = o;
  const named = [o.alumnusId, o.employeeId, o.operatorId];
  const generated = (
    await db
      .select({ userId: member.userId })
      .from(member)
      .where(
        and(
          eq(member.organizationId, networkId),
          eq(member.role, "alumni"),
          eq(member.status, "active"),
          notInArray(member.userId, named),
        ),
      )
      .orderBy(asc(member.createdAt), asc(member.userId))
      .limit(8)
  ).map((r) => r.userId);
  if (generated.length < 6) return;
  const now = Date.now();
  await db.transaction(async (tx) => {
    // A spam post, hidden automatically by the third member's report.
    const spamId = randomUUID();
    const spamAt = new Date(now - 20 * HOUR);
    const hiddenAt = new Date(now - 14 * HOUR);
    await tx.insert(post).values({
      id: spamId,
      networkId,
      authorId: generated[5]!,
      kind: "news",
      title: "【在宅で月30万円】スマホだけでできる副業をご紹介します",
      body: "誰でも簡単に稼げます！詳しくは下のLINEに登録してください。今だけ登録料無料です。\n\n※紹介者にも報酬があります",
      createdAt: spamAt,
      hiddenAt,
    });
    const spamCase = await fileCase(
      tx,
      networkId,
      { type: "post", id: spamId, authorId: generated[5]! },
      [
        { by: generated[1]!, reason: "spam", note: "外部のLINEへの勧誘です", at: new Date(now - 18 * HOUR) },
        { by: generated[2]!, reason: "spam", at: new Date(now - 16 * HOUR) },
        { by: o.alumnusId, reason: "other", note: "ネットワークの趣旨と違うと思います", at: hiddenAt },
      ],
      { autoHiddenAt: hiddenAt },
    );
    await audit(tx, {
      networkId,
      actor: null,
      action: "moderation.auto_hide",
      targetType: "moderation_case",
      targetId: spamCase,
      data: { targetType: "post", targetId: spamId, reports: 3, threshold: 3 },
      at: hiddenAt,
    });

    // A sharp comment, reported once (still shown).
    const [comment] = await tx
      .select({ id: postComment.id, authorId: postComment.authorId, at: postComment.createdAt })
      .from(postComment)
      .where(
        and(
          eq(postComment.networkId, networkId),
          inArray(postComment.authorId, generated.slice(0, 5)),
          notInArray(postComment.authorId, [o.employeeId]),
        ),
      )
      .orderBy(desc(postComment.createdAt))
      .limit(1);
    if (comment) {
      await tx
        .update(postComment)
        .set({ body: "その考え方は甘すぎると思います。もう少し調べてから投稿したほうがいいですよ。" })
        .where(and(eq(postComment.networkId, networkId), eq(postComment.id, comment.id)));
      await fileCase(tx, networkId, { type: "comment", id: comment.id, authorId: comment.authorId }, [
        {
          by: o.employeeId,
          reason: "harassment",
          note: "言い方がきつく、相手を傷つけると思います",
          at: new Date(Math.max(comment.at.getTime() + HOUR, now - 6 * HOUR)),
        },
      ]);
    }

    // A direct message to alumni@ that she found pushy.
    const [dm] = await tx
      .select({ id: directMessage.id, senderId: directMessage.senderId, at: directMessage.createdAt })
      .from(directMessage)
      .innerJoin(
        conversationParticipant,
        and(
          eq(conversationParticipant.networkId, directMessage.networkId),
          eq(conversationParticipant.conversationId, directMessage.conversationId),
          eq(conversationParticipant.userId, o.alumnusId),
        ),
      )
      .where(and(eq(directMessage.networkId, networkId), inArray(directMessage.senderId, generated)))
      .orderBy(desc(directMessage.createdAt))
      .limit(1);
    if (dm) {
      await fileCase(tx, networkId, { type: "message", id: dm.id, authorId: dm.senderId }, [
        {
          by: o.alumnusId,
          reason: "spam",
          note: "何度も業務委託の勧誘が来ます",
          at: new Date(Math.max(dm.at.getTime() + HOUR, now - 3 * HOUR)),
        },
      ]);
    }

    // A report the operators looked at and dismissed (in the history).
    const [older] = await tx
      .select({ id: post.id, authorId: post.authorId, at: post.createdAt })
      .from(post)
      .where(and(eq(post.networkId, networkId), inArray(post.authorId, generated.slice(0, 5))))
      .orderBy(desc(post.createdAt))
      .limit(1);
    if (older) {
      const resolvedAt = new Date(now - 40 * HOUR);
      const reason = "OB会の正式な告知で、宣伝には当たらないため問題なしと判断しました。";
      const dismissed = await fileCase(
        tx,
        networkId,
        { type: "post", id: older.id, authorId: older.authorId },
        [
          {
            by: generated[3]!,
            reason: "spam",
            note: "宣伝ではないでしょうか",
            at: new Date(now - 48 * HOUR),
          },
        ],
        {
          status: "resolved",
          resolution: "dismissed",
          resolutionReason: reason,
          resolvedBy: o.operatorId,
          resolvedAt,
        },
      );
      await audit(tx, {
        networkId,
        actor: o.operatorId,
        action: "moderation.dismiss",
        targetType: "moderation_case",
        targetId: dismissed,
        data: { reason, targetType: "post", targetId: older.id, authorId: older.authorId, restored: false },
        at: resolvedAt,
      });
    }
  });
}
