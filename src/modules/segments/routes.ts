// Segments (operators): saved directory filters with their live member count.
import { z } from "zod";
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { directoryPage } from "../directory/schemas.ts";
import { segmentInput, segmentListOut, segmentMembersQuery, segmentOut, segmentParams } from "./schemas.ts";
import {
  createSegment,
  getSegment,
  removeSegment,
  replaceSegment,
  segmentList,
  segmentMembers,
} from "./service.ts";

const slugParams = z.object({ slug: z.string() });
const tags = ["segments"];

export default async function segmentsRoutes(app: FastifyZod, ctx: AppContext) {
  const operator = async (req: { params: { slug: string } } & Parameters<typeof requireMember>[1]) => {
    const scope = await requireMember(ctx, req, req.params.slug, ["operator"]);
    return { scope, actor: { userId: scope.user.id, label: scope.user.email } };
  };

  app.get(
    "/n/:slug/segments",
    {
      schema: {
        tags,
        summary: "Saved segments with their live member counts (operators)",
        params: slugParams,
        response: { 200: segmentListOut },
      },
    },
    async (req) => {
      const { scope } = await operator(req);
      return { items: await segmentList(ctx, scope.network.id) };
    },
  );

  app.post(
    "/n/:slug/segments",
    {
      schema: {
        tags,
        summary: "Save a directory filter as a named segment (operators)",
        params: slugParams,
        body: segmentInput,
        response: { 201: segmentOut },
      },
    },
    async (req, reply) => {
      const { scope, actor } = await operator(req);
      reply.code(201);
      return createSegment(ctx, scope.network.id, actor, req.body);
    },
  );

  app.get(
    "/n/:slug/segments/:id",
    {
      schema: {
        tags,
        summary: "One segment (operators)",
        params: segmentParams,
        response: { 200: segmentOut },
      },
    },
    async (req) => {
      const { scope } = await operator(req);
      return getSegment(ctx, scope.network.id, req.params.id);
    },
  );

  app.put(
    "/n/:slug/segments/:id",
    {
      schema: {
        tags,
        summary: "Rename a segment or change its filter (operators)",
        params: segmentParams,
        body: segmentInput,
        response: { 200: segmentOut },
      },
    },
    async (req) => {
      const { scope, actor } = await operator(req);
      return replaceSegment(ctx, scope.network.id, actor, req.params.id, req.body);
    },
  );

  app.delete(
    "/n/:slug/segments/:id",
    { schema: { tags, summary: "Delete a segment (operators)", params: segmentParams } },
    async (req, reply) => {
      const { scope, actor } = await operator(req);
      await removeSegment(ctx, scope.network.id, actor, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/segments/:id/members",
    {
      schema: {
        tags,
        summary: "The segment's members now, by name (operators)",
        params: segmentParams,
        querystring: segmentMembersQuery,
        response: { 200: directoryPage },
      },
    },
    async (req) => {
      const { scope } = await operator(req);
      const { items, total, totalCapped, nextCursor } = await segmentMembers(
        ctx,
        scope,
        req.params.id,
        req.query,
      );
      return { items, total, totalCapped, nextCursor };
    },
  );
}
