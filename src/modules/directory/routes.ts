import { access, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { directoryPolicy } from "./policy.ts";
import {
  directoryCountOut,
  directoryFilter,
  directoryPage,
  directoryQuery,
  slugParams,
  suggestOut,
  suggestQuery,
} from "./schemas.ts";
import { countDirectory, searchDirectory, suggest } from "./service.ts";

const tags = ["directory"];

const config = { access: access.member(directoryPolicy.search) };

export default async function directoryRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/directory",
    {
      config,
      schema: {
        tags,
        summary: "Search the member directory (free text and filters, keyset pages)",
        params: slugParams,
        querystring: directoryQuery,
        response: { 200: directoryPage },
      },
    },
    async (req) => {
      const { items, total, totalCapped, nextCursor } = await searchDirectory(networkScope(req), req.query);
      return { items, total, totalCapped, nextCursor };
    },
  );

  app.get(
    "/n/:slug/directory/count",
    {
      config,
      schema: {
        tags,
        summary: "How many members match a filter",
        params: slugParams,
        querystring: directoryFilter,
        response: { 200: directoryCountOut },
      },
    },
    async (req) => {
      return { total: await countDirectory(networkScope(req), req.query) };
    },
  );

  app.get(
    "/n/:slug/directory/suggest",
    {
      config,
      schema: {
        tags,
        summary: "Skills, departments or locations in use that start with q, most used first",
        params: slugParams,
        querystring: suggestQuery,
        response: { 200: suggestOut },
      },
    },
    async (req) => {
      const { field, q, limit } = req.query;
      return { items: await suggest(networkScope(req), field, q ?? "", limit) };
    },
  );
}
