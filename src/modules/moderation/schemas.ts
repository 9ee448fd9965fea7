// Moderation: reports, the operators' queue and its actions, the threshold, the audit log.
import { z } from "zod";
import {
  CASE_RESOLUTIONS,
  CASE_STATUSES,
  REPORT_REASONS,
  REPORT_TARGETS,
} from "../../db/schema/moderation.ts";
import { cursorParam, idParam, safeString, slugParam, text } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const idParams = z.object({ slug: slugParam, id: idParam });
export const messageParams = z.object({ slug: slugParam, id: idParam, messageId: idParam });

export const reportInput = z.object({
  reason: z
    .enum(REPORT_REASONS)
    .describe(
      "spam (スパム・宣伝), harassment (嫌がらせ・誹謗中傷), personal_info (個人情報), other (その他)",
    ),
  note: text({ max: 1000, multiline: true })
    .nullish()
    .transform((v) => v || null)
    .describe("What the operators should know (optional; never shown to the author)"),
});
export type ReportInput = z.output<typeof reportInput>;

export const reportOut = z.object({
  received: z.literal(true),
  /** The member had reported it before: their report was updated, not counted twice. */
  updated: z.boolean(),
});

export const MODERATION_ACTIONS = ["dismiss", "hide", "restore", "warn", "suspend"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export const actionInput = z.object({
  action: z
    .enum(MODERATION_ACTIONS)
    .describe(
      "dismiss (no action; restores what reports hid), hide, restore, warn (the reason goes to the author), suspend (the author)",
    ),
  reason: text({ min: 1, max: 2000, multiline: true }).describe(
    "Why (kept in the audit log); for warn, the message the author receives",
  ),
});
export type ActionInput = z.output<typeof actionInput>;

export const queueQuery = z.object({
  status: z.enum(CASE_STATUSES).default("open").describe("open: the queue; resolved: the history"),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type QueueQuery = z.output<typeof queueQuery>;

const personOut = z.object({ userId: z.string(), name: z.string() });

export const caseOut = z.object({
  id: z.string(),
  targetType: z.enum(REPORT_TARGETS),
  targetId: z.string(),
  status: z.enum(CASE_STATUSES),
  /** Distinct members who reported it in this round. */
  reportCount: z.number(),
  reasons: z.array(z.object({ reason: z.enum(REPORT_REASONS), count: z.number() })),
  reports: z.array(
    z.object({
      reason: z.enum(REPORT_REASONS),
      note: z.string().nullable(),
      reporter: personOut,
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
  content: z
    .object({
      title: z.string().nullable(),
      excerpt: z.string(),
      /** Where it is, under /n/<slug> (null for a message: operators do not read conversations). */
      path: z.string().nullable(),
      hidden: z.boolean(),
      createdAt: z.string(),
    })
    .nullable()
    .describe("null when it was deleted"),
  author: personOut.extend({ status: z.string().nullable() }),
  /** Hidden by the reports of this round (the threshold was reached). */
  autoHidden: z.boolean(),
  openedAt: z.string(),
  lastReportedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(CASE_RESOLUTIONS).nullable(),
  resolutionReason: z.string().nullable(),
  resolvedBy: personOut.nullable(),
  /** What operators did about it, oldest first (from the audit log). */
  history: z.array(
    z.object({ action: z.string(), reason: z.string().nullable(), actor: z.string(), at: z.string() }),
  ),
  can: z.object({
    hide: z.boolean(),
    restore: z.boolean(),
    dismiss: z.boolean(),
    warn: z.boolean(),
    suspend: z.boolean(),
  }),
});
export type CaseOut = z.infer<typeof caseOut>;

export const queueOut = z.object({
  items: z.array(caseOut),
  nextCursor: z.string().nullable(),
  /** Open cases (the badge). */
  open: z.number(),
});

export const countOut = z.object({ open: z.number() });

export const settingsIO = z.object({
  reportThreshold: z
    .number()
    .int()
    .min(1)
    .max(50)
    .describe("Distinct members whose reports hide a post or comment pending review (default 3)"),
});

const day = z.iso.date().describe("YYYY-MM-DD (Japan time)");
export const auditQuery = z.object({
  action: safeString()
    .max(100)
    .optional()
    .describe('An action ("moderation.hide"), or a family ending in ".*" ("moderation.*")'),
  from: day.optional(),
  to: day.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const auditOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      /** Who: a person's name, or the label of an API token or the system. */
      actor: z.object({ userId: z.string().nullable(), name: z.string() }),
      targetType: z.string().nullable(),
      targetId: z.string().nullable(),
      /** Why, when the action has a reason. */
      reason: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
  /** The actions this network's log has (for the filter). */
  actions: z.array(z.string()),
});
