// Every member reads their own membership; operators administer members (service.ts keeps the
// last operator and the operator themself out of reach).
import { anyMember, definePolicy, role } from "../../server/policy.ts";

export const membersPolicy = definePolicy("members", {
  me: anyMember(),
  manage: role("operator"),
});
