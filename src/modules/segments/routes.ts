import { access, networkScope } from "../../server/access.ts";
import { requestLang } from "../../server/context.ts";
import { sendCsv } from "../../server/csv-export.ts";
import type { FastifyZod } from "../../server/http.ts";
import { directoryPage } from "../directory/index.ts";
import { exportSegment } from "./export.ts";
import { segmentsPolicy } from "./policy.ts";
import {
  segmentExportQuery,
  segmentInput,
  segmentListOut,
  segmentMembersQuery,
  segmentOut,
  segmentParams,
  slugParams,
} from "./schemas.ts";
import {
  createSegment,
  getSegment,
  removeSegment,
  replaceSegment,
  segmentList,
  segmentMembers,
} from "./service.ts";

const tags = ["segments"];

const config = { access: access.member(segmentsPolicy.manage) };

export default async function segmentsRoutes(app: FastifyZod) {
  app.get(
    "/n/:slug/segments",
    {
      config,
      schema: {
        tags,
        summary: "Saved segments with their live member counts (operators)",
        params: slugParams,
        response: { 200: segmentListOut },
      },
    },
    async (req) => {
      return { items: await segmentList(networkScope(req)) };
    },
  );

  app.post(
    "/n/:slug/segments",
    {
      config,
      schema: {
        tags,
        summary: "Save a directory filter as a named segment (operators)",
        params: slugParams,
        body: segmentInput,
        response: { 201: segmentOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createSegment(networkScope(req), req.body);
    },
  );

  app.get(
    "/n/:slug/segments/:id",
    {
      config,
      schema: {
        tags,
        summary: "One segment (operators)",
        params: segmentParams,
        response: { 200: segmentOut },
      },
    },
    async (req) => {
      return getSegment(networkScope(req), req.params.id);
    },
  );

  app.put(
    "/n/:slug/segments/:id",
    {
      config,
      schema: {
        tags,
        summary: "Rename a segment or change its filter (operators)",
        params: segmentParams,
        body: segmentInput,
        response: { 200: segmentOut },
      },
    },
    async (req) => {
      return replaceSegment(networkScope(req), req.params.id, req.body);
    },
  );

  app.delete(
    "/n/:slug/segments/:id",
    { config, schema: { tags, summary: "Delete a segment (operators)", params: segmentParams } },
    async (req, reply) => {
      await removeSegment(networkScope(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/segments/:id/members",
    {
      config,
      schema: {
        tags,
        summary: "The segment's members now, by name (operators)",
        params: segmentParams,
        querystring: segmentMembersQuery,
        response: { 200: directoryPage },
      },
    },
    async (req) => {
      const { items, total, totalCapped, nextCursor } = await segmentMembers(
        networkScope(req),
        req.params.id,
        req.query,
      );
      return { items, total, totalCapped, nextCursor };
    },
  );
  app.get(
    "/n/:slug/segments/:id/export.csv",
    {
      config,
      schema: {
        tags,
        summary:
          "The segment's members as CSV with the members export's columns (UTF-8 with BOM, or Shift_JIS); audited (operators)",
        params: segmentParams,
        querystring: segmentExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportSegment(
        networkScope(req),
        req.params.id,
        req.query.encoding,
        requestLang(req),
      );
      return sendCsv(reply, file);
    },
  );
}
