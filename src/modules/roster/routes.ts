// Roster: import the HR system's CSV of former employees, search it, list past imports.
import { z } from "zod";
import { type AppContext, requireMember } from "../../server/context.ts";
import type { FastifyZod } from "../../server/modules.ts";
import { errors } from "../../shared/errors.ts";
import { decodeCursor, encodeCursor, presentImport, presentRosterEntry } from "./presenter.ts";
import { listImports, searchRoster } from "./queries.ts";
import {
  importQuery,
  importResult,
  rosterImportOut,
  rosterListOut,
  rosterListQuery,
  slugParams,
} from "./schemas.ts";
import { fileMissing, fileTooLarge, importRoster } from "./service.ts";

export default async function rosterRoutes(app: FastifyZod, ctx: AppContext) {
  app.post(
    "/n/:slug/roster/import",
    {
      schema: {
        tags: ["roster"],
        summary:
          "Import the roster CSV (multipart field `file`; UTF-8 or Shift_JIS). Invalid → 422 ROSTER_INVALID, nothing imported",
        consumes: ["multipart/form-data"],
        params: slugParams,
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (req) => {
      const scope = await requireMember(ctx, req, req.params.slug, ["operator"]);
      if (!req.isMultipart()) throw fileMissing();
      const part = await req.file();
      if (!part) throw fileMissing();
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (err: any) {
        if (err?.code === "FST_REQ_FILE_TOO_LARGE") throw fileTooLarge();
        throw err;
      }
      return importRoster(
        ctx,
        scope,
        { data, filename: part.filename || null },
        { dryRun: req.query.dryRun },
      );
    },
  );

  app.get(
    "/n/:slug/roster",
    {
      schema: {
        tags: ["roster"],
        summary: "Search the roster (name, kana, employee number, department, email), with invitation state",
        params: slugParams,
        querystring: rosterListQuery,
        response: { 200: rosterListOut },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      const { q, status, state, sort, cursor, limit } = req.query;
      const after = decodeCursor(cursor);
      if (cursor && !after) throw errors.validation([{ path: "cursor", message: "invalid cursor" }]);
      const r = await searchRoster(ctx.db, network.id, { q, state: status ?? state, sort, after, limit });
      const last = r.rows.at(-1);
      return {
        items: r.rows.map(presentRosterEntry),
        total: r.total,
        nextCursor: r.more && last ? encodeCursor(last.sortKey, last.id) : null,
      };
    },
  );

  app.get(
    "/n/:slug/roster/imports",
    {
      schema: {
        tags: ["roster"],
        summary: "The latest roster imports",
        params: slugParams,
        response: { 200: z.object({ items: z.array(rosterImportOut) }) },
      },
    },
    async (req) => {
      const { network } = await requireMember(ctx, req, req.params.slug, ["operator"]);
      return { items: (await listImports(ctx.db, network.id)).map(presentImport) };
    },
  );
}
