// Events (交流会, 座談会, study sessions): an event with its audience (resolved when read, as a
// post's: src/modules/feed/audience.ts), its co-organizers, and one RSVP per member (confirmed,
// waitlisted in arrival order, pending an organizer's approval, cancelled or declined) or per
// walk-in. The event row carries the seats taken and the waitlist's length, changed only while the
// row is locked (SELECT … FOR UPDATE in the RSVP's transaction): the seat check and the RSVP are
// one decision, and a CHECK refuses more seats than the capacity whatever the code does.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { member, organization } from "./auth.ts";
import { networkGroup } from "./groups.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true });
const inList = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(", "));

export const EVENT_FORMATS = ["in_person", "online", "hybrid"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_AUDIENCES = ["network", "segment", "group"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
/** Who of the audience: employees and alumni together, or one side only (operators always). */
export const EVENT_SIDES = ["all", "employees", "alumni"] as const;
export type EventSide = (typeof EVENT_SIDES)[number];
export const RSVP_STATUSES = [
  "confirmed",
  "waitlisted",
  "pending",
  "cancelled",
  "declined",
  "walk_in",
  "offered",
] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** A question asked at RSVP (dietary needs, what you want to talk about). */
export type EventQuestion = { id: string; label: string; required: boolean };

export const event = pgTable(
  "event",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Markdown, rendered without raw HTML by the web (as posts). */
    description: text("description").notNull().default(""),
    format: text("format").$type<EventFormat>().notNull(),
    venueName: text("venue_name"),
    venueAddress: text("venue_address"),
    mapUrl: text("map_url"),
    /** Shown only to confirmed attendees and the organizers. */
    onlineUrl: text("online_url"),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    /** All day: the days (in Japan) of starts_at to ends_at, without hours. */
    allDay: boolean("all_day").notNull().default(false),
    /** Seats (each RSVP takes 1 + its guests); null: unlimited. */
    capacity: integer("capacity"),
    /** At most this many guests per RSVP (+N); 0: none. */
    guestsMax: integer("guests_max").notNull().default(0),
    rsvpOpensAt: ts("rsvp_opens_at"),
    rsvpClosesAt: ts("rsvp_closes_at"),
    audience: text("audience").$type<EventAudience>().notNull().default("network"),
    segmentId: text("segment_id"),
    groupId: text("group_id"),
    sides: text("sides").$type<EventSide>().notNull().default("all"),
    /**
     * A freed seat is offered to the first waiting for this many hours before it passes to the
     * next; null: given at once.
     */
    offerHours: integer("offer_hours"),
    /** RSVPs wait for an organizer's approval. */
    approval: boolean("approval").notNull().default(false),
    questions: jsonb("questions").$type<EventQuestion[]>().notNull().default([]),
    /** Minutes before the start when reminders go (default: the day before and 1 hour before). */
    reminders: jsonb("reminders").$type<number[]>().notNull().default([1440, 60]),
    /** The cover picture (an `event_image` of this event), or none. */
    coverImageId: text("cover_image_id"),
    /** Null: a draft; in the future: published then. */
    publishedAt: ts("published_at"),
    cancelledAt: ts("cancelled_at"),
    /** iCalendar SEQUENCE: raised with every change attendees are told about. */
    sequence: integer("sequence").notNull().default(0),
    /** Seats taken by confirmed RSVPs (with their guests); changed only under the row lock. */
    seatsTaken: integer("seats_taken").notNull().default(0),
    /** People waiting (with their guests). */
    waitlisted: integer("waitlisted").notNull().default(0),
    /** The next RSVP's arrival number (the waitlist's order). */
    nextSeq: integer("next_seq").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("event_network_id_uq").on(t.networkId, t.id),
    // Upcoming and past lists (by start).
    index("event_start_idx").on(t.networkId, t.startsAt, t.id),
    // Whether a member organizes anything (the event list's cache is not theirs then).
    index("event_creator_idx").on(t.networkId, t.createdBy),
    check("event_format_ck", sql`${t.format} in (${inList(EVENT_FORMATS)})`),
    check("event_audience_ck", sql`${t.audience} in (${inList(EVENT_AUDIENCES)})`),
    check("event_sides_ck", sql`${t.sides} in (${inList(EVENT_SIDES)})`),
    check("event_time_ck", sql`${t.endsAt} >= ${t.startsAt}`),
    check("event_capacity_ck", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    // No overbooking, whatever the code does (lowering the capacity below the seats taken is refused).
    check(
      "event_seats_ck",
      sql`${t.seatsTaken} >= 0 and (${t.capacity} is null or ${t.seatsTaken} <= ${t.capacity})`,
    ),
    check("event_waitlisted_ck", sql`${t.waitlisted} >= 0`),
    foreignKey({
      name: "event_group_fk",
      columns: [t.networkId, t.groupId],
      foreignColumns: [networkGroup.networkId, networkGroup.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Cover pictures of events, kept in the file storage (`events/<networkId>/<id>`). Uploaded first
 * (pending: `event_id` null, only its uploader may use it, removed after 24 hours), then made the
 * cover of one event (at most one picture per event); the event row names it (`cover_image_id`),
 * so the list reads no other table.
 */
export const eventImage = pgTable(
  "event_image",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    uploadedBy: text("uploaded_by").notNull(),
    eventId: text("event_id"),
    storageKey: text("storage_key").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_image_event_uq").on(t.networkId, t.eventId),
    index("event_image_uploader_idx").on(t.networkId, t.uploadedBy, t.createdAt),
    foreignKey({
      name: "event_image_event_fk",
      columns: [t.networkId, t.eventId],
      foreignColumns: [event.networkId, event.id],
    }).onDelete("cascade"),
  ],
);

/** Co-organizers named by an operator (alumni volunteers, employees): they manage the event. */
export const eventOrganizer = pgTable(
  "event_organizer",
  {
    networkId: text("network_id").notNull(),
    eventId: text("event_id").notNull(),
    userId: text("user_id").notNull(),
    addedBy: text("added_by"),
    addedAt: ts("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.eventId, t.userId] }),
    index("event_organizer_user_idx").on(t.networkId, t.userId),
    foreignKey({
      name: "event_organizer_event_fk",
      columns: [t.networkId, t.eventId],
      foreignColumns: [event.networkId, event.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "event_organizer_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/** A member's RSVP (one per member and event), or a walk-in added at the door (no member). */
export const eventRsvp = pgTable(
  "event_rsvp",
  {
    id: text("id").primaryKey(),
    networkId: text("network_id").notNull(),
    eventId: text("event_id").notNull(),
    userId: text("user_id"),
    /** A walk-in who is not a member: the name the organizer typed. */
    walkInName: text("walk_in_name"),
    status: text("status").$type<RsvpStatus>().notNull(),
    guests: integer("guests").notNull().default(0),
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    /** Shown in "who else is going" (to those who may see them in the directory). */
    listed: boolean("listed").notNull().default(true),
    /** Arrival order (the waitlist's FIFO), given under the event row's lock. */
    seq: integer("seq").notNull(),
    /** When the seat decision was taken (clock time under the lock). */
    decidedAt: ts("decided_at").notNull().defaultNow(),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** Promoted from the waitlist then. */
    promotedAt: ts("promoted_at"),
    /** An offered seat (offer_hours) is held until then. */
    offerExpiresAt: ts("offer_expires_at"),
    checkedInAt: ts("checked_in_at"),
    checkedInBy: text("checked_in_by"),
  },
  (t) => [
    unique("event_rsvp_network_id_uq").on(t.networkId, t.id),
    uniqueIndex("event_rsvp_member_uq").on(t.networkId, t.eventId, t.userId),
    // The waitlist in arrival order, and each status's list.
    index("event_rsvp_status_idx").on(t.networkId, t.eventId, t.status, t.seq),
    // "My RSVPs".
    index("event_rsvp_user_idx").on(t.networkId, t.userId),
    check("event_rsvp_status_ck", sql`${t.status} in (${inList(RSVP_STATUSES)})`),
    check("event_rsvp_guests_ck", sql`${t.guests} >= 0`),
    check("event_rsvp_who_ck", sql`${t.userId} is not null or ${t.walkInName} is not null`),
    foreignKey({
      name: "event_rsvp_event_fk",
      columns: [t.networkId, t.eventId],
      foreignColumns: [event.networkId, event.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "event_rsvp_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/** A member's personal calendar feed: the secret is kept hashed; a new one revokes the old. */
export const calendarFeed = pgTable(
  "calendar_feed",
  {
    networkId: text("network_id").notNull(),
    userId: text("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    uniqueIndex("calendar_feed_token_uq").on(t.tokenHash),
    foreignKey({
      name: "calendar_feed_member_fk",
      columns: [t.networkId, t.userId],
      foreignColumns: [member.organizationId, member.userId],
    }).onDelete("cascade"),
  ],
);

/**
 * The version of a network's events: raised when a transaction that changed an event, an RSVP or
 * a co-organizer commits (a deferred trigger, migration 0027: every write path, cascades included,
 * and the row is locked only at commit, after every other lock the transaction takes). The event
 * list's cache (src/modules/events/cache.ts) serves a page only while it is unchanged.
 */
export const eventVersion = pgTable("event_version", {
  networkId: text("network_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  version: bigint("version", { mode: "number" }).notNull().default(0),
});
