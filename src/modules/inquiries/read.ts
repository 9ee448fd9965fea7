// The operators' desk, reads: the shared inbox, a member's own inquiries, a thread, and the median
// response times of the last 30 days.
import type { MemberScope, Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { median } from "./business-hours.ts";
import { presentInquiry, type Viewer } from "./presenter.ts";
import {
  attachmentsOfMessages,
  countInquiries,
  eventsOf,
  type InboxFilters,
  type InquiryRow,
  type ListCursor,
  listInquiries,
  logsRepliedSince,
  messagesOf,
  openCounts,
} from "./queries.ts";
import type { LogEntry } from "./response-times.ts";
import { responsesSince } from "./response-times.ts";
import type { InboxQuery, InquiryThread } from "./schemas.ts";
import { loadReadable } from "./service.ts";
import { businessHoursOf } from "./settings.ts";

const TS_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

function encodeCursor(c: ListCursor) {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString("base64url");
}

function decodeCursor(s: string): ListCursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string" && TS_KEY.test(v[0]) && typeof v[1] === "string") {
      return { key: v[0], id: v[1] };
    }
  } catch {}
  throw errors.invalidCursor();
}

async function viewerOf(scope: Scope): Promise<Viewer> {
  const operator = scope.member?.role === "operator";
  return { operator, hours: await businessHoursOf(scope.db, scope.network.id), now: new Date() };
}

function logsByInquiry(events: { inquiryId: string; kind: string; at: Date }[]) {
  const map = new Map<string, LogEntry[]>();
  for (const e of events) {
    const list = map.get(e.inquiryId) ?? [];
    list.push({ kind: e.kind, at: e.at });
    map.set(e.inquiryId, list);
  }
  return map;
}

async function page(
  scope: Scope,
  filters: InboxFilters,
  q: { cursor?: string; limit: number },
  viewer: Viewer,
) {
  const cursor = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listInquiries(scope.db, filters, cursor, q.limit);
  const total = await countInquiries(scope.db, filters);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const logs = viewer.operator
    ? logsByInquiry(
        await eventsOf(
          scope.db,
          scope.network.id,
          items.map((r) => r.id),
        ),
      )
    : new Map<string, LogEntry[]>();
  return {
    items: items.map((r) => presentInquiry(r, logs.get(r.id) ?? [], viewer)),
    total,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor({ key: last.lastActivityKey, id: last.id }) : null,
  };
}

/** The shared inbox (operators), latest activity first. */
export async function inbox(scope: Scope, q: InboxQuery) {
  const filters: InboxFilters = {
    networkId: scope.network.id,
    status: q.status,
    category: q.category,
    assignee: q.assignee,
    me: scope.actor.userId,
    q: q.q?.normalize("NFKC").toLowerCase().trim() || undefined,
  };
  return page(scope, filters, q, await viewerOf(scope));
}

/** The inquiries the member opened (no response times: those are the operators'). */
export async function myInquiries(scope: MemberScope, q: { cursor?: string; limit: number }) {
  const viewer = { ...(await viewerOf(scope)), operator: false };
  return page(
    scope,
    { networkId: scope.network.id, assignee: "any", me: null, openedBy: scope.actor.userId! },
    q,
    viewer,
  );
}

/** One inquiry with its messages and attachments, for the member who opened it or an operator. */
export async function thread(scope: Scope, id: string): Promise<InquiryThread> {
  const row: InquiryRow = await loadReadable(scope, id);
  const viewer = await viewerOf(scope);
  const messages = await messagesOf(scope.db, scope.network.id, id);
  const files = await attachmentsOfMessages(
    scope.db,
    scope.network.id,
    messages.map((m) => m.id),
  );
  const log = viewer.operator
    ? (await eventsOf(scope.db, scope.network.id, [id])).map((e) => ({ kind: e.kind, at: e.at }))
    : [];
  return {
    ...presentInquiry(row, log, viewer),
    canReply: viewer.operator,
    messages: messages.map((m) => ({
      id: m.id,
      authorRole: m.authorRole as "member" | "operator",
      author: m.authorId ? { userId: m.authorId, name: m.authorName ?? "" } : null,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      attachments: files
        .filter((f) => f.messageId === m.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, mime: f.mime, size: Number(f.size) })),
    })),
  };
}

export const STATS_DAYS = 30;

/** Median first and next response times (business minutes) over the last 30 days, and what waits. */
export async function deskStats(scope: Scope, now = new Date()) {
  const since = new Date(now.getTime() - STATS_DAYS * 86_400_000);
  const hours = await businessHoursOf(scope.db, scope.network.id);
  const logs = logsByInquiry(await logsRepliedSince(scope.db, scope.network.id, since));
  const { first, next } = responsesSince(logs.values(), hours, since);
  return {
    days: STATS_DAYS,
    medianFirstMinutes: median(first),
    medianNextMinutes: median(next),
    firstCount: first.length,
    nextCount: next.length,
    ...(await openCounts(scope.db, scope.network.id)),
  };
}
