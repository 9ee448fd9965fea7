// The member's unread notifications of some kinds (the home page's "replies and mentions"), as the
// bell shows them: newest first, hidden ones (moderation) left out, with the unread count.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { type NotificationKind, notification, notificationWatch } from "../../db/schema/index.ts";
import { inNetwork } from "../../db/scoped.ts";
import type { Locale } from "../../mail/templates.ts";
import type { MemberScope } from "../../server/scope.ts";
import { headline, type NotificationData, pathOf } from "./service.ts";

export async function unreadOfKinds(scope: MemberScope, kinds: NotificationKind[], limit: number) {
  if (!kinds.length) return { items: [], unread: 0 };
  const rows = await scope.db
    .select({
      id: notification.id,
      kind: notification.kind,
      data: notification.data,
      createdAt: notification.createdAt,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(notification)
    .where(
      inNetwork(
        notification,
        scope.network.id,
        eq(notification.userId, scope.member.userId),
        inArray(notification.kind, kinds),
        isNull(notification.readAt),
        isNull(notification.hiddenAt),
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit);
  const locale: Locale = scope.user.locale === "en" ? "en" : "ja";
  return {
    items: rows.map((r) => {
      const d = r.data as NotificationData;
      return {
        id: r.id,
        kind: r.kind,
        text: headline(r.kind, d, locale),
        excerpt: d.excerpt ?? null,
        postId: d.postId ?? null,
        commentId: d.commentId ?? null,
        path: pathOf(d),
        createdAt: r.createdAt.toISOString(),
      };
    }),
    unread: rows[0]?.total ?? 0,
  };
}

/** What `userId` muted of `type` (their muted groups, say). */
export async function mutedBy(db: Db | Tx, networkId: string, userId: string, type: "post" | "group") {
  const rows = await db
    .select({ id: notificationWatch.targetId })
    .from(notificationWatch)
    .where(
      and(
        eq(notificationWatch.networkId, networkId),
        eq(notificationWatch.userId, userId),
        eq(notificationWatch.targetType, type),
        eq(notificationWatch.level, "mute"),
      ),
    );
  return rows.map((r) => r.id);
}
