// Every member has their own notifications and choices; nobody reads anyone else's (every query is
// by the signed-in member's id, so there is no resource to refuse).
import { anyMember, definePolicy } from "../../server/policy.ts";

export const notificationsPolicy = definePolicy("notifications", {
  own: anyMember(),
});
