// Tables used by better-auth (core + organization and two-factor plugins). A network is a better-auth
// "organization". Extra columns (with defaults) are ours; better-auth ignores them.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
// A cycle (membership.ts imports organization and user from here) that is safe: both sides only
// read the other's tables inside callbacks that drizzle calls after every module has loaded.
import { rosterEntry } from "./membership.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  // ours
  platformAdmin: boolean("platform_admin").notNull().default(false),
  locale: text("locale").notNull().default("ja"),
  // two-factor plugin: set once a TOTP code has been verified (operators and admins must have it)
  twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
});

/**
 * The two-factor plugin's secret per user: the TOTP secret and the backup codes, both encrypted
 * with the auth secret. `verified` stays false until the first code is checked (setup).
 */
export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: ts("locked_until"),
  },
  (t) => [uniqueIndex("two_factor_user_uq").on(t.userId)],
);

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: ts("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    activeOrganizationId: text("active_organization_id"),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: ts("access_token_expires_at"),
    refreshTokenExpiresAt: ts("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: ts("expires_at").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

/** A network (tenant). */
export const organization = pgTable("organization", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  logo: text("logo"),
  createdAt: ts("created_at").notNull().defaultNow(),
  metadata: text("metadata"),
  // ours
  status: text("status").notNull().default("active"), // active | suspended
  /**
   * Raised by every change to the network's directory rows (modules/directory/sync.ts), in the
   * same transaction: cached directory pages of an older version are never served.
   */
  directoryVersion: bigint("directory_version", { mode: "number" }).notNull().default(0),
  /**
   * Raised by every change to what the network's feed shows (a post written, edited, deleted,
   * pinned or hidden; a comment; a reaction), in the same transaction (modules/feed/cache.ts):
   * cached feed pages of an older version are never served.
   */
  feedVersion: bigint("feed_version", { mode: "number" }).notNull().default(0),
});

/**
 * A person's role in a network. Only verified people have a member row. Rows of the network about
 * a member (profile, directory rows, survey answer) reference it by (organization_id, user_id):
 * `member_org_user_uq` (docs/decisions/0004-tenancy.md).
 */
export const member = pgTable(
  "member",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role").notNull().default("alumni"), // operator | employee | alumni
    createdAt: ts("created_at").notNull().defaultNow(),
    // ours
    status: text("status").notNull().default("active"), // active | suspended
    verifiedVia: text("verified_via"), // setup | roster_match | operator_approval | invitation | operator_added
    verifiedBy: text("verified_by"),
    verifiedAt: ts("verified_at"),
    lastActiveAt: ts("last_active_at"),
    rosterEntryId: text("roster_entry_id"),
    /** An alumni supporter (アルムナイサポーター) since, named by an operator (supporter_by). */
    supporterAt: ts("supporter_at"),
    supporterBy: text("supporter_by"),
  },
  (t) => [
    uniqueIndex("member_org_user_uq").on(t.organizationId, t.userId),
    index("member_user_idx").on(t.userId),
    // The roster row must be one of this network's (ON DELETE SET NULL ("roster_entry_id") in the
    // migration: the network id stays).
    foreignKey({
      name: "member_roster_entry_fk",
      columns: [t.organizationId, t.rosterEntryId],
      foreignColumns: [rosterEntry.networkId, rosterEntry.id],
    }).onDelete("set null"),
    index("member_roster_entry_idx")
      .on(t.organizationId, t.rosterEntryId)
      .where(sql`${t.rosterEntryId} is not null`),
  ],
);

export const invitation = pgTable("invitation", {
  id: text("id").primaryKey(),
  organizationId: text("organization_id")
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  role: text("role"),
  status: text("status").notNull().default("pending"),
  expiresAt: ts("expires_at").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  inviterId: text("inviter_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
});

/** better-auth rate-limit storage ("database"), shared by every process. */
export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

export const nowSql = sql`now()`;
