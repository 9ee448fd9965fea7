// Notifications: what the bell lists (one row per recipient), each member's choice per kind (in
// the app only, email now, the daily digest, or off), their digest hour, what they mute or watch,
// and which digests went out (one per member and day, claimed in the transaction that queues it).
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const NOTIFICATION_KINDS = [
  "reply",
  "mention",
  "dm",
  "inquiry_answered",
  "group_request",
  "group_join_requested",
  "announcement",
  "watched_activity",
  "moderation",
  "event_rsvp",
  "event_change",
  "event_reminder",
  "event_thanks",
  "opportunity_offer",
  "opportunity_application",
  "opportunity_review",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ["inapp", "email", "digest", "off"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const notification = pgTable(
  "notification",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    /** What caused it, once per recipient ("comment:<id>", "post:<id>"): a retried fan-out adds nothing. */
    key: text("key").notNull(),
    actorId: text("actor_id"),
    /** What it is about ("post:<id>"): deleted with it. */
    subject: text("subject").notNull(),
    /** Where it leads and what it says: { postId, commentId?, title, excerpt, actorName }. */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
    /** Put in a digest mail (or sent by email now): not again. */
    mailedAt: ts("mailed_at"),
    /** What it is about is hidden pending review (moderation): left out of the bell and the digest. */
    hiddenAt: ts("hidden_at"),
  },
  (t) => [
    uniqueIndex("notification_key_uq").on(t.networkId, t.userId, t.key),
    index("notification_subject_idx").on(t.networkId, t.subject),
    // NULLS FIRST, as `order by created_at desc, id desc` reads it (see post_feed_idx).
    index("notification_list_idx").on(
      t.networkId,
      t.userId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("notification_unread_idx").on(t.networkId, t.userId).where(sql`${t.readAt} is null`),
    foreignKey({
      name: "notification_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("notification_kind_ck", sql`${t.kind} in (${inList(NOTIFICATION_KINDS)})`),
  ],
);

/** A member's channel for one kind; no row: the kind's default. */
export const notificationPref = pgTable(
  "notification_pref",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId, t.kind] }),
    foreignKey({
      name: "notification_pref_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("notification_pref_kind_ck", sql`${t.kind} in (${inList(NOTIFICATION_KINDS)})`),
    check("notification_pref_channel_ck", sql`${t.channel} in (${inList(NOTIFICATION_CHANNELS)})`),
  ],
);

/** The hour (Japan time) of a member's daily digest; no row: 8 o'clock. */
export const notificationSetting = pgTable(
  "notification_setting",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    digestHour: integer("digest_hour").notNull().default(8),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    foreignKey({
      name: "notification_setting_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("notification_setting_hour_ck", sql`${t.digestHour} between 0 and 23`),
  ],
);

/** Watch (every comment) or mute (nothing) a thread or a group; no row: normal. */
export const notificationWatch = pgTable(
  "notification_watch",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    level: text("level").$type<"watch" | "mute">().notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId, t.targetType, t.targetId] }),
    index("notification_watch_target_idx").on(t.networkId, t.targetType, t.targetId),
    foreignKey({
      name: "notification_watch_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("notification_watch_level_ck", sql`${t.level} in ('watch', 'mute')`),
    check("notification_watch_target_ck", sql`${t.targetType} in ('post', 'group')`),
  ],
);

/** One digest per member and day (Japan time): claimed in the transaction that queues its mail. */
export const notificationDigest = pgTable(
  "notification_digest",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
    count: integer("count").notNull(),
    items: jsonb("items").$type<string[]>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId, t.day] }),
    foreignKey({
      name: "notification_digest_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);
