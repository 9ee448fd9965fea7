// Every member manages their own consent; operators publish privacy notice versions.
import { anyMember, definePolicy, role } from "../../server/policy.ts";

export const consentPolicy = definePolicy("consent", {
  own: anyMember(),
  notices: role("operator"),
});
