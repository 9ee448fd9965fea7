import { z } from "zod";
import { csvEncodingParam } from "../../shared/csv-export.ts";
import { cursorParam, idParam, safeString, slugParam } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });

export const importQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export const importResult = z.object({
  encoding: z.string(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  durationMs: z.number(),
  dryRun: z.boolean(),
});
export type ImportResult = z.infer<typeof importResult>;

export const ROSTER_STATES = ["not_invited", "invited", "member"] as const;
export type RosterState = (typeof ROSTER_STATES)[number];

export const rosterListQuery = z.object({
  q: safeString().trim().max(100).optional(),
  /** `status` is the name in docs/api.md; `state` is accepted as an alias. */
  status: z.enum(ROSTER_STATES).optional(),
  state: z.enum(ROSTER_STATES).optional(),
  sort: z.enum(["employeeNumber", "name"]).default("employeeNumber"),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The list's search, state and order, and the file's encoding. */
export const rosterExportQuery = rosterListQuery
  .pick({ q: true, status: true, state: true, sort: true })
  .extend({ encoding: csvEncodingParam });
export type RosterExportQuery = z.infer<typeof rosterExportQuery>;

export const rosterEntryParams = z.object({ slug: slugParam, id: idParam });

// Cells as an operator types them, checked by the import's own rules (validate.ts): the limits
// here only keep absurd requests out; the import's limits answer with its sentences.
const cell = safeString().max(1000);
export const rosterRowPatch = z
  .object({
    employeeNumber: cell,
    name: cell,
    nameKana: cell.nullable(),
    joinDate: cell.describe("2015-04-01, 2015/4/1, 2015年4月1日, H27.4.1 … as in the import"),
    leaveDate: cell,
    department: cell.nullable(),
    email: cell.nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, "Give at least one field");
export type RosterRowPatch = z.infer<typeof rosterRowPatch>;

export const rosterEntryOut = z.object({
  id: z.string(),
  employeeNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  joinDate: z.string(),
  leaveDate: z.string(),
  department: z.string().nullable(),
  email: z.string().nullable(),
  state: z.enum(ROSTER_STATES),
  invitedAt: z.string().nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntryOut>;

export const rosterListOut = z.object({
  items: z.array(rosterEntryOut),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const rosterImportOut = z.object({
  id: z.string(),
  filename: z.string().nullable(),
  encoding: z.string(),
  rowCount: z.number(),
  created: z.number(),
  updated: z.number(),
  durationMs: z.number(),
  createdAt: z.string(),
  by: z.string().nullable(),
});
export type RosterImport = z.infer<typeof rosterImportOut>;
