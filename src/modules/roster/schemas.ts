import { z } from "zod";
import { cursorParam, safeString, slugParam } from "../../shared/text-schema.ts";

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
