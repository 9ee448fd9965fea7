// Operators brand their network; the platform admin's routes use access.platformAdmin().
import { definePolicy, role } from "../../server/policy.ts";

export const networksPolicy = definePolicy("networks", {
  brand: role("operator"),
});
