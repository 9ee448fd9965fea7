// Events: inputs and outputs.
import { z } from "zod";
import { EVENT_FORMATS, EVENT_SIDES, RSVP_STATUSES } from "../../db/schema/events.ts";
import { csvEncodingParam } from "../../shared/csv-export.ts";
import { idParam, safeString, slugParam, text } from "../../shared/text-schema.ts";

export const slugParams = z.object({ slug: slugParam });
export const eventParams = z.object({ slug: slugParam, id: idParam });
export const coverParams = z.object({ slug: slugParam, id: idParam });
export const eventCoverParams = z.object({ slug: slugParam, id: idParam, imageId: idParam });
export const coverOut = z.object({
  id: z.string(),
  url: z.string().describe("Its preview (mine only, until an event names it)"),
  width: z.number(),
  height: z.number(),
});
export const eventMemberParams = z.object({ slug: slugParam, id: idParam, userId: idParam });
export const rsvpParams = z.object({ slug: slugParam, id: idParam, rsvpId: idParam });

const moment = z.iso.datetime({ offset: true });
const link = safeString()
  .trim()
  .max(2_000)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), "Must be an http(s) link");

export const EVENT_CAPACITY_MAX = 100_000;
export const GUESTS_MAX = 10;

export const eventAudienceInput = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("network") }),
    z.object({ type: z.literal("segment"), segmentId: idParam }),
    z.object({ type: z.literal("group"), groupId: idParam }),
  ])
  .describe("Who may see and join: the whole network, a segment's members (operators), a group's members");

export const questionInput = z.object({
  id: safeString().min(1).max(40).optional().describe("Kept from a previous version (answers follow it)"),
  label: text({ min: 1, max: 200 }),
  required: z.boolean().default(false),
});

const fields = {
  title: text({ min: 1, max: 120 }),
  description: text({ max: 10_000, multiline: true }),
  format: z.enum(EVENT_FORMATS),
  venueName: text({ max: 200 }).nullable(),
  venueAddress: text({ max: 300 }).nullable(),
  mapUrl: link.nullable(),
  onlineUrl: link.nullable().describe("Shown only to confirmed attendees and the organizers"),
  startsAt: moment,
  endsAt: moment,
  allDay: z.boolean(),
  capacity: z.number().int().min(1).max(EVENT_CAPACITY_MAX).nullable().describe("null: unlimited"),
  guestsMax: z.number().int().min(0).max(GUESTS_MAX),
  rsvpOpensAt: moment.nullable(),
  rsvpClosesAt: moment.nullable(),
  audience: eventAudienceInput,
  sides: z.enum(EVENT_SIDES).describe("all: employees and alumni; or one side only (operators always)"),
  approval: z.boolean().describe("RSVPs wait for an organizer's approval"),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(168)
    .nullable()
    .describe("A freed seat is offered to the first waiting for this many hours; null: given at once"),
  questions: z.array(questionInput).max(10),
  reminders: z
    .array(z.number().int().min(5).max(20_160))
    .max(5)
    .describe("Minutes before the start (default: 1440 and 60)"),
  coverImageId: idParam
    .nullable()
    .describe("The cover: an upload of mine (POST /events/covers) or the event's own; null: none"),
};

export const eventInput = z.object({
  ...fields,
  description: fields.description.default(""),
  venueName: fields.venueName.default(null),
  venueAddress: fields.venueAddress.default(null),
  mapUrl: fields.mapUrl.default(null),
  onlineUrl: fields.onlineUrl.default(null),
  allDay: fields.allDay.default(false),
  capacity: fields.capacity.default(null),
  guestsMax: fields.guestsMax.default(0),
  rsvpOpensAt: fields.rsvpOpensAt.default(null),
  rsvpClosesAt: fields.rsvpClosesAt.default(null),
  audience: fields.audience.default({ type: "network" }),
  sides: fields.sides.default("all"),
  approval: fields.approval.default(false),
  offerHours: fields.offerHours.default(null),
  questions: fields.questions.default([]),
  reminders: fields.reminders.default([1440, 60]),
  coverImageId: fields.coverImageId.default(null),
  publishAt: z
    .union([z.literal("now"), moment])
    .nullable()
    .default(null)
    .describe('"now", a moment (published then), or null: a draft'),
});
export type EventInput = z.output<typeof eventInput>;

export const eventPatch = z
  .object({
    title: fields.title.optional(),
    description: fields.description.optional(),
    format: fields.format.optional(),
    venueName: fields.venueName.optional(),
    venueAddress: fields.venueAddress.optional(),
    mapUrl: fields.mapUrl.optional(),
    onlineUrl: fields.onlineUrl.optional(),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    allDay: fields.allDay.optional(),
    capacity: fields.capacity.optional(),
    guestsMax: fields.guestsMax.optional(),
    rsvpOpensAt: fields.rsvpOpensAt.optional(),
    rsvpClosesAt: fields.rsvpClosesAt.optional(),
    sides: fields.sides.optional(),
    approval: fields.approval.optional(),
    offerHours: fields.offerHours.optional(),
    questions: fields.questions.optional(),
    reminders: fields.reminders.optional(),
    coverImageId: fields.coverImageId.optional(),
    publishAt: z
      .union([z.literal("now"), moment])
      .nullable()
      .optional(),
  })
  .strict();
export type EventPatch = z.output<typeof eventPatch>;

export const duplicateInput = z.object({
  startsAt: moment.describe("The copy's start; its end keeps the original's length"),
});

export const eventListQuery = z.object({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  format: z.enum(EVENT_FORMATS).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .describe("YYYY-MM, in Japan time"),
  mine: z.enum(["true", "false"]).optional().describe("true: only events I registered for (or wait for)"),
  drafts: z.enum(["true", "false"]).optional().describe("true: drafts and scheduled events I organize"),
  cursor: safeString().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type EventListQuery = z.output<typeof eventListQuery>;

export const rsvpInput = z.object({
  guests: z.number().int().min(0).max(GUESTS_MAX).default(0),
  answers: z.record(safeString().min(1).max(40), text({ max: 1_000, multiline: true })).default({}),
  listed: z.boolean().default(true).describe("Shown in who else is going (to those who may see me)"),
});
export type RsvpInput = z.output<typeof rsvpInput>;

export const decisionInput = z.object({ approve: z.boolean() });
export const organizerInput = z.object({ userId: idParam });

const personOut = z.object({
  userId: z.string(),
  name: z.string(),
  photoUrl: z.string().nullable(),
});

export const myRsvpOut = z.object({
  id: z.string(),
  status: z.enum(RSVP_STATUSES),
  guests: z.number(),
  answers: z.record(z.string(), z.string()),
  listed: z.boolean(),
  /** 1 for the first waiting (waitlisted only). */
  position: z.number().nullable(),
  checkedIn: z.boolean(),
  /** An offered seat: answer by then, or it passes to the next. */
  offerExpiresAt: z.string().nullable(),
});

export const eventOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  format: z.enum(EVENT_FORMATS),
  venueName: z.string().nullable(),
  venueAddress: z.string().nullable(),
  mapUrl: z.string().nullable(),
  /** Null unless the viewer is a confirmed attendee or an organizer. */
  onlineUrl: z.string().nullable(),
  /** An online link exists (the viewer sees it once confirmed). */
  hasOnlineUrl: z.boolean(),
  /** The cover picture (kept when the event is edited without naming another). */
  coverImageId: z.string().nullable(),
  /** Where the cover is read (those who may see the event). */
  coverUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  allDay: z.boolean(),
  capacity: z.number().nullable(),
  seatsTaken: z.number(),
  waitlisted: z.number(),
  guestsMax: z.number(),
  rsvpOpensAt: z.string().nullable(),
  rsvpClosesAt: z.string().nullable(),
  audience: z.object({
    type: z.enum(["network", "segment", "group"]),
    segmentId: z.string().nullable(),
    segmentName: z.string().nullable(),
    groupId: z.string().nullable(),
    groupName: z.string().nullable(),
  }),
  sides: z.enum(EVENT_SIDES),
  approval: z.boolean(),
  offerHours: z.number().nullable(),
  questions: z.array(z.object({ id: z.string(), label: z.string(), required: z.boolean() })),
  reminders: z.array(z.number()),
  status: z.enum(["draft", "scheduled", "published", "cancelled"]),
  publishedAt: z.string().nullable(),
  past: z.boolean(),
  /** Whether an RSVP is taken now: open, not yet open, closed (deadline or past), cancelled. */
  rsvp: z.enum(["open", "not_yet", "closed"]),
  my: myRsvpOut.nullable(),
  organizers: z.array(personOut),
  sequence: z.number(),
  googleCalendarUrl: z.string(),
  can: z.object({ manage: z.boolean(), appoint: z.boolean(), duplicate: z.boolean() }),
});
export type EventOut = z.infer<typeof eventOut>;

export const eventListOut = z.object({ items: z.array(eventOut), nextCursor: z.string().nullable() });

export const attendeesOut = z.object({
  items: z.array(personOut.extend({ guests: z.number(), profile: z.boolean() })),
  /** Confirmed people not shown (they chose not to be listed, or the viewer may not see them). */
  others: z.number(),
});

export const rsvpRowOut = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(RSVP_STATUSES),
  guests: z.number(),
  answers: z.record(z.string(), z.string()),
  seq: z.number(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
  walkIn: z.boolean(),
});
export const rsvpListOut = z.object({ items: z.array(rsvpRowOut) });

export const calendarFeedOut = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** The secret URL: given only when it is made (kept as a hash); a new one revokes the old. */
  url: z.string().nullable(),
});
export const calendarTokenParams = z.object({ token: safeString().min(10).max(200) });

export const ticketOut = z.object({
  /** What the QR code holds: signed for this event and RSVP. */
  code: z.string(),
  checkedInAt: z.string().nullable(),
});
export const checkInInput = z
  .object({
    code: safeString().max(300).optional().describe("The scanned QR code"),
    rsvpId: idParam.optional().describe("Or the RSVP picked from the list"),
  })
  .refine((v) => !!v.code !== !!v.rsvpId, "Give the scanned code or the RSVP, one of them");
export const walkInInput = z
  .object({
    userId: idParam.optional().describe("A member who came without a seat"),
    name: text({ min: 1, max: 100 }).optional().describe("Or a person by name"),
    guests: z.number().int().min(0).max(GUESTS_MAX).default(0),
  })
  .refine((v) => !!v.userId !== !!v.name, "Give the member or the name, one of them");
export const checkInOut = z.object({
  rsvpId: z.string(),
  name: z.string(),
  guests: z.number(),
  /** Checked in before (a second scan): nothing changed. */
  already: z.boolean(),
  checkedInAt: z.string(),
});
export const attendanceOut = z.object({
  confirmed: z.number(),
  checkedIn: z.number(),
  noShow: z.number(),
  walkIns: z.number(),
  repeat: z.number().describe("Of those who came: members who have come to 2 events or more"),
});
export const thanksInput = z.object({ message: text({ min: 1, max: 2_000, multiline: true }) });
export const thanksOut = z.object({ sent: z.number().describe("Members told now (not those told before)") });
export const attendanceCsvQuery = z.object({ encoding: csvEncodingParam });
