import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../db/schema/index.ts";
import { cursorParam, idParam, safeString, slugParam } from "../../shared/text-schema.ts";
import { LOCKED_KINDS } from "./kinds.ts";

export const slugParams = z.object({ slug: slugParam });
export const threadParams = z.object({ slug: slugParam, type: z.enum(["post"]), id: idParam });

export const listQuery = z.object({
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const notificationOut = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** What happened, in the viewer's language. */
  text: z.string(),
  excerpt: z.string().nullable(),
  postId: z.string().nullable(),
  commentId: z.string().nullable(),
  /** Where it leads, under /n/<slug> ("/posts/…", "/inquiries/…"; "" for the network's home). */
  path: z.string(),
  /** A direct message's conversation (open /n/:slug/messages/:conversationId). */
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export const listOut = z.object({
  items: z.array(notificationOut),
  nextCursor: z.string().nullable(),
  unread: z.number().describe("Unread notifications (counted up to 100)"),
});

export const unreadOut = z.object({ unread: z.number() });

export const readInput = z.object({
  ids: z.array(idParam).max(200).optional().describe("These notifications; all when omitted"),
});

// A warning from the operators (kind "moderation") and a change to an event the member registered
// for (kind "event_change") always reach the member: not a choice (LOCKED_KINDS).
type ChoosableKind = Exclude<(typeof NOTIFICATION_KINDS)[number], "moderation" | "event_change">;
const channels = z.object(
  Object.fromEntries(
    NOTIFICATION_KINDS.filter((k) => !LOCKED_KINDS.includes(k)).map((k) => [
      k,
      z.enum(NOTIFICATION_CHANNELS),
    ]),
  ) as Record<ChoosableKind, z.ZodEnum<{ [K in (typeof NOTIFICATION_CHANNELS)[number]]: K }>>,
);

export const prefsOut = z.object({
  channels: channels.describe("Per kind: inapp (the bell only), email (at once), digest (daily), off"),
  digestHour: z.number().int().describe("Hour of the daily digest, Japan time (0–23)"),
});

export const prefsInput = z.object({
  channels: channels.partial().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
});

export const threadLevelIO = z.object({ level: z.enum(["watch", "normal", "mute"]) });

export const unsubscribeQuery = z.object({ token: safeString().min(10).max(400) });
export const unsubscribeOut = z.object({ kind: z.enum(NOTIFICATION_KINDS) });
