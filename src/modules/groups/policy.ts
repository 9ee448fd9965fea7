// Who may do what with groups. Every member lists the groups they may see and joins or asks to
// join; a group's posts and member list are for its members (and the operators); group admins and
// operators decide requests, invite and remove; operators create, edit, archive and appoint admins.
// A secret group does not exist for anyone outside it (404, never 403).
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource, role } from "../../server/policy.ts";
import type { Scope } from "../../server/scope.ts";

/** A group as the rules see it: its kind and the viewer's place in it. */
export type GroupAccess = {
  kind: "open" | "closed" | "secret";
  archived: boolean;
  myStatus: "none" | "requested" | "member";
  myRole: "member" | "admin" | null;
};

const isOperator = (s: Scope) => s.member?.role === "operator";
const isMember = (g: GroupAccess) => g.myStatus === "member";

export const groupsPolicy = definePolicy("groups", {
  list: anyMember(),
  manage: role("operator"),
  /** Seeing that the group exists: a secret one only its members (and operators). */
  see: onResource(
    NETWORK_ROLES,
    (s, g: GroupAccess) => isOperator(s) || isMember(g) || (g.kind !== "secret" && !g.archived),
    "notFound",
  ),
  /** Its posts: its members and the operators. */
  read: onResource(NETWORK_ROLES, (s, g: GroupAccess) => isOperator(s) || isMember(g)),
  /** Its member list: an open group's to every member, the others' to its members. */
  members: onResource(
    NETWORK_ROLES,
    (s, g: GroupAccess) => isOperator(s) || isMember(g) || g.kind === "open",
  ),
  post: onResource(NETWORK_ROLES, (s, g: GroupAccess) => !g.archived && (isOperator(s) || isMember(g))),
  /** Decide requests, invite, remove members: the operators and the group's admins. */
  moderate: onResource(
    NETWORK_ROLES,
    (s, g: GroupAccess) => isOperator(s) || (isMember(g) && g.myRole === "admin"),
  ),
});

export const supportersPolicy = definePolicy("supporters", {
  /**
   * The newcomers list (新しく参加したメンバー): supporters and operators, decided on the viewer
   * (whether they are a supporter is not in the scope); to anyone else it does not exist.
   */
  welcome: onResource(
    NETWORK_ROLES,
    (s, me: { supporter: boolean }) => isOperator(s) || me.supporter,
    "notFound",
  ),
});
