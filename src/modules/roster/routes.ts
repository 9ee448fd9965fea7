// Roster: import the HR system's CSV of former employees, search it, list past imports.
import { z } from "zod";
import { access, networkScope } from "../../server/access.ts";
import { requestLang } from "../../server/context.ts";
import { sendCsv } from "../../server/csv-export.ts";
import type { FastifyZod } from "../../server/http.ts";
import { safeFilename } from "../../shared/text.ts";
import { deleteRosterRow, editRosterRow } from "./edit.ts";
import { exportRoster } from "./export.ts";
import { rosterPolicy } from "./policy.ts";
import {
  importQuery,
  importResult,
  rosterEntryOut,
  rosterEntryParams,
  rosterExportQuery,
  rosterImportOut,
  rosterListOut,
  rosterListQuery,
  rosterRowPatch,
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
  app.get(
    "/n/:slug/roster/export.csv",
    {
      config,
      schema: {
        tags: ["roster"],
        summary:
          "The roster as CSV with the import's columns (re-importable) and its state, with the list's search, state and order; UTF-8 with BOM or Shift_JIS (422 ROSTER_EXPORT_NOT_SHIFT_JIS when a value does not fit); audited",
        params: slugParams,
        querystring: rosterExportQuery,
      },
    },
    async (req, reply) => {
      return sendCsv(reply, await exportRoster(networkScope(req), req.query, requestLang(req)));
    },
  );

  app.patch(
    "/n/:slug/roster/:id",
    {
      config,
      schema: {
        tags: ["roster"],
        summary:
          "Correct a roster row by hand: the import's rules (422 ROSTER_ROW_INVALID), a unique employee number and email (409); audited",
        params: rosterEntryParams,
        body: rosterRowPatch,
        response: { 200: rosterEntryOut },
      },
    },
    async (req) => {
      return editRosterRow(networkScope(req), req.params.id, req.body);
    },
  );

  app.delete(
    "/n/:slug/roster/:id",
    {
      config,
      schema: {
        tags: ["roster"],
        summary: "Delete a roster row no member is linked to (409 ROSTER_ENTRY_IS_MEMBER); audited",
        params: rosterEntryParams,
      },
    },
    async (req, reply) => {
      await deleteRosterRow(networkScope(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
