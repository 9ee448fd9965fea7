// The operators' queue: open cases (one per reported item) with their reports, the content and its
// author; the history of resolved ones. Each action needs a reason and lands in the audit log:
// dismiss (restores what the reports hid), hide, restore — these resolve the case — and warn the
// author (a notification and a mail with the operator's words) or suspend them (the members
// module's suspension), which act on the person and leave the case as it is.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { auditLog, type ReportReason } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import { markdownExcerpt } from "../../shared/markdown-text.ts";
import { feedContent } from "../feed/index.ts";
import { changeMember } from "../members/index.ts";
import { messagesByIds } from "../messages/index.ts";
import { notify } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { type CaseRow, casePage, findCase, openCount, reportsOf, resolveCase } from "./queries.ts";
import type { ActionInput, CaseOut, QueueQuery } from "./schemas.ts";
import { setHidden } from "./service.ts";

const caseNotFound = () => errors.notFound({ ja: "通報", en: "report" });
const cannotHideMessage = () =>
  new AppError(422, "MODERATION_MESSAGE_NOT_HIDEABLE", {
    ja: "ダイレクトメッセージは非表示にできません。却下・警告・利用停止から選んでください。",
    en: "Direct messages cannot be hidden. Dismiss, warn or suspend instead.",
  });
const targetGone = () =>
  errors.conflict("MODERATION_TARGET_GONE", {
    ja: "通報された内容はすでに削除されています。",
    en: "The reported content has already been deleted.",
  });
const notHidden = () =>
  errors.conflict("MODERATION_NOT_HIDDEN", {
    ja: "この内容は非表示になっていません。",
    en: "This content is not hidden.",
  });
const alreadyResolved = () =>
  errors.conflict("MODERATION_ALREADY_RESOLVED", {
    ja: "この通報はすでに対応済みです。",
    en: "This report has already been resolved.",
  });
const authorNotActive = () =>
  errors.conflict("MODERATION_AUTHOR_NOT_ACTIVE", {
    ja: "作成者はすでに利用停止中か、ネットワークにいません。",
    en: "The author is already suspended or no longer in the network.",
  });

type Content = {
  title: string | null;
  body: string;
  postId: string | null;
  conversationId: string | null;
  hidden: boolean;
  createdAt: Date;
};

const keyOf = (type: string, id: string) => `${type}:${id}`;

async function contentOf(scope: Scope, cases: CaseRow[]) {
  const ids = (t: string) => cases.filter((c) => c.targetType === t).map((c) => c.targetId);
  const networkId = scope.network.id;
  const [posts, comments, messages] = await Promise.all([
    feedContent(scope.db, networkId, "post", ids("post")),
    feedContent(scope.db, networkId, "comment", ids("comment")),
    messagesByIds(scope.db, networkId, ids("message")),
  ]);
  const out = new Map<string, Content>();
  for (const [type, rows] of [
    ["post", posts],
    ["comment", comments],
  ] as const)
    for (const r of rows)
      out.set(keyOf(type, r.id), {
        title: r.title,
        body: r.body,
        postId: r.postId,
        conversationId: null,
        hidden: r.hiddenAt !== null,
        createdAt: r.createdAt,
      });
  for (const m of messages)
    out.set(keyOf("message", m.id), {
      title: null,
      body: m.body,
      postId: null,
      conversationId: m.conversationId,
      hidden: false,
      createdAt: m.createdAt,
    });
  return out;
}

const pathOf = (type: string, id: string, c: Content) =>
  type === "post" ? `/posts/${id}` : type === "comment" ? `/posts/${c.postId}#comment-${id}` : null;

async function present(scope: MemberScope, cases: CaseRow[]): Promise<CaseOut[]> {
  if (!cases.length) return [];
  const networkId = scope.network.id;
  const [contents, reports, history] = await Promise.all([
    contentOf(scope, cases),
    reportsOf(scope.db, networkId, cases),
    scope.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.networkId, networkId),
          eq(auditLog.targetType, "moderation_case"),
          inArray(
            auditLog.targetId,
            cases.map((c) => c.id),
          ),
        ),
      )
      .orderBy(auditLog.createdAt),
  ]);
  const people = new Set<string>();
  for (const c of cases) {
    people.add(c.authorId);
    if (c.resolvedBy) people.add(c.resolvedBy);
  }
  for (const r of reports) people.add(r.reporterId);
  for (const h of history) if (h.actorUserId) people.add(h.actorUserId);
  const profiles = new Map(
    (await memberProfiles(scope.db, networkId, [...people])).map((p) => [p.userId, p]),
  );
  const person = (userId: string) => ({
    userId,
    name: profiles.get(userId)?.displayName ?? profiles.get(userId)?.userName ?? "—",
  });
  return cases.map((c) => {
    const content = contents.get(keyOf(c.targetType, c.targetId)) ?? null;
    const mine = reports.filter((r) => r.caseId === c.id);
    const reasons = new Map<ReportReason, number>();
    for (const r of mine) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    const author = profiles.get(c.authorId);
    const authorActive = author?.memberStatus === "active";
    const hideable = c.targetType !== "message" && content !== null;
    return {
      id: c.id,
      targetType: c.targetType,
      targetId: c.targetId,
      status: c.status,
      reportCount: mine.length,
      reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
      reports: mine.map((r) => ({
        reason: r.reason,
        note: r.note,
        reporter: person(r.reporterId),
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
      content: content && {
        title: content.title,
        excerpt:
          c.targetType === "message" ? content.body.slice(0, 1000) : markdownExcerpt(content.body, 300),
        path: pathOf(c.targetType, c.targetId, content),
        hidden: content.hidden,
        createdAt: content.createdAt.toISOString(),
      },
      author: { ...person(c.authorId), status: author?.memberStatus ?? null },
      autoHidden: c.autoHiddenAt !== null,
      openedAt: c.openedAt.toISOString(),
      lastReportedAt: c.lastReportedAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      resolution: c.resolution,
      resolutionReason: c.resolutionReason,
      resolvedBy: c.resolvedBy ? person(c.resolvedBy) : null,
      history: history
        .filter((h) => h.targetId === c.id)
        .map((h) => ({
          action: h.action,
          reason: typeof h.data?.reason === "string" ? h.data.reason : null,
          actor: h.actorUserId ? person(h.actorUserId).name : (h.actorLabel ?? "system"),
          at: h.createdAt.toISOString(),
        })),
      can: {
        hide: hideable && !content.hidden,
        restore: hideable && content.hidden,
        dismiss: c.status === "open",
        warn: authorActive,
        suspend: authorActive && c.authorId !== scope.member.userId,
      },
    };
  });
}

export async function moderationQueue(scope: MemberScope, q: QueueQuery) {
  const rows = await casePage(scope.db, scope.network.id, q.status, decodeKeyset(q.cursor), q.limit);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await present(scope, page),
    nextCursor: rows.length > q.limit && last ? encodeKeyset({ at: last.at, id: last.id }) : null,
    open: await openCount(scope.db, scope.network.id),
  };
}

export const openCases = async (scope: MemberScope) => ({
  open: await openCount(scope.db, scope.network.id),
});

export async function getCase(scope: MemberScope, id: string) {
  const c = await findCase(scope.db, scope.network.id, id);
  if (!c) throw caseNotFound();
  const [out] = await present(scope, [c]);
  return out!;
}

async function warn(tx: MemberScope & { db: Tx }, c: CaseRow, content: Content | null, message: string) {
  const title = content ? (content.title ?? markdownExcerpt(content.body, 40)) : undefined;
  await notify(tx.ctx, tx.db, {
    network: { id: tx.network.id, slug: tx.network.slug, name: tx.network.name },
    kind: "moderation",
    userIds: [c.authorId],
    key: `moderation:${c.id}:${randomUUID()}`,
    subject: `moderation:${c.id}`,
    actorId: tx.member.userId,
    data: {
      title,
      excerpt: message,
      ...(content?.postId ? { postId: content.postId } : {}),
      ...(c.targetType === "comment" ? { commentId: c.targetId } : {}),
      ...(content?.conversationId ? { conversationId: content.conversationId } : {}),
    },
  });
}

export async function actOn(scope: MemberScope, id: string, input: ActionInput) {
  await inTransaction(scope, async (tx) => {
    const networkId = tx.network.id;
    const c = await findCase(tx.db, networkId, id, true);
    if (!c) throw caseNotFound();
    const content = (await contentOf(tx, [c])).get(keyOf(c.targetType, c.targetId)) ?? null;
    const target = {
      type: c.targetType,
      id: c.targetId,
      postId: content?.postId ?? undefined,
      authorId: c.authorId,
    };
    const data: Record<string, unknown> = {
      reason: input.reason,
      targetType: c.targetType,
      targetId: c.targetId,
      authorId: c.authorId,
    };
    const [author] = await memberProfiles(tx.db, networkId, [c.authorId]);
    switch (input.action) {
      case "dismiss": {
        if (c.status !== "open") throw alreadyResolved();
        const restore = c.autoHiddenAt !== null && content?.hidden === true;
        if (restore) await setHidden(tx, target, false);
        await resolveCase(tx.db, networkId, c.id, {
          resolution: "dismissed",
          reason: input.reason,
          by: tx.actor.userId,
        });
        data.restored = restore;
        break;
      }
      case "hide":
      case "restore": {
        if (c.targetType === "message") throw cannotHideMessage();
        if (!content) throw targetGone();
        const hide = input.action === "hide";
        if (!hide && !content.hidden) throw notHidden();
        if (hide !== content.hidden) await setHidden(tx, target, hide);
        await resolveCase(tx.db, networkId, c.id, {
          resolution: hide ? "hidden" : "restored",
          reason: input.reason,
          by: tx.actor.userId,
        });
        break;
      }
      case "warn":
        if (author?.memberStatus !== "active") throw authorNotActive();
        await warn(tx, c, content, input.reason);
        break;
      case "suspend":
        if (author?.memberStatus !== "active") throw authorNotActive();
        // The members module's suspension: its rules (not oneself, not the last operator) and audit.
        await changeMember(tx, c.authorId, { status: "suspended" });
        break;
    }
    await audit(tx.db, {
      networkId,
      actor: tx.actor,
      action: `moderation.${input.action}`,
      targetType: "moderation_case",
      targetId: c.id,
      data,
    });
  });
  return getCase(scope, id);
}
