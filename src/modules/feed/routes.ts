import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { access, memberScopeOf } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { removePendingImage, uploadedPicture, uploadPostImage } from "./images.ts";
import { feedPolicy } from "./policy.ts";
import {
  commentEdit,
  commentInput,
  commentOut,
  feedOut,
  feedQuery,
  feedSummaryOut,
  imageOut,
  imageParams,
  mentionableOut,
  mentionableQuery,
  pinInput,
  postDetailOut,
  postEdit,
  postImageParams,
  postInput,
  postOut,
  postParams,
  reactionOut,
  reactionParams,
  seenInput,
  slugParams,
} from "./schemas.ts";
import {
  addComment,
  createPost,
  editComment,
  editPost,
  feed,
  feedSummary,
  getPost,
  markFeedSeen,
  mentionable,
  pendingImageFile,
  pinPost,
  postImageFile,
  react,
  removeComment,
  removePost,
} from "./service.ts";

const tags = ["feed"];

/** A picture, for this viewer only (never kept by a shared cache), never run as a document. */
function sendImage(reply: FastifyReply, file: { stream: Readable; size: number; mime: string }) {
  return reply
    .header("cache-control", "private, max-age=3600")
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("content-length", file.size)
    .type(file.mime)
    .send(file.stream);
}
const read = { access: access.member(feedPolicy.read) };
const write = { access: access.member(feedPolicy.write) };

export default async function feedRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/posts",
    {
      config: read,
      schema: {
        tags,
        summary: "The feed: pinned posts (first page), then the posts the member may see, newest first",
        params: slugParams,
        querystring: feedQuery,
        response: { 200: feedOut },
      },
    },
    async (req) => feed(memberScopeOf(req), req.query),
  );

  app.get(
    "/n/:slug/posts/mentionable",
    {
      config: write,
      schema: {
        tags,
        summary:
          "Members the caller may @mention: those they can see in the directory (and, with postId, who may see that post)",
        params: slugParams,
        querystring: mentionableQuery,
        response: { 200: mentionableOut },
      },
    },
    async (req) => ({ items: await mentionable(memberScopeOf(req), req.query) }),
  );

  app.post(
    "/n/:slug/posts/images",
    {
      config: write,
      schema: {
        tags,
        summary:
          "Upload a picture for a post (multipart field `file`: JPEG, PNG or WebP by content, at most 8 MB and 8000 px a side; metadata such as Exif GPS is removed). Attach it with `imageIds` within 24 hours",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 201: imageOut },
      },
    },
    async (req, reply) => {
      const out = await uploadPostImage(memberScopeOf(req), await uploadedPicture(req));
      reply.code(201);
      return out;
    },
  );

  app.get(
    "/n/:slug/posts/images/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "A picture I uploaded and have not posted yet (preview)",
        params: imageParams,
      },
    },
    async (req, reply) => sendImage(reply, await pendingImageFile(memberScopeOf(req), req.params.id)),
  );

  app.delete(
    "/n/:slug/posts/images/:id",
    {
      config: write,
      schema: { tags, summary: "Remove a picture I uploaded and have not posted yet", params: imageParams },
    },
    async (req, reply) => {
      await removePendingImage(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/posts/:id/images/:imageId",
    {
      config: read,
      schema: { tags, summary: "A picture of a post (those who may see the post)", params: postImageParams },
    },
    async (req, reply) =>
      sendImage(reply, await postImageFile(memberScopeOf(req), req.params.id, req.params.imageId)),
  );

  app.get(
    "/n/:slug/posts/summary",
    {
      config: read,
      schema: {
        tags,
        summary: "How many posts came since the member last opened the feed",
        params: slugParams,
        response: { 200: feedSummaryOut },
      },
    },
    async (req) => feedSummary(memberScopeOf(req)),
  );

  app.post(
    "/n/:slug/posts/seen",
    {
      config: read,
      schema: {
        tags,
        summary: "The member has seen the feed up to a post (its posts are no longer marked new)",
        params: slugParams,
        body: seenInput,
      },
    },
    async (req, reply) => {
      await markFeedSeen(memberScopeOf(req), req.body.until);
      return reply.code(204).send();
    },
  );

  app.post(
    "/n/:slug/posts",
    {
      config: write,
      schema: {
        tags,
        summary: "Post to the feed (announcements and posts to a segment: operators)",
        params: slugParams,
        body: postInput,
        response: { 201: postOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createPost(memberScopeOf(req), req.body);
    },
  );

  app.get(
    "/n/:slug/posts/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "One post with its comments (404 outside its audience)",
        params: postParams,
        response: { 200: postDetailOut },
      },
    },
    async (req) => getPost(memberScopeOf(req), req.params.id),
  );

  app.patch(
    "/n/:slug/posts/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit one's own post (shown as edited)",
        params: postParams,
        body: postEdit,
        response: { 200: postDetailOut },
      },
    },
    async (req) => editPost(memberScopeOf(req), req.params.id, req.body),
  );

  app.delete(
    "/n/:slug/posts/:id",
    {
      config: write,
      schema: { tags, summary: "Delete a post (its author, or an operator: audited)", params: postParams },
    },
    async (req, reply) => {
      await removePost(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.put(
    "/n/:slug/posts/:id/pin",
    {
      config: { access: access.member(feedPolicy.pin) },
      schema: {
        tags,
        summary: "Pin a post on top of the feed, or unpin it (operators; at most 5)",
        params: postParams,
        body: pinInput,
        response: { 200: postDetailOut },
      },
    },
    async (req) => pinPost(memberScopeOf(req), req.params.id, req.body.pinned),
  );

  app.put(
    "/n/:slug/posts/:id/reactions/:reaction",
    {
      config: write,
      schema: {
        tags,
        summary: "React to a post (like, thanks, celebrate, idea, support)",
        params: reactionParams,
        response: { 200: z.array(reactionOut) },
      },
    },
    async (req) => react(memberScopeOf(req), req.params.id, req.params.reaction, true),
  );

  app.delete(
    "/n/:slug/posts/:id/reactions/:reaction",
    {
      config: write,
      schema: {
        tags,
        summary: "Take one's reaction back",
        params: reactionParams,
        response: { 200: z.array(reactionOut) },
      },
    },
    async (req) => react(memberScopeOf(req), req.params.id, req.params.reaction, false),
  );

  app.post(
    "/n/:slug/posts/:id/comments",
    {
      config: write,
      schema: {
        tags,
        summary: "Comment on a post, or reply to a comment (one level)",
        params: postParams,
        body: commentInput,
        response: { 201: commentOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addComment(memberScopeOf(req), req.params.id, req.body);
    },
  );

  app.patch(
    "/n/:slug/comments/:id",
    {
      config: write,
      schema: {
        tags,
        summary: "Edit one's own comment",
        params: postParams,
        body: commentEdit,
        response: { 200: commentOut },
      },
    },
    async (req) => editComment(memberScopeOf(req), req.params.id, req.body.body),
  );

  app.delete(
    "/n/:slug/comments/:id",
    {
      config: write,
      schema: { tags, summary: "Delete a comment (its author, or an operator: audited)", params: postParams },
    },
    async (req, reply) => {
      await removeComment(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
