// Who may do what with segments: operators build them (they reveal the directory as operators see it).
import { definePolicy, role } from "../../server/policy.ts";

export const segmentsPolicy = definePolicy("segments", {
  manage: role("operator"),
});
