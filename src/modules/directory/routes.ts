// The member directory: search, count, and suggestions of labels in use. Every member may search;
// what they find is what their role may see (see service.ts).
import { z } from "zod";
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import {
  directoryCountOut,
  directoryFilter,
  directoryPage,
  directoryQuery,
  suggestOut,
  suggestQuery,
} from "./schemas.ts";
import { countDirectory, scopeOf, searchDirectory, suggest } from "./service.ts";

const slugParams = z.object({ slug: z.string() });
const tags = ["directory"];

export default async function directoryRoutes(app: FastifyZod, ctx: AppContext) {
  app.get(
    "/n/:slug/directory",
    {
      schema: {
        tags,
        summary: "Search the member directory (free text and filters, keyset pages)",
        params: slugParams,
        querystring: directoryQuery,
        response: { 200: directoryPage },
      },
    },
    async (req) => {
      const scope = await requireMember(ctx, req, req.params.slug);
      const { items, total, totalCapped, nextCursor } = await searchDirectory(ctx, scope, req.query);
      return { items, total, totalCapped, nextCursor };
    },
  );

  app.get(
    "/n/:slug/directory/count",
    {
      schema: {
        tags,
        summary: "How many members match a filter",
        params: slugParams,
        querystring: directoryFilter,
        response: { 200: directoryCountOut },
      },
    },
    async (req) => {
      const scope = await requireMember(ctx, req, req.params.slug);
      return { total: await countDirectory(ctx, scopeOf(scope), req.query) };
    },
  );

  app.get(
    "/n/:slug/directory/suggest",
    {
      schema: {
        tags,
        summary: "Skills, departments or locations in use that start with q, most used first",
        params: slugParams,
        querystring: suggestQuery,
        response: { 200: suggestOut },
      },
    },
    async (req) => {
      const scope = await requireMember(ctx, req, req.params.slug);
      const { field, q, limit } = req.query;
      return { items: await suggest(ctx, scope, field, q ?? "", limit) };
    },
  );
}
