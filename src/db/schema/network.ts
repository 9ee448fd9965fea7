import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organization, user } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Settings an operator chooses for their network; a network without a row has the defaults.
 * `registration_policy`: when a self-registration is approved without an operator
 * (docs/decisions/0002-registration-matching.md): `strict` (employee number + name, or the
 * verified email the roster has) or `lenient` (also name + join and leave months).
 * `invitation_reminder_days`: days after an invitation its reminder goes to an invitee who has not
 * accepted it (null: no reminders).
 * `accent_color`: the network's brand colour (#rrggbb) on its pages and in its mails (null: the
 * product's own); the logo is `organization.logo` (a path under DATA_DIR/uploads).
 * `business_*`: the operators' desk's business hours, response times are measured in: minutes
 * after local midnight (start < end), weekdays (0 = Sunday … 6 = Saturday), the time zone, and
 * whether Japanese public holidays are days off.
 * `report_threshold`: how many distinct members reporting a post or comment hide it pending review.
 */
export const networkSettings = pgTable(
  "network_settings",
  {
    networkId: text("network_id")
      .primaryKey()
      .references(() => organization.id, { onDelete: "cascade" }),
    registrationPolicy: text("registration_policy").notNull().default("strict"),
    invitationReminderDays: integer("invitation_reminder_days").default(7),
    accentColor: text("accent_color"),
    businessStart: smallint("business_start").notNull().default(540),
    businessEnd: smallint("business_end").notNull().default(1080),
    businessDays: smallint("business_days").array().notNull().default(sql`'{1,2,3,4,5}'`),
    businessTimeZone: text("business_time_zone").notNull().default("Asia/Tokyo"),
    businessHolidays: boolean("business_holidays").notNull().default(true),
    reportThreshold: smallint("report_threshold").notNull().default(3),
    updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("network_settings_registration_policy_ck", sql`${t.registrationPolicy} in ('strict', 'lenient')`),
    check(
      "network_settings_invitation_reminder_days_ck",
      sql`${t.invitationReminderDays} is null or ${t.invitationReminderDays} between 1 and 30`,
    ),
    check(
      "network_settings_accent_color_ck",
      sql`${t.accentColor} is null or ${t.accentColor} ~ '^#[0-9a-f]{6}$'`,
    ),
    check("network_settings_report_threshold_ck", sql`${t.reportThreshold} between 1 and 50`),
    check(
      "network_settings_business_hours_ck",
      sql`${t.businessStart} >= 0 and ${t.businessStart} < ${t.businessEnd} and ${t.businessEnd} <= 1440`,
    ),
  ],
);

/** Versioned privacy notice of a network (APPI: purposes of use). */
export const privacyNotice = pgTable(
  "privacy_notice",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    purposes: jsonb("purposes").$type<string[]>().notNull().default([]),
    createdBy: text("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("privacy_notice_network_version_uq").on(t.networkId, t.version)],
);

/** Every operator action (and sensitive system action), per network. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").references(() => organization.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => user.id, { onDelete: "set null" }),
    actorLabel: text("actor_label"), // e.g. "api-token:HR system"
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("audit_log_network_idx").on(t.networkId, t.createdAt)],
);

/** Network API tokens (HR system integration). Only a hash is stored. */
export const apiToken = pgTable(
  "api_token",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_token_network_idx").on(t.networkId)],
);
