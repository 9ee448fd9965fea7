import { sql } from "drizzle-orm";
import { foreignKey, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { member, organization, user } from "./auth.ts";

export type Visibility = "private" | "operators" | "members";
export type ProfileLink = { label: string; url: string };

/** A member's profile in one network (a person has one per network). */
export const profile = pgTable(
  "profile",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    /** The reading (フリガナ) of the display name; name_kana is the reading of the name while employed. */
    displayNameKana: text("display_name_kana"),
    nameWhileEmployed: text("name_while_employed"),
    nameKana: text("name_kana"),
    photoPath: text("photo_path"),
    joinYm: text("join_ym"),
    leaveYm: text("leave_ym"),
    departments: text("departments").array().notNull().default(sql`'{}'::text[]`),
    currentCompany: text("current_company"),
    industry: text("industry"),
    jobType: text("job_type"),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    location: text("location"),
    bio: text("bio"),
    links: jsonb("links").$type<ProfileLink[]>().notNull().default([]),
    openTo: text("open_to").array().notNull().default(sql`'{}'::text[]`),
    contactChannel: text("contact_channel"),
    contactHours: text("contact_hours"),
    visibility: jsonb("visibility").$type<Record<string, Visibility>>().notNull().default({}),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    /** A profile belongs to a member of this very network (docs/decisions/0004-tenancy.md). */
    foreignKey({
      name: "profile_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);
