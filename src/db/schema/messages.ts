// Direct messages between members of one network: conversations (one-to-one, or a small group of at
// most MAX_PARTICIPANTS), their participants with each one's read state, the messages, whom a member
// blocked and each member's message settings (refuse strangers). Reports of messages are the
// moderation module's (schema/moderation.ts).
//
// A one-to-one conversation carries `direct_key` (the two user ids, sorted): at most one per pair
// and network, so starting one with someone you already talk to reopens it.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The starter included. */
export const MAX_PARTICIPANTS = 10;
export const MESSAGE_MAX = 4000;
export const CONVERSATION_KINDS = ["direct", "group"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const conversation = pgTable(
  "conversation",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ConversationKind>().notNull(),
    /** One-to-one: "<smaller user id>:<larger user id>" (unique per network); null for a group. */
    directKey: text("direct_key"),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** The newest message's time (the list's order). */
    lastMessageAt: ts("last_message_at").notNull().defaultNow(),
  },
  (t) => [
    unique("conversation_network_id_uq").on(t.networkId, t.id),
    uniqueIndex("conversation_direct_uq").on(t.networkId, t.directKey).where(sql`${t.directKey} is not null`),
    check("conversation_kind_ck", sql`${t.kind} in (${inList(CONVERSATION_KINDS)})`),
    check("conversation_direct_key_ck", sql`(${t.kind} = 'direct') = (${t.directKey} is not null)`),
  ],
);

export const conversationParticipant = pgTable(
  "conversation_participant",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    userId: text("user_id").notNull(),
    joinedAt: ts("joined_at").notNull().defaultNow(),
    /** The newest message this participant has read, and its time (unread: sent after it by others). */
    lastReadMessageId: text("last_read_message_id"),
    lastReadAt: ts("last_read_at"),
    muted: boolean("muted").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.conversationId, t.userId] }),
    index("conversation_participant_user_idx").on(t.networkId, t.userId),
    foreignKey({
      name: "conversation_participant_conversation_fk",
      columns: [t.networkId, t.conversationId],
      foreignColumns: [conversation.networkId, conversation.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "conversation_participant_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

export const directMessage = pgTable(
  "direct_message",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    conversationId: text("conversation_id").notNull(),
    senderId: text("sender_id").notNull(),
    /** Plain text, as written (shown with its line breaks, never as HTML). */
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("direct_message_network_id_uq").on(t.networkId, t.id),
    // History, newest first, and its keyset.
    // NULLS FIRST, as `order by created_at desc, id desc` reads it (see post_feed_idx).
    index("direct_message_history_idx").on(
      t.networkId,
      t.conversationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    foreignKey({
      name: "direct_message_conversation_fk",
      columns: [t.networkId, t.conversationId],
      foreignColumns: [conversation.networkId, conversation.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "direct_message_sender_fk",
      columns: [t.networkId, t.senderId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/** `blockerId` blocked `blockedId`: no one-to-one messages either way between them. */
export const memberBlock = pgTable(
  "member_block",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    blockerId: text("blocker_id").notNull(),
    blockedId: text("blocked_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.blockerId, t.blockedId] }),
    index("member_block_blocked_idx").on(t.networkId, t.blockedId),
    foreignKey({
      name: "member_block_blocker_fk",
      columns: [t.networkId, t.blockerId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    foreignKey({
      name: "member_block_blocked_fk",
      columns: [t.networkId, t.blockedId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("member_block_self_ck", sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);

/** A member's message settings (no row: the defaults). */
export const messageSetting = pgTable(
  "message_setting",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    /** Only people they already talked with may start a conversation with them. */
    refuseStrangers: boolean("refuse_strangers").notNull().default(false),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    foreignKey({
      name: "message_setting_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);
