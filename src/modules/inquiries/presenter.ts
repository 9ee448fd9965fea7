// Inquiry rows → API shapes. Response times are the operators' (members see none): computed here
// from the event log and the network's business hours.
import { type BusinessHours, businessMinutesBetween } from "./business-hours.ts";
import type { InquiryRow } from "./queries.ts";
import { type LogEntry, responseTimes } from "./response-times.ts";
import type { InquiryCategory, InquiryStatus, InquirySummary } from "./schemas.ts";

export type Viewer = { operator: boolean; hours: BusinessHours; now: Date };

const person = (userId: string | null, name: string | null) => (userId ? { userId, name: name ?? "" } : null);

export function presentInquiry(row: InquiryRow, log: readonly LogEntry[], viewer: Viewer): InquirySummary {
  let response: InquirySummary["response"] = null;
  if (viewer.operator) {
    const r = responseTimes(log, viewer.hours);
    response = {
      firstMinutes: r.first,
      nextMinutes: r.next.map((n) => n.minutes),
      waitingMinutes:
        row.status === "open" && row.waitingSince
          ? businessMinutesBetween(row.waitingSince, viewer.now, viewer.hours)
          : null,
    };
  }
  return {
    id: row.id,
    category: row.category as InquiryCategory,
    documentKind: row.documentKind as InquirySummary["documentKind"],
    subject: row.subject,
    status: row.status as InquiryStatus,
    openedBy: person(row.openedBy, row.openedByName),
    assignee: person(row.assigneeId, row.assigneeName),
    waitingSince: row.waitingSince?.toISOString() ?? null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    messageCount: Number(row.messageCount),
    response,
  };
}
