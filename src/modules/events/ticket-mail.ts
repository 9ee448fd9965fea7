// The confirmation mail with the check-in ticket: when a member's seat becomes confirmed — at her
// RSVP, by an organizer's approval, from the waitlist, or by taking an offered seat — she gets one
// mail in her language with the event, her party, the place (and the online link: she is
// confirmed), her check-in code as a QR image shown inline (a `cid:` PNG made with `qrcode`, the
// code as text beneath) and the event's .ics attached. It is transactional, like an order
// confirmation: it goes whatever she chose for notifications (the bell row of a promotion or an
// approval is written without a mail of its own: this is that mail). Queued in the transaction
// that confirms the seat, keyed by the RSVP and its arrival number — one confirmation, one mail; a
// retry (or a second confirmation of the same seat) queues nothing twice.
import QRCode from "qrcode";
import type { Tx } from "../../db/client.ts";
import type { MailAttachment } from "../../mail/mailer.ts";
import { type Locale, type MailTemplates, TICKET_QR_CID } from "../../mail/templates.ts";
import type { Scope } from "../../server/scope.ts";
import { confirmedIcs } from "./calendar.ts";
import { ticketCode } from "./checkin.ts";
import { type EventRow, mailRecipients, type RsvpRow } from "./queries.ts";

export type TicketReason = MailTemplates["eventTicket"]["reason"];

/** The key of a seat's confirmation mail: the RSVP and its arrival number (a new RSVP after a cancellation is a new one). */
export const ticketMailKey = (r: Pick<RsvpRow, "id" | "seq">) => `event-ticket:${r.id}:${r.seq}`;

const day = (d: Date, locale: Locale) =>
  d.toLocaleDateString(locale === "en" ? "en" : "ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: locale === "en" ? "short" : "long",
    day: "numeric",
    weekday: "short",
  });
const hour = (d: Date) =>
  d.toLocaleTimeString("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });

/** 「2026年12月16日(水) 19:00〜21:00」 / "Wed, Dec 16, 2026, 19:00–21:00", in Japan time. */
export function eventWhen(e: Pick<EventRow, "startsAt" | "endsAt" | "allDay">, locale: Locale) {
  const to = locale === "en" ? "–" : "〜";
  const a = day(e.startsAt, locale);
  const b = day(e.endsAt, locale);
  if (e.allDay) return a === b ? a : `${a}${to}${b}`;
  return a === b
    ? `${a} ${hour(e.startsAt)}${to}${hour(e.endsAt)}`
    : `${a} ${hour(e.startsAt)}${to}${b} ${hour(e.endsAt)}`;
}

/**
 * Queues the confirmation mail of each of `rsvps` (members' RSVPs whose seat `e` has just
 * confirmed), in `tx`. Members no longer active get none.
 */
export async function queueTicketMails(
  tx: Scope & { db: Tx },
  e: EventRow,
  rsvps: Pick<RsvpRow, "id" | "seq" | "userId" | "guests">[],
  reason: TicketReason,
) {
  const mine = rsvps.filter((r) => r.userId);
  if (!mine.length) return;
  const { ctx, network } = tx;
  const people = new Map(
    (await mailRecipients(tx.db, network.id, [...new Set(mine.map((r) => r.userId!))])).map((p) => [
      p.userId,
      p,
    ]),
  );
  const base = ctx.config.baseUrl;
  const url = `${base}/n/${encodeURIComponent(network.slug)}/events/${e.id}`;
  const ics = Buffer.from(confirmedIcs(base, network.slug, network.name, e)).toString("base64");
  const venue = e.format === "online" ? "" : [e.venueName, e.venueAddress].filter(Boolean).join(" ");
  for (const r of mine) {
    const p = people.get(r.userId!);
    if (!p) continue;
    const locale: Locale = p.locale === "en" ? "en" : "ja";
    const code = ticketCode(ctx.secret, network.id, e.id, r.id);
    const qr = await QRCode.toBuffer(code, { type: "png", margin: 2, width: 440, errorCorrectionLevel: "M" });
    const attachments: MailAttachment[] = [
      {
        filename: "ticket-qr.png",
        contentType: "image/png",
        base64: qr.toString("base64"),
        cid: TICKET_QR_CID,
      },
      { filename: "event.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", base64: ics },
    ];
    await ctx.mailer.enqueue(
      p.email,
      "eventTicket",
      locale,
      {
        networkName: network.name,
        name: p.name,
        reason,
        title: e.title,
        when: eventWhen(e, locale),
        venue,
        mapUrl: (venue && e.mapUrl) || "",
        onlineUrl: e.format === "in_person" ? "" : (e.onlineUrl ?? ""),
        party: 1 + r.guests,
        url,
        ticketCode: code,
      },
      { tx: tx.db, key: ticketMailKey(r), networkId: network.id, attachments },
    );
  }
}
