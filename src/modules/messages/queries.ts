// SQL for direct messages. Every query is scoped to one network; who may read a conversation is
// "is a participant", decided here in the query (a conversation of which the viewer is no
// participant matches nothing).
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type ConversationKind,
  conversation,
  conversationParticipant,
  directMessage,
  memberBlock,
  messageSetting,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";

type Conn = Db | Tx;

export const directKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export type ConversationRow = {
  id: string;
  kind: ConversationKind;
  createdAt: Date;
  lastMessageAt: Date;
  participants: string[];
  muted: boolean;
  lastReadAt: string | null;
};

/** The conversation if `userId` takes part in it (else null), with its participants. */
export async function findConversationFor(
  db: Conn,
  networkId: string,
  id: string,
  userId: string,
): Promise<ConversationRow | null> {
  const res = await db.execute(sql`
    select c.id, c.kind, c.created_at as "createdAt", c.last_message_at as "lastMessageAt",
           me.muted, me.last_read_at::text as "lastReadAt",
           (select array_agg(p.user_id order by p.joined_at, p.user_id) from conversation_participant p
             where p.network_id = c.network_id and p.conversation_id = c.id) as participants
      from conversation c
      join conversation_participant me
        on me.network_id = c.network_id and me.conversation_id = c.id and me.user_id = ${userId}
     where c.network_id = ${networkId} and c.id = ${id}`);
  const row = res.rows[0] as
    | (Omit<ConversationRow, "createdAt" | "lastMessageAt"> & {
        createdAt: string | Date;
        lastMessageAt: string | Date;
      })
    | undefined;
  if (!row) return null;
  return { ...row, createdAt: new Date(row.createdAt), lastMessageAt: new Date(row.lastMessageAt) };
}

export async function findDirect(db: Conn, networkId: string, a: string, b: string) {
  const [row] = await db
    .select({ id: conversation.id })
    .from(conversation)
    .where(inNetwork(conversation, networkId, eq(conversation.directKey, directKey(a, b))))
    .limit(1);
  return row?.id ?? null;
}

export async function insertConversation(
  tx: Tx,
  c: { id: string; networkId: string; kind: ConversationKind; createdBy: string; userIds: string[] },
) {
  const key = c.kind === "direct" ? directKey(c.userIds[0], c.userIds[1]) : null;
  const [row] = await tx
    .insert(conversation)
    .values({ id: c.id, networkId: c.networkId, kind: c.kind, directKey: key, createdBy: c.createdBy })
    .onConflictDoNothing()
    .returning({ id: conversation.id });
  if (!row) return false;
  await tx
    .insert(conversationParticipant)
    .values(c.userIds.map((userId) => ({ networkId: c.networkId, conversationId: c.id, userId })));
  return true;
}

export type MessageRow = { id: string; senderId: string; body: string; createdAt: Date; at: string };

const messageColumns = {
  id: directMessage.id,
  senderId: directMessage.senderId,
  body: directMessage.body,
  createdAt: directMessage.createdAt,
  at: sql<string>`${directMessage.createdAt}::text`,
};

export async function insertMessage(
  tx: Tx,
  m: { id: string; networkId: string; conversationId: string; senderId: string; body: string },
): Promise<MessageRow> {
  const [row] = await tx.insert(directMessage).values(m).returning(messageColumns);
  await tx
    .update(conversation)
    .set({ lastMessageAt: row.createdAt })
    .where(byId(conversation, m.networkId, m.conversationId));
  // The sender has read their own conversation up to what they wrote.
  await markReadUpTo(tx, m.networkId, m.conversationId, m.senderId, row.id);
  return row;
}

export type MessageCursor = { at: string; id: string };

/** A page of history, newest first (`limit + 1` rows tell whether there is older history). */
export async function messagePage(
  db: Conn,
  networkId: string,
  conversationId: string,
  cursor: MessageCursor | null,
  limit: number,
): Promise<MessageRow[]> {
  const before = cursor
    ? sql`(${directMessage.createdAt}, ${directMessage.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
    : undefined;
  return db
    .select(messageColumns)
    .from(directMessage)
    .where(inNetwork(directMessage, networkId, eq(directMessage.conversationId, conversationId), before))
    .orderBy(desc(directMessage.createdAt), desc(directMessage.id))
    .limit(limit + 1);
}

export async function findMessage(db: Conn, networkId: string, conversationId: string, id: string) {
  const [row] = await db
    .select(messageColumns)
    .from(directMessage)
    .where(byId(directMessage, networkId, id, eq(directMessage.conversationId, conversationId)))
    .limit(1);
  return row ?? null;
}

/**
 * Marks the conversation read up to message `messageId` (or the newest when null); never moves the
 * read mark backwards.
 */
export async function markReadUpTo(
  tx: Conn,
  networkId: string,
  conversationId: string,
  userId: string,
  messageId: string | null,
) {
  const target = messageId
    ? sql`select id, created_at from direct_message
           where network_id = ${networkId} and conversation_id = ${conversationId} and id = ${messageId}`
    : sql`select id, created_at from direct_message
           where network_id = ${networkId} and conversation_id = ${conversationId}
           order by created_at desc, id desc limit 1`;
  await tx.execute(sql`
    update conversation_participant p set last_read_message_id = t.id, last_read_at = t.created_at
      from (${target}) t
     where p.network_id = ${networkId} and p.conversation_id = ${conversationId} and p.user_id = ${userId}
       and (p.last_read_at is null or p.last_read_at < t.created_at)`);
}

export async function setMuted(
  db: Conn,
  networkId: string,
  conversationId: string,
  userId: string,
  muted: boolean,
) {
  await db
    .update(conversationParticipant)
    .set({ muted })
    .where(
      inNetwork(
        conversationParticipant,
        networkId,
        eq(conversationParticipant.conversationId, conversationId),
        eq(conversationParticipant.userId, userId),
      ),
    );
}

/** Messages by others after the participant's read mark. */
const unreadSql = (networkId: unknown, userId: unknown) => sql`(
  select count(*)::int from direct_message m
   where m.network_id = ${networkId} and m.conversation_id = p.conversation_id
     and m.sender_id <> ${userId}
     and (p.last_read_at is null or m.created_at > p.last_read_at))`;

export type ListRow = {
  id: string;
  kind: ConversationKind;
  lastMessageAt: string;
  at: string;
  participants: string[];
  unread: number;
  lastBody: string | null;
  lastSenderId: string | null;
};

export type ListCursor = { at: string; id: string };

/** The member's conversations, the most recently active first. */
export async function conversationList(
  db: Conn,
  networkId: string,
  userId: string,
  cursor: ListCursor | null,
  limit: number,
): Promise<ListRow[]> {
  const after = cursor
    ? sql`and (c.last_message_at, c.id) < (${cursor.at}::timestamptz, ${cursor.id})`
    : sql``;
  const res = await db.execute(sql`
    select c.id, c.kind, c.last_message_at as "lastMessageAt", c.last_message_at::text as at,
           (select array_agg(q.user_id order by q.joined_at, q.user_id) from conversation_participant q
             where q.network_id = c.network_id and q.conversation_id = c.id) as participants,
           ${unreadSql(networkId, userId)} as unread,
           lm.body as "lastBody", lm.sender_id as "lastSenderId"
      from conversation_participant p
      join conversation c on c.network_id = p.network_id and c.id = p.conversation_id
      left join lateral (
        select m.body, m.sender_id from direct_message m
         where m.network_id = c.network_id and m.conversation_id = c.id
         order by m.created_at desc, m.id desc limit 1) lm on true
     where p.network_id = ${networkId} and p.user_id = ${userId} ${after}
     order by c.last_message_at desc, c.id desc
     limit ${limit + 1}`);
  return (res.rows as (ListRow & { lastMessageAt: string | Date })[]).map((r) => ({
    ...r,
    lastMessageAt: new Date(r.lastMessageAt).toISOString(),
    unread: Number(r.unread),
  }));
}

/** Unread messages over all the member's conversations, and in how many conversations. */
export async function unreadTotal(db: Conn, networkId: string, userId: string) {
  const res = await db.execute(sql`
    select coalesce(sum(u.n), 0)::int as messages, count(*) filter (where u.n > 0)::int as conversations
      from (select ${unreadSql(networkId, userId)} as n
              from conversation_participant p
             where p.network_id = ${networkId} and p.user_id = ${userId}) u`);
  const row = res.rows[0] as { messages: number; conversations: number };
  return { messages: Number(row.messages), conversations: Number(row.conversations) };
}

// --- Blocks, settings, "talked with" -----------------------------------------------------------

/** Whether either of the two blocked the other. */
export async function blockedEitherWay(db: Conn, networkId: string, a: string, b: string) {
  const rows = await db
    .select({ blockerId: memberBlock.blockerId })
    .from(memberBlock)
    .where(
      inNetwork(
        memberBlock,
        networkId,
        or(
          and(eq(memberBlock.blockerId, a), eq(memberBlock.blockedId, b)),
          and(eq(memberBlock.blockerId, b), eq(memberBlock.blockedId, a)),
        ) as SQL,
      ),
    );
  return rows.map((r) => r.blockerId);
}

/** Of `others`, those who blocked `userId` or whom `userId` blocked. */
export async function blockedAmong(db: Conn, networkId: string, userId: string, others: string[]) {
  if (!others.length) return new Set<string>();
  const rows = await db
    .select({ blockerId: memberBlock.blockerId, blockedId: memberBlock.blockedId })
    .from(memberBlock)
    .where(
      inNetwork(
        memberBlock,
        networkId,
        or(
          and(eq(memberBlock.blockerId, userId), inArray(memberBlock.blockedId, others)),
          and(eq(memberBlock.blockedId, userId), inArray(memberBlock.blockerId, others)),
        ) as SQL,
      ),
    );
  return new Set(rows.map((r) => (r.blockerId === userId ? r.blockedId : r.blockerId)));
}

export async function insertBlock(db: Conn, networkId: string, blockerId: string, blockedId: string) {
  await db.insert(memberBlock).values({ networkId, blockerId, blockedId }).onConflictDoNothing();
}

export async function deleteBlock(db: Conn, networkId: string, blockerId: string, blockedId: string) {
  await db
    .delete(memberBlock)
    .where(
      inNetwork(
        memberBlock,
        networkId,
        eq(memberBlock.blockerId, blockerId),
        eq(memberBlock.blockedId, blockedId),
      ),
    );
}

export async function blocksBy(db: Conn, networkId: string, blockerId: string) {
  return db
    .select({ userId: memberBlock.blockedId, createdAt: memberBlock.createdAt })
    .from(memberBlock)
    .where(inNetwork(memberBlock, networkId, eq(memberBlock.blockerId, blockerId)))
    .orderBy(desc(memberBlock.createdAt))
    .limit(500);
}

/** Of `userIds`, those who refuse messages from people they have not talked with. */
export async function refusingStrangers(db: Conn, networkId: string, userIds: string[]) {
  if (!userIds.length) return new Set<string>();
  const rows = await db
    .select({ userId: messageSetting.userId })
    .from(messageSetting)
    .where(
      inNetwork(
        messageSetting,
        networkId,
        inArray(messageSetting.userId, userIds),
        eq(messageSetting.refuseStrangers, true),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function refusesStrangers(db: Conn, networkId: string, userId: string) {
  return (await refusingStrangers(db, networkId, [userId])).has(userId);
}

export async function setRefuseStrangers(db: Conn, networkId: string, userId: string, refuse: boolean) {
  await db
    .insert(messageSetting)
    .values({ networkId, userId, refuseStrangers: refuse })
    .onConflictDoUpdate({
      target: [messageSetting.networkId, messageSetting.userId],
      set: { refuseStrangers: refuse, updatedAt: new Date() },
    });
}

/** Of `others`, those with whom `userId` shares a conversation that has a message. */
export async function talkedWith(db: Conn, networkId: string, userId: string, others: string[]) {
  if (!others.length) return new Set<string>();
  const res = await db.execute(sql`
    select distinct o.user_id as "userId"
      from conversation_participant me
      join conversation_participant o
        on o.network_id = me.network_id and o.conversation_id = me.conversation_id and o.user_id <> me.user_id
     where me.network_id = ${networkId} and me.user_id = ${userId}
       and o.user_id in (${sql.join(
         others.map((o) => sql`${o}`),
         sql`, `,
       )})
       and exists (select 1 from direct_message m
                    where m.network_id = me.network_id and m.conversation_id = me.conversation_id)`);
  return new Set((res.rows as { userId: string }[]).map((r) => r.userId));
}

// --- Moderation --------------------------------------------------------------------------------

/** Messages by id (the moderation queue shows the reported ones to the operators). */
export async function messagesByIds(db: Conn, networkId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: directMessage.id,
      conversationId: directMessage.conversationId,
      senderId: directMessage.senderId,
      body: directMessage.body,
      createdAt: directMessage.createdAt,
    })
    .from(directMessage)
    .where(inNetwork(directMessage, networkId, inArray(directMessage.id, ids)));
}

/** Unread messages of one conversation for one participant. */
export async function conversationUnread(
  db: Conn,
  networkId: string,
  conversationId: string,
  userId: string,
) {
  const res = await db.execute(sql`
    select ${unreadSql(networkId, userId)} as n from conversation_participant p
     where p.network_id = ${networkId} and p.conversation_id = ${conversationId} and p.user_id = ${userId}`);
  return Number((res.rows[0] as { n: number } | undefined)?.n ?? 0);
}

/** Of `userIds`, the participants of the conversation who have not muted it. */
export async function unmutedParticipants(
  db: Conn,
  networkId: string,
  conversationId: string,
  userIds: string[],
) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: conversationParticipant.userId })
    .from(conversationParticipant)
    .where(
      inNetwork(
        conversationParticipant,
        networkId,
        eq(conversationParticipant.conversationId, conversationId),
        inArray(conversationParticipant.userId, userIds),
        eq(conversationParticipant.muted, false),
      ),
    );
  return rows.map((r) => r.userId);
}
