// Moderation: members report posts, comments and direct messages (one report per member and
// item: a second one updates the first); each reported item has one case in the operators' queue.
//
// A case collects the reports of its current round: an operator's decision (dismiss, hide,
// restore) resolves it, and a later report opens the next round, counted afresh. A post or comment
// reported by the network's threshold of distinct members in one round is hidden pending review
// (post.hidden_at / post_comment.hidden_at) in the transaction of the report that reached it.
// Reports have no foreign key to what they report (three kinds of target): a case whose target
// was deleted shows it as gone.
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const REPORT_TARGETS = ["post", "comment", "message"] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
/** The fixed set of reasons: spam, harassment or abuse, personal information, off-topic or other. */
export const REPORT_REASONS = ["spam", "harassment", "personal_info", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const CASE_STATUSES = ["open", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** What resolved a case. */
export const CASE_RESOLUTIONS = ["dismissed", "hidden", "restored"] as const;
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];
export const REPORT_THRESHOLD_DEFAULT = 3;

const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const moderationCase = pgTable(
  "moderation_case",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    targetType: text("target_type").$type<ReportTarget>().notNull(),
    targetId: text("target_id").notNull(),
    /** Who wrote what was reported (warn and suspend act on them). */
    authorId: text("author_id").notNull(),
    /** Reports of this round count towards the threshold; a decision ends the round. */
    round: integer("round").notNull().default(1),
    status: text("status").$type<CaseStatus>().notNull().default("open"),
    /** When the reports of this round hid the target (null: not hidden by reports). */
    autoHiddenAt: ts("auto_hidden_at"),
    openedAt: ts("opened_at").notNull().defaultNow(),
    lastReportedAt: ts("last_reported_at").notNull().defaultNow(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: text("resolved_by"),
    resolution: text("resolution").$type<CaseResolution>(),
    /** The operator's reason for the decision. */
    resolutionReason: text("resolution_reason"),
  },
  (t) => [
    unique("moderation_case_network_id_uq").on(t.networkId, t.id),
    uniqueIndex("moderation_case_target_uq").on(t.networkId, t.targetType, t.targetId),
    index("moderation_case_queue_idx").on(t.networkId, t.status, t.lastReportedAt.desc().nullsFirst()),
    check("moderation_case_target_ck", sql`${t.targetType} in (${inList(REPORT_TARGETS)})`),
    check("moderation_case_status_ck", sql`${t.status} in (${inList(CASE_STATUSES)})`),
    check(
      "moderation_case_resolution_ck",
      sql`${t.resolution} is null or ${t.resolution} in (${inList(CASE_RESOLUTIONS)})`,
    ),
  ],
);

export const report = pgTable(
  "report",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    caseId: text("case_id").notNull(),
    targetType: text("target_type").$type<ReportTarget>().notNull(),
    targetId: text("target_id").notNull(),
    reporterId: text("reporter_id").notNull(),
    /** The case's round this report (or its latest update) belongs to. */
    round: integer("round").notNull(),
    reason: text("reason").$type<ReportReason>().notNull(),
    note: text("note"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_once_uq").on(t.networkId, t.targetType, t.targetId, t.reporterId),
    index("report_case_idx").on(t.networkId, t.caseId, t.round),
    foreignKey({
      name: "report_case_fk",
      columns: [t.networkId, t.caseId],
      foreignColumns: [moderationCase.networkId, moderationCase.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "report_reporter_fk",
      columns: [t.networkId, t.reporterId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("report_target_ck", sql`${t.targetType} in (${inList(REPORT_TARGETS)})`),
    check("report_reason_ck", sql`${t.reason} in (${inList(REPORT_REASONS)})`),
  ],
);
