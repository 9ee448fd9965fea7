// The operators' desk: inputs and outputs of inquiries, replies, saved replies and business hours.
import { z } from "zod";
import { cursorParam, idParam, safeString, slugParam, text } from "../../shared/text-schema.ts";

export const INQUIRY_CATEGORIES = ["general", "rehire", "freelance", "document"] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];
/** 退職証明書, 源泉徴収票, 年金・雇用保険の書類. */
export const DOCUMENT_KINDS = ["separation_certificate", "withholding_slip", "pension_insurance"] as const;
export const INQUIRY_STATUSES = ["open", "answered", "closed"] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** Files a message may carry, and the largest one. */
export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const slugParams = z.object({ slug: slugParam });
export const inquiryParams = z.object({ slug: slugParam, id: idParam });
export const attachmentParams = z.object({ slug: slugParam, id: idParam, attachmentId: idParam });
export const savedReplyParams = z.object({ slug: slugParam, id: idParam });

const body = text({ min: 1, max: 10_000, multiline: true }).describe("The message (plain text)");
const attachmentIds = z
  .array(idParam)
  .max(MAX_ATTACHMENTS)
  .default([])
  .describe("Ids of files uploaded with POST /n/{slug}/inquiries/attachments (at most 5)");

export const openInquiryInput = z.object({
  category: z.enum(INQUIRY_CATEGORIES),
  documentKind: z
    .enum(DOCUMENT_KINDS)
    .nullish()
    .describe("Which document, for category `document` (required there, ignored otherwise)"),
  subject: text({ min: 1, max: 200 }),
  body,
  attachmentIds,
});
export type OpenInquiryInput = z.output<typeof openInquiryInput>;

export const messageInput = z.object({ body, attachmentIds });
export type MessageInput = z.output<typeof messageInput>;

export const replyInput = messageInput.extend({
  status: z
    .enum(["answered", "closed"])
    .default("answered")
    .describe("The inquiry's status after the reply: answered (default) or closed"),
});
export type ReplyInput = z.output<typeof replyInput>;

export const statusInput = z.object({ status: z.enum(INQUIRY_STATUSES) });
export const assigneeInput = z.object({
  assigneeId: idParam.nullable().describe("An operator of the network, or null to unassign"),
});

export const inboxQuery = z.object({
  status: z.enum(INQUIRY_STATUSES).optional(),
  category: z.enum(INQUIRY_CATEGORIES).optional(),
  assignee: z.enum(["me", "unassigned", "any"]).default("any"),
  q: safeString().max(200).optional().describe("Words in the subject or the messages"),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const mineQuery = z.object({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const person = z.object({ userId: z.string(), name: z.string() }).nullable();

export const attachmentOut = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
});

export const messageOut = z.object({
  id: z.string(),
  authorRole: z.enum(["member", "operator"]),
  author: person,
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(attachmentOut),
});

const responseOut = z.object({
  firstMinutes: z.number().nullable().describe("Business minutes from opening to the first reply"),
  nextMinutes: z.array(z.number()).describe("Business minutes of each follow-up's wait for its reply"),
  waitingMinutes: z.number().nullable().describe("While open: business minutes the member has been waiting"),
});

export const inquirySummaryOut = z.object({
  id: z.string(),
  category: z.enum(INQUIRY_CATEGORIES),
  documentKind: z.enum(DOCUMENT_KINDS).nullable(),
  subject: z.string(),
  status: z.enum(INQUIRY_STATUSES),
  openedBy: person,
  assignee: person,
  waitingSince: z.string().nullable(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  messageCount: z.number(),
  response: responseOut.nullable().describe("Operators only"),
});
export type InquirySummary = z.infer<typeof inquirySummaryOut>;

export const inquiryListOut = z.object({
  items: z.array(inquirySummaryOut),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const inquiryThreadOut = inquirySummaryOut.extend({
  messages: z.array(messageOut),
  canReply: z.boolean().describe("The viewer answers as an operator"),
});
export type InquiryThread = z.infer<typeof inquiryThreadOut>;

export const deskStatsOut = z.object({
  days: z.number(),
  medianFirstMinutes: z.number().nullable(),
  medianNextMinutes: z.number().nullable(),
  firstCount: z.number(),
  nextCount: z.number(),
  open: z.number(),
  unassigned: z.number(),
});

export const savedReplyInput = z.object({
  title: text({ min: 1, max: 100 }),
  body: text({ min: 1, max: 10_000, multiline: true }),
});
export type SavedReplyInput = z.output<typeof savedReplyInput>;
export const savedReplyOut = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});
export const savedReplyListOut = z.object({ items: z.array(savedReplyOut) });

/** Time zones offered for business hours (the holiday calendar is Japan's either way). */
export const BUSINESS_TIME_ZONES = [
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Shanghai",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Bangkok",
  "Asia/Kolkata",
  "Europe/London",
  "Europe/Paris",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
] as const;
const clock = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/)
  .describe("HH:MM, 00:00–24:00");

export const businessHoursInput = z.object({
  start: clock,
  end: clock.describe("HH:MM, after start"),
  days: z
    .array(z.number().int().min(0).max(6))
    .min(1)
    .max(7)
    .describe("Working weekdays, 0 = Sunday … 6 = Saturday"),
  timeZone: z.enum(BUSINESS_TIME_ZONES),
  holidays: z.boolean().describe("Japanese public holidays are days off"),
});
export type BusinessHoursInput = z.infer<typeof businessHoursInput>;
export const businessHoursOut = businessHoursInput;
