// Groups (rooms, グループ): a group has its own feed (posts with audience 'group'), members and
// admins. open: any member joins at once; closed: a member asks, an operator or a group admin
// decides; secret: invitation only, and invisible to anyone who is not in it.
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const GROUP_KINDS = ["open", "closed", "secret"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_MEMBER_STATUSES = ["active", "requested"] as const;
export type GroupMemberStatus = (typeof GROUP_MEMBER_STATUSES)[number];
export const GROUP_ROLES = ["member", "admin"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const networkGroup = pgTable(
  "network_group",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").$type<GroupKind>().notNull(),
    createdBy: text("created_by"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** Archived: read-only for its members, no longer listed to others nor joinable. */
    archivedAt: ts("archived_at"),
  },
  (t) => [
    unique("network_group_network_id_uq").on(t.networkId, t.id),
    unique("network_group_name_uq").on(t.networkId, t.name),
    check("network_group_kind_ck", sql`${t.kind} in (${inList(GROUP_KINDS)})`),
  ],
);

/** A member of a group (active) or someone asking to join a closed group (requested). */
export const groupMembership = pgTable(
  "group_membership",
  {
    networkId: text("network_id").notNull(),
    groupId: text("group_id").notNull(),
    userId: text("user_id").notNull(),
    status: text("status").$type<GroupMemberStatus>().notNull(),
    role: text("role").$type<GroupRole>().notNull().default("member"),
    requestedAt: ts("requested_at"),
    joinedAt: ts("joined_at"),
    /** Who let them in (approved the request or invited them); null when they joined an open group. */
    addedBy: text("added_by"),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.groupId, t.userId] }),
    // The viewer's groups, read with every feed request.
    index("group_membership_user_idx").on(t.networkId, t.userId).where(sql`${t.status} = 'active'`),
    foreignKey({
      name: "group_membership_group_fk",
      columns: [t.networkId, t.groupId],
      foreignColumns: [networkGroup.networkId, networkGroup.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "group_membership_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
    check("group_membership_status_ck", sql`${t.status} in (${inList(GROUP_MEMBER_STATUSES)})`),
    check("group_membership_role_ck", sql`${t.role} in (${inList(GROUP_ROLES)})`),
    check("group_membership_admin_ck", sql`${t.role} = 'member' or ${t.status} = 'active'`),
  ],
);
