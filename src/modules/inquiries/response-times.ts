// Response times, computed from an inquiry's event log (pure: the caller loads the log and the
// business hours). The first response — opened → first operator reply — and the next responses —
// a member's message that waits → the operators' next reply — are kept apart: a desk can answer
// new inquiries fast and follow-ups slowly, and one number would hide it.
import { type BusinessHours, businessMinutesBetween } from "./business-hours.ts";

export type LogEntry = { kind: string; at: Date };

export type ResponseTimes = {
  /** Business minutes from opening to the first operator reply (null: not answered yet). */
  first: number | null;
  /** When the first reply came. */
  firstAt: Date | null;
  /** Each answered follow-up: the member's message (the first of those waiting) → the next reply. */
  next: { from: Date; at: Date; minutes: number }[];
};

/** The response times of one inquiry; `log` in any order (sorted by time here). */
export function responseTimes(log: readonly LogEntry[], hours: BusinessHours): ResponseTimes {
  const events = [...log].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: ResponseTimes = { first: null, firstAt: null, next: [] };
  let openedAt: Date | null = null;
  let waitingFrom: Date | null = null;
  for (const e of events) {
    if (e.kind === "opened") {
      openedAt = e.at;
    } else if (e.kind === "member_message") {
      // Before the first reply a message is part of the first wait; later, several messages
      // before a reply make one wait that began with the first of them.
      if (out.firstAt && !waitingFrom) waitingFrom = e.at;
    } else if (e.kind === "operator_reply") {
      if (!out.firstAt) {
        if (openedAt) {
          out.first = businessMinutesBetween(openedAt, e.at, hours);
          out.firstAt = e.at;
        }
      } else if (waitingFrom) {
        out.next.push({
          from: waitingFrom,
          at: e.at,
          minutes: businessMinutesBetween(waitingFrom, e.at, hours),
        });
      }
      waitingFrom = null;
    } else if (e.kind === "status") {
      // Closing or marking answered ends a follow-up's wait without a reply: no response to count.
      waitingFrom = null;
    }
  }
  return out;
}

/**
 * The first responses and next responses that ended on or after `since` (the median's window):
 * durations in business minutes, each list on its own.
 */
export function responsesSince(
  logs: Iterable<readonly LogEntry[]>,
  hours: BusinessHours,
  since: Date,
): { first: number[]; next: number[] } {
  const first: number[] = [];
  const next: number[] = [];
  for (const log of logs) {
    const r = responseTimes(log, hours);
    if (r.first !== null && r.firstAt && r.firstAt >= since) first.push(r.first);
    for (const n of r.next) if (n.at >= since) next.push(n.minutes);
  }
  return { first, next };
}
