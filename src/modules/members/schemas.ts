import { z } from "zod";
import { csvEncodingParam } from "../../shared/csv-export.ts";
import { NETWORK_ROLES } from "../../shared/profile.ts";
import { cursorParam, idParam, safeString, slugParam } from "../../shared/text-schema.ts";

export const MEMBER_STATUSES = ["active", "suspended"] as const;

export const slugParams = z.object({ slug: slugParam });
export const memberParams = z.object({ slug: slugParam, userId: idParam });

export const memberListQuery = z.object({
  q: safeString().max(200).optional(),
  role: z.enum(NETWORK_ROLES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

/** The list's filters, and the file's encoding: UTF-8 with a BOM (Excel opens it as is) or Shift_JIS. */
export const memberExportQuery = memberListQuery
  .pick({ q: true, role: true, status: true })
  .extend({ encoding: csvEncodingParam });
export type MemberExportQuery = z.infer<typeof memberExportQuery>;

export const memberItemOut = z.object({
  userId: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  email: z.string(),
  role: z.enum(NETWORK_ROLES),
  status: z.enum(MEMBER_STATUSES),
  joinYm: z.string().nullable(),
  leaveYm: z.string().nullable(),
  verifiedVia: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  lastActiveAt: z.string().nullable(),
  /** An alumni supporter (アルムナイサポーター): since when (null: not one). */
  supporterAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MemberItem = z.infer<typeof memberItemOut>;

export const memberListOut = z.object({
  items: z.array(memberItemOut),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const memberPatchInput = z
  .object({
    role: z.enum(NETWORK_ROLES).optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    supporter: z
      .boolean()
      .optional()
      .describe("Name an alumnus a supporter (アルムナイサポーター), or unname"),
  })
  .strict()
  .refine(
    (b) => b.role !== undefined || b.status !== undefined || b.supporter !== undefined,
    "Give role, status or supporter",
  );
export type MemberPatch = z.infer<typeof memberPatchInput>;

export const myMembershipOut = z.object({
  network: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  role: z.enum(NETWORK_ROLES),
  status: z.enum(MEMBER_STATUSES),
});
