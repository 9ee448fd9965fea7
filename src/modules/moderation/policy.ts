// Who may do what in moderation: every member reports what they can see (the service answers 404
// for what they cannot); operators review the queue, act, set the threshold and read the audit log.
import { anyMember, definePolicy, role } from "../../server/policy.ts";

export const moderationPolicy = definePolicy("moderation", {
  report: anyMember(),
  review: role("operator"),
  audit: role("operator"),
});
