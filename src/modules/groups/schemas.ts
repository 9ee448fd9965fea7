// Groups (rooms): inputs and outputs.
import { z } from "zod";
import { GROUP_KINDS, GROUP_ROLES } from "../../db/schema/groups.ts";
import { NETWORK_ROLES } from "../../shared/profile.ts";
import { idParam, slugParam, text } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const groupParams = z.object({ slug: slugParam, id: idParam });
export const groupMemberParams = z.object({ slug: slugParam, id: idParam, userId: idParam });

const kind = z
  .enum(GROUP_KINDS)
  .describe(
    "open (anyone joins), closed (request → approved), secret (invitation only, invisible to others)",
  );

export const groupInput = z.object({
  name: text({ min: 1, max: 60 }),
  description: text({ max: 2_000, multiline: true }).default(""),
  kind,
});
export type GroupInput = z.output<typeof groupInput>;

export const groupPatch = z
  .object({
    name: text({ min: 1, max: 60 }).optional(),
    description: text({ max: 2_000, multiline: true }).optional(),
    kind: kind.optional(),
    archived: z.boolean().optional().describe("Archive (read-only for its members) or restore"),
  })
  .strict();
export type GroupPatch = z.output<typeof groupPatch>;

export const groupListQuery = z.object({
  q: text({ max: 100 })
    .optional()
    .describe("Groups whose name or description contains this (full/half width, kana and case folded)"),
  archived: z
    .enum(["true", "false"])
    .optional()
    .describe("true: archived groups (operators: all; others: the ones they belong to)"),
});

export const groupOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind,
  archived: z.boolean(),
  memberCount: z.number(),
  /** Me in this group: not in it, waiting for a decision, or a member. */
  myStatus: z.enum(["none", "requested", "member"]),
  myRole: z.enum(GROUP_ROLES).nullable(),
  /** Requests waiting for a decision (for who may decide; 0 otherwise). */
  pendingRequests: z.number(),
  can: z.object({
    /** Read its posts and member list. */
    read: z.boolean(),
    /** Post in it (members and operators, not archived). */
    post: z.boolean(),
    join: z.boolean(),
    request: z.boolean(),
    leave: z.boolean(),
    /** Approve requests, invite, remove members (operators and group admins). */
    moderate: z.boolean(),
    /** Edit, archive, appoint admins (operators). */
    manage: z.boolean(),
  }),
  createdAt: z.string(),
});
export type GroupOut = z.infer<typeof groupOut>;

export const groupListOut = z.object({ items: z.array(groupOut) });

export const groupPersonOut = z.object({
  userId: z.string(),
  name: z.string(),
  photoUrl: z.string().nullable(),
  /** The network role: operator, employee, alumni. */
  role: z.enum(NETWORK_ROLES),
  supporter: z.boolean(),
  /** Whether the viewer may open their profile. */
  profile: z.boolean(),
});

export const groupMemberOut = groupPersonOut.extend({
  groupRole: z.enum(GROUP_ROLES),
  joinedAt: z.string().nullable(),
  /** Whether this member may be made a group admin (employees, operators, supporters). */
  canBeAdmin: z.boolean(),
});
export const groupMembersOut = z.object({ items: z.array(groupMemberOut) });

export const groupRequestOut = groupPersonOut.extend({ requestedAt: z.string().nullable() });
export const groupRequestsOut = z.object({ items: z.array(groupRequestOut) });

export const decisionInput = z.object({ approve: z.boolean() });
export const inviteInput = z.object({ userId: idParam });
export const adminInput = z.object({ admin: z.boolean() });
export const watchIO = z.object({ level: z.enum(["watch", "normal", "mute"]) });

export const newcomersOut = z.object({
  items: z.array(groupPersonOut.extend({ joinedAt: z.string() })),
});
