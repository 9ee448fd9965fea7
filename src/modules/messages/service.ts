// Direct messages: one-to-one conversations and small groups between active members of a network.
// Only participants read a conversation (404 for anyone else). A member may block another (no
// one-to-one messages either way) and refuse messages from people they have not talked with; the
// sender is never told which (one neutral refusal). Every message is a `message.sent` event in its
// transaction: the subscriber notifies the other participants (kind "dm").
import { randomUUID } from "node:crypto";
import { MAX_PARTICIPANTS } from "../../db/schema/index.ts";
import { record } from "../../server/events.ts";
import { authorize } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { memberProfiles, profileOpenTo, viewerKind } from "../profiles/index.ts";
import { messagesPolicy } from "./policy.ts";
import { excerptOf, presentMessage, presentPerson } from "./presenter.ts";
import {
  blockedAmong,
  blockedEitherWay,
  blocksBy,
  type ConversationRow,
  conversationList,
  conversationUnread,
  deleteBlock,
  findConversationFor,
  findDirect,
  findMessage,
  insertBlock,
  insertConversation,
  insertMessage,
  markReadUpTo,
  messagePage,
  refusesStrangers,
  refusingStrangers,
  setMuted,
  setRefuseStrangers,
  talkedWith,
  unreadTotal,
} from "./queries.ts";
import type { PersonOut, StartInput } from "./schemas.ts";

export const conversationNotFound = () => errors.notFound({ ja: "会話", en: "conversation" });
const memberNotFound = () => errors.notFound({ ja: "メンバー", en: "member" });
const messageNotFound = () => errors.notFound({ ja: "メッセージ", en: "message" });
/** The one refusal for a block either way and for "refuses strangers": nothing tells which. */
export const cannotMessage = () =>
  new AppError(403, "MESSAGES_NOT_ALLOWED", {
    ja: "このメンバーにはメッセージを送れません。",
    en: "You cannot send messages to this member.",
  });
const notYourself = () =>
  new AppError(422, "MESSAGES_NOT_YOURSELF", {
    ja: "自分自身にはメッセージを送れません。",
    en: "You cannot send messages to yourself.",
  });
const cannotBlockYourself = () =>
  new AppError(422, "MESSAGES_BLOCK_YOURSELF", {
    ja: "自分自身はブロックできません。",
    en: "You cannot block yourself.",
  });

type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];

const networkRef = (s: MemberScope) => ({ id: s.network.id, slug: s.network.slug, name: s.network.name });
const me = (s: MemberScope) => s.member.userId;

function encodeCursor(c: { at: string; id: string }) {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}
function decodeCursor(s: string | undefined) {
  if (!s) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) throw new Error();
    return { at, id };
  } catch {
    throw errors.invalidCursor();
  }
}

async function people(scope: MemberScope, ids: string[]) {
  const rows = ids.length ? await memberProfiles(scope.db, scope.network.id, [...new Set(ids)]) : [];
  return new Map(rows.map((r) => [r.userId, r]));
}

function person(scope: MemberScope, rows: Map<string, ProfileRow>, userId: string): PersonOut {
  return presentPerson(scope.network.slug, scope.member, rows.get(userId), userId);
}

/**
 * The people the member names, each an active member of the network whom the member may see (their
 * profile opens to them) or has talked with; anyone else is "not found", whatever the reason.
 */
async function reachable(scope: MemberScope, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (ids.includes(me(scope))) throw notYourself();
  const rows = await people(scope, ids);
  const talked = await talkedWith(scope.db, scope.network.id, me(scope), ids);
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) throw memberNotFound();
    if (row.memberStatus !== "active") throw memberNotFound();
    if (!talked.has(id) && !profileOpenTo(viewerKind(scope.member, id), row)) throw memberNotFound();
  }
  return { ids, rows, talked };
}

/** Of `ids` (reachable people), those the member may not start a conversation with. */
async function refusing(scope: MemberScope, ids: string[], talked: Set<string>) {
  const blocked = await blockedAmong(scope.db, scope.network.id, me(scope), ids);
  const strangersRefused = await refusingStrangers(scope.db, scope.network.id, ids);
  return ids.filter((id) => blocked.has(id) || (strangersRefused.has(id) && !talked.has(id)));
}

/** Whether the member may send in this conversation now (a one-to-one: no block either way, the other active). */
async function maySend(scope: MemberScope, c: ConversationRow, rows?: Map<string, ProfileRow>) {
  if (c.kind !== "direct") return true;
  const other = c.participants.find((p) => p !== me(scope));
  if (!other) return false;
  if ((await blockedEitherWay(scope.db, scope.network.id, me(scope), other)).length) return false;
  const row = (rows ?? (await people(scope, [other]))).get(other);
  return row?.memberStatus === "active";
}

async function participantConversation(scope: MemberScope, id: string) {
  const c = await findConversationFor(scope.db, scope.network.id, id, me(scope));
  if (!c) throw conversationNotFound();
  authorize(scope, messagesPolicy.participate, c);
  return c;
}

/** Writes the message and records `message.sent` (notifications) in `tx`. */
async function writeMessage(tx: MemberScope, c: { id: string; participants: string[] }, body: string) {
  const id = randomUUID();
  const row = await insertMessage(tx.db, {
    id,
    networkId: tx.network.id,
    conversationId: c.id,
    senderId: me(tx),
    body,
  });
  const others = c.participants.filter((p) => p !== me(tx));
  const blocked = await blockedAmong(tx.db, tx.network.id, me(tx), others);
  const [sender] = await memberProfiles(tx.db, tx.network.id, [me(tx)]);
  await record(
    tx.db,
    {
      type: "message.sent",
      network: networkRef(tx),
      conversationId: c.id,
      messageId: id,
      senderId: me(tx),
      // A participant with a block either way hears nothing of it.
      recipients: others.filter((o) => !blocked.has(o)),
      senderName: sender?.displayName ?? sender?.userName ?? tx.user.name,
    },
    undefined,
    tx.ctx,
  );
  return row;
}

export async function startConversation(scope: MemberScope, input: StartInput) {
  const { ids, talked } = await reachable(scope, input.userIds);
  if (ids.length + 1 > MAX_PARTICIPANTS) throw errors.validation({ userIds: "too many" });
  if ((await refusing(scope, ids, talked)).length) throw cannotMessage();
  return inTransaction(scope, async (tx) => {
    const participants = [me(tx), ...ids];
    let conversationId: string | null = null;
    let reopened = false;
    if (ids.length === 1) {
      conversationId = await findDirect(tx.db, tx.network.id, me(tx), ids[0]);
      reopened = conversationId !== null;
    }
    if (!conversationId) {
      const id = randomUUID();
      const kind = ids.length === 1 ? "direct" : "group";
      const created = await insertConversation(tx.db, {
        id,
        networkId: tx.network.id,
        kind,
        createdBy: me(tx),
        userIds: participants,
      });
      // Two people starting the same one-to-one at once: the second reopens the first's.
      conversationId = created ? id : await findDirect(tx.db, tx.network.id, me(tx), ids[0]);
      reopened = !created;
      if (!conversationId) throw conversationNotFound();
    }
    const row = await writeMessage(tx, { id: conversationId, participants }, input.body);
    return { conversationId, message: presentMessage(row, me(tx)), reopened };
  });
}

export async function sendMessage(scope: MemberScope, id: string, body: string) {
  const c = await participantConversation(scope, id);
  if (!(await maySend(scope, c))) throw cannotMessage();
  return inTransaction(scope, async (tx) => presentMessage(await writeMessage(tx, c, body), me(tx)));
}

export async function myConversations(scope: MemberScope, q: { cursor?: string; limit: number }) {
  const rows = await conversationList(scope.db, scope.network.id, me(scope), decodeCursor(q.cursor), q.limit);
  const page = rows.slice(0, q.limit);
  const rowsOf = await people(
    scope,
    page.flatMap((r) => r.participants),
  );
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      others: r.participants.filter((p) => p !== me(scope)).map((p) => person(scope, rowsOf, p)),
      lastMessage:
        r.lastBody === null
          ? null
          : { excerpt: excerptOf(r.lastBody), senderId: r.lastSenderId, mine: r.lastSenderId === me(scope) },
      lastMessageAt: r.lastMessageAt,
      unread: r.unread,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
    unreadTotal: (await unreadTotal(scope.db, scope.network.id, me(scope))).messages,
  };
}

export const myUnread = (scope: MemberScope) => unreadTotal(scope.db, scope.network.id, me(scope));

export async function getConversation(scope: MemberScope, id: string) {
  const c = await participantConversation(scope, id);
  const rows = await people(scope, c.participants);
  const other = c.kind === "direct" ? c.participants.find((p) => p !== me(scope)) : undefined;
  const blockers = other ? await blockedEitherWay(scope.db, scope.network.id, me(scope), other) : [];
  return {
    id: c.id,
    kind: c.kind,
    others: c.participants.filter((p) => p !== me(scope)).map((p) => person(scope, rows, p)),
    muted: c.muted,
    unread: await conversationUnread(scope.db, scope.network.id, id, me(scope)),
    blockedByMe: blockers.includes(me(scope)),
    canSend: await maySend(scope, c, rows),
  };
}

export async function history(scope: MemberScope, id: string, q: { cursor?: string; limit: number }) {
  await participantConversation(scope, id);
  const rows = await messagePage(scope.db, scope.network.id, id, decodeCursor(q.cursor), q.limit);
  const page = rows.slice(0, q.limit);
  const oldest = page[page.length - 1];
  return {
    items: page.reverse().map((r) => presentMessage(r, me(scope))),
    nextCursor: rows.length > q.limit && oldest ? encodeCursor({ at: oldest.at, id: oldest.id }) : null,
  };
}

export async function markConversationRead(scope: MemberScope, id: string, messageId?: string) {
  await participantConversation(scope, id);
  if (messageId && !(await findMessage(scope.db, scope.network.id, id, messageId))) throw messageNotFound();
  await inTransaction(scope, (tx) => markReadUpTo(tx.db, tx.network.id, id, me(tx), messageId ?? null));
  return myUnread(scope);
}

export async function muteConversation(scope: MemberScope, id: string, muted: boolean) {
  await participantConversation(scope, id);
  await inTransaction(scope, (tx) => setMuted(tx.db, tx.network.id, id, me(tx), muted));
}

/** Whether the member may start (or reopen) a one-to-one with `userId`, and the existing one. */
export async function canMessage(scope: MemberScope, userId: string) {
  if (userId === me(scope)) throw memberNotFound();
  const { talked } = await reachable(scope, [userId]);
  const conversationId = await findDirect(scope.db, scope.network.id, me(scope), userId);
  const refused = (await refusing(scope, [userId], talked)).length > 0;
  return { canMessage: !refused, conversationId };
}

/**
 * Which of `userIds` the member may message (the directory's メッセージを送る on each card): active
 * members they may see or have talked with, less anyone refusing them. Never an error: who is
 * missing, hidden, blocking or refusing strangers is not told apart.
 */
export async function messageable(scope: MemberScope, userIds: string[]) {
  const ids = [...new Set(userIds)].filter((id) => id !== me(scope));
  if (!ids.length) return [];
  const rows = await people(scope, ids);
  const talked = await talkedWith(scope.db, scope.network.id, me(scope), ids);
  const open = ids.filter((id) => {
    const row = rows.get(id);
    return (
      row?.memberStatus === "active" && (talked.has(id) || profileOpenTo(viewerKind(scope.member, id), row))
    );
  });
  const refused = new Set(await refusing(scope, open, talked));
  return open.filter((id) => !refused.has(id));
}

// --- Settings and blocks ------------------------------------------------------------------------

export async function mySettings(scope: MemberScope) {
  const blocked = await blocksBy(scope.db, scope.network.id, me(scope));
  const rows = await people(
    scope,
    blocked.map((b) => b.userId),
  );
  return {
    refuseStrangers: await refusesStrangers(scope.db, scope.network.id, me(scope)),
    blocked: blocked.map((b) => ({ ...person(scope, rows, b.userId), blockedAt: b.createdAt.toISOString() })),
  };
}

export async function changeSettings(scope: MemberScope, input: { refuseStrangers: boolean }) {
  await inTransaction(scope, (tx) => setRefuseStrangers(tx.db, tx.network.id, me(tx), input.refuseStrangers));
  return mySettings(scope);
}

/** Blocks `userId`: an active member or anyone the member has talked with (others are not found). */
export async function block(scope: MemberScope, userId: string) {
  if (userId === me(scope)) throw cannotBlockYourself();
  const rows = await people(scope, [userId]);
  const row = rows.get(userId);
  const talked = await talkedWith(scope.db, scope.network.id, me(scope), [userId]);
  if (!row || (!talked.has(userId) && !profileOpenTo(viewerKind(scope.member, userId), row)))
    throw memberNotFound();
  await inTransaction(scope, (tx) => insertBlock(tx.db, tx.network.id, me(tx), userId));
}

export async function unblock(scope: MemberScope, userId: string) {
  if (userId === me(scope)) throw memberNotFound();
  const rows = await people(scope, [userId]);
  if (!rows.get(userId)) throw memberNotFound();
  await inTransaction(scope, (tx) => deleteBlock(tx.db, tx.network.id, me(tx), userId));
}

// --- Moderation --------------------------------------------------------------------------------

/**
 * A message the member may report (the moderation module files the report): in a conversation
 * they take part in (404 otherwise), not their own.
 */
export async function reportableMessage(scope: MemberScope, conversationId: string, messageId: string) {
  await participantConversation(scope, conversationId);
  const msg = await findMessage(scope.db, scope.network.id, conversationId, messageId);
  if (!msg) throw messageNotFound();
  return { id: msg.id, conversationId, authorId: msg.senderId, body: msg.body };
}
