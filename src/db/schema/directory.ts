// The member directory's search index and the operators' saved segments.
//
// directory_entry holds, per member and per audience, exactly what that audience may see: the
// "members" row exists only for active members listed in the directory (consent given) and carries
// only fields shown to all members; the "operators" row exists for every active member and carries
// fields shown to operators. Searches, filters, counts and suggestions read one audience's rows, so
// a hidden value cannot match, be counted or be suggested: it is not there. The rows are derived
// from profile + member + consent by src/modules/directory/sync.ts in the same transaction as
// every change to those.
//
// directory_entry is partitioned by audience (migration 0005; drizzle does not declare partitions):
// each audience's rows get their own statistics, so the planner knows, say, how rare "open to
// freelance" is among what members may see, and scans only that audience's rows.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization, user } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export type DirectoryAudience = "members" | "operators";

export const directoryEntry = pgTable(
  "directory_entry",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    audience: text("audience").$type<DirectoryAudience>().notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    /** Reading (kana folded to hiragana) or name: the 名前順 sort key. */
    nameSort: text("name_sort").notNull(),
    /** When the person became a member (the "recently joined" sort). */
    memberSince: ts("member_since").notNull(),
    joinYear: integer("join_year"),
    departments: text("departments").array().notNull().default(sql`'{}'::text[]`),
    industry: text("industry"),
    jobType: text("job_type"),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    location: text("location"),
    openTo: text("open_to").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Opted in to rehire / freelance offers (member_consent): matching filters on it in the row's
     * own scan. Never shown: only who may be offered work is decided with it.
     */
    offerRehire: boolean("offer_rehire").notNull().default(false),
    offerFreelance: boolean("offer_freelance").notNull().default(false),
    /** Weighted lexemes (A names, B skills/job/departments, C company/industry/place, D bio). */
    tsv: tsvector("tsv").notNull(),
    /** Normalised visible text, for substring search through pg_trgm. */
    txt: text("txt").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.audience, t.userId] }),
    index("directory_entry_name_idx").on(t.networkId, t.audience, t.nameSort, t.userId),
    index("directory_entry_recent_idx").on(t.networkId, t.audience, t.memberSince.desc(), t.userId),
    index("directory_entry_join_idx").on(t.networkId, t.audience, t.joinYear),
    index("directory_entry_industry_idx").on(t.networkId, t.audience, t.industry),
    index("directory_entry_job_idx").on(t.networkId, t.audience, t.jobType),
    // Location filters are prefix ranges compared byte-wise (collate "C"), whatever the database's
    // collation, so this index serves them.
    index("directory_entry_location_idx").on(t.networkId, t.audience, sql`${t.location} collate "C"`),
    index("directory_entry_tsv_idx").using("gin", t.tsv),
    index("directory_entry_txt_idx").using("gin", t.txt.op("gin_trgm_ops")),
    index("directory_entry_skills_idx").using("gin", t.skills),
    index("directory_entry_departments_idx").using("gin", t.departments),
    index("directory_entry_open_to_idx").using("gin", t.openTo),
    foreignKey({
      name: "directory_entry_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    // The primary key has the audience in between: a member's rows (what the foreign key looks for
    // when a member goes) are found by this one.
    index("directory_entry_member_idx").on(t.networkId, t.userId),
  ],
);

/**
 * The card of a directory_entry row (what the audience sees of the member), read for the rows of a
 * page only. Kept apart so that the rows a search scans stay narrow (fewer pages, no compression).
 */
export const directoryCard = pgTable(
  "directory_card",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    audience: text("audience").$type<DirectoryAudience>().notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** ProfileView fields this audience may see (bio shortened); the photo is `photo_path`. */
    card: jsonb("card").$type<Record<string, unknown>>().notNull(),
    photoPath: text("photo_path"),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.audience, t.userId] }),
    foreignKey({
      name: "directory_card_entry_fk",
      columns: [t.networkId, t.audience, t.userId],
      foreignColumns: [directoryEntry.networkId, directoryEntry.audience, directoryEntry.userId],
    }).onDelete("cascade"),
  ],
);

/**
 * What each raise of `organization.directory_version` changed (sync.ts writes it in the same
 * transaction): one marker row per version (`audience` null; `everything` for bulk changes), plus
 * the directory_entry rows of the members concerned as they were before and as they are after,
 * copied column for column. A cached page (modules/directory/cache.ts) computed at an older version
 * is still right when no row here between the two versions satisfies the page's own filter (the
 * same SQL, evaluated on these rows) and no version is missing. Old versions are pruned.
 */
export const directoryChange = pgTable(
  "directory_change",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    version: bigint("version", { mode: "number" }).notNull(),
    /** The marker of a bulk change: every page computed before it is stale. */
    everything: boolean("everything").notNull().default(false),
    audience: text("audience").$type<DirectoryAudience>(),
    userId: text("user_id"),
    joinYear: integer("join_year"),
    departments: text("departments").array(),
    industry: text("industry"),
    jobType: text("job_type"),
    skills: text("skills").array(),
    location: text("location"),
    openTo: text("open_to").array(),
    tsv: tsvector("tsv"),
    txt: text("txt"),
  },
  (t) => [index("directory_change_version_idx").on(t.networkId, t.version)],
);

/**
 * Labels in use per audience (skills, departments, locations), with how many members of that
 * audience show them: what "suggest as you type" offers. Kept up to date with directory_entry.
 */
export const directoryTerm = pgTable(
  "directory_term",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    audience: text("audience").$type<DirectoryAudience>().notNull(),
    field: text("field").notNull(), // skills | departments | location
    key: text("key").notNull(),
    label: text("label").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.audience, t.field, t.key] }),
    index("directory_term_count_idx").on(t.networkId, t.audience, t.field, t.count.desc()),
  ],
);

/** A saved directory filter (operators): the audience of targeted posts, events, emails, surveys. */
export const segment = pgTable(
  "segment",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    filter: jsonb("filter").$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("segment_network_name_uq").on(t.networkId, t.name)],
);
