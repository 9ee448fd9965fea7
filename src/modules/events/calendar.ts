// Calendar files (iCalendar, made with the `ics` package): one event's .ics, and a member's personal
// feed (every event they are registered for, waiting for or organize) at a secret URL they can
// revoke. An event keeps its UID for ever; its SEQUENCE rises with every change attendees are told
// about (event.sequence), and a cancelled event is sent with STATUS:CANCELLED so calendars drop it.
// The online link is in the file only for a confirmed attendee or an organizer, as on the page.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import type { Db, Tx } from "../../db/client.ts";
import {
  calendarFeed,
  event,
  eventOrganizer,
  eventRsvp,
  member,
  organization,
} from "../../db/schema/index.ts";
import { inNetwork } from "../../db/scoped.ts";
import type { AppContext } from "../../server/context.ts";
import { can } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { markdownExcerpt } from "../../shared/markdown-text.ts";
import { eventsPolicy } from "./policy.ts";
import { onlineUrlFor } from "./presenter.ts";
import { type EventRow, findVisibleEvent, organizersOf, type RsvpRow, rsvpOf } from "./queries.ts";
import { eventNotFound, eventViewer } from "./service.ts";

const JST = 9 * 3600_000;
type Day = [number, number, number];
const jstDay = (d: Date): Day => {
  const j = new Date(d.getTime() + JST);
  return [j.getUTCFullYear(), j.getUTCMonth() + 1, j.getUTCDate()];
};

/** The event's stable UID: its id at this installation's host. */
export const eventUid = (baseUrl: string, id: string) => `${id}@${new URL(baseUrl).hostname}`;

function attributes(
  baseUrl: string,
  slug: string,
  e: EventRow,
  r: Pick<RsvpRow, "status"> | null,
  manage: boolean,
): EventAttributes {
  const url = `${baseUrl}/n/${encodeURIComponent(slug)}/events/${e.id}`;
  const online = onlineUrlFor(e, r, manage);
  const place = [e.venueName, e.venueAddress].filter(Boolean).join(" ");
  const times = e.allDay
    ? // DTEND of an all-day event is the day after its last day.
      { start: jstDay(e.startsAt), end: jstDay(new Date(e.endsAt.getTime() + 60_000)) }
    : {
        start: e.startsAt.getTime(),
        startInputType: "utc" as const,
        startOutputType: "utc" as const,
        end: e.endsAt.getTime(),
        endInputType: "utc" as const,
        endOutputType: "utc" as const,
      };
  return {
    ...times,
    uid: eventUid(baseUrl, e.id),
    sequence: e.sequence,
    title: e.title,
    description: [markdownExcerpt(e.description, 2_000), online, url].filter(Boolean).join("\n\n"),
    location: place || online || undefined,
    url,
    status: e.cancelledAt
      ? "CANCELLED"
      : r && r.status !== "confirmed" && !manage
        ? "TENTATIVE"
        : "CONFIRMED",
    lastModified: e.updatedAt.getTime(),
  } as EventAttributes;
}

function calendar(events: EventAttributes[], name: string) {
  const { error, value } = createEvents(events, { productId: "-//Tsunagari//Events//JA", calName: name });
  if (error || value === null) throw error ?? new Error("calendar not made");
  return value;
}

/** One event's .ics, as the viewer may see it. */
export async function eventIcs(scope: MemberScope, id: string) {
  const e = await findVisibleEvent(scope.db, scope.network.id, id, await eventViewer(scope));
  if (!e) throw eventNotFound();
  const r = await rsvpOf(scope.db, scope.network.id, id, scope.member.userId);
  const orgs = await organizersOf(scope.db, scope.network.id, [id]);
  const manage = can(scope, eventsPolicy.manage, {
    createdBy: e.createdBy,
    organizers: orgs.map((o) => o.userId),
  });
  return calendar(
    [attributes(scope.ctx.config.baseUrl, scope.network.slug, e, r, manage)],
    scope.network.name,
  );
}

/** The .ics of a confirmed attendee's ticket mail (with the online link: her seat is confirmed). */
export const confirmedIcs = (baseUrl: string, slug: string, networkName: string, e: EventRow) =>
  calendar([attributes(baseUrl, slug, e, { status: "confirmed" }, false)], networkName);

// --- The personal feed -------------------------------------------------------------------------

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const feedUrl = (ctx: AppContext, token: string) => `${ctx.config.baseUrl}/api/calendar/${token}.ics`;

export async function calendarFeedState(scope: MemberScope) {
  const [row] = await scope.db
    .select({ createdAt: calendarFeed.createdAt })
    .from(calendarFeed)
    .where(inNetwork(calendarFeed, scope.network.id, eq(calendarFeed.userId, scope.member.userId)));
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null, url: null };
}

/** A new secret URL (the previous one stops working); shown once, kept only as a hash. */
export async function renewCalendarFeed(scope: MemberScope) {
  const token = randomBytes(24).toString("base64url");
  const createdAt = new Date();
  await inTransaction(scope, async (tx) => {
    await tx.db
      .insert(calendarFeed)
      .values({ networkId: tx.network.id, userId: tx.member.userId, tokenHash: hash(token), createdAt })
      .onConflictDoUpdate({
        target: [calendarFeed.networkId, calendarFeed.userId],
        set: { tokenHash: hash(token), createdAt },
      });
  });
  return { active: true, createdAt: createdAt.toISOString(), url: feedUrl(scope.ctx, token) };
}

export async function revokeCalendarFeed(scope: MemberScope) {
  await scope.db
    .delete(calendarFeed)
    .where(inNetwork(calendarFeed, scope.network.id, eq(calendarFeed.userId, scope.member.userId)));
  return { active: false, createdAt: null, url: null };
}

const feedNotFound = () => errors.notFound({ ja: "カレンダー", en: "calendar" });

/**
 * The feed behind a secret URL: the member's events from 60 days ago on — registered, waiting or
 * pending, or organized — while they are an active member. An unknown or revoked token: 404.
 */
export async function calendarFeedIcs(ctx: AppContext, rawToken: string) {
  const token = rawToken.replace(/\.ics$/, "");
  const db: Db | Tx = ctx.db;
  const [owner] = await db
    .select({
      networkId: calendarFeed.networkId,
      userId: calendarFeed.userId,
      slug: organization.slug,
      name: organization.name,
      role: member.role,
    })
    .from(calendarFeed)
    .innerJoin(organization, eq(organization.id, calendarFeed.networkId))
    .innerJoin(
      member,
      and(eq(member.organizationId, calendarFeed.networkId), eq(member.userId, calendarFeed.userId)),
    )
    .where(and(eq(calendarFeed.tokenHash, hash(token)), eq(member.status, "active")));
  if (!owner) throw feedNotFound();
  const since = new Date(Date.now() - 60 * 86_400_000);
  const rows = await db
    .select({ e: event, r: eventRsvp })
    .from(event)
    .leftJoin(
      eventRsvp,
      and(
        eq(eventRsvp.networkId, event.networkId),
        eq(eventRsvp.eventId, event.id),
        eq(eventRsvp.userId, owner.userId),
      ),
    )
    .where(
      inNetwork(
        event,
        owner.networkId,
        gte(event.endsAt, since),
        sql`${event.publishedAt} is not null`,
        or(
          inArray(eventRsvp.status, ["confirmed", "waitlisted", "pending"]),
          eq(event.createdBy, owner.userId),
          sql`exists (select 1 from ${eventOrganizer} o where o.network_id = ${event.networkId}
                        and o.event_id = ${event.id} and o.user_id = ${owner.userId})`,
        ),
      ),
    )
    .orderBy(event.startsAt)
    .limit(500);
  const organizes = (e: EventRow) => owner.role === "operator" || e.createdBy === owner.userId;
  const coOrganized = new Set(
    (
      await organizersOf(
        db,
        owner.networkId,
        rows.map((x) => x.e.id),
      )
    )
      .filter((o) => o.userId === owner.userId)
      .map((o) => o.eventId),
  );
  return calendar(
    rows.map(({ e, r }) =>
      attributes(ctx.config.baseUrl, owner.slug, e, r, organizes(e) || coOrganized.has(e.id)),
    ),
    owner.name,
  );
}
