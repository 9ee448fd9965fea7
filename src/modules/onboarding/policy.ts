// The first-steps checklist is for the network's operators.
import { definePolicy, role } from "../../server/policy.ts";

export const onboardingPolicy = definePolicy("onboarding", {
  view: role("operator"),
});
