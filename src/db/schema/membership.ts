// Roster, invitations, self-registration, consent and the welcome survey.
//
// Tenancy (docs/decisions/0004-tenancy.md): a reference from one network's row to another row of
// a network carries the network id (composite foreign key), so it can only point into the same
// network. Optional references are cleared with `ON DELETE SET NULL (column)` in the migration
// (drizzle declares "set null"; the column list keeps network_id, which is NOT NULL).
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization, user } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const networkId = () =>
  text("network_id")
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" });

/** Former employees as exported from the HR system. */
export const rosterEntry = pgTable(
  "roster_entry",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    employeeNumber: text("employee_number").notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    /** NFKC, no spaces, lower case: used for matching. */
    nameKey: text("name_key").notNull(),
    kanaKey: text("kana_key"),
    joinDate: date("join_date").notNull(),
    leaveDate: date("leave_date").notNull(),
    department: text("department"),
    email: text("email"),
    linkedUserId: text("linked_user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    /** What other rows of the network reference (network_id, roster_entry_id). */
    unique("roster_entry_network_id_uq").on(t.networkId, t.id),
    uniqueIndex("roster_network_empno_uq").on(t.networkId, t.employeeNumber),
    index("roster_network_namekey_idx").on(t.networkId, t.nameKey),
    index("roster_network_kanakey_idx").on(t.networkId, t.kanaKey),
  ],
);

export const rosterImport = pgTable(
  "roster_import",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    filename: text("filename"),
    encoding: text("encoding").notNull(),
    rowCount: integer("row_count").notNull(),
    created: integer("created").notNull(),
    updated: integer("updated").notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("roster_import_network_idx").on(t.networkId, t.createdAt)],
);

/** Single-use invitation link sent to a leaver. Only the token hash is stored. */
export const networkInvitation = pgTable(
  "network_invitation",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    rosterEntryId: text("roster_entry_id"),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role").notNull().default("alumni"),
    locale: text("locale").notNull().default("ja"),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdVia: text("created_via").notNull().default("operator"), // operator | api
    /** The operators' own words in the mail (and its reminder), as written. */
    message: text("message"),
    /** When the reminder mail was queued (at most one per invitation). */
    remindedAt: ts("reminded_at"),
    acceptedAt: ts("accepted_at"),
    acceptedBy: text("accepted_by").references(() => user.id, { onDelete: "set null" }),
    revokedAt: ts("revoked_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("network_invitation_network_idx").on(t.networkId, t.createdAt),
    foreignKey({
      name: "network_invitation_roster_entry_fk",
      columns: [t.networkId, t.rosterEntryId],
      foreignColumns: [rosterEntry.networkId, rosterEntry.id],
    }).onDelete("set null"),
    index("network_invitation_roster_entry_idx")
      .on(t.networkId, t.rosterEntryId)
      .where(sql`${t.rosterEntryId} is not null`),
  ],
);

/** A self-registration request (在籍確認). */
export const registration = pgTable(
  "registration",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    nameKana: text("name_kana"),
    joinYm: text("join_ym").notNull(), // YYYY-MM
    leaveYm: text("leave_ym").notNull(),
    department: text("department"),
    employeeNumber: text("employee_number"),
    status: text("status").notNull().default("pending"), // pending | approved | rejected
    matchedRosterEntryId: text("matched_roster_entry_id"),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decidedAt: ts("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("registration_network_status_idx").on(t.networkId, t.status, t.createdAt),
    index("registration_user_idx").on(t.userId),
    foreignKey({
      name: "registration_matched_roster_entry_fk",
      columns: [t.networkId, t.matchedRosterEntryId],
      foreignColumns: [rosterEntry.networkId, rosterEntry.id],
    }).onDelete("set null"),
    index("registration_matched_roster_entry_idx")
      .on(t.networkId, t.matchedRosterEntryId)
      .where(sql`${t.matchedRosterEntryId} is not null`),
  ],
);

/** Registration attempts, for rate limiting (kept in the database so it holds across processes). */
export const registrationAttempt = pgTable(
  "registration_attempt",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    userId: text("user_id"),
    ipHash: text("ip_hash"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("registration_attempt_user_idx").on(t.userId, t.createdAt),
    index("registration_attempt_ip_idx").on(t.ipHash, t.createdAt),
  ],
);

/**
 * Current consent of a person towards a network: a member's, or a self-registrant's still waiting
 * for review (so it references the user and the network, not a member row).
 */
export const memberConsent = pgTable(
  "member_consent",
  {
    networkId: networkId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    noticeVersion: integer("notice_version").notNull(),
    acceptedAt: ts("accepted_at").notNull().defaultNow(),
    directory: boolean("directory").notNull().default(false),
    rehire: boolean("rehire").notNull().default(false),
    freelance: boolean("freelance").notNull().default(false),
    events: boolean("events").notNull().default(false),
    surveys: boolean("surveys").notNull().default(false),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] })],
);

/** History of consent changes (who accepted which notice version, what changed, when). */
export const consentLog = pgTable(
  "consent_log",
  {
    id: text("id").primaryKey(),
    networkId: networkId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    noticeVersion: integer("notice_version").notNull(),
    change: jsonb("change").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("consent_log_member_idx").on(t.networkId, t.userId, t.createdAt)],
);

export const welcomeSurveyResponse = pgTable(
  "welcome_survey_response",
  {
    networkId: networkId(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    joinedYear: integer("joined_year"),
    industry: text("industry"),
    jobType: text("job_type"),
    interests: text("interests").array().notNull().default(sql`'{}'::text[]`),
    interestOther: text("interest_other"),
    comment: text("comment"),
    submittedAt: ts("submitted_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    /** Only members answer: the answer belongs to a member of this network. */
    foreignKey({
      name: "welcome_survey_response_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);
