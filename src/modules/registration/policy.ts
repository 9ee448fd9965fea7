// Operators work through the approval queue and choose when a registration is approved by itself. Registering is for signed-in users who are not members
// yet (access.user() on the route; the service decides by the registration's own rules).
import { definePolicy, role } from "../../server/policy.ts";

export const registrationPolicy = definePolicy("registration", {
  review: role("operator"),
  settings: role("operator"),
});
