// The community feed: posts (announcements by operators, questions, requests and news by members),
// their comments (one level of replies) and reactions, and when each member last looked at the feed.
//
// A post's audience is the whole network, a segment or a group. A segment is resolved when the
// feed is read (src/modules/feed/audience.ts): no per-member copy of a post exists, so a member who
// enters a segment later sees its posts and one who leaves it no longer does. A post whose segment
// was deleted reaches nobody but its author and the operators.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";
import { networkGroup } from "./groups.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const POST_KINDS = ["announcement", "question", "help_wanted", "news"] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_AUDIENCES = ["network", "segment", "group"] as const;
export type PostAudience = (typeof POST_AUDIENCES)[number];
/** The fixed set of reactions. */
export const REACTIONS = ["like", "thanks", "celebrate", "idea", "support"] as const;
export type Reaction = (typeof REACTIONS)[number];

const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const post = pgTable(
  "post",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    authorId: text("author_id").notNull(),
    kind: text("kind").$type<PostKind>().notNull(),
    title: text("title"),
    /** Markdown, as written; rendered without raw HTML by the web (src/web/components/Markdown.tsx). */
    body: text("body").notNull(),
    audience: text("audience").$type<PostAudience>().notNull().default("network"),
    segmentId: text("segment_id"),
    groupId: text("group_id"),
    pinnedAt: ts("pinned_at"),
    pinnedBy: text("pinned_by"),
    editedAt: ts("edited_at"),
    /** Hidden pending review (moderation): shown to operators and the author only. */
    hiddenAt: ts("hidden_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("post_network_id_uq").on(t.networkId, t.id),
    // The feed's order (newest first) and its keyset; pinned posts are read apart. DESC NULLS
    // FIRST is what `order by created_at desc, id desc` means: drizzle's .desc() alone makes the
    // index NULLS LAST, which PostgreSQL cannot walk for that order (never-null columns do not
    // change that), so it sorted every post of the network on each read.
    index("post_feed_idx").on(t.networkId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("post_pinned_idx").on(t.networkId, t.pinnedAt).where(sql`${t.pinnedAt} is not null`),
    // A segment's stream (newest first, as post_feed_idx: the feed cache reads one segment at a time).
    index("post_segment_idx")
      .on(t.networkId, t.segmentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.audience} = 'segment'`),
    index("post_author_idx").on(t.networkId, t.authorId),
    // A group's own feed (newest first, as post_feed_idx).
    index("post_group_idx")
      .on(t.networkId, t.groupId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.audience} = 'group'`),
    foreignKey({
      name: "post_group_fk",
      columns: [t.networkId, t.groupId],
      foreignColumns: [networkGroup.networkId, networkGroup.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_author_fk",
      columns: [t.networkId, t.authorId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("post_kind_ck", sql`${t.kind} in (${inList(POST_KINDS)})`),
    check("post_audience_ck", sql`${t.audience} in (${inList(POST_AUDIENCES)})`),
    check(
      "post_audience_target_ck",
      sql`(${t.audience} = 'network' and ${t.segmentId} is null and ${t.groupId} is null)
        or (${t.audience} = 'segment' and ${t.groupId} is null)
        or (${t.audience} = 'group' and ${t.segmentId} is null and ${t.groupId} is not null)`,
    ),
  ],
);

export const postComment = pgTable(
  "post_comment",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    postId: text("post_id").notNull(),
    /** The comment this one replies to (one level: a reply has no replies of its own). */
    parentId: text("parent_id"),
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    editedAt: ts("edited_at"),
    /** A deleted comment with replies stays as 「削除されました」 so the replies keep their place. */
    deletedAt: ts("deleted_at"),
    /** Hidden pending review (moderation): shown to operators and the author only. */
    hiddenAt: ts("hidden_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("post_comment_network_id_uq").on(t.networkId, t.id),
    index("post_comment_post_idx").on(t.networkId, t.postId, t.createdAt),
    // A member's hidden comments (the feed asks on every read whether they have any).
    index("post_comment_hidden_author_idx").on(t.networkId, t.authorId).where(sql`${t.hiddenAt} is not null`),
    foreignKey({
      name: "post_comment_post_fk",
      columns: [t.networkId, t.postId],
      foreignColumns: [post.networkId, post.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_comment_parent_fk",
      columns: [t.networkId, t.parentId],
      foreignColumns: [t.networkId, t.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_comment_author_fk",
      columns: [t.networkId, t.authorId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

export const postReaction = pgTable(
  "post_reaction",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    postId: text("post_id").notNull(),
    userId: text("user_id").notNull(),
    reaction: text("reaction").$type<Reaction>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.postId, t.userId, t.reaction] }),
    foreignKey({
      name: "post_reaction_post_fk",
      columns: [t.networkId, t.postId],
      foreignColumns: [post.networkId, post.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_reaction_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("post_reaction_ck", sql`${t.reaction} in (${inList(REACTIONS)})`),
  ],
);

/** When the member last opened the feed: posts after it are marked new. */
export const feedVisit = pgTable(
  "feed_visit",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    seenAt: ts("seen_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    foreignKey({
      name: "feed_visit_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/**
 * A picture in a post (at most four): uploaded first (`post_id` null, only its uploader can attach
 * it), then attached when the post is sent. Checked by content, metadata removed, kept in the file
 * storage under `storage_key`; read only through the route that checks the post's audience.
 */
export const postImage = pgTable(
  "post_image",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    uploadedBy: text("uploaded_by").notNull(),
    postId: text("post_id"),
    /** Order in the post (0…3). */
    position: integer("position").notNull().default(0),
    storageKey: text("storage_key").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("post_image_post_idx").on(t.networkId, t.postId, t.position),
    index("post_image_uploader_idx").on(t.networkId, t.uploadedBy, t.createdAt),
    foreignKey({
      name: "post_image_post_fk",
      columns: [t.networkId, t.postId],
      foreignColumns: [post.networkId, post.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "post_image_uploader_fk",
      columns: [t.networkId, t.uploadedBy],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/**
 * What each raise of `organization.feed_version` changed (modules/feed/cache.ts writes it in the
 * same transaction): the post concerned, or none when the change can concern any page (a post
 * published, pinned or unpinned, shown again). A cached page of an older version whose posts no
 * change since concerns is still right. Only the last versions are kept.
 */
export const feedChange = pgTable(
  "feed_change",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    version: bigint("version", { mode: "number" }).notNull(),
    postId: text("post_id"),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.version] })],
);
