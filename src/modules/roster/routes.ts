// Roster: import the HR system's CSV of former employees, search it, list past imports.
import { z } from "zod";
import { access, networkScope } from "../../server/access.ts";
import type { FastifyZod } from "../../server/http.ts";
import { safeFilename } from "../../shared/text.ts";
import { rosterPolicy } from "./policy.ts";
import {
  importQuery,
  importResult,
  rosterImportOut,
  rosterListOut,
  rosterListQuery,
  slugParams,
} from "./schemas.ts";
import { fileMissing, fileTooLarge, importRoster, rosterImports, rosterPage } from "./service.ts";

const config = { access: access.member(rosterPolicy.manage) };

export default async function rosterRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/roster/import",
    {
      config,
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
      const scope = networkScope(req);
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
        scope,
        { data, filename: safeFilename(part.filename) || null },
        { dryRun: req.query.dryRun },
      );
    },
  );

  app.get(
    "/n/:slug/roster",
    {
      config,
      schema: {
        tags: ["roster"],
        summary: "Search the roster (name, kana, employee number, department, email), with invitation state",
        params: slugParams,
        querystring: rosterListQuery,
        response: { 200: rosterListOut },
      },
    },
    async (req) => {
      return rosterPage(networkScope(req), req.query);
    },
  );

  app.get(
    "/n/:slug/roster/imports",
    {
      config,
      schema: {
        tags: ["roster"],
        summary: "The latest roster imports",
        params: slugParams,
        response: { 200: z.object({ items: z.array(rosterImportOut) }) },
      },
    },
    async (req) => {
      return { items: await rosterImports(networkScope(req)) };
    },
  );
}
