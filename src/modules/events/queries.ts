// SQL for events. Every query is scoped to one network. Who sees an event is one condition
// (`eventVisibleTo`): the feed's audience rule (network, segment, group; resolved when read) with
// the side it is for, published, or organized by the viewer. Seats are decided under the event
// row's lock (`lockEvent`), in the RSVP's transaction.
import { and, asc, desc, eq, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import {
  type EventSide,
  event,
  eventOrganizer,
  eventRsvp,
  member,
  networkGroup,
  profile,
  type RsvpStatus,
  segment,
  user,
} from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { audienceReach, type Viewer } from "../feed/index.ts";

export type EventRow = typeof event.$inferSelect;
export type RsvpRow = typeof eventRsvp.$inferSelect;
export type EventViewer = Viewer & { role: "operator" | "employee" | "alumni" };

/** The sides an event may be for that reach a member of `role`. */
const sidesFor = (role: EventViewer["role"]): EventSide[] =>
  role === "employee" ? ["all", "employees"] : ["all", "alumni"];

const organizedBy = (userId: string) =>
  or(
    eq(event.createdBy, userId),
    sql`exists (select 1 from ${eventOrganizer} o where o.network_id = ${event.networkId}
                  and o.event_id = ${event.id} and o.user_id = ${userId})`,
  ) as SQL;

/** The events `v` may see: published for them, or organized by them (operators: all). */
export function eventVisibleTo(v: EventViewer): SQL | undefined {
  if (v.operator) return undefined;
  const reach = audienceReach(
    {
      audience: event.audience,
      segmentId: event.segmentId,
      groupId: event.groupId,
      authorId: event.createdBy,
    },
    v,
  );
  return or(
    organizedBy(v.userId),
    and(lte(event.publishedAt, sql`now()`), inArray(event.sides, sidesFor(v.role)), reach),
  ) as SQL;
}

export async function findVisibleEvent(db: Db | Tx, networkId: string, id: string, v: EventViewer) {
  const [row] = await db
    .select()
    .from(event)
    .where(byId(event, networkId, id, eventVisibleTo(v)))
    .limit(1);
  return row ?? null;
}

export async function findEvent(db: Db | Tx, networkId: string, id: string) {
  const [row] = await db
    .select()
    .from(event)
    .where(byId(event, networkId, id))
    .limit(1);
  return row ?? null;
}

/** The event row, locked until the transaction ends: every seat decision is taken under it. */
export async function lockEvent(tx: Tx, networkId: string, id: string): Promise<EventRow | null> {
  const [row] = await tx
    .select()
    .from(event)
    .where(byId(event, networkId, id))
    .for("update")
    .limit(1);
  return row ?? null;
}

export async function insertEvent(tx: Tx, v: typeof event.$inferInsert) {
  await tx.insert(event).values(v);
}

export async function updateEvent(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<typeof event.$inferInsert>,
) {
  await tx
    .update(event)
    .set({ ...v, updatedAt: new Date() })
    .where(byId(event, networkId, id));
}

export type ListOpts = {
  when: "upcoming" | "past";
  format?: string;
  /** [from, to) */
  month?: { from: Date; to: Date };
  mine?: boolean;
  drafts?: boolean;
  after?: { at: string; id: string } | null;
  limit: number;
  /** Only this stream's events, as anyone of the viewer's side who has it sees them (cache.ts). */
  stream?: EventStream;
};

/**
 * A part of the list that many members share: every event (operators), the network's events, a
 * segment's or a group's. A member's list (not organizing any event) is the merge of her streams.
 */
export type EventStream = { type: "all" } | { type: "network" } | { type: "segment" | "group"; id: string };

/** The published events of one stream for a member of `role`'s side (operators: every event). */
function streamCondition(s: EventStream, role: EventViewer["role"]): SQL | undefined {
  if (s.type === "all") return undefined;
  const audience =
    s.type === "network"
      ? eq(event.audience, "network")
      : s.type === "segment"
        ? and(eq(event.audience, "segment"), eq(event.segmentId, s.id))
        : and(eq(event.audience, "group"), eq(event.groupId, s.id));
  return and(lte(event.publishedAt, sql`now()`), inArray(event.sides, sidesFor(role)), audience) as SQL;
}

/** A page of events for `v`, with the viewer's own RSVP (one statement). */
/**
 * What a card of the event shows beside its row, read in the row's statement (not one statement
 * each): its co-organizers in order, the group's and segment's names, and — the viewer waiting —
 * her place in the queue.
 */
export const eventExtras = {
  organizerIds: sql<string[]>`(select coalesce(array_agg(o.user_id order by o.added_at), '{}')
      from ${eventOrganizer} o where o.network_id = ${event.networkId} and o.event_id = ${event.id})`,
  groupName: sql<string | null>`(select g.name from ${networkGroup} g
      where g.network_id = ${event.networkId} and g.id = ${event.groupId})`,
  segmentName: sql<string | null>`(select s.name from ${segment} s
      where s.network_id = ${event.networkId} and s.id = ${event.segmentId})`,
  position: sql<number | null>`case when ${eventRsvp.status} = 'waitlisted' then
      (select count(*)::int + 1 from ${eventRsvp} w where w.network_id = ${event.networkId}
          and w.event_id = ${event.id} and w.status = 'waitlisted' and w.seq < ${eventRsvp.seq}) end`,
};
export type EventExtras = {
  organizerIds: string[];
  groupName: string | null;
  segmentName: string | null;
  position: number | null;
};

/** One event the viewer may see, with her RSVP and the card's extras (null when she may not). */
export async function findVisibleEventCard(db: Db | Tx, networkId: string, id: string, v: EventViewer) {
  const [row] = await db
    .select({ e: event, r: eventRsvp, ...eventExtras })
    .from(event)
    .leftJoin(
      eventRsvp,
      and(
        eq(eventRsvp.networkId, event.networkId),
        eq(eventRsvp.eventId, event.id),
        eq(eventRsvp.userId, v.userId),
      ),
    )
    .where(byId(event, networkId, id, eventVisibleTo(v)))
    .limit(1);
  return row ?? null;
}

export async function listEvents(db: Db | Tx, networkId: string, v: EventViewer, o: ListOpts) {
  const upcoming = o.when === "upcoming";
  const after = o.after
    ? upcoming
      ? sql`(${event.startsAt}, ${event.id}) > (${o.after.at}::timestamptz, ${o.after.id})`
      : sql`(${event.startsAt}, ${event.id}) < (${o.after.at}::timestamptz, ${o.after.id})`
    : undefined;
  const rows = await db
    .select({ e: event, r: eventRsvp, at: sql<string>`${event.startsAt}::text`, ...eventExtras })
    .from(event)
    .leftJoin(
      eventRsvp,
      and(
        eq(eventRsvp.networkId, event.networkId),
        eq(eventRsvp.eventId, event.id),
        eq(eventRsvp.userId, v.userId),
      ),
    )
    .where(
      inNetwork(
        event,
        networkId,
        o.stream ? streamCondition(o.stream, v.role) : eventVisibleTo(v),
        o.drafts
          ? and(
              sql`(${event.publishedAt} is null or ${event.publishedAt} > now())`,
              v.operator ? undefined : organizedBy(v.userId),
            )
          : lte(event.publishedAt, sql`now()`),
        upcoming ? sql`${event.endsAt} >= now()` : sql`${event.endsAt} < now()`,
        o.format ? eq(event.format, o.format as EventRow["format"]) : undefined,
        o.month
          ? and(sql`${event.startsAt} >= ${o.month.from}`, sql`${event.startsAt} < ${o.month.to}`)
          : undefined,
        o.mine ? inArray(eventRsvp.status, ["confirmed", "waitlisted", "pending"]) : undefined,
        after,
      ),
    )
    .orderBy(...(upcoming ? [asc(event.startsAt), asc(event.id)] : [desc(event.startsAt), desc(event.id)]))
    .limit(o.limit + 1);
  return rows;
}

export async function organizersOf(db: Db | Tx, networkId: string, eventIds: string[]) {
  if (!eventIds.length) return [];
  return db
    .select({ eventId: eventOrganizer.eventId, userId: eventOrganizer.userId })
    .from(eventOrganizer)
    .where(inNetwork(eventOrganizer, networkId, inArray(eventOrganizer.eventId, eventIds)))
    .orderBy(asc(eventOrganizer.addedAt));
}

export async function addOrganizer(tx: Tx, networkId: string, eventId: string, userId: string, by: string) {
  const rows = await tx
    .insert(eventOrganizer)
    .values({ networkId, eventId, userId, addedBy: by })
    .onConflictDoNothing()
    .returning({ userId: eventOrganizer.userId });
  return rows.length > 0;
}

export async function removeOrganizer(tx: Tx, networkId: string, eventId: string, userId: string) {
  const rows = await tx
    .delete(eventOrganizer)
    .where(
      inNetwork(
        eventOrganizer,
        networkId,
        eq(eventOrganizer.eventId, eventId),
        eq(eventOrganizer.userId, userId),
      ),
    )
    .returning({ userId: eventOrganizer.userId });
  return rows.length > 0;
}

export async function rsvpOf(db: Db | Tx, networkId: string, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(eventRsvp)
    .where(inNetwork(eventRsvp, networkId, eq(eventRsvp.eventId, eventId), eq(eventRsvp.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function findRsvp(db: Db | Tx, networkId: string, eventId: string, id: string) {
  const [row] = await db
    .select()
    .from(eventRsvp)
    .where(byId(eventRsvp, networkId, id, eq(eventRsvp.eventId, eventId)))
    .limit(1);
  return row ?? null;
}

export async function insertRsvp(tx: Tx, v: typeof eventRsvp.$inferInsert) {
  await tx.insert(eventRsvp).values({ ...v, decidedAt: sql`clock_timestamp()` as unknown as Date });
}

export async function updateRsvp(
  tx: Tx,
  networkId: string,
  id: string,
  v: Partial<typeof eventRsvp.$inferInsert>,
) {
  await tx
    .update(eventRsvp)
    .set({ ...v, updatedAt: new Date() })
    .where(byId(eventRsvp, networkId, id));
}

/** The first waiting, in arrival order. */
export async function waitlistHead(tx: Tx, networkId: string, eventId: string, limit: number) {
  return tx
    .select()
    .from(eventRsvp)
    .where(
      inNetwork(eventRsvp, networkId, eq(eventRsvp.eventId, eventId), eq(eventRsvp.status, "waitlisted")),
    )
    .orderBy(asc(eventRsvp.seq))
    .limit(limit);
}

/** 1 + how many wait before each of `rsvps` (waitlisted ones). */
/** Every RSVP of the event with the member's name and email (the organizers' list). */
export async function rsvpsOf(db: Db | Tx, networkId: string, eventId: string, statuses?: RsvpStatus[]) {
  return db
    .select({ r: eventRsvp, name: user.name, email: user.email })
    .from(eventRsvp)
    .leftJoin(user, eq(user.id, eventRsvp.userId))
    .where(
      inNetwork(
        eventRsvp,
        networkId,
        eq(eventRsvp.eventId, eventId),
        statuses ? inArray(eventRsvp.status, statuses) : undefined,
      ),
    )
    .orderBy(asc(eventRsvp.seq));
}

/** Active members among `userIds` (co-organizers must be members now). */
export async function activeMembers(db: Db | Tx, networkId: string, userIds: string[]) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: member.userId, role: member.role })
    .from(member)
    .where(
      and(eq(member.organizationId, networkId), inArray(member.userId, userIds), eq(member.status, "active")),
    );
  return rows;
}

/** Where a confirmation goes: the active members among `userIds`, with their address, language and name. */
export async function mailRecipients(db: Db | Tx, networkId: string, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      userId: member.userId,
      email: user.email,
      locale: user.locale,
      name: sql<string>`coalesce(${profile.displayName}, ${user.name})`,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId)))
    .where(
      and(eq(member.organizationId, networkId), inArray(member.userId, userIds), eq(member.status, "active")),
    );
}
