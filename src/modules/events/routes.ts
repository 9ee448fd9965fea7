import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";
import { access, memberScopeOf } from "../../server/access.ts";
import { requestLang } from "../../server/context.ts";
import { sendCsv } from "../../server/csv-export.ts";
import type { FastifyZod } from "../../server/http.ts";
import { uploadedPicture } from "../feed/index.ts";
import {
  calendarFeedIcs,
  calendarFeedState,
  eventIcs,
  renewCalendarFeed,
  revokeCalendarFeed,
} from "./calendar.ts";
import {
  addWalkIn,
  attendanceCsv,
  attendanceSummary,
  checkIn,
  myTicket,
  thankAttendees,
  undoCheckIn,
} from "./checkin.ts";
import { pendingCoverFile, removePendingCover, uploadCover } from "./cover.ts";
import { eventsPolicy } from "./policy.ts";
import {
  attendanceCsvQuery,
  attendanceOut,
  attendeesOut,
  calendarFeedOut,
  calendarTokenParams,
  checkInInput,
  checkInOut,
  coverOut,
  coverParams,
  decisionInput,
  duplicateInput,
  eventCoverParams,
  eventInput,
  eventListOut,
  eventListQuery,
  eventMemberParams,
  eventOut,
  eventParams,
  eventPatch,
  rsvpInput,
  rsvpListOut,
  rsvpParams,
  slugParams,
  thanksInput,
  thanksOut,
  ticketOut,
  walkInInput,
} from "./schemas.ts";
import {
  appointOrganizer,
  attendees,
  cancelEvent,
  cancelRsvp,
  createEvent,
  decideRsvp,
  duplicateEvent,
  editEvent,
  eventCoverFile,
  getEvent,
  listMyEvents,
  rsvp,
  rsvpList,
} from "./service.ts";

const tags = ["events"];
const read = { access: access.member(eventsPolicy.read) };
const rsvpRule = { access: access.member(eventsPolicy.rsvp) };
const manage = { access: access.member(eventsPolicy.manage) };

/** A calendar file as a download, never kept by a shared cache. */
const sendIcs = (reply: FastifyReply, body: string, name: string) =>
  reply
    .type("text/calendar; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.ics"`)
    .header("cache-control", "private, no-store")
    .send(body);

/** A picture, as posts' pictures are sent (kept by the browser only, never run as a page). */
const sendPicture = (reply: FastifyReply, file: { stream: Readable; size: number; mime: string }) =>
  reply
    .header("cache-control", "private, max-age=3600")
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("content-length", file.size)
    .type(file.mime)
    .send(file.stream);

export default async function eventsRoutes(app: FastifyZod) {
  app.post(
    "/n/:slug/events/covers",
    {
      config: read,
      schema: {
        tags,
        summary:
          "Upload a cover picture for an event (multipart field `file`: JPEG, PNG or WebP by content, at most 8 MB and 8000 px a side; metadata removed). Name it as `coverImageId` of an event I may edit within 24 hours",
        consumes: ["multipart/form-data"],
        params: slugParams,
        response: { 201: coverOut },
      },
    },
    async (req, reply) => {
      const out = await uploadCover(memberScopeOf(req), await uploadedPicture(req));
      reply.code(201);
      return out;
    },
  );

  app.get(
    "/n/:slug/events/covers/:id",
    {
      config: read,
      schema: { tags, summary: "A cover I uploaded and have not used yet (preview)", params: coverParams },
    },
    async (req, reply) => sendPicture(reply, await pendingCoverFile(memberScopeOf(req), req.params.id)),
  );

  app.delete(
    "/n/:slug/events/covers/:id",
    {
      config: read,
      schema: { tags, summary: "Remove a cover I uploaded and have not used yet", params: coverParams },
    },
    async (req, reply) => {
      await removePendingCover(memberScopeOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/n/:slug/events/:id/cover/:imageId",
    {
      config: read,
      schema: {
        tags,
        summary: "The event's cover picture (those who may see the event; a draft: its organizers)",
        params: eventCoverParams,
      },
    },
    async (req, reply) =>
      sendPicture(reply, await eventCoverFile(memberScopeOf(req), req.params.id, req.params.imageId)),
  );

  app.get(
    "/n/:slug/events/:id/calendar.ics",
    {
      config: read,
      schema: {
        tags,
        summary: "The event as an iCalendar file (stable UID, SEQUENCE, STATUS:CANCELLED once cancelled)",
        params: eventParams,
      },
    },
    async (req, reply) => sendIcs(reply, await eventIcs(memberScopeOf(req), req.params.id), "event"),
  );

  app.get(
    "/n/:slug/events/:id/ticket",
    {
      config: read,
      schema: {
        tags,
        summary: "My check-in code (for the QR code) while my seat is confirmed",
        params: eventParams,
        response: { 200: ticketOut },
      },
    },
    async (req) => myTicket(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/events/:id/checkins",
    {
      config: manage,
      schema: {
        tags,
        summary: "Check an attendee in by the scanned code or from the list (a second scan changes nothing)",
        params: eventParams,
        body: checkInInput,
        response: { 200: checkInOut },
      },
    },
    async (req) => checkIn(memberScopeOf(req), req.params.id, req.body),
  );

  app.delete(
    "/n/:slug/events/:id/checkins/:rsvpId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Undo a check-in (organizers)",
        params: rsvpParams,
      },
    },
    async (req, reply) => {
      await undoCheckIn(memberScopeOf(req), req.params.id, req.params.rsvpId);
      return reply.code(204).send();
    },
  );

  app.post(
    "/n/:slug/events/:id/walk-ins",
    {
      config: manage,
      schema: {
        tags,
        summary: "Add a walk-in, checked in at once: a member or a name (takes no seat of the capacity)",
        params: eventParams,
        body: walkInInput,
        response: { 200: checkInOut },
      },
    },
    async (req) => addWalkIn(memberScopeOf(req), req.params.id, req.body),
  );

  app.get(
    "/n/:slug/events/:id/attendance",
    {
      config: manage,
      schema: {
        tags,
        summary: "Attendance: checked in, no-shows, walk-ins, repeat attendees (organizers)",
        params: eventParams,
        response: { 200: attendanceOut },
      },
    },
    async (req) => attendanceSummary(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/events/:id/thanks",
    {
      config: manage,
      schema: {
        tags,
        summary: "Thank everyone who was checked in (once per event; organizers)",
        params: eventParams,
        body: thanksInput,
        response: { 200: thanksOut },
      },
    },
    async (req) => thankAttendees(memberScopeOf(req), req.params.id, req.body.message),
  );

  app.get(
    "/n/:slug/events/:id/attendance.csv",
    {
      config: manage,
      schema: {
        tags,
        summary: "The attendance as CSV for Excel (UTF-8 with BOM, or Shift_JIS; organizers)",
        params: eventParams,
        querystring: attendanceCsvQuery,
      },
    },
    async (req, reply) =>
      sendCsv(
        reply,
        await attendanceCsv(memberScopeOf(req), req.params.id, req.query.encoding, requestLang(req)),
      ),
  );

  app.get(
    "/n/:slug/calendar-feed",
    {
      config: read,
      schema: {
        tags,
        summary: "Whether I have a personal calendar feed (its URL is shown only when made)",
        params: slugParams,
        response: { 200: calendarFeedOut },
      },
    },
    async (req) => calendarFeedState(memberScopeOf(req)),
  );

  app.post(
    "/n/:slug/calendar-feed",
    {
      config: read,
      schema: {
        tags,
        summary: "Make a new secret calendar feed URL (the previous one stops working)",
        params: slugParams,
        response: { 200: calendarFeedOut },
      },
    },
    async (req) => renewCalendarFeed(memberScopeOf(req)),
  );

  app.delete(
    "/n/:slug/calendar-feed",
    {
      config: read,
      schema: {
        tags,
        summary: "Revoke my calendar feed URL",
        params: slugParams,
        response: { 200: calendarFeedOut },
      },
    },
    async (req) => revokeCalendarFeed(memberScopeOf(req)),
  );

  app.get(
    "/calendar/:token",
    {
      config: {
        access: access.public(
          "the secret in the URL is the credential: it names one member's feed, is kept hashed and can be revoked",
        ),
      },
      schema: {
        tags,
        summary: "A member's personal calendar feed (iCalendar) behind its secret URL",
        params: calendarTokenParams,
      },
    },
    async (req, reply) => sendIcs(reply, await calendarFeedIcs(req.scope.ctx, req.params.token), "tsunagari"),
  );

  app.get(
    "/n/:slug/events",
    {
      config: read,
      schema: {
        tags,
        summary: "Upcoming (soonest first) or past (latest first) events whose audience reaches me",
        params: slugParams,
        querystring: eventListQuery,
        response: { 200: eventListOut },
      },
    },
    async (req) => listMyEvents(memberScopeOf(req), req.query),
  );

  app.post(
    "/n/:slug/events",
    {
      config: { access: access.member(eventsPolicy.create) },
      schema: {
        tags,
        summary: "Create an event (operators, employees); a segment's: operators",
        params: slugParams,
        body: eventInput,
        response: { 201: eventOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createEvent(memberScopeOf(req), req.body);
    },
  );

  app.get(
    "/n/:slug/events/:id",
    {
      config: read,
      schema: {
        tags,
        summary: "One event with my RSVP (404 outside its audience or a draft I do not organize)",
        params: eventParams,
        response: { 200: eventOut },
      },
    },
    async (req) => getEvent(memberScopeOf(req), req.params.id),
  );

  app.patch(
    "/n/:slug/events/:id",
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Edit or publish an event (its organizers, operators); a change of time or place tells everyone registered at once",
        params: eventParams,
        body: eventPatch,
        response: { 200: eventOut },
      },
    },
    async (req) => editEvent(memberScopeOf(req), req.params.id, req.body),
  );

  app.post(
    "/n/:slug/events/:id/cancel",
    {
      config: manage,
      schema: {
        tags,
        summary: "Cancel the event (everyone registered or waiting is told at once)",
        params: eventParams,
        response: { 200: eventOut },
      },
    },
    async (req) => cancelEvent(memberScopeOf(req), req.params.id),
  );

  app.post(
    "/n/:slug/events/:id/duplicate",
    {
      config: manage,
      schema: {
        tags,
        summary: "A copy at a new start, as a draft (monthly 交流会)",
        params: eventParams,
        body: duplicateInput,
        response: { 201: eventOut },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return duplicateEvent(memberScopeOf(req), req.params.id, req.body.startsAt);
    },
  );

  app.put(
    "/n/:slug/events/:id/organizers/:userId",
    {
      config: { access: access.member(eventsPolicy.appoint) },
      schema: {
        tags,
        summary: "Name a co-organizer (operators)",
        params: eventMemberParams,
        response: { 200: eventOut },
      },
    },
    async (req) => appointOrganizer(memberScopeOf(req), req.params.id, req.params.userId, true),
  );

  app.delete(
    "/n/:slug/events/:id/organizers/:userId",
    {
      config: { access: access.member(eventsPolicy.appoint) },
      schema: {
        tags,
        summary: "Remove a co-organizer (operators)",
        params: eventMemberParams,
        response: { 200: eventOut },
      },
    },
    async (req) => appointOrganizer(memberScopeOf(req), req.params.id, req.params.userId, false),
  );

  app.put(
    "/n/:slug/events/:id/rsvp",
    {
      config: rsvpRule,
      schema: {
        tags,
        summary:
          "RSVP (a seat if free and nobody waits, else the waitlist; pending with approval), or change my guests and answers",
        params: eventParams,
        body: rsvpInput,
        response: { 200: eventOut },
      },
    },
    async (req) => rsvp(memberScopeOf(req), req.params.id, req.body),
  );

  app.delete(
    "/n/:slug/events/:id/rsvp",
    {
      config: rsvpRule,
      schema: {
        tags,
        summary: "Cancel my RSVP (my seat goes to the first waiting)",
        params: eventParams,
        response: { 200: eventOut },
      },
    },
    async (req) => cancelRsvp(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/events/:id/attendees",
    {
      config: read,
      schema: {
        tags,
        summary: "Who else is going: listed attendees I may see in the directory; the others counted",
        params: eventParams,
        response: { 200: attendeesOut },
      },
    },
    async (req) => attendees(memberScopeOf(req), req.params.id),
  );

  app.get(
    "/n/:slug/events/:id/rsvps",
    {
      config: manage,
      schema: {
        tags,
        summary: "Every RSVP with names, emails and answers (organizers)",
        params: eventParams,
        response: { 200: rsvpListOut },
      },
    },
    async (req) => rsvpList(memberScopeOf(req), req.params.id),
  );

  app.put(
    "/n/:slug/events/:id/rsvps/:rsvpId",
    {
      config: manage,
      schema: {
        tags,
        summary: "Approve or decline an RSVP (organizers); a declined seat goes to the first waiting",
        params: rsvpParams,
        body: decisionInput,
        response: { 200: rsvpListOut },
      },
    },
    async (req) => decideRsvp(memberScopeOf(req), req.params.id, req.params.rsvpId, req.body.approve),
  );
}
