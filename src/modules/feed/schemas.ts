// The community feed: posts, comments, reactions.
import { z } from "zod";
import { POST_KINDS, REACTIONS } from "../../db/schema/community.ts";
import { cursorParam, idParam, slugParam, text } from "../../shared/text-schema.ts";

export const POST_BODY_MAX = 10_000;
export const COMMENT_BODY_MAX = 2_000;

export const slugParams = z.object({ slug: slugParam });
export const postParams = z.object({ slug: slugParam, id: idParam });
export const reactionParams = z.object({ slug: slugParam, id: idParam, reaction: z.enum(REACTIONS) });

const title = text({ max: 120 })
  .nullish()
  .transform((v) => v || null);

export const audienceInput = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("network") }),
    z.object({ type: z.literal("segment"), segmentId: idParam }),
    z.object({ type: z.literal("group"), groupId: idParam }),
  ])
  .describe(
    "Who sees the post: the whole network, a segment's members (operators; resolved when read), or a group's members (its members and operators post there)",
  );

export const postInput = z.object({
  kind: z
    .enum(POST_KINDS)
    .describe(
      "announcement (operators: お知らせ), question (質問・相談), help_wanted (募集・お願い), news (近況・報告)",
    ),
  title,
  body: text({ min: 1, max: POST_BODY_MAX, multiline: true }).describe("Markdown (no raw HTML)"),
  audience: audienceInput.default({ type: "network" }),
  imageIds: z
    .array(idParam)
    .max(4)
    .default([])
    .describe("Pictures uploaded with POST /n/{slug}/posts/images, in the order shown (at most 4)"),
});
export type PostInput = z.output<typeof postInput>;

export const postEdit = z.object({
  title,
  body: text({ min: 1, max: POST_BODY_MAX, multiline: true }),
  imageIds: z
    .array(idParam)
    .max(4)
    .optional()
    .describe("The post's pictures after the edit (its own and new uploads, in order); omitted: unchanged"),
});
export type PostEdit = z.output<typeof postEdit>;

export const commentInput = z.object({
  body: text({ min: 1, max: COMMENT_BODY_MAX, multiline: true }),
  parentId: idParam.nullish().describe("The comment this one replies to (one level of replies)"),
});
export type CommentInput = z.output<typeof commentInput>;

export const commentEdit = z.object({ body: text({ min: 1, max: COMMENT_BODY_MAX, multiline: true }) });

export const feedQuery = z.object({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  kind: z.enum(POST_KINDS).optional(),
  groupId: idParam.optional().describe("Only this group's posts (its members and operators; 404 otherwise)"),
});
export type FeedQuery = z.output<typeof feedQuery>;

export const pinInput = z.object({ pinned: z.boolean() });

export const mentionableQuery = z.object({
  q: text({ max: 50 }).optional().describe("The start of a name or reading (empty: by name)"),
  postId: idParam.optional().describe("Commenting on this post: only members who may see it"),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type MentionableQuery = z.output<typeof mentionableQuery>;

export const mentionableOut = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      photoUrl: z.string().nullable(),
      headline: z.string().nullable(),
    }),
  ),
});

export const authorOut = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  photoUrl: z.string().nullable(),
  /** Whether the viewer may open the author's profile. */
  profile: z.boolean(),
  /** An alumni supporter (アルムナイサポーター): shown with a badge. */
  supporter: z.boolean(),
});
export type AuthorOut = z.infer<typeof authorOut>;

export const imageOut = z.object({
  id: z.string(),
  url: z.string().describe("Where to read it (the post's audience only)"),
  width: z.number(),
  height: z.number(),
});
export const imageParams = z.object({ slug: slugParam, id: idParam });
export const postImageParams = z.object({ slug: slugParam, id: idParam, imageId: idParam });

export const reactionOut = z.object({
  reaction: z.enum(REACTIONS),
  count: z.number(),
  mine: z.boolean(),
});

export const postOut = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string().nullable(),
  body: z.string(),
  audience: z.object({
    type: z.enum(["network", "segment", "group"]),
    /** Operators and the author see which segment; null when it was deleted. */
    segmentName: z.string().nullable(),
    /** A post in a group: the group (whoever sees the post may see which group). */
    groupId: z.string().nullable(),
    groupName: z.string().nullable(),
  }),
  author: authorOut,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  pinned: z.boolean(),
  hidden: z.boolean(),
  /** Posted after the viewer last opened the feed (and not by them). */
  isNew: z.boolean(),
  images: z.array(imageOut),
  reactions: z.array(reactionOut),
  commentCount: z.number(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), pin: z.boolean() }),
});
export type PostOut = z.infer<typeof postOut>;

export const feedOut = z.object({
  /** Pinned posts, on the first page only. */
  pinned: z.array(postOut),
  items: z.array(postOut),
  nextCursor: z.string().nullable(),
  /** When the viewer had last opened the feed before (null: never). */
  lastSeenAt: z.string().nullable(),
});

export const commentOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: authorOut.nullable().describe("null when the comment was deleted"),
  body: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Hidden pending review (moderation): only its author and the operators see it. */
  hidden: z.boolean(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type CommentOut = z.infer<typeof commentOut>;

export const postDetailOut = postOut.extend({ comments: z.array(commentOut) });

export const feedSummaryOut = z.object({
  /** Posts the viewer may see that came after their last visit (at most 100). */
  newPosts: z.number(),
});

export const seenInput = z.object({
  until: z.iso.datetime({ offset: true }).optional().describe("The newest post shown (default: now)"),
});
