// Members see whether they still have to answer; alumni answer; operators read the aggregate.
import { anyMember, definePolicy, role } from "../../server/policy.ts";

export const welcomeSurveyPolicy = definePolicy("welcome-survey", {
  status: anyMember(),
  answer: role("alumni"),
  results: role("operator"),
});
