// Event row → API shape. The online link leaves the server only for a confirmed attendee and the
// organizers; the Google Calendar link carries no online link for anyone else either.
import type { RsvpRow } from "./queries.ts";
import type { EventOut } from "./schemas.ts";

type EventLike = {
  id: string;
  title: string;
  description: string;
  format: EventOut["format"];
  venueName: string | null;
  venueAddress: string | null;
  mapUrl: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  capacity: number | null;
  seatsTaken: number;
  waitlisted: number;
  guestsMax: number;
  rsvpOpensAt: Date | null;
  rsvpClosesAt: Date | null;
  audience: EventOut["audience"]["type"];
  segmentId: string | null;
  groupId: string | null;
  sides: EventOut["sides"];
  approval: boolean;
  offerHours: number | null;
  questions: EventOut["questions"];
  reminders: number[];
  publishedAt: Date | null;
  cancelledAt: Date | null;
  sequence: number;
  coverImageId: string | null;
};

const JST = 9 * 3600_000;

/** Whether an RSVP is taken now. */
export function rsvpWindow(
  e: Pick<EventLike, "cancelledAt" | "endsAt" | "rsvpOpensAt" | "rsvpClosesAt">,
  now = new Date(),
): "open" | "not_yet" | "closed" {
  if (e.cancelledAt || e.endsAt < now) return "closed";
  if (e.rsvpOpensAt && now < e.rsvpOpensAt) return "not_yet";
  if (e.rsvpClosesAt && now > e.rsvpClosesAt) return "closed";
  return "open";
}

/** The online link, for who may have it. */
export const onlineUrlFor = (
  e: Pick<EventLike, "onlineUrl">,
  r: Pick<RsvpRow, "status"> | null,
  manage: boolean,
) => (manage || r?.status === "confirmed" ? e.onlineUrl : null);

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
const jstDay = (d: Date) => new Date(d.getTime() + JST).toISOString().slice(0, 10).replace(/-/g, "");

/** "Add to Google Calendar" (its public template link). */
export function googleCalendarUrl(e: EventLike, onlineUrl: string | null, eventUrl: string) {
  const dates = e.allDay
    ? `${jstDay(e.startsAt)}/${jstDay(new Date(e.endsAt.getTime() + 60_000))}`
    : `${utcStamp(e.startsAt)}/${utcStamp(e.endsAt)}`;
  const location = [e.venueName, e.venueAddress].filter(Boolean).join(" ") || onlineUrl || "";
  const details = [eventUrl, onlineUrl && onlineUrl !== location ? onlineUrl : null]
    .filter(Boolean)
    .join("\n");
  const q = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates,
    details,
    location,
    ctz: "Asia/Tokyo",
  });
  return `https://calendar.google.com/calendar/render?${q.toString()}`;
}

export function presentEvent(
  e: EventLike,
  r: Pick<
    RsvpRow,
    "id" | "status" | "guests" | "answers" | "listed" | "checkedInAt" | "offerExpiresAt"
  > | null,
  o: {
    manage: boolean;
    appoint: boolean;
    position: number | null;
    organizers: EventOut["organizers"];
    groupName: string | null;
    segmentName: string | null;
    eventUrl: string;
    /** Where the cover is read (the event's audience only), or null. */
    coverUrl: string | null;
  },
): EventOut {
  const now = new Date();
  const onlineUrl = onlineUrlFor(e, r, o.manage);
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    format: e.format,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    mapUrl: e.mapUrl,
    onlineUrl,
    hasOnlineUrl: e.onlineUrl !== null,
    coverImageId: o.coverUrl ? e.coverImageId : null,
    coverUrl: o.coverUrl,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    allDay: e.allDay,
    capacity: e.capacity,
    seatsTaken: e.seatsTaken,
    waitlisted: e.waitlisted,
    guestsMax: e.guestsMax,
    rsvpOpensAt: e.rsvpOpensAt?.toISOString() ?? null,
    rsvpClosesAt: e.rsvpClosesAt?.toISOString() ?? null,
    audience: {
      type: e.audience,
      segmentId: o.manage ? e.segmentId : null,
      segmentName: o.manage ? o.segmentName : null,
      groupId: e.groupId,
      groupName: o.groupName,
    },
    sides: e.sides,
    approval: e.approval,
    offerHours: e.offerHours,
    questions: e.questions,
    reminders: e.reminders,
    status: e.cancelledAt
      ? "cancelled"
      : !e.publishedAt
        ? "draft"
        : e.publishedAt > now
          ? "scheduled"
          : "published",
    publishedAt: e.publishedAt?.toISOString() ?? null,
    past: e.endsAt < now,
    rsvp: rsvpWindow(e, now),
    my: r
      ? {
          id: r.id,
          status: r.status,
          guests: r.guests,
          answers: r.answers,
          listed: r.listed,
          position: o.position,
          checkedIn: r.checkedInAt !== null,
          offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
        }
      : null,
    organizers: o.organizers,
    sequence: e.sequence,
    googleCalendarUrl: googleCalendarUrl(e, onlineUrl, o.eventUrl),
    can: { manage: o.manage, appoint: o.appoint, duplicate: o.manage },
  };
}
