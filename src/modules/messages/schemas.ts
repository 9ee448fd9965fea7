// Direct messages: conversations, messages, blocks and settings (reports: the moderation module).
import { z } from "zod";
import { MAX_PARTICIPANTS, MESSAGE_MAX } from "../../db/schema/messages.ts";
import { cursorParam, idParam, slugParam, text } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const conversationParams = z.object({ slug: slugParam, id: idParam });
export const userParams = z.object({ slug: slugParam, userId: idParam });

const body = text({ min: 1, max: MESSAGE_MAX, multiline: true }).describe(
  `Plain text (at most ${MESSAGE_MAX} characters; line breaks kept, never rendered as HTML)`,
);

export const startInput = z.object({
  userIds: z
    .array(idParam)
    .min(1)
    .max(MAX_PARTICIPANTS - 1)
    .describe(
      `Who to talk with (one: a one-to-one conversation, reopened when it exists; up to ${MAX_PARTICIPANTS - 1}: a group)`,
    ),
  body: body.describe("The first message"),
});
export type StartInput = z.output<typeof startInput>;

export const sendInput = z.object({ body });
export const readInput = z.object({
  messageId: idParam.optional().describe("Read up to this message; the newest when omitted"),
});
export const muteInput = z.object({ muted: z.boolean() });
export const settingsInput = z.object({ refuseStrangers: z.boolean() });

export const listQuery = z.object({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(30),
});
export const historyQuery = z.object({
  cursor: cursorParam.optional().describe("Older messages than the page this cursor came with"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const personOut = z.object({
  userId: z.string(),
  name: z.string(),
  photoUrl: z.string().nullable(),
  /** Whether the viewer may open this person's profile. */
  profile: z.boolean(),
});
export type PersonOut = z.infer<typeof personOut>;

export const messageOut = z.object({
  id: z.string(),
  senderId: z.string(),
  body: z.string(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export type MessageOut = z.infer<typeof messageOut>;

export const conversationSummaryOut = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  /** The other participants. */
  others: z.array(personOut),
  lastMessage: z
    .object({ excerpt: z.string(), senderId: z.string().nullable(), mine: z.boolean() })
    .nullable(),
  lastMessageAt: z.string(),
  unread: z.number(),
});

export const conversationListOut = z.object({
  items: z.array(conversationSummaryOut),
  nextCursor: z.string().nullable(),
  unreadTotal: z.number(),
});

export const unreadOut = z.object({
  messages: z.number().describe("Unread messages over all conversations"),
  conversations: z.number().describe("Conversations with unread messages"),
});

export const conversationOut = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  others: z.array(personOut),
  muted: z.boolean(),
  unread: z.number(),
  /** One-to-one: whether the viewer blocked the other person. */
  blockedByMe: z.boolean(),
  /** Whether a message can be sent now (false in a one-to-one with a block either way; no reason told). */
  canSend: z.boolean(),
});

export const historyOut = z.object({
  /** Oldest first (the newest at the bottom). */
  items: z.array(messageOut),
  /** For the older page, or null at the start of the conversation. */
  nextCursor: z.string().nullable(),
});

export const startOut = z.object({ conversationId: z.string(), message: messageOut, reopened: z.boolean() });

export const messageableQuery = z.object({
  userIds: z
    .preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(idParam).min(1).max(50))
    .describe("Members to ask about (?userIds=a&userIds=b; at most 50: a page of the directory)"),
});
export const messageableOut = z.object({
  userIds: z.array(z.string()).describe("Those of them I may message (the others are not told apart)"),
});

export const canOut = z.object({
  canMessage: z.boolean(),
  /** The one-to-one conversation with this person, if there is one. */
  conversationId: z.string().nullable(),
});

export const settingsOut = z.object({
  refuseStrangers: z.boolean(),
  blocked: z.array(personOut.extend({ blockedAt: z.string() })),
});
