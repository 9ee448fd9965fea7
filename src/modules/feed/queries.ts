// SQL for the feed. Every query is scoped to one network; who may see a post is one condition
// (`visibleTo`), the same in the feed, the counts and every read by id.
import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  feedVisit,
  type PostKind,
  post,
  postComment,
  postReaction,
  type Reaction,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { audienceReach } from "./reach.ts";

/** What decides which posts someone sees: resolved once per request (audience.ts). */
export type Viewer = {
  userId: string;
  /** Operators see every post of the network, hidden ones included. */
  operator: boolean;
  /** The segments the viewer belongs to now. */
  segments: string[];
  /** The groups the viewer is an active member of now. */
  groups: string[];
};

/** The posts `v` may see: the audience rule (reach.ts), and a hidden post only for its author. */
export function visibleTo(v: Viewer): SQL | undefined {
  if (v.operator) return undefined;
  return and(audienceReach(post, v), or(isNull(post.hiddenAt), eq(post.authorId, v.userId)));
}

const postColumns = {
  id: post.id,
  networkId: post.networkId,
  authorId: post.authorId,
  kind: post.kind,
  title: post.title,
  body: post.body,
  audience: post.audience,
  segmentId: post.segmentId,
  groupId: post.groupId,
  pinnedAt: post.pinnedAt,
  editedAt: post.editedAt,
  hiddenAt: post.hiddenAt,
  createdAt: post.createdAt,
  /** created_at to the microsecond, for the keyset (a Date keeps milliseconds). */
  at: sql<string>`${post.createdAt}::text`,
};
export type PostRow = {
  id: string;
  networkId: string;
  authorId: string;
  kind: PostKind;
  title: string | null;
  body: string;
  audience: "network" | "segment" | "group";
  segmentId: string | null;
  groupId: string | null;
  pinnedAt: Date | null;
  editedAt: Date | null;
  hiddenAt: Date | null;
  createdAt: Date;
  at: string;
};

export type FeedCursor = { at: string; id: string };

/**
 * One stream of posts, shared by everyone who has it (audience.ts: `streamsOf`): everything
 * (operators), the network's, one segment's or one group's posts — never a hidden one but in
 * "all". Every post is in exactly one of network / segment / group.
 */
export type Stream =
  | { type: "all" }
  | { type: "network" }
  | { type: "segment"; id: string }
  | { type: "group"; id: string };

export const streamKey = (s: Stream) =>
  s.type === "segment" || s.type === "group" ? `${s.type}:${s.id}` : s.type;

function streamCondition(s: Stream): SQL | undefined {
  switch (s.type) {
    case "all":
      return undefined;
    case "network":
      return and(eq(post.audience, "network"), isNull(post.hiddenAt));
    case "segment":
      return and(eq(post.audience, "segment"), eq(post.segmentId, s.id), isNull(post.hiddenAt));
    case "group":
      return and(eq(post.audience, "group"), eq(post.groupId, s.id), isNull(post.hiddenAt));
  }
}

/** Who a page is read for: a viewer (every post they may see) or one stream. */
type Reach = { viewer: Viewer } | { stream: Stream };
const reachCondition = (r: Reach) => ("viewer" in r ? visibleTo(r.viewer) : streamCondition(r.stream));

export type PageOptions = { cursor: FeedCursor | null; limit: number; kind?: PostKind; groupId?: string };

async function postsPage(
  db: Db | Tx,
  networkId: string,
  reach: Reach,
  opts: PageOptions,
): Promise<PostRow[]> {
  const after = opts.cursor
    ? sql`(${post.createdAt}, ${post.id}) < (${opts.cursor.at}::timestamptz, ${opts.cursor.id})`
    : undefined;
  return (await db
    .select(postColumns)
    .from(post)
    .where(
      inNetwork(
        post,
        networkId,
        // A group's own feed keeps its pinned posts in place (the main feed shows them on top).
        opts.groupId ? undefined : isNull(post.pinnedAt),
        reachCondition(reach),
        opts.kind ? eq(post.kind, opts.kind) : undefined,
        opts.groupId ? and(eq(post.audience, "group"), eq(post.groupId, opts.groupId)) : undefined,
        after,
      ),
    )
    .orderBy(desc(post.createdAt), desc(post.id))
    .limit(opts.limit + 1)) as PostRow[];
}

/** A page of what `v` sees, newest first, pinned posts left out (`limit + 1` rows tell if there is more). */
export const feedPage = (db: Db | Tx, networkId: string, v: Viewer, opts: PageOptions) =>
  postsPage(db, networkId, { viewer: v }, opts);

/** The same page of one stream. */
export const streamPage = (db: Db | Tx, networkId: string, s: Stream, opts: PageOptions) =>
  postsPage(db, networkId, { stream: s }, opts);

export const PINNED_MAX = 5;

async function pinnedOf(db: Db | Tx, networkId: string, reach: Reach): Promise<PostRow[]> {
  return (await db
    .select(postColumns)
    .from(post)
    .where(inNetwork(post, networkId, sql`${post.pinnedAt} is not null`, reachCondition(reach)))
    .orderBy(desc(post.pinnedAt))
    .limit(PINNED_MAX)) as PostRow[];
}

export const pinnedPosts = (db: Db | Tx, networkId: string, v: Viewer) =>
  pinnedOf(db, networkId, { viewer: v });
export const streamPinned = (db: Db | Tx, networkId: string, s: Stream) =>
  pinnedOf(db, networkId, { stream: s });

/** Newest first, as the feed's SQL orders (`created_at desc, id desc`). */
export function newestFirst(a: PostRow, b: PostRow): number {
  const t = b.createdAt.getTime() - a.createdAt.getTime();
  if (t) return t;
  // Same millisecond: the microseconds (`at`, the same text form for every row), then the id.
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The post, whoever asks (the caller checks the audience, e.g. with `mayView`). */
export async function findPost(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select(postColumns)
    .from(post)
    .where(byId(post, networkId, id))
    .limit(1);
  return (row as PostRow | undefined) ?? null;
}

/** The post, if `v` may see it (null otherwise: it does not exist for them). */
export async function findVisiblePost(db: Db | Tx, networkId: string, id: string, v: Viewer) {
  const [row] = await db
    .select(postColumns)
    .from(post)
    .where(byId(post, networkId, id, visibleTo(v)))
    .limit(1);
  return (row as PostRow | undefined) ?? null;
}

/**
 * Posts `v` may see created after `since` (counted up to `cap`). `since` has milliseconds, as the
 * post times the client saw: a post of the same millisecond is not after it.
 */
export async function countNewPosts(
  db: Db | Tx,
  networkId: string,
  v: Viewer,
  since: Date | null,
  cap = 100,
) {
  const res = await db.execute(sql`select count(*)::int as n from (
      select 1 from ${post}
       where ${inNetwork(post, networkId, visibleTo(v), since ? gte(post.createdAt, new Date(since.getTime() + 1)) : undefined, sql`${post.authorId} <> ${v.userId}`)}
       limit ${cap}) t`);
  return (res.rows[0] as { n: number }).n;
}

export async function insertPost(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    authorId: string;
    kind: PostKind;
    title: string | null;
    body: string;
    audience: "network" | "segment" | "group";
    segmentId: string | null;
    groupId: string | null;
  },
) {
  await tx.insert(post).values(v);
}

export async function updatePost(
  tx: Tx,
  networkId: string,
  id: string,
  v: { title: string | null; body: string },
) {
  await tx
    .update(post)
    .set({ ...v, editedAt: new Date() })
    .where(byId(post, networkId, id));
}

export async function deletePost(tx: Tx, networkId: string, id: string) {
  await tx.delete(post).where(byId(post, networkId, id));
}

export async function setPinned(tx: Tx, networkId: string, id: string, by: string | null) {
  await tx
    .update(post)
    .set(by ? { pinnedAt: new Date(), pinnedBy: by } : { pinnedAt: null, pinnedBy: null })
    .where(byId(post, networkId, id));
}

/** How many posts are pinned now (at most PINNED_MAX stay on top). */
export async function pinnedCount(db: Db | Tx, networkId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(post)
    .where(inNetwork(post, networkId, sql`${post.pinnedAt} is not null`));
  return r?.n ?? 0;
}

/** Reactions of the posts, counted per kind, with whether `userId` gave each. */
export async function reactionsOf(db: Db | Tx, networkId: string, postIds: string[], userId: string) {
  if (!postIds.length) return [];
  return db
    .select({
      postId: postReaction.postId,
      reaction: postReaction.reaction,
      count: count(),
      mine: sql<boolean>`bool_or(${postReaction.userId} = ${userId})`,
    })
    .from(postReaction)
    .where(inNetwork(postReaction, networkId, inArray(postReaction.postId, postIds)))
    .groupBy(postReaction.postId, postReaction.reaction);
}

/** Reactions of the posts, counted per kind (the same for every viewer). */
export async function reactionCounts(db: Db | Tx, networkId: string, postIds: string[]) {
  if (!postIds.length) return [];
  return db
    .select({ postId: postReaction.postId, reaction: postReaction.reaction, count: count() })
    .from(postReaction)
    .where(inNetwork(postReaction, networkId, inArray(postReaction.postId, postIds)))
    .groupBy(postReaction.postId, postReaction.reaction);
}

/** Which reactions to the posts are `userId`'s. */
export async function myReactions(db: Db | Tx, networkId: string, postIds: string[], userId: string) {
  if (!postIds.length) return [];
  return db
    .select({ postId: postReaction.postId, reaction: postReaction.reaction })
    .from(postReaction)
    .where(
      inNetwork(
        postReaction,
        networkId,
        eq(postReaction.userId, userId),
        inArray(postReaction.postId, postIds),
      ),
    );
}

/** The comments `v` may see: hidden ones (moderation) only for their author and the operators. */
export function commentVisibleTo(v: Viewer): SQL | undefined {
  if (v.operator) return undefined;
  return or(isNull(postComment.hiddenAt), eq(postComment.authorId, v.userId));
}

/** Comments (not deleted) per post, as `v` sees them. */
export async function commentCounts(db: Db | Tx, networkId: string, postIds: string[], v: Viewer) {
  if (!postIds.length) return [];
  return db
    .select({ postId: postComment.postId, count: count() })
    .from(postComment)
    .where(
      inNetwork(
        postComment,
        networkId,
        inArray(postComment.postId, postIds),
        isNull(postComment.deletedAt),
        commentVisibleTo(v),
      ),
    )
    .groupBy(postComment.postId);
}

export async function addReaction(
  tx: Tx,
  networkId: string,
  postId: string,
  userId: string,
  reaction: Reaction,
) {
  await tx.insert(postReaction).values({ networkId, postId, userId, reaction }).onConflictDoNothing();
}

export async function removeReaction(
  tx: Tx,
  networkId: string,
  postId: string,
  userId: string,
  reaction: Reaction,
) {
  await tx
    .delete(postReaction)
    .where(
      inNetwork(
        postReaction,
        networkId,
        eq(postReaction.postId, postId),
        eq(postReaction.userId, userId),
        eq(postReaction.reaction, reaction),
      ),
    );
}

export const COMMENTS_MAX = 500;

export async function commentsOf(db: Db | Tx, networkId: string, postId: string) {
  return db
    .select()
    .from(postComment)
    .where(inNetwork(postComment, networkId, eq(postComment.postId, postId)))
    .orderBy(asc(postComment.createdAt), asc(postComment.id))
    .limit(COMMENTS_MAX);
}
export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];

export async function findComment(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(postComment)
    .where(byId(postComment, networkId, id))
    .limit(1);
  return row ?? null;
}

export async function insertComment(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    postId: string;
    parentId: string | null;
    authorId: string;
    body: string;
  },
) {
  await tx.insert(postComment).values(v);
}

export async function updateComment(tx: Tx, networkId: string, id: string, body: string) {
  await tx
    .update(postComment)
    .set({ body, editedAt: new Date() })
    .where(byId(postComment, networkId, id));
}

/** A comment with replies keeps its place, emptied; one without goes. */
export async function deleteComment(tx: Tx, networkId: string, id: string) {
  const [reply] = await tx
    .select({ id: postComment.id })
    .from(postComment)
    .where(inNetwork(postComment, networkId, eq(postComment.parentId, id)))
    .limit(1);
  if (reply) {
    await tx
      .update(postComment)
      .set({ body: "", deletedAt: new Date() })
      .where(byId(postComment, networkId, id));
  } else {
    await tx.delete(postComment).where(byId(postComment, networkId, id));
  }
}

export async function lastSeen(db: Db | Tx, networkId: string, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ seenAt: feedVisit.seenAt })
    .from(feedVisit)
    .where(and(eq(feedVisit.networkId, networkId), eq(feedVisit.userId, userId)))
    .limit(1);
  return row?.seenAt ?? null;
}

/** Moves the member's last visit forward to `at` (never back). */
export async function markSeen(tx: Tx, networkId: string, userId: string, at: Date) {
  await tx
    .insert(feedVisit)
    .values({ networkId, userId, seenAt: at })
    .onConflictDoUpdate({
      target: [feedVisit.networkId, feedVisit.userId],
      set: { seenAt: sql`greatest(${feedVisit.seenAt}, excluded.seen_at)` },
    });
}

/** Whether an operator has posted an announcement (the onboarding's welcome step). */
export async function announcementCount(db: Db | Tx, networkId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(post)
    .where(inNetwork(post, networkId, eq(post.kind, "announcement")));
  return r?.n ?? 0;
}
