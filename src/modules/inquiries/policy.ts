// Who may do what at the operators' desk: any member opens an inquiry; the member who opened it
// (and the operators) read it; operators answer, assign, change its status and keep saved replies.
// Someone else's inquiry is refused as 404: its existence does not leak.
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource, role } from "../../server/policy.ts";

type Opened = { openedBy: string };

export const inquiriesPolicy = definePolicy("inquiries", {
  open: anyMember(),
  manage: role("operator"),
  read: onResource(
    NETWORK_ROLES,
    (s, i: Opened) => s.member?.role === "operator" || i.openedBy === s.actor.userId,
    "notFound",
  ),
  own: onResource(NETWORK_ROLES, (s, i: Opened) => i.openedBy === s.actor.userId, "notFound"),
});
