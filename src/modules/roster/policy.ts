// The roster holds former employees' personal data from the HR system: operators only.
import { definePolicy, role } from "../../server/policy.ts";

export const rosterPolicy = definePolicy("roster", {
  manage: role("operator"),
});
