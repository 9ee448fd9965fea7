// Who may do what in the feed. Every member reads and writes; who sees a post is its audience
// (audience.ts), checked on every read by id as "notFound" so that a post outside one's audience
// does not exist for them.
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource, role } from "../../server/policy.ts";
import type { Scope } from "../../server/scope.ts";

const isOperator = (s: Scope) => s.member?.role === "operator";
const isAuthor = (s: Scope, r: { authorId: string }) => r.authorId === s.actor.userId;

export const feedPolicy = definePolicy("feed", {
  read: anyMember(),
  write: anyMember(),
  /** Announcements and posts to a segment speak for the network. */
  announce: role("operator"),
  pin: role("operator"),
  /** Only the author edits: an operator who disagrees hides or deletes. */
  edit: onResource(NETWORK_ROLES, (s, r: { authorId: string }) => isAuthor(s, r)),
  delete: onResource(NETWORK_ROLES, (s, r: { authorId: string }) => isAuthor(s, r) || isOperator(s)),
});
