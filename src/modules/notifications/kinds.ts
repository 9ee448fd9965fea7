// The kinds of notification and how each reaches a member unless they chose otherwise.
import type { NotificationChannel, NotificationKind } from "../../db/schema/index.ts";

/** Direct words to the member go by email at once; what concerns everyone waits for the digest. */
export const DEFAULT_CHANNEL: Record<NotificationKind, NotificationChannel> = {
  reply: "email",
  mention: "email",
  dm: "email",
  inquiry_answered: "email",
  group_request: "email",
  // A request to decide: the bell, and the daily digest (not a mail each time).
  group_join_requested: "digest",
  announcement: "digest",
  watched_activity: "digest",
  moderation: "email",
  event_rsvp: "email",
  event_change: "email",
  event_reminder: "email",
  event_thanks: "email",
  // A new posting for an alumnus who opted in to such offers: the digest, unless they choose otherwise.
  opportunity_offer: "digest",
  // Their own application (a stage, a message) and a reviewer's work (new applications, approvals, reconfirming).
  opportunity_application: "email",
  opportunity_review: "email",
};

/**
 * Kinds a member cannot choose: the operators' word about the member's own content (a warning)
 * reaches them in the app and by mail, whatever they chose for the rest; so does a change of time or
 * place (or the cancellation) of an event they registered for.
 */
export const LOCKED_KINDS: readonly NotificationKind[] = ["moderation", "event_change"];
export const CHOOSABLE_KINDS = (Object.keys(DEFAULT_CHANNEL) as NotificationKind[]).filter(
  (k) => !LOCKED_KINDS.includes(k),
);

export const DIGEST_DEFAULT_HOUR = 8;
