// What the moderation module needs of the feed: the post or comment a member may report (404 when
// they cannot see it), the reported content for the operators' queue, and hiding it pending review
// (post.hidden_at / post_comment.hidden_at: then only its author and the operators see it).
import { inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { post, postComment } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import type { MemberScope } from "../../server/scope.ts";
import { feedChanged } from "./cache.ts";
import { visibleComment, visiblePost } from "./service.ts";

export type FeedContent = {
  id: string;
  /** The post itself, or the post a comment is on. */
  postId: string;
  authorId: string;
  title: string | null;
  body: string;
  hiddenAt: Date | null;
  createdAt: Date;
};

export async function reportablePost(scope: MemberScope, id: string): Promise<FeedContent> {
  const p = await visiblePost(scope, id);
  return {
    id: p.id,
    postId: p.id,
    authorId: p.authorId,
    title: p.title,
    body: p.body,
    hiddenAt: p.hiddenAt,
    createdAt: p.createdAt,
  };
}

export async function reportableComment(scope: MemberScope, id: string): Promise<FeedContent> {
  const c = await visibleComment(scope, id);
  return {
    id: c.id,
    postId: c.postId,
    authorId: c.authorId,
    title: null,
    body: c.body,
    hiddenAt: c.hiddenAt,
    createdAt: c.createdAt,
  };
}

/** Posts or comments by id, whoever may see them (the operators' queue). */
export async function feedContent(
  db: Db | Tx,
  networkId: string,
  type: "post" | "comment",
  ids: string[],
): Promise<FeedContent[]> {
  if (!ids.length) return [];
  if (type === "post") {
    const rows = await db
      .select({
        id: post.id,
        authorId: post.authorId,
        title: post.title,
        body: post.body,
        hiddenAt: post.hiddenAt,
        createdAt: post.createdAt,
      })
      .from(post)
      .where(inNetwork(post, networkId, inArray(post.id, ids)));
    return rows.map((r) => ({ ...r, postId: r.id }));
  }
  const rows = await db
    .select({
      id: postComment.id,
      postId: postComment.postId,
      authorId: postComment.authorId,
      body: postComment.body,
      hiddenAt: postComment.hiddenAt,
      deletedAt: postComment.deletedAt,
      createdAt: postComment.createdAt,
    })
    .from(postComment)
    .where(inNetwork(postComment, networkId, inArray(postComment.id, ids)));
  // A deleted comment kept for its replies is gone as content.
  return rows.filter((r) => !r.deletedAt).map(({ deletedAt: _, ...r }) => ({ ...r, title: null }));
}

/** Hides the post or comment pending review, or shows it again; false when it no longer exists. */
export async function setContentHidden(
  tx: Tx,
  networkId: string,
  type: "post" | "comment",
  id: string,
  hidden: boolean,
): Promise<boolean> {
  const hiddenAt = hidden ? new Date() : null;
  if (type === "post") {
    const rows = await tx
      .update(post)
      .set({ hiddenAt })
      .where(byId(post, networkId, id))
      .returning({ id: post.id });
    // Hidden: the pages holding it are stale; shown again: it may belong on any page.
    if (rows.length) await feedChanged(tx, networkId, hidden ? id : null);
    return rows.length > 0;
  }
  const rows = await tx
    .update(postComment)
    .set({ hiddenAt })
    .where(byId(postComment, networkId, id))
    .returning({ postId: postComment.postId });
  // A comment's count is on its post's card.
  if (rows[0]) await feedChanged(tx, networkId, rows[0].postId);
  return rows.length > 0;
}
