// The event list, cached in each server process and shared by every member who sees the same
// events. Which events a member sees depends only on her side (employees or alumni), her groups and
// segments (the audience rule, resolved when read) — unless she organizes events (she sees her own
// beyond her audience: her list is read for her alone) — so a page of the list (its events, their
// co-organizers, group names and the people named on the cards) is keyed by those and the list's
// filters, and read once for all who share them. What is hers alone — her RSVPs and her place in a
// waitlist — comes with the statement that reads who she is (`eventsViewerExtra`, added to the
// feed's viewer statement), as does the network's events version: a deferred trigger raises it
// when a transaction that changed an event, an RSVP, a co-organizer or a group's name commits
// (migration 0027), and an entry is served only while the version, the directory's version (names
// and photos on the cards) and the segments (their names) are as it saw them. Entries also expire
// after a minute: an event published later, or ending, changes the list without a write.
import { type SQL, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import type { RsvpStatus } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";
import type { ViewerExtra } from "../feed/index.ts";

/** The viewer's RSVP as the list shows it (and her place in the queue when she waits). */
export type MyRsvp = {
  id: string;
  eventId: string;
  status: RsvpStatus;
  guests: number;
  answers: Record<string, string>;
  listed: boolean;
  checkedInAt: Date | null;
  offerExpiresAt: Date | null;
  position: number | null;
};

export type EventsViewer = { version: number; organizes: boolean; rsvps: MyRsvp[] };

/**
 * Added to the viewer statement: the events version, whether the viewer organizes any event, and
 * her RSVPs (every status: a card shows a cancelled one too) with her place in each waitlist.
 */
export const eventsViewerExtra: ViewerExtra = {
  key: "events",
  sql: (me: SQL) => sql`json_build_object(
      'version', coalesce((select v.version from event_version v where v.network_id = o.id), 0),
      'organizes', exists (select 1 from event x where x.network_id = o.id and x.created_by = ${me})
                   or exists (select 1 from event_organizer x where x.network_id = o.id and x.user_id = ${me}),
      'rsvps', (select coalesce(json_agg(json_build_array(r.id, r.event_id, r.status, r.guests, r.answers,
                  r.listed, r.checked_in_at, r.offer_expires_at,
                  case when r.status = 'waitlisted' then
                    (select count(*)::int + 1 from event_rsvp w where w.network_id = r.network_id
                        and w.event_id = r.event_id and w.status = 'waitlisted' and w.seq < r.seq) end)), '[]'::json)
                  from event_rsvp r where r.network_id = o.id and r.user_id = ${me}))`,
};

type RsvpTuple = [
  string,
  string,
  RsvpStatus,
  number,
  Record<string, string>,
  boolean,
  string | null,
  string | null,
  number | null,
];

/** The extra column as read (JSON) into what the list uses. */
export function eventsViewerOf(extra: unknown): EventsViewer {
  const x = (typeof extra === "string" ? JSON.parse(extra) : extra) as {
    version: number | string;
    organizes: boolean;
    rsvps: RsvpTuple[];
  };
  return {
    version: Number(x.version),
    organizes: x.organizes,
    rsvps: x.rsvps.map(
      ([id, eventId, status, guests, answers, listed, checkedInAt, offerExpiresAt, position]) => ({
        id,
        eventId,
        status,
        guests,
        answers: answers ?? {},
        listed,
        checkedInAt: checkedInAt ? new Date(checkedInAt) : null,
        offerExpiresAt: offerExpiresAt ? new Date(offerExpiresAt) : null,
        position,
      }),
    ),
  };
}

export type Tags = { version: number; directoryVersion: number; segmentsFingerprint: string };
type Entry = Tags & { value: unknown };

const byConfig = new WeakMap<object, LRUCache<string, Entry> | null>();
const stats = { requests: 0, computed: 0 };

function cacheOf(ctx: AppContext) {
  let c = byConfig.get(ctx.config);
  if (c === undefined) {
    const max = ctx.config.EVENTS_CACHE_ENTRIES ?? 2_000;
    c = max > 0 ? new LRUCache<string, Entry>({ max, ttl: 60_000 }) : null;
    byConfig.set(ctx.config, c);
  }
  return c;
}

const same = (e: Tags, t: Tags) =>
  e.version === t.version &&
  e.directoryVersion === t.directoryVersion &&
  e.segmentsFingerprint === t.segmentsFingerprint;

/** The page under `key` as of `tags`: from the cache, or computed (and kept) when it has none. */
export async function cachedPage<T>(ctx: AppContext, key: string, tags: Tags, compute: () => Promise<T>) {
  const c = cacheOf(ctx);
  stats.requests++;
  const hit = c?.get(key);
  if (hit && same(hit, tags)) return hit.value as T;
  stats.computed++;
  const value = await compute();
  c?.set(key, { ...tags, value });
  return value;
}

/** Requests and computed pages so far in this process (the benchmark's hit rate). */
export const eventsCacheStats = () => ({ ...stats });
