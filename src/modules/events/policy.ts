// Who may do what with events. Operators and employees create events; an operator may name
// co-organizers (alumni volunteers among them), who then manage that event as its creator does:
// edit, publish, cancel, decide RSVPs, check people in, read the attendance. Every member reads the
// events whose audience reaches them (a draft, or an event outside their audience, does not exist
// for them: 404) and RSVPs to them.
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource, role } from "../../server/policy.ts";
import type { Scope } from "../../server/scope.ts";

/** An event as the rules see it: who made it and who co-organizes it. */
export type EventAccess = { createdBy: string; organizers: string[] };

const isOperator = (s: Scope) => s.member?.role === "operator";
export const organizes = (s: Scope, e: EventAccess) =>
  isOperator(s) || e.createdBy === s.actor.userId || e.organizers.includes(s.actor.userId ?? "");

export const eventsPolicy = definePolicy("events", {
  read: anyMember(),
  rsvp: anyMember(),
  /** Operators and employees; alumni organize as co-organizers an operator names (and duplicate those events). */
  create: role("operator", "employee"),
  /** Edit, publish, cancel, decide RSVPs, check in, attendance: the organizers and operators. */
  manage: onResource(NETWORK_ROLES, organizes),
  /** Name co-organizers: operators only. */
  appoint: role("operator"),
  /** Post to a segment of the network (as in the feed). */
  segment: role("operator"),
});
