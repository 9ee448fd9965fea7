// The operators' desk, writes: a member opens an inquiry and writes again; operators reply, assign
// and change its status. Each write is one transaction with its message, its event-log row (what
// response times are computed from), its domain event, its audit row and its mail.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.ts";
import { audit } from "../../server/audit.ts";
import { record } from "../../server/events.ts";
import { can } from "../../server/policy.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { channelFor } from "../notifications/index.ts";
import { attachUploads } from "./attachments.ts";
import { inquiriesPolicy } from "./policy.ts";
import {
  contactOf,
  findInquiry,
  type InquiryRow,
  insertEvent,
  insertInquiry,
  insertMessage,
  isActiveOperator,
  lockInquiry,
  operatorContacts,
  updateInquiry,
} from "./queries.ts";
import type { InquiryStatus, MessageInput, OpenInquiryInput, ReplyInput } from "./schemas.ts";

export const inquiryNotFound = () => errors.notFound({ ja: "お問い合わせ", en: "inquiry" });

const documentKindRequired = () =>
  new AppError(400, "INQUIRY_DOCUMENT_KIND_REQUIRED", {
    ja: "発行を希望する書類を選んでください。",
    en: "Please choose which document you need.",
  });
const notAnOperator = () =>
  new AppError(400, "INQUIRY_ASSIGNEE_NOT_OPERATOR", {
    ja: "担当者には、このネットワークの運営担当者を選んでください。",
    en: "Please choose an operator of this network as the assignee.",
  });

const deskUrl = (scope: Scope, path: string) => `${scope.ctx.config.baseUrl}/n/${scope.network.slug}${path}`;

/** The inquiry, if `scope` may read it; else 404 (someone else's inquiry does not exist for them). */
export async function loadReadable(scope: Scope, id: string): Promise<InquiryRow> {
  const row = await findInquiry(scope.db, scope.network.id, id);
  if (!row) throw inquiryNotFound();
  if (!can(scope, inquiriesPolicy.read, row)) throw inquiryNotFound();
  return row;
}

async function loadLocked(tx: Scope & { db: Tx }, id: string) {
  if (!(await lockInquiry(tx.db, tx.network.id, id))) throw inquiryNotFound();
  return (await findInquiry(tx.db, tx.network.id, id))!;
}

/** A member opens an inquiry: its first message, the `opened` event, and a mail to the operators. */
export async function openInquiry(scope: MemberScope, input: OpenInquiryInput, at = new Date()) {
  const documentKind = input.category === "document" ? (input.documentKind ?? null) : null;
  if (input.category === "document" && !documentKind) throw documentKindRequired();
  const networkId = scope.network.id;
  const userId = scope.actor.userId!;
  return inTransaction(scope, async (tx) => {
    const id = randomUUID();
    const messageId = randomUUID();
    await insertInquiry(tx.db, {
      id,
      networkId,
      openedBy: userId,
      category: input.category,
      documentKind,
      subject: input.subject,
      at,
    });
    await insertMessage(tx.db, {
      id: messageId,
      networkId,
      inquiryId: id,
      authorId: userId,
      authorRole: "member",
      body: input.body,
      at,
    });
    await attachUploads(tx.db, networkId, userId, messageId, input.attachmentIds);
    await insertEvent(tx.db, {
      id: randomUUID(),
      networkId,
      inquiryId: id,
      kind: "opened",
      actorId: userId,
      at,
    });
    await record(tx.db, {
      type: "inquiry.opened",
      networkId,
      inquiryId: id,
      messageId,
      actor: tx.actor,
      userIds: [userId],
    });
    const opener = await contactOf(tx.db, networkId, userId);
    for (const op of await operatorContacts(tx.db, networkId)) {
      if (op.userId === userId) continue;
      await tx.ctx.mailer.enqueue(
        op.email,
        "inquiryOpened",
        op.locale === "en" ? "en" : "ja",
        {
          networkName: tx.network.name,
          name: op.name,
          memberName: opener?.name ?? "",
          subject: input.subject,
          url: deskUrl(tx, `/admin/inquiries/${id}`),
        },
        { tx: tx.db, key: `inquiry-opened:${id}:${op.userId}`, networkId },
      );
    }
    return id;
  });
}

/** A message in the thread, its uploads and its event in the log, in the caller's transaction. */
async function addMessage(
  tx: Scope & { db: Tx },
  m: {
    id: string;
    userId: string;
    role: "member" | "operator";
    kind: "member_message" | "operator_reply";
    input: { body: string; attachmentIds: string[] };
    at: Date;
  },
) {
  const networkId = tx.network.id;
  const messageId = randomUUID();
  await insertMessage(tx.db, {
    id: messageId,
    networkId,
    inquiryId: m.id,
    authorId: m.userId,
    authorRole: m.role,
    body: m.input.body,
    at: m.at,
  });
  await attachUploads(tx.db, networkId, m.userId, messageId, m.input.attachmentIds);
  await insertEvent(tx.db, {
    id: randomUUID(),
    networkId,
    inquiryId: m.id,
    kind: m.kind,
    actorId: m.userId,
    at: m.at,
  });
  return messageId;
}

/** The member writes again: the inquiry waits for the operators again (reopened if it was closed). */
export async function followUp(scope: MemberScope, id: string, input: MessageInput, at = new Date()) {
  const networkId = scope.network.id;
  const userId = scope.actor.userId!;
  await inTransaction(scope, async (tx) => {
    const row = await loadLocked(tx, id);
    if (!can(tx, inquiriesPolicy.own, row)) throw inquiryNotFound();
    const messageId = await addMessage(tx, { id, userId, role: "member", kind: "member_message", input, at });
    await updateInquiry(tx.db, networkId, id, {
      status: "open",
      // Still waiting since the earlier unanswered message, if there is one.
      waitingSince: row.status === "open" && row.waitingSince ? row.waitingSince : at,
      lastActivityAt: at,
      closedAt: null,
    });
    await record(tx.db, {
      type: "inquiry.member_replied",
      networkId,
      inquiryId: id,
      messageId,
      actor: tx.actor,
      userIds: row.assigneeId ? [row.assigneeId] : [],
    });
  });
}

/** An operator replies: the member is mailed now, in their language; the inquiry is answered (or closed). */
export async function replyToInquiry(scope: Scope, id: string, input: ReplyInput, at = new Date()) {
  const networkId = scope.network.id;
  const userId = scope.actor.userId!;
  await inTransaction(scope, async (tx) => {
    const row = await loadLocked(tx, id);
    const messageId = await addMessage(tx, {
      id,
      userId,
      role: "operator",
      kind: "operator_reply",
      input,
      at,
    });
    const closing = input.status === "closed";
    await updateInquiry(tx.db, networkId, id, {
      status: input.status,
      waitingSince: null,
      lastActivityAt: at,
      closedAt: closing ? at : null,
      // Whoever answers an unassigned inquiry takes it.
      ...(row.assigneeId ? {} : { assigneeId: userId }),
    });
    if (closing && row.status !== "closed") {
      await insertEvent(tx.db, {
        id: randomUUID(),
        networkId,
        inquiryId: id,
        kind: "status",
        actorId: userId,
        data: { from: row.status, to: "closed" },
        at,
      });
    }
    await record(
      tx.db,
      {
        type: "inquiry.replied",
        networkId,
        inquiryId: id,
        messageId,
        actor: tx.actor,
        userIds: [row.openedBy],
      },
      closing && row.status !== "closed"
        ? {
            networkId,
            actor: tx.actor,
            action: "inquiries.status",
            targetType: "inquiry",
            targetId: id,
            data: { from: row.status, to: "closed" },
          }
        : undefined,
    );
    const member = await contactOf(tx.db, networkId, row.openedBy);
    // The desk mails the answer in its own words when the member wants answers by mail at once
    // (the default); a digest lists it from the bell, "app only" and "off" send nothing.
    const mailNow =
      member &&
      row.openedBy !== userId &&
      (await channelFor(tx.db, networkId, row.openedBy, "inquiry_answered")) === "email";
    if (member && mailNow) {
      await tx.ctx.mailer.enqueue(
        member.email,
        "inquiryReplied",
        member.locale === "en" ? "en" : "ja",
        {
          networkName: tx.network.name,
          name: member.name,
          subject: row.subject,
          url: deskUrl(tx, `/inquiries/${id}`),
        },
        { tx: tx.db, key: `inquiry-replied:${messageId}`, networkId },
      );
    }
  });
}

/** Changes the status (operators: answered, closed, reopened; the member: closed). */
export async function changeStatus(scope: Scope, id: string, to: InquiryStatus, at = new Date()) {
  const networkId = scope.network.id;
  await inTransaction(scope, async (tx) => {
    const row = await loadLocked(tx, id);
    if (row.status === to) return;
    await updateInquiry(tx.db, networkId, id, {
      status: to,
      waitingSince: to === "open" ? at : null,
      closedAt: to === "closed" ? at : null,
      lastActivityAt: at,
    });
    await insertEvent(tx.db, {
      id: randomUUID(),
      networkId,
      inquiryId: id,
      kind: "status",
      actorId: tx.actor.userId,
      data: { from: row.status, to },
      at,
    });
    await audit(tx.db, {
      networkId,
      actor: tx.actor,
      action: "inquiries.status",
      targetType: "inquiry",
      targetId: id,
      data: { from: row.status, to },
    });
  });
}

/** The member closes their own inquiry. */
export async function closeOwnInquiry(scope: MemberScope, id: string) {
  const row = await loadReadable(scope, id);
  if (!can(scope, inquiriesPolicy.own, row)) throw inquiryNotFound();
  await changeStatus(scope, id, "closed");
}

/** Assigns the inquiry to an operator of the network (or to nobody). */
export async function assignInquiry(scope: Scope, id: string, assigneeId: string | null, at = new Date()) {
  const networkId = scope.network.id;
  await inTransaction(scope, async (tx) => {
    const row = await loadLocked(tx, id);
    if (assigneeId && !(await isActiveOperator(tx.db, networkId, assigneeId))) throw notAnOperator();
    if (row.assigneeId === assigneeId) return;
    await updateInquiry(tx.db, networkId, id, { assigneeId });
    await insertEvent(tx.db, {
      id: randomUUID(),
      networkId,
      inquiryId: id,
      kind: "assigned",
      actorId: tx.actor.userId,
      data: { from: row.assigneeId, to: assigneeId },
      at,
    });
    await audit(tx.db, {
      networkId,
      actor: tx.actor,
      action: "inquiries.assign",
      targetType: "inquiry",
      targetId: id,
      data: { from: row.assigneeId, to: assigneeId },
    });
  });
}
