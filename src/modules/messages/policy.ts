// Who may do what with direct messages: every member writes to other members; only a
// conversation's participants read it or write in it (anyone else gets 404: it does not exist for
// them). Reports of messages are the moderation module's.
import { NETWORK_ROLES } from "../../server/auth.ts";
import { anyMember, definePolicy, onResource } from "../../server/policy.ts";

export const messagesPolicy = definePolicy("messages", {
  use: anyMember(),
  participate: onResource(
    NETWORK_ROLES,
    (s, c: { participants: string[] }) => c.participants.includes(s.actor.userId ?? ""),
    "notFound",
  ),
});
