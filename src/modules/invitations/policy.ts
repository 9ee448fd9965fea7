// Operators invite leavers (so may the HR system, with one of the network's API tokens) and manage
// the network's API tokens. Opening and accepting an invitation link are governed by its token.
import { definePolicy, role, roleOrToken } from "../../server/policy.ts";

export const invitationsPolicy = definePolicy("invitations", {
  create: roleOrToken("operator"),
  manage: role("operator"),
  tokens: role("operator"),
});
