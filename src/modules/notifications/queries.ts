// SQL for notifications. Every query is scoped to one network and, but for the fan-out and the
// digest run, to one recipient.
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  member,
  type NotificationChannel,
  type NotificationKind,
  notification,
  notificationPref,
  notificationSetting,
  notificationWatch,
  profile,
  user,
} from "../../db/schema/index.ts";
import { inNetwork } from "../../db/scoped.ts";
import { CHOOSABLE_KINDS, DEFAULT_CHANNEL, DIGEST_DEFAULT_HOUR, LOCKED_KINDS } from "./kinds.ts";

/** The member's channel for `kind` in SQL: their choice, else the kind's default (locked kinds: the default). */
export const channelSql = (prefChannel: SQL | unknown, kind: SQL | unknown): SQL =>
  sql`case when ${kind} in (${sql.join(
    LOCKED_KINDS.map((k) => sql`${k}`),
    sql`, `,
  )}) then case ${kind} ${sql.join(
    LOCKED_KINDS.map((k) => sql`when ${k} then ${DEFAULT_CHANNEL[k]}`),
    sql` `,
  )} end else coalesce(${prefChannel}, case ${kind} ${sql.join(
    Object.entries(DEFAULT_CHANNEL).map(([k, c]) => sql`when ${k} then ${c}`),
    sql` `,
  )} end) end`;

export type NewNotification = {
  networkId: string;
  userId: string;
  kind: NotificationKind;
  key: string;
  subject: string;
  actorId: string | null;
  data: Record<string, unknown>;
};

/** Inserts what is not there yet (by key); returns the rows inserted. */
export async function insertNotifications(tx: Tx, rows: NewNotification[]) {
  if (!rows.length) return [];
  return tx
    .insert(notification)
    .values(rows.map((r) => ({ ...r, id: crypto.randomUUID() })))
    .onConflictDoNothing({ target: [notification.networkId, notification.userId, notification.key] })
    .returning({ id: notification.id, userId: notification.userId });
}

/** What a mail to each of `userIds` needs: address, language, name, channel for `kind`, mute. */
export async function recipients(
  db: Db | Tx,
  networkId: string,
  userIds: string[],
  kind: NotificationKind,
  thread?: { type: "post" | "group"; id: string },
) {
  if (!userIds.length) return [];
  const rows = await db
    .select({
      userId: member.userId,
      email: user.email,
      locale: user.locale,
      name: sql<string>`coalesce(${profile.displayName}, ${user.name})`,
      channel: sql<NotificationChannel>`${channelSql(notificationPref.channel, kind)}`,
      level: notificationWatch.level,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId)))
    .leftJoin(
      notificationPref,
      and(
        eq(notificationPref.networkId, member.organizationId),
        eq(notificationPref.userId, member.userId),
        eq(notificationPref.kind, kind),
      ),
    )
    .leftJoin(
      notificationWatch,
      thread
        ? and(
            eq(notificationWatch.networkId, member.organizationId),
            eq(notificationWatch.userId, member.userId),
            eq(notificationWatch.targetType, thread.type),
            eq(notificationWatch.targetId, thread.id),
          )
        : sql`false`,
    )
    .where(
      and(eq(member.organizationId, networkId), eq(member.status, "active"), inArray(member.userId, userIds)),
    );
  return rows;
}
export type Recipient = Awaited<ReturnType<typeof recipients>>[number];

/** How `userId` wants notifications of `kind` (their choice, or the kind's default). */
export async function channelFor(db: Db | Tx, networkId: string, userId: string, kind: NotificationKind) {
  const [r] = await recipients(db, networkId, [userId], kind);
  return r?.channel ?? "off";
}

/** Who watches a thread (every comment reaches them). */
export const watchersOf = (db: Db | Tx, networkId: string, type: "post" | "group", id: string) =>
  atLevel(db, networkId, type, id, "watch");

/** Who muted a thread or a group (nothing about it reaches them). */
export const mutersOf = (db: Db | Tx, networkId: string, type: "post" | "group", id: string) =>
  atLevel(db, networkId, type, id, "mute");

async function atLevel(
  db: Db | Tx,
  networkId: string,
  type: "post" | "group",
  id: string,
  level: "watch" | "mute",
) {
  const rows = await db
    .select({ userId: notificationWatch.userId })
    .from(notificationWatch)
    .where(
      inNetwork(
        notificationWatch,
        networkId,
        eq(notificationWatch.targetType, type),
        eq(notificationWatch.targetId, id),
        eq(notificationWatch.level, level),
      ),
    );
  return rows.map((r) => r.userId);
}

export type ListCursor = { at: string; id: string };

export async function listNotifications(
  db: Db | Tx,
  networkId: string,
  userId: string,
  cursor: ListCursor | null,
  limit: number,
) {
  return db
    .select({
      id: notification.id,
      kind: notification.kind,
      subject: notification.subject,
      data: notification.data,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
      at: sql<string>`${notification.createdAt}::text`,
    })
    .from(notification)
    .where(
      inNetwork(
        notification,
        networkId,
        eq(notification.userId, userId),
        isNull(notification.hiddenAt),
        cursor
          ? or(
              lt(notification.createdAt, sql`${cursor.at}::timestamptz`),
              and(eq(notification.createdAt, sql`${cursor.at}::timestamptz`), lt(notification.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit + 1);
}

export async function unreadCount(db: Db | Tx, networkId: string, userId: string, cap = 100) {
  const res = await db.execute(sql`select count(*)::int as n from (
      select 1 from ${notification}
       where ${inNetwork(notification, networkId, eq(notification.userId, userId), isNull(notification.readAt), isNull(notification.hiddenAt))}
       limit ${cap}) t`);
  return (res.rows[0] as { n: number }).n;
}

/** Marks the member's notifications read (`ids`, or all). */
export async function markRead(tx: Tx, networkId: string, userId: string, ids: string[] | "all") {
  await tx
    .update(notification)
    .set({ readAt: new Date() })
    .where(
      inNetwork(
        notification,
        networkId,
        eq(notification.userId, userId),
        isNull(notification.readAt),
        ids === "all" ? undefined : inArray(notification.id, ids),
      ),
    );
}

/** Notifications about `subject` go with it (a deleted post). */
/** Marks read, for everyone, the notifications with `key` (what they were about is settled). */
export async function readEverywhere(tx: Tx, networkId: string, key: string) {
  await tx
    .update(notification)
    .set({ readAt: new Date() })
    .where(inNetwork(notification, networkId, eq(notification.key, key), isNull(notification.readAt)));
}

export async function forgetSubject(tx: Tx, networkId: string, subject: string) {
  await tx.delete(notification).where(inNetwork(notification, networkId, eq(notification.subject, subject)));
}

/**
 * Hides (or shows again) the notifications about something hidden pending review: those about
 * `subject` (and, for a comment, caused by `key`), for everyone but `except` and the operators.
 */
export async function setNotificationsHidden(
  tx: Tx,
  networkId: string,
  about: { subject: string; key?: string },
  except: string[],
  hidden: boolean,
) {
  await tx
    .update(notification)
    .set({ hiddenAt: hidden ? new Date() : null })
    .where(
      inNetwork(
        notification,
        networkId,
        eq(notification.subject, about.subject),
        about.key ? eq(notification.key, about.key) : undefined,
        except.length
          ? sql`${notification.userId} <> all(${`{${except.map((e) => `"${e}"`).join(",")}}`}::text[])`
          : undefined,
        sql`not exists (select 1 from ${member} m where m.organization_id = ${notification.networkId}
              and m.user_id = ${notification.userId} and m.role = 'operator')`,
      ),
    );
}

export async function prefsOf(db: Db | Tx, networkId: string, userId: string) {
  const [rows, setting] = await Promise.all([
    db
      .select({ kind: notificationPref.kind, channel: notificationPref.channel })
      .from(notificationPref)
      .where(inNetwork(notificationPref, networkId, eq(notificationPref.userId, userId))),
    db
      .select({ digestHour: notificationSetting.digestHour })
      .from(notificationSetting)
      .where(inNetwork(notificationSetting, networkId, eq(notificationSetting.userId, userId))),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return {
    channels: Object.fromEntries(
      CHOOSABLE_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_CHANNEL[k]]),
    ) as Record<(typeof CHOOSABLE_KINDS)[number], NotificationChannel>,
    digestHour: setting[0]?.digestHour ?? DIGEST_DEFAULT_HOUR,
  };
}

export async function setChannel(
  tx: Tx,
  networkId: string,
  userId: string,
  kind: NotificationKind,
  channel: NotificationChannel,
) {
  await tx
    .insert(notificationPref)
    .values({ networkId, userId, kind, channel })
    .onConflictDoUpdate({
      target: [notificationPref.networkId, notificationPref.userId, notificationPref.kind],
      set: { channel, updatedAt: new Date() },
    });
}

export async function setDigestHour(tx: Tx, networkId: string, userId: string, digestHour: number) {
  await tx
    .insert(notificationSetting)
    .values({ networkId, userId, digestHour })
    .onConflictDoUpdate({
      target: [notificationSetting.networkId, notificationSetting.userId],
      set: { digestHour, updatedAt: new Date() },
    });
}

export async function watchLevel(
  db: Db | Tx,
  networkId: string,
  userId: string,
  type: "post" | "group",
  id: string,
) {
  const [row] = await db
    .select({ level: notificationWatch.level })
    .from(notificationWatch)
    .where(
      inNetwork(
        notificationWatch,
        networkId,
        eq(notificationWatch.userId, userId),
        eq(notificationWatch.targetType, type),
        eq(notificationWatch.targetId, id),
      ),
    );
  return row?.level ?? "normal";
}

export async function setWatch(
  tx: Tx,
  networkId: string,
  userId: string,
  type: "post" | "group",
  id: string,
  level: "watch" | "normal" | "mute",
) {
  const where = inNetwork(
    notificationWatch,
    networkId,
    eq(notificationWatch.userId, userId),
    eq(notificationWatch.targetType, type),
    eq(notificationWatch.targetId, id),
  );
  if (level === "normal") {
    await tx.delete(notificationWatch).where(where);
    return;
  }
  await tx
    .insert(notificationWatch)
    .values({ networkId, userId, targetType: type, targetId: id, level })
    .onConflictDoUpdate({
      target: [
        notificationWatch.networkId,
        notificationWatch.userId,
        notificationWatch.targetType,
        notificationWatch.targetId,
      ],
      set: { level, updatedAt: new Date() },
    });
}
