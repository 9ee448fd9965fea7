// SQL for the operators' desk. Every query is scoped by network id.
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  inquiry,
  inquiryAttachment,
  inquiryEvent,
  inquiryMessage,
  member,
  user,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";

type Conn = Db | Tx;

/**
 * A column named with its table, for correlated subqueries: drizzle leaves columns unqualified in
 * a one-table select, and inside a subquery an unqualified name means the subquery's own column.
 */
const col = (table: string, column: string) => sql.raw(`"${table}"."${column}"`);

/** The name a member goes by in the network: their profile's display name, else the account's. */
const nameOf = (networkId: unknown, userId: unknown) =>
  sql<string | null>`coalesce(
    (select p.display_name from profile p where p.network_id = ${networkId} and p.user_id = ${userId}),
    (select u.name from "user" u where u.id = ${userId}))`;

const inquiryColumns = {
  id: inquiry.id,
  networkId: inquiry.networkId,
  openedBy: inquiry.openedBy,
  openedByName: nameOf(col("inquiry", "network_id"), col("inquiry", "opened_by")),
  category: inquiry.category,
  documentKind: inquiry.documentKind,
  subject: inquiry.subject,
  status: inquiry.status,
  assigneeId: inquiry.assigneeId,
  assigneeName: nameOf(col("inquiry", "network_id"), col("inquiry", "assignee_id")),
  waitingSince: inquiry.waitingSince,
  lastActivityAt: inquiry.lastActivityAt,
  /** last_activity_at as text with microseconds and offset: an exact keyset cursor. */
  lastActivityKey: sql<string>`${inquiry.lastActivityAt}::text`,
  createdAt: inquiry.createdAt,
  closedAt: inquiry.closedAt,
  messageCount: sql<number>`(select count(*)::int from inquiry_message m
    where m.network_id = ${col("inquiry", "network_id")} and m.inquiry_id = ${col("inquiry", "id")})`,
};
export type InquiryRow = Awaited<ReturnType<typeof findInquiry>> & {};

export async function findInquiry(db: Conn, networkId: string, id: string) {
  const [row] = await db
    .select(inquiryColumns)
    .from(inquiry)
    .where(byId(inquiry, networkId, id))
    .limit(1);
  return row ?? null;
}

/** Locks the inquiry row for a write (replies and status changes of one inquiry run one at a time). */
export async function lockInquiry(tx: Tx, networkId: string, id: string) {
  const [row] = await tx
    .select({ id: inquiry.id })
    .from(inquiry)
    .where(byId(inquiry, networkId, id))
    .for("update");
  return !!row;
}

export type ListCursor = { key: string; id: string };

export type InboxFilters = {
  networkId: string;
  status?: string;
  category?: string;
  /** "me" (with `me`), "unassigned", or anyone. */
  assignee: "me" | "unassigned" | "any";
  me: string | null;
  /** NFKC, lower case. */
  q?: string;
  openedBy?: string;
};

function inboxWhere(f: InboxFilters, cursor?: ListCursor): SQL {
  const conds: (SQL | undefined)[] = [];
  if (f.status) conds.push(eq(inquiry.status, f.status));
  if (f.category) conds.push(eq(inquiry.category, f.category));
  if (f.openedBy) conds.push(eq(inquiry.openedBy, f.openedBy));
  if (f.assignee === "unassigned") conds.push(isNull(inquiry.assigneeId));
  if (f.assignee === "me") conds.push(f.me ? eq(inquiry.assigneeId, f.me) : sql`false`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, "\\$&")}%`;
    const folded = (col: unknown) => sql`lower(normalize(${col}, NFKC))`;
    conds.push(
      sql`(${folded(inquiry.subject)} like ${pattern} or exists (select 1 from inquiry_message m
        where m.network_id = ${col("inquiry", "network_id")} and m.inquiry_id = ${col("inquiry", "id")}
          and ${folded(sql`m.body`)} like ${pattern}))`,
    );
  }
  if (cursor) {
    conds.push(sql`(${inquiry.lastActivityAt}, ${inquiry.id}) < (${cursor.key}::timestamptz, ${cursor.id})`);
  }
  return inNetwork(inquiry, f.networkId, ...conds);
}

/** Latest activity first; `limit + 1` rows, so the caller knows whether there is a next page. */
export async function listInquiries(
  db: Conn,
  f: InboxFilters,
  cursor: ListCursor | undefined,
  limit: number,
) {
  return db
    .select(inquiryColumns)
    .from(inquiry)
    .where(inboxWhere(f, cursor))
    .orderBy(desc(inquiry.lastActivityAt), desc(inquiry.id))
    .limit(limit + 1);
}

export async function countInquiries(db: Conn, f: InboxFilters) {
  const [row] = await db.select({ n: count() }).from(inquiry).where(inboxWhere(f));
  return Number(row?.n ?? 0);
}

export async function insertInquiry(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    openedBy: string;
    category: string;
    documentKind: string | null;
    subject: string;
    at: Date;
  },
) {
  await tx.insert(inquiry).values({
    ...v,
    status: "open",
    waitingSince: v.at,
    lastActivityAt: v.at,
    createdAt: v.at,
  });
}

export async function updateInquiry(
  tx: Tx,
  networkId: string,
  id: string,
  patch: Partial<{
    status: string;
    assigneeId: string | null;
    waitingSince: Date | null;
    lastActivityAt: Date;
    closedAt: Date | null;
  }>,
) {
  await tx
    .update(inquiry)
    .set(patch)
    .where(byId(inquiry, networkId, id));
}

export async function insertMessage(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    inquiryId: string;
    authorId: string | null;
    authorRole: "member" | "operator";
    body: string;
    at: Date;
  },
) {
  const { at, ...rest } = v;
  await tx.insert(inquiryMessage).values({ ...rest, createdAt: at });
}

export async function insertEvent(
  tx: Tx,
  v: {
    id: string;
    networkId: string;
    inquiryId: string;
    kind: string;
    actorId: string | null;
    data?: Record<string, unknown>;
    at: Date;
  },
) {
  await tx.insert(inquiryEvent).values(v);
}

export async function messagesOf(db: Conn, networkId: string, inquiryId: string) {
  return db
    .select({
      id: inquiryMessage.id,
      authorId: inquiryMessage.authorId,
      authorName: nameOf(col("inquiry_message", "network_id"), col("inquiry_message", "author_id")),
      authorRole: inquiryMessage.authorRole,
      body: inquiryMessage.body,
      createdAt: inquiryMessage.createdAt,
    })
    .from(inquiryMessage)
    .where(inNetwork(inquiryMessage, networkId, eq(inquiryMessage.inquiryId, inquiryId)))
    .orderBy(asc(inquiryMessage.createdAt), asc(inquiryMessage.id));
}

export async function attachmentsOfMessages(db: Conn, networkId: string, messageIds: string[]) {
  if (!messageIds.length) return [];
  return db
    .select({
      id: inquiryAttachment.id,
      messageId: inquiryAttachment.messageId,
      fileName: inquiryAttachment.fileName,
      mime: inquiryAttachment.mime,
      size: inquiryAttachment.size,
    })
    .from(inquiryAttachment)
    .where(inNetwork(inquiryAttachment, networkId, inArray(inquiryAttachment.messageId, messageIds)))
    .orderBy(asc(inquiryAttachment.createdAt), asc(inquiryAttachment.id));
}

/** The event logs of `inquiryIds`, as response times need them. */
export async function eventsOf(db: Conn, networkId: string, inquiryIds: string[]) {
  if (!inquiryIds.length) return [];
  return db
    .select({ inquiryId: inquiryEvent.inquiryId, kind: inquiryEvent.kind, at: inquiryEvent.at })
    .from(inquiryEvent)
    .where(inNetwork(inquiryEvent, networkId, inArray(inquiryEvent.inquiryId, inquiryIds)))
    .orderBy(asc(inquiryEvent.at));
}

/** The whole logs of the inquiries an operator replied to since `since` (the median's window). */
export async function logsRepliedSince(db: Conn, networkId: string, since: Date) {
  return db
    .select({ inquiryId: inquiryEvent.inquiryId, kind: inquiryEvent.kind, at: inquiryEvent.at })
    .from(inquiryEvent)
    .where(
      inNetwork(
        inquiryEvent,
        networkId,
        sql`${inquiryEvent.inquiryId} in (select e.inquiry_id from inquiry_event e
          where e.network_id = ${networkId} and e.kind = 'operator_reply' and e.at >= ${since})`,
      ),
    )
    .orderBy(asc(inquiryEvent.at));
}

export async function openCounts(db: Conn, networkId: string) {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      unassigned: sql<number>`(count(*) filter (where ${inquiry.assigneeId} is null))::int`,
    })
    .from(inquiry)
    .where(inNetwork(inquiry, networkId, eq(inquiry.status, "open")));
  return { open: Number(row?.open ?? 0), unassigned: Number(row?.unassigned ?? 0) };
}

/** Whether `userId` is an active operator of the network. */
export async function isActiveOperator(db: Conn, networkId: string, userId: string) {
  const [row] = await db
    .select({ id: member.id })
    .from(member)
    .where(
      and(
        eq(member.organizationId, networkId),
        eq(member.userId, userId),
        eq(member.role, "operator"),
        eq(member.status, "active"),
      ),
    )
    .limit(1);
  return !!row;
}

/** Where to write to a person: address, language and the name they go by in the network. */
export async function contactOf(db: Conn, networkId: string, userId: string) {
  const [row] = await db
    .select({ email: user.email, locale: user.locale, name: nameOf(networkId, col("user", "id")) })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return row ?? null;
}

/** The network's active operators, to tell them about a new inquiry. */
export async function operatorContacts(db: Conn, networkId: string) {
  return db
    .select({
      userId: user.id,
      email: user.email,
      locale: user.locale,
      name: nameOf(networkId, col("user", "id")),
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(
      and(eq(member.organizationId, networkId), eq(member.role, "operator"), eq(member.status, "active")),
    );
}
