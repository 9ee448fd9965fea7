// Opportunities (募集): rehire openings (再雇用) and 業務委託 projects (kind task or mentoring),
// posted by employees and operators, seen by the alumni their audience reaches (network, a
// segment, or invited alumni — resolved when read, as events and posts), applied to in one click.
//
// A posting carries the items Japanese recruitment information must state (rehire: the April 2024
// items, 変更の範囲 and the renewal basis of fixed-term roles among them; 業務委託: the Freelance
// Act's items), when it was last updated and last reconfirmed (the Freelance Act: accurate and
// current — unconfirmed for `reconfirm_days` it is flagged, seven days later hidden from alumni).
// Every save keeps the posting's previous content as a revision. `tsv` / `txt` are its search
// text, prepared by the directory's Japanese normalisation (never parsed by the database).
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const OPPORTUNITY_TYPES = ["rehire", "freelance"] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];
/** 業務委託 projects: a piece of work, or paid career support of employees (mentoring). */
export const OPPORTUNITY_KINDS = ["task", "mentoring"] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
export const OPPORTUNITY_AUDIENCES = ["network", "segment", "invited"] as const;
export type OpportunityAudience = (typeof OPPORTUNITY_AUDIENCES)[number];
/**
 * draft → (pending → approved | returned) → open → closed (by hand, filled, or past its date) →
 * reopened. `pending` only when the network asks operators to approve employees' postings.
 */
export const OPPORTUNITY_STATUSES = ["draft", "pending", "returned", "open", "closed"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];
export const CLOSE_REASONS = ["manual", "filled", "expired"] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const EMPLOYMENT_TYPES = ["full_time", "contract", "part_time", "other"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const REMOTE_POLICIES = ["onsite", "hybrid", "remote"] as const;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];
export const FEE_UNITS = ["hour", "day", "month", "project"] as const;
export type FeeUnit = (typeof FEE_UNITS)[number];

/** The network's rules for postings (no row: the defaults). */
export const opportunitySettings = pgTable(
  "opportunity_settings",
  {
    networkId: text("network_id")
      .primaryKey()
      .references(() => organization.id, { onDelete: "cascade" }),
    /** Employees' postings wait for an operator's approval before alumni see them. */
    approvalRequired: boolean("approval_required").notNull().default(false),
    /** The poster is asked to reconfirm every this many days; flagged then, hidden 7 days later. */
    reconfirmDays: smallint("reconfirm_days").notNull().default(14),
    /** A referral's hire earns its incentive once the member is still here this many days later. */
    referralBonusDays: smallint("referral_bonus_days").notNull().default(90),
    /** What the referrer earns, in the network's words ("紹介報奨金 10万円"); shown with referrals. */
    referralIncentive: text("referral_incentive"),
    updatedBy: text("updated_by"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("opportunity_settings_reconfirm_ck", sql`${t.reconfirmDays} between 1 and 90`),
    check("opportunity_settings_referral_days_ck", sql`${t.referralBonusDays} between 1 and 365`),
  ],
);

export const opportunity = pgTable(
  "opportunity",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    type: text("type").$type<OpportunityType>().notNull(),
    /** 業務委託 only. */
    kind: text("kind").$type<OpportunityKind>(),
    status: text("status").$type<OpportunityStatus>().notNull().default("draft"),
    closeReason: text("close_reason").$type<CloseReason>(),
    /** Why an operator returned it (approval). */
    returnReason: text("return_reason"),
    title: text("title").notNull(),
    /** The work (Markdown, rendered without raw HTML as posts are). */
    description: text("description").notNull().default(""),
    department: text("department"),
    /**
     * The department's units as keys (labelKey; "営業本部 営業企画部" → two): matched against alumni's
     * former departments (directory/fit.ts).
     */
    departmentKeys: text("department_keys").array().notNull().default(sql`'{}'::text[]`),
    /** 職種 (a profile job-type code): matched against alumni's current job type. */
    jobType: text("job_type"),
    // Rehire (再雇用): the items an employment posting must state.
    employmentType: text("employment_type").$type<EmploymentType>(),
    location: text("location"),
    remote: text("remote").$type<RemotePolicy>(),
    hours: text("hours"),
    /** Yearly salary range in yen (rehire). */
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    salaryNote: text("salary_note"),
    trialPeriod: text("trial_period"),
    /** 変更の範囲: of the duties, and of the workplace. */
    changeScopeDuties: text("change_scope_duties"),
    changeScopeWorkplace: text("change_scope_workplace"),
    /** A fixed-term contract: whether and on what basis it is renewed, and any cap. */
    fixedTerm: boolean("fixed_term").notNull().default(false),
    renewalBasis: text("renewal_basis"),
    renewalCap: text("renewal_cap"),
    // 業務委託: the Freelance Act's items.
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    expectedHours: text("expected_hours"),
    feeMin: integer("fee_min"),
    feeMax: integer("fee_max"),
    feeUnit: text("fee_unit").$type<FeeUnit>(),
    terminationTerms: text("termination_terms"),
    // Both.
    howToApply: text("how_to_apply"),
    recruiterName: text("recruiter_name"),
    recruiterContact: text("recruiter_contact"),
    /** After this moment (the end of the closing day, Japan time) it closes by itself. */
    closesAt: ts("closes_at"),
    openings: integer("openings").notNull().default(1),
    /** Applications hired or contracted (it closes when this reaches the openings). */
    filled: integer("filled").notNull().default(0),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    /** The skills as search keys (labelKey), for the skills filter. */
    skillKeys: text("skill_keys").array().notNull().default(sql`'{}'::text[]`),
    audience: text("audience").$type<OpportunityAudience>().notNull().default("network"),
    segmentId: text("segment_id"),
    tsv: tsvector("tsv").notNull().default(sql`''::tsvector`),
    txt: text("txt").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** "Last updated" (content changed, or reconfirmed as current). */
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** First went up (open). */
    publishedAt: ts("published_at"),
    /** Last confirmed accurate and current by the poster (publishing and editing count). */
    confirmedAt: ts("confirmed_at"),
    closedAt: ts("closed_at"),
  },
  (t) => [
    unique("opportunity_network_id_uq").on(t.networkId, t.id),
    // The open list, newest first (keyset on published_at, id).
    index("opportunity_list_idx").on(t.networkId, t.status, t.publishedAt.desc(), t.id.desc()),
    index("opportunity_author_idx").on(t.networkId, t.createdBy),
    index("opportunity_tsv_idx").using("gin", t.tsv),
    index("opportunity_txt_idx").using("gin", t.txt.op("gin_trgm_ops")),
    index("opportunity_skills_idx").using("gin", t.skillKeys),
    check("opportunity_type_ck", sql`${t.type} in (${inList(OPPORTUNITY_TYPES)})`),
    check(
      "opportunity_kind_ck",
      sql`(${t.type} = 'freelance' and ${t.kind} in (${inList(OPPORTUNITY_KINDS)})) or (${t.type} = 'rehire' and ${t.kind} is null)`,
    ),
    check("opportunity_status_ck", sql`${t.status} in (${inList(OPPORTUNITY_STATUSES)})`),
    check("opportunity_audience_ck", sql`${t.audience} in (${inList(OPPORTUNITY_AUDIENCES)})`),
    check("opportunity_openings_ck", sql`${t.openings} between 1 and 1000 and ${t.filled} >= 0`),
    check(
      "opportunity_salary_ck",
      sql`${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax}`,
    ),
    check(
      "opportunity_fee_ck",
      sql`${t.feeMin} is null or ${t.feeMax} is null or ${t.feeMin} <= ${t.feeMax}`,
    ),
  ],
);

/** The content of a posting before each save (who, when): its history. */
export const opportunityRevision = pgTable(
  "opportunity_revision",
  {
    networkId: text("network_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    editedBy: text("edited_by"),
    editedAt: ts("edited_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.opportunityId, t.revision] }),
    foreignKey({
      name: "opportunity_revision_fk",
      columns: [t.networkId, t.opportunityId],
      foreignColumns: [opportunity.networkId, opportunity.id],
    }).onDelete("cascade"),
  ],
);

/** Alumni invited to apply (audience `invited`): only they see the posting (with employees). */
export const opportunityInvite = pgTable(
  "opportunity_invite",
  {
    networkId: text("network_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    userId: text("user_id").notNull(),
    invitedBy: text("invited_by"),
    invitedAt: ts("invited_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.opportunityId, t.userId] }),
    index("opportunity_invite_user_idx").on(t.networkId, t.userId),
    foreignKey({
      name: "opportunity_invite_fk",
      columns: [t.networkId, t.opportunityId],
      foreignColumns: [opportunity.networkId, opportunity.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_invite_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/** Co-reviewers the poster adds (employees, operators): they see the applications' board. */
export const opportunityReviewer = pgTable(
  "opportunity_reviewer",
  {
    networkId: text("network_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    userId: text("user_id").notNull(),
    addedBy: text("added_by"),
    addedAt: ts("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.opportunityId, t.userId] }),
    index("opportunity_reviewer_user_idx").on(t.networkId, t.userId),
    foreignKey({
      name: "opportunity_reviewer_fk",
      columns: [t.networkId, t.opportunityId],
      foreignColumns: [opportunity.networkId, opportunity.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_reviewer_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/**
 * Pipeline stages: applied → screening → interview (or meeting) → offered → hired (rehire) or
 * contracted (業務委託); closing outcomes declined by us, declined by the applicant, withdrawn.
 */
export const APPLICATION_STAGES = [
  "applied",
  "screening",
  "interview",
  "offered",
  "hired",
  "contracted",
  "declined_by_us",
  "declined_by_applicant",
  "withdrawn",
] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** An uploaded file (a CV as PDF): pending until the application that uses it is sent. */
export const opportunityFile = pgTable(
  "opportunity_file",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    /** Set once an application uses it. */
    applicationId: text("application_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("opportunity_file_network_id_uq").on(t.networkId, t.id),
    index("opportunity_file_uploader_idx").on(t.networkId, t.uploadedBy, t.createdAt),
    foreignKey({
      name: "opportunity_file_member_fk",
      columns: [t.networkId, t.uploadedBy],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

export const opportunityApplication = pgTable(
  "opportunity_application",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    userId: text("user_id").notNull(),
    motivation: text("motivation").notNull(),
    /** The profile fields the applicant chose to share, as they were when applying. */
    profile: jsonb("profile").$type<Record<string, unknown>>().notNull().default({}),
    fileId: text("file_id"),
    stage: text("stage").$type<ApplicationStage>().notNull().default("applied"),
    /** The reason of a closing outcome (declined by us / by the applicant). */
    reason: text("reason"),
    createdAt: ts("created_at").notNull().defaultNow(),
    stageChangedAt: ts("stage_changed_at").notNull().defaultNow(),
  },
  (t) => [
    unique("opportunity_application_network_id_uq").on(t.networkId, t.id),
    // One live application per person and posting (a withdrawn one may be followed by a new one).
    uniqueIndex("opportunity_application_live_uq")
      .on(t.networkId, t.opportunityId, t.userId)
      .where(sql`${t.stage} <> 'withdrawn'`),
    index("opportunity_application_posting_idx").on(t.networkId, t.opportunityId, t.stage),
    index("opportunity_application_user_idx").on(t.networkId, t.userId, t.createdAt),
    check("opportunity_application_stage_ck", sql`${t.stage} in (${inList(APPLICATION_STAGES)})`),
    foreignKey({
      name: "opportunity_application_fk",
      columns: [t.networkId, t.opportunityId],
      foreignColumns: [opportunity.networkId, opportunity.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_application_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_application_file_fk",
      columns: [t.networkId, t.fileId],
      foreignColumns: [opportunityFile.networkId, opportunityFile.id],
    }),
  ],
);

/** Every stage change of an application: who, when, from, to, why. */
export const opportunityStageChange = pgTable(
  "opportunity_stage_change",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    applicationId: text("application_id").notNull(),
    fromStage: text("from_stage").$type<ApplicationStage>(),
    toStage: text("to_stage").$type<ApplicationStage>().notNull(),
    reason: text("reason"),
    actorId: text("actor_id"),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_stage_change_app_idx").on(t.networkId, t.applicationId, t.at),
    foreignKey({
      name: "opportunity_stage_change_app_fk",
      columns: [t.networkId, t.applicationId],
      foreignColumns: [opportunityApplication.networkId, opportunityApplication.id],
    }).onDelete("cascade"),
  ],
);

/** Reviewers' private notes on an application (with an optional 1–5 rating): never the applicant's. */
export const opportunityNote = pgTable(
  "opportunity_note",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    applicationId: text("application_id").notNull(),
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    rating: smallint("rating"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_note_app_idx").on(t.networkId, t.applicationId, t.createdAt),
    check("opportunity_note_rating_ck", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    foreignKey({
      name: "opportunity_note_app_fk",
      columns: [t.networkId, t.applicationId],
      foreignColumns: [opportunityApplication.networkId, opportunityApplication.id],
    }).onDelete("cascade"),
  ],
);

/** The thread between the reviewers and the applicant, on the application. */
export const opportunityMessage = pgTable(
  "opportunity_message",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    applicationId: text("application_id").notNull(),
    authorId: text("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("opportunity_message_app_idx").on(t.networkId, t.applicationId, t.createdAt),
    foreignKey({
      name: "opportunity_message_app_fk",
      columns: [t.networkId, t.applicationId],
      foreignColumns: [opportunityApplication.networkId, opportunityApplication.id],
    }).onDelete("cascade"),
  ],
);

// --- Referrals (リファラル) ------------------------------------------------------------------------

/** How the referrer knows the alumna. */
export const REFERRAL_RELATIONSHIPS = ["worked_together", "same_department", "manager", "other"] as const;
export type ReferralRelationship = (typeof REFERRAL_RELATIONSHIPS)[number];
/**
 * asked → applied (she applied: `application_id`) | declined (by her) | withdrawn (by the referrer
 * while she had not answered).
 */
export const REFERRAL_STATUSES = ["asked", "applied", "declined", "withdrawn"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * An employee (or operator) refers an alumna for a posting: why, and how they know her. She is
 * asked and decides; nothing of hers reaches the referrer but the referral's status and, once she
 * applied, the application's coarse outcome. One live referral per posting and alumna, whoever
 * refers (a withdrawn one makes room for another). The incentive's payment is recorded here.
 */
export const opportunityReferral = pgTable(
  "opportunity_referral",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    opportunityId: text("opportunity_id").notNull(),
    /** The referred alumna. */
    userId: text("user_id").notNull(),
    referrerId: text("referrer_id").notNull(),
    why: text("why").notNull(),
    relationship: text("relationship").$type<ReferralRelationship>().notNull(),
    relationshipNote: text("relationship_note"),
    status: text("status").$type<ReferralStatus>().notNull().default("asked"),
    /** Her reason for declining (optional; hers and the operators' only). */
    declineReason: text("decline_reason"),
    /** Her application, once she applied from the referral (or to its posting while asked). */
    applicationId: text("application_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** When she applied or declined, or the referrer withdrew it. */
    answeredAt: ts("answered_at"),
    incentivePaidAt: ts("incentive_paid_at"),
    incentivePaidBy: text("incentive_paid_by"),
  },
  (t) => [
    unique("opportunity_referral_network_id_uq").on(t.networkId, t.id),
    uniqueIndex("opportunity_referral_live_uq")
      .on(t.networkId, t.opportunityId, t.userId)
      .where(sql`${t.status} <> 'withdrawn'`),
    index("opportunity_referral_referrer_idx").on(t.networkId, t.referrerId, t.createdAt),
    index("opportunity_referral_user_idx").on(t.networkId, t.userId, t.createdAt),
    index("opportunity_referral_created_idx").on(t.networkId, t.createdAt),
    check("opportunity_referral_status_ck", sql`${t.status} in (${inList(REFERRAL_STATUSES)})`),
    check(
      "opportunity_referral_relationship_ck",
      sql`${t.relationship} in (${inList(REFERRAL_RELATIONSHIPS)})`,
    ),
    check(
      "opportunity_referral_applied_ck",
      sql`(${t.status} = 'applied') = (${t.applicationId} is not null)`,
    ),
    check(
      "opportunity_referral_paid_ck",
      sql`(${t.incentivePaidAt} is null) = (${t.incentivePaidBy} is null)`,
    ),
    foreignKey({
      name: "opportunity_referral_fk",
      columns: [t.networkId, t.opportunityId],
      foreignColumns: [opportunity.networkId, opportunity.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_referral_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_referral_referrer_fk",
      columns: [t.networkId, t.referrerId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    foreignKey({
      name: "opportunity_referral_application_fk",
      columns: [t.networkId, t.applicationId],
      foreignColumns: [opportunityApplication.networkId, opportunityApplication.id],
    }),
  ],
);
