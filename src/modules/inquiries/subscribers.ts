// Reactions to the desk's events (registered in server/subscribers.ts). For now the activity is
// kept in the audit log, in the write's transaction; in-app notifications will subscribe here too.
import type { Tx } from "../../db/client.ts";
import { audit } from "../../server/audit.ts";
import type { EventOf } from "../../server/events.ts";

type InquiryActivity = EventOf<"inquiry.opened" | "inquiry.replied" | "inquiry.member_replied">;

export async function auditInquiryActivity(tx: Tx, e: InquiryActivity) {
  await audit(tx, {
    networkId: e.networkId,
    actor: e.actor,
    action: e.type,
    targetType: "inquiry",
    targetId: e.inquiryId,
    data: { messageId: e.messageId },
  });
}
