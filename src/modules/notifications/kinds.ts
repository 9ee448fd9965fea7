// The kinds of notification and how each reaches a member unless they chose otherwise.
import type { NotificationChannel, NotificationKind } from "../../db/schema/index.ts";

/** Direct words to the member go by email at once; what concerns everyone waits for the digest. */
export const DEFAULT_CHANNEL: Record<NotificationKind, NotificationChannel> = {
  reply: "email",
  mention: "email",
  dm: "email",
  inquiry_answered: "email",
  group_request: "email",
  announcement: "digest",
  watched_activity: "digest",
};

export const DIGEST_DEFAULT_HOUR = 8;
