// Opportunities: inputs and outputs. A draft may be incomplete; publishing checks that every item
// the posting's type must state is there (service.ts `missingItems`), with stable codes.
import { z } from "zod";
import {
  APPLICATION_STAGES,
  CLOSE_REASONS,
  EMPLOYMENT_TYPES,
  FEE_UNITS,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  REFERRAL_RELATIONSHIPS,
  REFERRAL_STATUSES,
  REMOTE_POLICIES,
} from "../../db/schema/opportunities.ts";
import { csvEncodingParam } from "../../shared/csv-export.ts";
import { JOB_TYPES, OPEN_TO } from "../../shared/profile.ts";
import { idParam, slugParam, text } from "../../shared/text-schema.ts";
import { directoryCard } from "../directory/index.ts";

export const slugParams = z.object({ slug: slugParam });
export const opportunityParams = z.object({ slug: slugParam, id: idParam });
export const applicationParams = z.object({ slug: slugParam, id: idParam });
export const reviewerParams = z.object({ slug: slugParam, id: idParam, userId: idParam });

const day = z.iso.date().describe("YYYY-MM-DD (Japan)");
const yen = z.number().int().min(0).max(1_000_000_000);
const short = (max = 200) => text({ max }).nullable();
const long = (max = 2_000) => text({ max, multiline: true }).nullable();

export const SKILLS_MAX = 20;
export const INVITEES_MAX = 200;
export const MOTIVATION_MAX = 2_000;

export const opportunityAudienceInput = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("network") }),
    z.object({ type: z.literal("segment"), segmentId: idParam }),
    z.object({
      type: z.literal("invited"),
      userIds: z.array(idParam).min(1).max(INVITEES_MAX).describe("Alumni invited to apply"),
    }),
  ])
  .describe("Who may see and apply: the whole network, a segment's members (operators), invited alumni");

/** The content of a posting (every field of both types; the type decides which must be filled). */
const content = {
  title: text({ min: 1, max: 120 }),
  description: text({ max: 10_000, multiline: true }).describe("The work (Markdown)"),
  department: short(),
  jobType: z
    .enum(JOB_TYPES)
    .nullable()
    .describe("職種 (a profile job-type code): used to find matching alumni"),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable(),
  location: short(),
  remote: z.enum(REMOTE_POLICIES).nullable(),
  hours: long(500),
  salaryMin: yen.nullable().describe("Yearly, in yen"),
  salaryMax: yen.nullable(),
  salaryNote: long(500),
  trialPeriod: long(500),
  changeScopeDuties: long(1_000).describe("変更の範囲 (duties)"),
  changeScopeWorkplace: long(1_000).describe("変更の範囲 (workplace)"),
  fixedTerm: z.boolean(),
  renewalBasis: long(1_000).describe("Fixed-term: whether and on what basis it is renewed"),
  renewalCap: long(500).describe("Fixed-term: any cap on renewals or total term"),
  periodStart: day.nullable(),
  periodEnd: day.nullable(),
  expectedHours: long(500),
  feeMin: yen.nullable(),
  feeMax: yen.nullable(),
  feeUnit: z.enum(FEE_UNITS).nullable(),
  terminationTerms: long(1_000),
  howToApply: long(1_000),
  recruiterName: short(),
  recruiterContact: short(300),
  closesOn: day.nullable().describe("The last day to apply (Japan); it closes by itself after it"),
  openings: z.number().int().min(1).max(1_000),
  skills: z.array(text({ min: 1, max: 60 })).max(SKILLS_MAX),
  audience: opportunityAudienceInput,
};

export const opportunityInput = z.object({
  type: z.enum(OPPORTUNITY_TYPES),
  kind: z.enum(OPPORTUNITY_KINDS).nullable().default(null).describe("業務委託: task or mentoring"),
  ...content,
  description: content.description.default(""),
  department: content.department.default(null),
  jobType: content.jobType.default(null),
  employmentType: content.employmentType.default(null),
  location: content.location.default(null),
  remote: content.remote.default(null),
  hours: content.hours.default(null),
  salaryMin: content.salaryMin.default(null),
  salaryMax: content.salaryMax.default(null),
  salaryNote: content.salaryNote.default(null),
  trialPeriod: content.trialPeriod.default(null),
  changeScopeDuties: content.changeScopeDuties.default(null),
  changeScopeWorkplace: content.changeScopeWorkplace.default(null),
  fixedTerm: content.fixedTerm.default(false),
  renewalBasis: content.renewalBasis.default(null),
  renewalCap: content.renewalCap.default(null),
  periodStart: content.periodStart.default(null),
  periodEnd: content.periodEnd.default(null),
  expectedHours: content.expectedHours.default(null),
  feeMin: content.feeMin.default(null),
  feeMax: content.feeMax.default(null),
  feeUnit: content.feeUnit.default(null),
  terminationTerms: content.terminationTerms.default(null),
  howToApply: content.howToApply.default(null),
  recruiterName: content.recruiterName.default(null),
  recruiterContact: content.recruiterContact.default(null),
  closesOn: content.closesOn.default(null),
  openings: content.openings.default(1),
  skills: content.skills.default([]),
  audience: content.audience.default({ type: "network" }),
  publish: z.boolean().default(false).describe("Publish now (or ask for approval); false: a draft"),
});
export type OpportunityInput = z.output<typeof opportunityInput>;

export const opportunityPatch = z
  .object(
    Object.fromEntries(Object.entries(content).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof content]: z.ZodOptional<(typeof content)[K]>;
    },
  )
  .extend({ kind: z.enum(OPPORTUNITY_KINDS).nullable().optional() })
  .strict();
export type OpportunityPatch = z.output<typeof opportunityPatch>;

export const returnInput = z.object({ reason: text({ min: 1, max: 1_000, multiline: true }) });
export const settingsInput = z.object({
  approvalRequired: z.boolean(),
  reconfirmDays: z.number().int().min(1).max(90),
  // Referrals; left out: kept as they are.
  referralBonusDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe("Referrals: days after the hire until the incentive is due (default 90)"),
  referralIncentive: text({ max: 200 })
    .nullable()
    .optional()
    .describe("Referrals: what the referrer earns (「紹介報奨金 10万円」)"),
});
export type SettingsInput = z.output<typeof settingsInput>;
export const settingsOut = settingsInput.extend({
  referralBonusDays: z.number(),
  referralIncentive: z.string().nullable(),
});

export const opportunityListQuery = z.object({
  sort: z
    .enum(["recent", "fit"])
    .default("recent")
    .describe(
      "recent: newest first; fit: alumni only, the postings that fit my profile best first (おすすめ)",
    ),
  scope: z
    .enum(["open", "mine"])
    .default("open")
    .describe("open: postings open to me; mine: postings I made (any status)"),
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  remote: z.enum(REMOTE_POLICIES).optional(),
  feeMin: z.coerce.number().int().min(0).max(1_000_000_000).optional().describe("Fee at least (業務委託)"),
  feeMax: z.coerce.number().int().min(0).max(1_000_000_000).optional().describe("Fee at most (業務委託)"),
  skill: z
    .union([text({ min: 1, max: 60 }), z.array(text({ min: 1, max: 60 })).max(10)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  q: text({ max: 200 }).optional(),
  cursor: text({ max: 500 }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type OpportunityListQuery = z.output<typeof opportunityListQuery>;

export const opportunityAdminQuery = z.object({
  status: z
    .enum(OPPORTUNITY_STATUSES)
    .optional()
    .describe("Only postings in this status (pending: awaiting approval)"),
  cursor: text({ max: 500 }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type OpportunityAdminQuery = z.output<typeof opportunityAdminQuery>;

export const matchReason = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("skills"), labels: z.array(z.string()) }),
    z.object({ kind: z.literal("department"), label: z.string() }),
    z.object({ kind: z.literal("jobType"), code: z.enum(JOB_TYPES) }),
    z.object({ kind: z.literal("openTo"), code: z.enum(OPEN_TO) }),
    z.object({ kind: z.literal("location"), label: z.string() }),
    z.object({ kind: z.literal("tenure"), years: z.number() }),
  ])
  .describe(
    "Why a candidate (or a posting) fits: shared skills, former department, job type, interest, place, years at the company",
  );

const person = z.object({ userId: z.string(), name: z.string() });

export const opportunityOut = z.object({
  id: z.string(),
  type: z.enum(OPPORTUNITY_TYPES),
  kind: z.enum(OPPORTUNITY_KINDS).nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  returnReason: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  department: z.string().nullable(),
  jobType: z.enum(JOB_TYPES).nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable(),
  location: z.string().nullable(),
  remote: z.enum(REMOTE_POLICIES).nullable(),
  hours: z.string().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryNote: z.string().nullable(),
  trialPeriod: z.string().nullable(),
  changeScopeDuties: z.string().nullable(),
  changeScopeWorkplace: z.string().nullable(),
  fixedTerm: z.boolean(),
  renewalBasis: z.string().nullable(),
  renewalCap: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  expectedHours: z.string().nullable(),
  feeMin: z.number().nullable(),
  feeMax: z.number().nullable(),
  feeUnit: z.enum(FEE_UNITS).nullable(),
  terminationTerms: z.string().nullable(),
  howToApply: z.string().nullable(),
  recruiterName: z.string().nullable(),
  recruiterContact: z.string().nullable(),
  closesOn: z.string().nullable(),
  openings: z.number(),
  filled: z.number(),
  skills: z.array(z.string()),
  audience: z.object({
    type: z.enum(["network", "segment", "invited"]),
    segmentId: z.string().nullable(),
    segmentName: z.string().nullable(),
    /** Managers only. */
    invited: z.array(person).nullable(),
  }),
  postedBy: person,
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string().describe("Last updated (content changed or reconfirmed)"),
  publishedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Not reconfirmed for the network's reconfirm days: flagged (hidden from alumni 7 days later). */
  stale: z.boolean(),
  hiddenAsStale: z.boolean(),
  /** The viewer manages it (edit, close…) / reviews its applications. */
  manage: z.boolean(),
  review: z.boolean(),
  /** The viewer's live application, if any. */
  myApplication: z.object({ id: z.string(), stage: z.enum(APPLICATION_STAGES) }).nullable(),
  /** Live applications (reviewers only). */
  applications: z.number().nullable(),
  /** How well it fits the viewer's profile, with why (the "fit" sort only). */
  fit: z.object({ score: z.number(), reasons: z.array(matchReason) }).nullable(),
});
export type OpportunityOut = z.output<typeof opportunityOut>;

// --- Matching -------------------------------------------------------------------------------------

export const matchesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MatchesQuery = z.output<typeof matchesQuery>;

export const matchesOut = z.object({
  items: z.array(
    z.object({
      card: directoryCard,
      score: z.number(),
      reasons: z.array(matchReason),
      /** When she can be reached (連絡可能な時間帯), if the viewer may see it. */
      contactHours: z.string().nullable(),
      invited: z.boolean(),
      applied: z.boolean(),
    }),
  ),
  /** What the posting is matched on (an empty list: fill skills, department or job type). */
  wishes: z.object({
    skills: z.array(z.string()),
    department: z.string().nullable(),
    jobType: z.enum(JOB_TYPES).nullable(),
    workplace: z.string().nullable(),
  }),
});
export type MatchesOut = z.output<typeof matchesOut>;

export const inviteInput = z.object({
  userIds: z
    .array(idParam)
    .min(1)
    .max(50)
    .describe("Alumni invited to apply (each must have opted in to offers of this type)"),
});
export const inviteOut = z.object({ invited: z.array(z.string()), alreadyInvited: z.array(z.string()) });

export const opportunityListOut = z.object({
  items: z.array(opportunityOut),
  nextCursor: z.string().nullable(),
});

export const revisionListOut = z.object({
  items: z.array(
    z.object({
      revision: z.number(),
      editedAt: z.string(),
      editedBy: person.nullable(),
      content: z.record(z.string(), z.unknown()),
    }),
  ),
});

// --- Applications ---------------------------------------------------------------------------------

/** Profile fields an applicant may choose to share with the recruiter (a snapshot when applying). */
export const SHAREABLE_FIELDS = [
  "email",
  "departments",
  "joinYm",
  "leaveYm",
  "currentCompany",
  "industry",
  "jobType",
  "skills",
  "location",
  "bio",
  "links",
  "contactHours",
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const applyInput = z.object({
  motivation: text({ min: 1, max: MOTIVATION_MAX, multiline: true }).describe("Why you apply (required)"),
  fileId: idParam.nullable().default(null).describe("A PDF uploaded with POST …/opportunities/uploads"),
  share: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).default([]),
});
export type ApplyInput = z.output<typeof applyInput>;

export const stageInput = z.object({
  stage: z.enum(APPLICATION_STAGES),
  reason: text({ max: 1_000, multiline: true }).nullable().default(null).describe("Required for a decline"),
});
export const withdrawInput = z.object({
  reason: text({ max: 1_000, multiline: true }).nullable().default(null),
});
export const noteInput = z.object({
  body: text({ min: 1, max: 2_000, multiline: true }),
  rating: z.number().int().min(1).max(5).nullable().default(null),
});
export const messageInput = z.object({ body: text({ min: 1, max: 2_000, multiline: true }) });

export const uploadOut = z.object({ id: z.string(), name: z.string(), size: z.number() });

const stageOut = z.enum(APPLICATION_STAGES);
export const applicationOut = z.object({
  id: z.string(),
  opportunity: z.object({
    id: z.string(),
    title: z.string(),
    type: z.enum(OPPORTUNITY_TYPES),
    kind: z.enum(OPPORTUNITY_KINDS).nullable(),
    status: z.enum(OPPORTUNITY_STATUSES),
  }),
  applicant: person,
  motivation: z.string(),
  file: z.object({ name: z.string(), size: z.number() }).nullable(),
  profile: z.record(z.string(), z.unknown()),
  stage: stageOut,
  /** The applicant's own reason (withdrawn, declined by her); reviewers also see theirs. */
  reason: z.string().nullable(),
  createdAt: z.string(),
  stageChangedAt: z.string(),
  history: z.array(
    z.object({ from: stageOut.nullable(), to: stageOut, at: z.string(), by: person.nullable() }),
  ),
  messages: z.array(
    z.object({ id: z.string(), author: person, body: z.string(), createdAt: z.string(), mine: z.boolean() }),
  ),
  /** Reviewers only (never the applicant). */
  notes: z
    .array(
      z.object({
        id: z.string(),
        author: person,
        body: z.string(),
        rating: z.number().nullable(),
        createdAt: z.string(),
      }),
    )
    .nullable(),
  review: z.boolean(),
  /** The stages the viewer may move it to now. */
  next: z.array(stageOut),
});
export type ApplicationOut = z.output<typeof applicationOut>;

export const myApplicationsOut = z.object({
  items: z.array(applicationOut.omit({ notes: true, history: true, messages: true })),
});

export const boardOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      applicant: person,
      stage: stageOut,
      createdAt: z.string(),
      stageChangedAt: z.string(),
      rating: z.number().nullable().describe("The reviewers' average rating"),
      notes: z.number(),
    }),
  ),
  reviewers: z.array(person),
});

// --- Referrals (リファラル) ------------------------------------------------------------------------
// Kept together at the end of the file (referrals.ts is their service).

export const REFERRAL_WHY_MAX = 1_000;
/** What the referrer learns of the application she made: never more than this. */
export const REFERRAL_OUTCOMES = ["in_progress", "hired", "not_selected", "withdrawn"] as const;

export const referralParams = z.object({ slug: slugParam, id: idParam });

export const referralInput = z.object({
  userId: idParam.describe("The alumna referred (picked from the members I can see)"),
  why: text({ min: 1, max: REFERRAL_WHY_MAX, multiline: true }).describe("Why she fits (required)"),
  relationship: z.enum(REFERRAL_RELATIONSHIPS).describe("How I know her"),
  relationshipNote: text({ max: 200 }).nullable().default(null),
});
export type ReferralInput = z.output<typeof referralInput>;

export const referralDeclineInput = z.object({
  reason: text({ max: 1_000, multiline: true }).nullable().default(null).describe("Optional; hers only"),
});

export const referralListQuery = z.object({
  opportunityId: idParam.optional().describe("Only the referrals for this posting"),
});

const period = z.iso.date().describe("YYYY-MM-DD (Japan)");
export const referralReportQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  type: z.enum(OPPORTUNITY_TYPES).optional().describe("The posting's type"),
  from: period.optional().describe("Referred on or after this day"),
  to: period.optional().describe("Referred on or before this day"),
});
export type ReferralReportQuery = z.output<typeof referralReportQuery>;
export const referralExportQuery = referralReportQuery.extend({ encoding: csvEncodingParam });

export const referralOut = z.object({
  id: z.string(),
  opportunity: z.object({
    id: z.string(),
    title: z.string(),
    type: z.enum(OPPORTUNITY_TYPES),
    kind: z.enum(OPPORTUNITY_KINDS).nullable(),
    status: z.enum(OPPORTUNITY_STATUSES),
  }),
  alumna: person,
  referrer: person,
  why: z.string(),
  relationship: z.enum(REFERRAL_RELATIONSHIPS),
  relationshipNote: z.string().nullable(),
  status: z.enum(REFERRAL_STATUSES),
  /** Her reason for declining: herself and the operators only. */
  declineReason: z.string().nullable(),
  /** The application's coarse outcome once she applied (never its notes, ratings or thread). */
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  /** Her application: herself (and operators, who review every posting) only. */
  applicationId: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  /** Hired or contracted: when the incentive is due and whether it is (the referrer and operators). */
  incentive: z
    .object({
      hiredAt: z.string(),
      eligibleAt: z.string(),
      eligible: z.boolean(),
      paidAt: z.string().nullable(),
      paidBy: person.nullable(),
    })
    .nullable(),
  /** What the viewer may do now. */
  canAnswer: z.boolean(),
  canWithdraw: z.boolean(),
  canMarkPaid: z.boolean(),
});
export type ReferralOut = z.output<typeof referralOut>;

export const referralListOut = z.object({
  items: z.array(referralOut),
  /** The network's incentive, in its words, and its waiting days. */
  incentive: z.object({ text: z.string().nullable(), days: z.number() }),
});

export const referralReportOut = referralListOut.extend({
  totals: z.object({
    all: z.number(),
    byStatus: z.record(z.enum(REFERRAL_STATUSES), z.number()),
    byOutcome: z.record(z.enum(REFERRAL_OUTCOMES), z.number()),
    eligible: z.number().describe("Eligible for the incentive and not paid yet"),
    paid: z.number(),
  }),
  truncated: z.boolean().describe("More referrals match than the report lists (1,000)"),
});
