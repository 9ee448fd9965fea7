// Events (交流会, 座談会, study sessions). Operators and employees create them;
// an operator names co-organizers, who manage the event as its creator does. Every member sees the
// events whose audience reaches them (the feed's rule, resolved when read) and RSVPs.
//
// Seats: every decision that takes or frees a seat (an RSVP, a cancellation, an approval, a
// rejection, a capacity raised) locks the event row first (SELECT … FOR UPDATE) and decides in the
// same transaction: the counters on the event (seats taken, people waiting, the next arrival
// number) are read and written only under that lock, so two RSVPs for the last seat are decided
// one after the other — one confirmed, one waitlisted — on PostgreSQL and on PGlite alike; a CHECK
// on the event refuses more seats than its capacity should anything else ever try. The waitlist is
// first in, first out (arrival numbers given under the lock); a freed seat goes to the first
// waiting at once, who is notified.
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.ts";
import type { RsvpStatus } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import type { AppContext } from "../../server/context.ts";
import { record } from "../../server/events.ts";
import { loadNetworkScope } from "../../server/guards.ts";
import { authorize, can } from "../../server/policy.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { removeFiles } from "../../server/storage.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { decodeKeyset, encodeKeyset } from "../../shared/keyset.ts";
import { visibleMembers } from "../directory/index.ts";
import { readViewerState, viewerOf } from "../feed/index.ts";
import { postableGroup } from "../groups/index.ts";
import {
  fieldVisibleTo,
  memberProfiles,
  photoUrl,
  profileOpenTo,
  viewerKind,
  visibilityOf,
} from "../profiles/index.ts";
import { findSegment } from "../segments/index.ts";
import { cachedPage, eventsViewerExtra, eventsViewerOf } from "./cache.ts";
import { copyCover, coverFile, coverUrl, setCover } from "./cover.ts";
import { type EventAccess, eventsPolicy } from "./policy.ts";
import { presentEvent, rsvpWindow } from "./presenter.ts";
import {
  activeMembers,
  addOrganizer,
  type EventExtras,
  type EventRow,
  type EventStream,
  type EventViewer,
  findEvent,
  findRsvp,
  findVisibleEvent,
  findVisibleEventCard,
  insertEvent,
  insertRsvp,
  listEvents,
  lockEvent,
  organizersOf,
  type RsvpRow,
  removeOrganizer,
  rsvpOf,
  rsvpsOf,
  updateEvent,
  updateRsvp,
  waitlistHead,
} from "./queries.ts";
import { queueReminders } from "./reminders.ts";
import type { EventInput, EventListQuery, EventOut, EventPatch, RsvpInput } from "./schemas.ts";
import { queueTicketMails } from "./ticket-mail.ts";

export const eventNotFound = () => errors.notFound({ ja: "イベント", en: "event" });
const invalid = (code: string, ja: string, en: string) => new AppError(422, code, { ja, en });
const timesError = () =>
  invalid(
    "EVENT_TIMES_INVALID",
    "終了日時は開始日時より後にしてください。",
    "The end must be after the start.",
  );
const windowError = () =>
  invalid(
    "EVENT_RSVP_WINDOW_INVALID",
    "申込締切は申込開始より後、開催終了までにしてください。",
    "The RSVP deadline must be after the opening and no later than the end of the event.",
  );
const venueMissing = () =>
  invalid(
    "EVENT_VENUE_REQUIRED",
    "会場で開くイベントには会場名か住所を入れてください。",
    "An in-person or hybrid event needs a venue name or address.",
  );
const onlineMissing = () =>
  invalid(
    "EVENT_ONLINE_URL_REQUIRED",
    "オンラインで開くイベントには参加URLを入れてください。",
    "An online or hybrid event needs its online link.",
  );
const segmentUnknown = () =>
  invalid(
    "EVENT_SEGMENT_NOT_FOUND",
    "対象のセグメントが見つかりません。選び直してください。",
    "The segment was not found. Please choose it again.",
  );
const segmentOperatorsOnly = () =>
  new AppError(403, "EVENT_SEGMENT_OPERATORS_ONLY", {
    ja: "セグメント向けのイベントは運営者だけが作れます。",
    en: "Only operators can make an event for a segment.",
  });
const capacityBelowSeats = (taken: number) =>
  errors.conflict("EVENT_CAPACITY_BELOW_SEATS", {
    ja: `定員は参加確定の${taken}席より少なくできません。`,
    en: `The capacity cannot be lower than the ${taken} seats already taken.`,
  });
const cancelledError = () =>
  errors.conflict("EVENT_CANCELLED", {
    ja: "このイベントは中止になりました。",
    en: "This event was cancelled.",
  });
const rsvpClosed = () =>
  errors.conflict("EVENT_RSVP_CLOSED", {
    ja: "このイベントは申し込みを受け付けていません（受付前か締切後です）。",
    en: "This event is not taking RSVPs now (not open yet, or closed).",
  });
const guestsTooMany = (max: number) =>
  invalid(
    "EVENT_GUESTS_TOO_MANY",
    max ? `同伴者は${max}人までです。` : "このイベントは同伴者を受け付けていません。",
    max ? `At most ${max} guests per person.` : "This event takes no guests.",
  );
const answerMissing = (label: string) =>
  invalid("EVENT_ANSWER_REQUIRED", `「${label}」に回答してください。`, `Please answer "${label}".`);
const noSeatForGuests = () =>
  errors.conflict("EVENT_NO_SEATS_FOR_GUESTS", {
    ja: "同伴者の分の空席がありません。人数を減らすか、一度キャンセルしてキャンセル待ちに並んでください。",
    en: "There are no free seats for more guests. Bring fewer, or cancel and join the waitlist.",
  });
const declinedError = () =>
  errors.conflict("EVENT_RSVP_DECLINED", {
    ja: "このイベントへの申し込みは主催者により見送られました。",
    en: "The organizers declined your RSVP to this event.",
  });
const notRegistered = () =>
  errors.conflict("EVENT_NOT_REGISTERED", {
    ja: "このイベントに申し込んでいません。",
    en: "You have not registered for this event.",
  });
const rsvpNotFound = () => errors.notFound({ ja: "申し込み", en: "RSVP" });
const organizerUnknown = () =>
  invalid(
    "EVENT_ORGANIZER_NOT_A_MEMBER",
    "共同主催者にはネットワークのメンバーを選んでください。",
    "Co-organizers must be members of the network.",
  );
const cancelledEdit = () =>
  errors.conflict("EVENT_CANCELLED_READ_ONLY", {
    ja: "中止したイベントは編集できません。複製して新しいイベントにしてください。",
    en: "A cancelled event cannot be edited. Duplicate it to make a new one.",
  });

type TxScope = MemberScope & { db: Tx };
type ProfileRow = Awaited<ReturnType<typeof memberProfiles>>[number];

/** A person as the viewer may see them (the photo and the profile link under their privacy choices). */
function presentPerson(scope: MemberScope, p: ProfileRow | undefined, userId: string, fallback = "—") {
  if (!p) return { userId, name: fallback, photoUrl: null, profile: false };
  const kind = viewerKind(scope.member, p.userId);
  return {
    userId,
    name: p.displayName ?? p.userName,
    photoUrl: fieldVisibleTo(visibilityOf(p.visibility as Record<string, unknown> | null, "photo"), kind)
      ? photoUrl(scope.network.slug, p.userId, p.photoPath)
      : null,
    profile: p.hasProfile && profileOpenTo(kind, p),
  };
}
const JST = 9 * 3600_000;
const ACTIVE: RsvpStatus[] = ["confirmed", "offered", "waitlisted", "pending"];
/** Holds seats of the capacity: confirmed, or offered and not yet answered. */
const holdsSeat = (s: RsvpStatus) => s === "confirmed" || s === "offered";
const seatsOf = (r: { guests: number }) => 1 + r.guests;

export async function eventViewer(scope: MemberScope): Promise<EventViewer> {
  return { ...(await viewerOf(scope)), role: scope.member.role };
}

const networkRef = (scope: Scope) => ({
  id: scope.network.id,
  slug: scope.network.slug,
  name: scope.network.name,
});

async function accessOf(scope: MemberScope, e: EventRow): Promise<EventAccess> {
  const orgs = await organizersOf(scope.db, scope.network.id, [e.id]);
  return { createdBy: e.createdBy, organizers: orgs.map((o) => o.userId) };
}

/** The event, if the viewer may see it (404 otherwise, whatever the reason). */
async function visibleEvent(scope: MemberScope, id: string, v?: EventViewer): Promise<EventRow> {
  const e = await findVisibleEvent(scope.db, scope.network.id, id, v ?? (await eventViewer(scope)));
  if (!e) throw eventNotFound();
  return e;
}

/** The event locked for a seat decision, once the viewer is known to see it. */
async function lockedVisible(tx: TxScope, id: string, v: EventViewer): Promise<EventRow> {
  await visibleEvent(tx, id, v);
  const e = await lockEvent(tx.db, tx.network.id, id);
  if (!e) throw eventNotFound();
  return e;
}

/** The event (locked) for an organizer of it; 404 if they may not see it, 403 if they may not manage it. */
async function managedEvent(tx: TxScope, id: string): Promise<EventRow> {
  const e = await lockedVisible(tx, id, await eventViewer(tx));
  authorize(tx, eventsPolicy.manage, await accessOf(tx, e));
  return e;
}

// --- Reading -----------------------------------------------------------------------------------

/**
 * The cards of events read with their extras (`eventExtras`: co-organizers, group and segment names,
 * the viewer's place in the queue): one more statement for the people named on them.
 */
type CardRow = {
  e: EventRow;
  r: Pick<
    RsvpRow,
    "id" | "status" | "guests" | "answers" | "listed" | "checkedInAt" | "offerExpiresAt"
  > | null;
} & EventExtras;
type People = Awaited<ReturnType<typeof memberProfiles>>;

/** The people named on these cards (creators and co-organizers): one statement. */
const peopleOf = (scope: MemberScope, rows: Pick<CardRow, "e" | "organizerIds">[]) =>
  memberProfiles(scope.db, scope.network.id, [
    ...new Set(rows.flatMap((x) => [x.e.createdBy, ...x.organizerIds])),
  ]);

/**
 * The cards of events read with their extras (`eventExtras`: co-organizers, group and segment names,
 * the viewer's place in the queue), and the people named on them (read when not given).
 */
async function present(scope: MemberScope, rows: CardRow[], people?: People): Promise<EventOut[]> {
  if (!rows.length) return [];
  const byUser = new Map((people ?? (await peopleOf(scope, rows))).map((p) => [p.userId, p]));
  const person = (userId: string) => {
    const { profile: _, ...out } = presentPerson(scope, byUser.get(userId), userId);
    return out;
  };
  const appoint = can(scope, eventsPolicy.appoint);
  return rows.map(({ e, r, organizerIds, groupName, segmentName, position }) => {
    const a: EventAccess = { createdBy: e.createdBy, organizers: organizerIds };
    return presentEvent(e, r, {
      manage: can(scope, eventsPolicy.manage, a),
      appoint,
      position: r?.status === "waitlisted" ? position : null,
      organizers: [e.createdBy, ...organizerIds.filter((u) => u !== e.createdBy)].map(person),
      groupName: e.groupId ? groupName : null,
      segmentName: e.segmentId ? segmentName : null,
      eventUrl: `${scope.ctx.config.baseUrl}/n/${encodeURIComponent(scope.network.slug)}/events/${e.id}`,
      coverUrl: e.coverImageId ? coverUrl(scope.network.slug, e.id, e.coverImageId) : null,
    });
  });
}

function monthRange(month: string) {
  const [y, m] = month.split("-").map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1) - JST), to: new Date(Date.UTC(y, m, 1) - JST) };
}

/**
 * A page of the list. Who the viewer is, the events' version and her RSVPs come in one statement;
 * the page itself — the same for everyone of her side, groups and segments — from the process's
 * cache when it is current (cache.ts), except her RSVPs (`mine`), drafts, and the list of someone
 * who organizes events (she sees her own beyond her audience), which are read for her.
 */
export async function listMyEvents(scope: MemberScope, q: EventListQuery) {
  const state = await readViewerState(scope, null, eventsViewerExtra);
  const v: EventViewer = { ...state.viewer, role: scope.member.role };
  const me = eventsViewerOf(state.extra);
  const opts = {
    when: q.when,
    format: q.format,
    month: q.month ? monthRange(q.month) : undefined,
    mine: q.mine === "true",
    drafts: q.drafts === "true",
    after: decodeKeyset(q.cursor),
    limit: q.limit,
  };
  const page = (rows: Awaited<ReturnType<typeof listEvents>>) => {
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeKeyset({ at: last.at, id: last.e.id }) : null };
  };
  if (opts.mine || opts.drafts || (!v.operator && me.organizes)) {
    const { items, nextCursor } = page(await listEvents(scope.db, scope.network.id, v, opts));
    return { items: await present(scope, items), nextCursor };
  }
  // Her streams' pages, each shared by everyone of her side who has the stream (without anyone's
  // RSVPs), merged in the list's order: the first `limit` of the merge are her page.
  const streams: EventStream[] = v.operator
    ? [{ type: "all" }]
    : [
        { type: "network" },
        ...[...v.segments].sort().map((id) => ({ type: "segment" as const, id })),
        ...[...v.groups].sort().map((id) => ({ type: "group" as const, id })),
      ];
  const side = v.operator ? "operator" : scope.member.role === "employee" ? "employee" : "alumni";
  const tags = {
    version: me.version,
    directoryVersion: scope.network.directoryVersion,
    segmentsFingerprint: state.segmentsFingerprint,
  };
  // As anyone of her side sees the stream: no one's own events, no one's RSVPs.
  const anyone: EventViewer = { ...v, userId: "" };
  const pages = await Promise.all(
    streams.map((stream) =>
      cachedPage(
        scope.ctx,
        JSON.stringify([
          scope.network.id,
          side,
          stream,
          q.when,
          q.format ?? null,
          q.month ?? null,
          q.cursor ?? null,
          q.limit,
        ]),
        tags,
        async () => {
          const found = await listEvents(scope.db, scope.network.id, anyone, { ...opts, stream });
          const rows = found.map(({ e, at, organizerIds, groupName, segmentName }) => ({
            e,
            at,
            organizerIds,
            groupName,
            segmentName,
          }));
          return { rows, people: await peopleOf(scope, rows) };
        },
      ),
    ),
  );
  const sign = q.when === "upcoming" ? 1 : -1;
  const seen = new Set<string>();
  const merged = pages
    .flatMap((p) => p.rows)
    .filter((x) => !seen.has(x.e.id) && seen.add(x.e.id))
    .sort(
      (x, y) =>
        sign *
          (x.e.startsAt.getTime() - y.e.startsAt.getTime() || (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)) ||
        sign * (x.e.id < y.e.id ? -1 : x.e.id > y.e.id ? 1 : 0),
    );
  const shared = page(merged as Awaited<ReturnType<typeof listEvents>>);
  const people = [...new Map(pages.flatMap((p) => p.people).map((p) => [p.userId, p])).values()];
  const mine = new Map(me.rsvps.map((r) => [r.eventId, r]));
  const rows = shared.items.map((x) => {
    const r = mine.get(x.e.id) ?? null;
    return { ...x, r, position: r?.position ?? null };
  });
  return { items: await present(scope, rows, people), nextCursor: shared.nextCursor };
}

export async function getEvent(scope: MemberScope, id: string): Promise<EventOut> {
  const card = await findVisibleEventCard(scope.db, scope.network.id, id, await eventViewer(scope));
  if (!card) throw eventNotFound();
  const [out] = await present(scope, [card]);
  return out;
}

/**
 * Who else is going: confirmed attendees who chose to be listed and whom the viewer may see in the
 * directory (its privacy rules); the rest are counted, never named.
 */
export async function attendees(scope: MemberScope, id: string) {
  await visibleEvent(scope, id);
  const rows = (await rsvpsOf(scope.db, scope.network.id, id, ["confirmed"])).filter((x) => x.r.userId);
  const listed = rows.filter((x) => x.r.listed || x.r.userId === scope.member.userId);
  const seen = new Set(
    await visibleMembers(
      scope,
      listed.map((x) => x.r.userId!),
    ),
  );
  seen.add(scope.member.userId);
  const shown = listed.filter((x) => seen.has(x.r.userId!));
  const profiles = new Map(
    (
      await memberProfiles(
        scope.db,
        scope.network.id,
        shown.map((x) => x.r.userId!),
      )
    ).map((p) => [p.userId, p]),
  );
  return {
    items: shown.map((x) => ({
      ...presentPerson(scope, profiles.get(x.r.userId!), x.r.userId!, x.name ?? "—"),
      guests: x.r.guests,
    })),
    others: rows.length - shown.length,
  };
}

/** Every RSVP with names, emails and answers: the organizers' list. */
export async function rsvpList(scope: MemberScope, id: string) {
  const e = await visibleEvent(scope, id);
  authorize(scope, eventsPolicy.manage, await accessOf(scope, e));
  const rows = await rsvpsOf(scope.db, scope.network.id, id);
  const profiles = new Map(
    (
      await memberProfiles(
        scope.db,
        scope.network.id,
        rows.flatMap((x) => (x.r.userId ? [x.r.userId] : [])),
      )
    ).map((p) => [p.userId, p]),
  );
  return {
    items: rows.map(({ r, name, email }) => {
      const p = r.userId ? profiles.get(r.userId) : undefined;
      return {
        id: r.id,
        userId: r.userId,
        name: r.walkInName ?? p?.displayName ?? name ?? "",
        email: r.userId ? email : null,
        status: r.status,
        guests: r.guests,
        answers: r.answers,
        seq: r.seq,
        createdAt: r.createdAt.toISOString(),
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
        walkIn: r.userId === null,
      };
    }),
  };
}

// --- Creating and editing ----------------------------------------------------------------------

type Times = {
  startsAt: Date;
  endsAt: Date;
  rsvpOpensAt: Date | null;
  rsvpClosesAt: Date | null;
  format: EventRow["format"];
  venueName: string | null;
  venueAddress: string | null;
  onlineUrl: string | null;
};

function checkShape(t: Times) {
  if (t.endsAt < t.startsAt) throw timesError();
  if (t.rsvpOpensAt && t.rsvpClosesAt && t.rsvpClosesAt <= t.rsvpOpensAt) throw windowError();
  if (t.rsvpClosesAt && t.rsvpClosesAt > t.endsAt) throw windowError();
  if (t.format !== "online" && !t.venueName && !t.venueAddress) throw venueMissing();
  if (t.format !== "in_person" && !t.onlineUrl) throw onlineMissing();
}

/** All day: from the start of its first day to the end of its last day, in Japan. */
function dayBounds(startsAt: Date, endsAt: Date) {
  const day = (d: Date) => Math.floor((d.getTime() + JST) / 86_400_000) * 86_400_000 - JST;
  return { startsAt: new Date(day(startsAt)), endsAt: new Date(day(endsAt) + 86_400_000 - 60_000) };
}

const publishMoment = (p: "now" | string | null | undefined) =>
  p === undefined ? undefined : p === null ? null : p === "now" ? new Date() : new Date(p);

export async function createEvent(scope: MemberScope, input: EventInput): Promise<EventOut> {
  authorize(scope, eventsPolicy.create);
  const id = randomUUID();
  const times = input.allDay
    ? dayBounds(new Date(input.startsAt), new Date(input.endsAt))
    : { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
  const values = {
    ...times,
    rsvpOpensAt: input.rsvpOpensAt ? new Date(input.rsvpOpensAt) : null,
    rsvpClosesAt: input.rsvpClosesAt ? new Date(input.rsvpClosesAt) : null,
    format: input.format,
    venueName: input.venueName || null,
    venueAddress: input.venueAddress || null,
    onlineUrl: input.onlineUrl || null,
  };
  checkShape(values);
  await inTransaction(scope, async (tx) => {
    const segmentId = input.audience.type === "segment" ? input.audience.segmentId : null;
    if (segmentId) {
      if (!can(tx, eventsPolicy.segment)) throw segmentOperatorsOnly();
      if (!(await findSegment(tx.db, tx.network.id, segmentId))) throw segmentUnknown();
    }
    const groupId =
      input.audience.type === "group" ? (await postableGroup(tx, input.audience.groupId)).id : null;
    await insertEvent(tx.db, {
      id,
      networkId: tx.network.id,
      title: input.title,
      description: input.description,
      mapUrl: input.mapUrl || null,
      allDay: input.allDay,
      capacity: input.capacity,
      guestsMax: input.guestsMax,
      audience: input.audience.type,
      segmentId,
      groupId,
      sides: input.sides,
      approval: input.approval,
      offerHours: input.offerHours,
      questions: withIds(input.questions),
      reminders: [...new Set(input.reminders)].sort((a, b) => b - a),
      publishedAt: publishMoment(input.publishAt) ?? null,
      createdBy: tx.member.userId,
      ...values,
    });
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "event.create",
      targetType: "event",
      targetId: id,
      data: { title: input.title, audience: input.audience.type },
    });
    if (input.coverImageId) await setCover(tx.db, tx.network.id, tx.member.userId, id, input.coverImageId);
    const created = await findEvent(tx.db, tx.network.id, id);
    if (created) await queueReminders(tx.ctx, tx.db, tx.network.id, created);
  });
  return getEvent(scope, id);
}

const withIds = (qs: EventInput["questions"]) =>
  qs.map((q) => ({ id: q.id ?? randomUUID().slice(0, 8), label: q.label, required: q.required }));

/** What attendees are told about when it changes (and what raises the calendar's SEQUENCE). */
const TOLD = [
  "startsAt",
  "endsAt",
  "allDay",
  "format",
  "venueName",
  "venueAddress",
  "mapUrl",
  "onlineUrl",
] as const;

export async function editEvent(scope: MemberScope, id: string, patch: EventPatch): Promise<EventOut> {
  const removed = await inTransaction(scope, async (tx) => {
    const e = await managedEvent(tx, id);
    if (e.cancelledAt) throw cancelledEdit();
    const allDay = patch.allDay ?? e.allDay;
    let startsAt = patch.startsAt ? new Date(patch.startsAt) : e.startsAt;
    let endsAt = patch.endsAt ? new Date(patch.endsAt) : e.endsAt;
    if (allDay && (patch.startsAt || patch.endsAt || patch.allDay))
      ({ startsAt, endsAt } = dayBounds(startsAt, endsAt));
    const next = {
      title: patch.title ?? e.title,
      description: patch.description ?? e.description,
      format: patch.format ?? e.format,
      venueName: patch.venueName === undefined ? e.venueName : patch.venueName || null,
      venueAddress: patch.venueAddress === undefined ? e.venueAddress : patch.venueAddress || null,
      mapUrl: patch.mapUrl === undefined ? e.mapUrl : patch.mapUrl || null,
      onlineUrl: patch.onlineUrl === undefined ? e.onlineUrl : patch.onlineUrl || null,
      startsAt,
      endsAt,
      allDay,
      capacity: patch.capacity === undefined ? e.capacity : patch.capacity,
      guestsMax: patch.guestsMax ?? e.guestsMax,
      rsvpOpensAt:
        patch.rsvpOpensAt === undefined
          ? e.rsvpOpensAt
          : patch.rsvpOpensAt
            ? new Date(patch.rsvpOpensAt)
            : null,
      rsvpClosesAt:
        patch.rsvpClosesAt === undefined
          ? e.rsvpClosesAt
          : patch.rsvpClosesAt
            ? new Date(patch.rsvpClosesAt)
            : null,
      sides: patch.sides ?? e.sides,
      approval: patch.approval ?? e.approval,
      offerHours: patch.offerHours === undefined ? e.offerHours : patch.offerHours,
      questions: patch.questions ? withIds(patch.questions) : e.questions,
      reminders: patch.reminders ? [...new Set(patch.reminders)].sort((a, b) => b - a) : e.reminders,
      publishedAt: patch.publishAt === undefined ? e.publishedAt : (publishMoment(patch.publishAt) ?? null),
    };
    checkShape(next);
    if (next.capacity !== null && next.capacity < e.seatsTaken) throw capacityBelowSeats(e.seatsTaken);
    const same = (a: unknown, b: unknown) =>
      a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    const told = TOLD.filter((k) => !same(next[k], e[k]));
    const changed = Object.keys(next).filter(
      (k) =>
        !same(next[k as keyof typeof next], e[k as keyof EventRow]) && k !== "questions" && k !== "reminders",
    );
    // A new cover, or none: the old file goes once this commits.
    const cover = patch.coverImageId !== undefined && patch.coverImageId !== e.coverImageId;
    if (cover) changed.push("cover");
    const published = e.publishedAt !== null && e.publishedAt <= new Date();
    // The calendar file changes with the title and what attendees are told.
    const bump = told.length > 0 || next.title !== e.title || next.description !== e.description;
    await updateEvent(tx.db, tx.network.id, id, { ...next, ...(bump ? { sequence: e.sequence + 1 } : {}) });
    if (changed.length || patch.questions || patch.reminders)
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "event.update",
        targetType: "event",
        targetId: id,
        data: { changed },
      });
    // More seats (or none limited): the first waiting take them.
    if (next.capacity === null || (e.capacity !== null && next.capacity > e.capacity))
      // As edited: the confirmation mails of those promoted say the new time and place.
      await promote(tx, { ...e, ...next, sequence: bump ? e.sequence + 1 : e.sequence });
    if (told.length && published) await tellAttendees(tx, e, "changed", e.sequence + 1, told);
    // Reminders for the new start (or newly published, or new reminder times); the old ones find
    // a different start when they run and do nothing.
    const after = await findEvent(tx.db, tx.network.id, id);
    if (after) await queueReminders(tx.ctx, tx.db, tx.network.id, after);
    return cover ? setCover(tx.db, tx.network.id, tx.member.userId, id, patch.coverImageId ?? null) : [];
  });
  await removeFiles(scope.ctx.storage, removed);
  return getEvent(scope, id);
}

/** Everyone registered or waiting hears of a change or the cancellation at once (mail now, their language). */
async function tellAttendees(
  tx: TxScope,
  e: EventRow,
  change: "changed" | "cancelled",
  sequence: number,
  what: readonly string[] = [],
) {
  const rows = await rsvpsOf(tx.db, tx.network.id, e.id, ACTIVE);
  const userIds = rows.flatMap((x) => (x.r.userId ? [x.r.userId] : []));
  if (!userIds.length) return;
  await record(
    tx.db,
    {
      type: "event.changed",
      network: networkRef(tx),
      eventId: e.id,
      title: e.title,
      actorId: tx.member.userId,
      change,
      sequence,
      what: [...what],
      userIds,
    },
    undefined,
    tx.ctx,
  );
}

export async function cancelEvent(scope: MemberScope, id: string): Promise<EventOut> {
  await inTransaction(scope, async (tx) => {
    const e = await managedEvent(tx, id);
    if (e.cancelledAt) return;
    await updateEvent(tx.db, tx.network.id, id, { cancelledAt: new Date(), sequence: e.sequence + 1 });
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "event.cancel",
      targetType: "event",
      targetId: id,
      data: { title: e.title },
    });
    if (e.publishedAt) await tellAttendees(tx, e, "cancelled", e.sequence + 1);
  });
  return getEvent(scope, id);
}

/** A copy at a new start (the same length), as a draft, with the same co-organizers (monthly 交流会). */
export async function duplicateEvent(scope: MemberScope, id: string, startsAt: string): Promise<EventOut> {
  const newId = randomUUID();
  // The copy's own file of the cover: written before its row, removed again if nothing commits.
  let copied: string | null = null;
  try {
    await duplicateIn(scope, id, newId, startsAt, (key) => {
      copied = key;
    });
  } catch (err) {
    if (copied) await removeFiles(scope.ctx.storage, [copied]);
    throw err;
  }
  return getEvent(scope, newId);
}

async function duplicateIn(
  scope: MemberScope,
  id: string,
  newId: string,
  startsAt: string,
  onCopy: (key: string) => void,
) {
  await inTransaction(scope, async (tx) => {
    const e = await managedEvent(tx, id);
    const shift = new Date(startsAt).getTime() - e.startsAt.getTime();
    const move = (d: Date | null) => (d ? new Date(d.getTime() + shift) : null);
    const times = e.allDay
      ? dayBounds(new Date(startsAt), new Date(e.endsAt.getTime() + shift))
      : { startsAt: new Date(startsAt), endsAt: new Date(e.endsAt.getTime() + shift) };
    await insertEvent(tx.db, {
      id: newId,
      networkId: tx.network.id,
      title: e.title,
      description: e.description,
      format: e.format,
      venueName: e.venueName,
      venueAddress: e.venueAddress,
      mapUrl: e.mapUrl,
      onlineUrl: e.onlineUrl,
      ...times,
      allDay: e.allDay,
      capacity: e.capacity,
      guestsMax: e.guestsMax,
      rsvpOpensAt: move(e.rsvpOpensAt),
      rsvpClosesAt: move(e.rsvpClosesAt),
      audience: e.audience,
      segmentId: e.segmentId,
      groupId: e.groupId,
      sides: e.sides,
      approval: e.approval,
      offerHours: e.offerHours,
      questions: e.questions,
      reminders: e.reminders,
      publishedAt: null,
      createdBy: tx.member.userId,
    });
    for (const o of await organizersOf(tx.db, tx.network.id, [id]))
      if (o.userId !== tx.member.userId)
        await addOrganizer(tx.db, tx.network.id, newId, o.userId, tx.member.userId);
    if (e.createdBy !== tx.member.userId)
      await addOrganizer(tx.db, tx.network.id, newId, e.createdBy, tx.member.userId);
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "event.duplicate",
      targetType: "event",
      targetId: newId,
      data: { from: id },
    });
    const key = await copyCover(tx.db, tx.ctx.storage, tx.network.id, e, newId, tx.member.userId);
    if (key) onCopy(key);
  });
}

/** The cover of an event the viewer may see (a draft: its organizers only); 404 otherwise. */
export async function eventCoverFile(scope: MemberScope, id: string, imageId: string) {
  const e = await visibleEvent(scope, id);
  if (e.coverImageId !== imageId) throw eventNotFound();
  return coverFile(scope, id, imageId);
}

export async function appointOrganizer(scope: MemberScope, id: string, userId: string, on: boolean) {
  await inTransaction(scope, async (tx) => {
    const e = await lockedVisible(tx, id, await eventViewer(tx));
    if (on) {
      if (!(await activeMembers(tx.db, tx.network.id, [userId])).length) throw organizerUnknown();
      if (userId !== e.createdBy && (await addOrganizer(tx.db, tx.network.id, id, userId, tx.member.userId)))
        await audit(tx.db, {
          networkId: tx.network.id,
          actor: tx.actor,
          action: "event.organizer_add",
          targetType: "event",
          targetId: id,
          data: { userId },
        });
    } else if (await removeOrganizer(tx.db, tx.network.id, id, userId)) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "event.organizer_remove",
        targetType: "event",
        targetId: id,
        data: { userId },
      });
    }
  });
  return getEvent(scope, id);
}

// --- RSVP, cancel, waitlist --------------------------------------------------------------------

const fits = (e: { capacity: number | null; seatsTaken: number }, seats: number) =>
  e.capacity === null || e.seatsTaken + seats <= e.capacity;

/**
 * Gives freed seats to the first waiting, in arrival order, while the first of them fits (a party
 * too large for what is free keeps its place: nobody behind it jumps the queue). Called under the
 * event's lock; `e` carries the counters as they are now.
 */
async function promote(tx: Scope & { db: Tx }, e: EventRow) {
  let seatsTaken = e.seatsTaken;
  const offerUntil = e.offerHours ? new Date(Date.now() + e.offerHours * 3_600_000) : null;
  let waiting = e.waitlisted;
  const promoted: RsvpRow[] = [];
  for (;;) {
    if (e.capacity !== null && seatsTaken >= e.capacity) break;
    const heads = await waitlistHead(tx.db, tx.network.id, e.id, 50);
    if (!heads.length) break;
    let stop = false;
    for (const h of heads) {
      if (!fits({ capacity: e.capacity, seatsTaken }, seatsOf(h))) {
        stop = true;
        break;
      }
      await updateRsvp(
        tx.db,
        tx.network.id,
        h.id,
        offerUntil
          ? { status: "offered", offerExpiresAt: offerUntil }
          : { status: "confirmed", promotedAt: new Date() },
      );
      // An offer not answered in time passes to the next (the job re-checks when it runs).
      if (offerUntil)
        await tx.ctx.jobs.send<EventOfferJob>(
          EVENT_OFFER_JOB,
          { networkId: tx.network.id, eventId: e.id, rsvpId: h.id, seq: h.seq },
          { tx: tx.db, key: `event-offer:${h.id}:${h.seq}`, startAfter: offerUntil },
        );
      seatsTaken += seatsOf(h);
      waiting -= seatsOf(h);
      promoted.push(h);
    }
    if (stop || heads.length < 50) break;
  }
  if (!promoted.length) return;
  await updateEvent(tx.db, tx.network.id, e.id, { seatsTaken, waitlisted: waiting });
  // A seat given at once: the confirmation mail with the ticket is the member's news.
  if (!offerUntil) await queueTicketMails(tx, e, promoted, "promoted");
  await record(
    tx.db,
    {
      type: "event.rsvp_decided",
      network: networkRef(tx),
      eventId: e.id,
      title: e.title,
      actorId: null,
      decision: offerUntil ? "offered" : "promoted",
      until: offerUntil?.toISOString(),
      mailed: !offerUntil,
      rsvps: promoted.flatMap((r) => (r.userId ? [{ id: r.id, seq: r.seq, userId: r.userId }] : [])),
    },
    undefined,
    tx.ctx,
  );
}

function checkAnswers(e: EventRow, answers: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const q of e.questions) {
    const a = answers[q.id]?.trim() ?? "";
    if (q.required && !a) throw answerMissing(q.label);
    if (a) out[q.id] = a;
  }
  return out;
}

/**
 * RSVPs (or changes the RSVP's guests, answers, listing): a seat when one is free and nobody waits,
 * else the waitlist; with approval, pending until an organizer decides. One decision under the
 * event's lock.
 */
export async function rsvp(scope: MemberScope, id: string, input: RsvpInput): Promise<EventOut> {
  const v = await eventViewer(scope);
  await inTransaction(scope, async (tx) => {
    const e = await lockedVisible(tx, id, v);
    if (e.cancelledAt) throw cancelledError();
    if (!e.publishedAt || e.publishedAt > new Date()) throw rsvpClosed();
    if (input.guests > e.guestsMax) throw guestsTooMany(e.guestsMax);
    const answers = checkAnswers(e, input.answers);
    const mine = await rsvpOf(tx.db, tx.network.id, id, tx.member.userId);
    const seats = 1 + input.guests;
    if (mine && ACTIVE.includes(mine.status)) {
      // Already in: guests, answers and listing change in place (guests need the seats).
      const delta = seats - seatsOf(mine);
      const counters: Partial<EventRow> = {};
      if (holdsSeat(mine.status) && delta !== 0) {
        if (delta > 0 && !fits(e, delta)) throw noSeatForGuests();
        counters.seatsTaken = e.seatsTaken + delta;
      }
      if (mine.status === "waitlisted" && delta !== 0) counters.waitlisted = e.waitlisted + delta;
      await updateRsvp(tx.db, tx.network.id, mine.id, {
        guests: input.guests,
        answers,
        listed: input.listed,
        // An offered seat is taken by answering it.
        ...(mine.status === "offered"
          ? { status: "confirmed", offerExpiresAt: null, promotedAt: new Date() }
          : {}),
      });
      if (Object.keys(counters).length) await updateEvent(tx.db, tx.network.id, id, counters);
      if (mine.status === "offered")
        await queueTicketMails(tx, e, [{ ...mine, guests: input.guests }], "accepted");
      if (delta < 0 && holdsSeat(mine.status)) await promote(tx, { ...e, seatsTaken: e.seatsTaken + delta });
      return;
    }
    if (mine?.status === "declined") throw declinedError();
    if (rsvpWindow(e) !== "open") throw rsvpClosed();
    const status: RsvpStatus = e.approval
      ? "pending"
      : e.waitlisted === 0 && fits(e, seats)
        ? "confirmed"
        : "waitlisted";
    const seq = e.nextSeq;
    const rsvpId = mine?.id ?? randomUUID();
    if (mine) {
      await updateRsvp(tx.db, tx.network.id, mine.id, {
        status,
        guests: input.guests,
        answers,
        listed: input.listed,
        seq,
        promotedAt: null,
        decidedAt: new Date(),
      });
    } else {
      await insertRsvp(tx.db, {
        id: rsvpId,
        networkId: tx.network.id,
        eventId: id,
        userId: tx.member.userId,
        status,
        guests: input.guests,
        answers,
        listed: input.listed,
        seq,
      });
    }
    await updateEvent(tx.db, tx.network.id, id, {
      nextSeq: seq + 1,
      ...(status === "confirmed" ? { seatsTaken: e.seatsTaken + seats } : {}),
      ...(status === "waitlisted" ? { waitlisted: e.waitlisted + seats } : {}),
    });
    if (status === "confirmed")
      await queueTicketMails(
        tx,
        e,
        [{ id: rsvpId, seq, userId: tx.member.userId, guests: input.guests }],
        "registered",
      );
  });
  return getEvent(scope, id);
}

/** Takes `r` out (cancelled or declined), frees what it held and promotes the first waiting. */
async function release(tx: Scope & { db: Tx }, e: EventRow, r: RsvpRow, to: "cancelled" | "declined") {
  const counters = {
    seatsTaken: e.seatsTaken - (holdsSeat(r.status) ? seatsOf(r) : 0),
    waitlisted: e.waitlisted - (r.status === "waitlisted" ? seatsOf(r) : 0),
  };
  await updateRsvp(tx.db, tx.network.id, r.id, {
    status: to,
    checkedInAt: null,
    checkedInBy: null,
    offerExpiresAt: null,
  });
  await updateEvent(tx.db, tx.network.id, e.id, counters);
  if (holdsSeat(r.status)) await promote(tx, { ...e, ...counters });
}

export const EVENT_OFFER_JOB = "events.offer_expiry";
export type EventOfferJob = { networkId: string; eventId: string; rsvpId: string; seq: number };

/**
 * An offered seat not answered in time: it passes to the next waiting (the RSVP is cancelled). The
 * job re-checks under the event's lock that the offer is still open and past its time.
 */
export async function runOfferExpiry(ctx: AppContext, job: EventOfferJob) {
  const scope = await loadNetworkScope(ctx, { id: job.networkId });
  await inTransaction(scope, async (tx) => {
    const e = await lockEvent(tx.db, job.networkId, job.eventId);
    if (!e) return;
    const r = await findRsvp(tx.db, job.networkId, job.eventId, job.rsvpId);
    if (r?.status !== "offered" || r.seq !== job.seq || !r.offerExpiresAt) return;
    if (r.offerExpiresAt > new Date()) return;
    await release(tx, e, r, "cancelled");
  });
}

export async function cancelRsvp(scope: MemberScope, id: string): Promise<EventOut> {
  const v = await eventViewer(scope);
  await inTransaction(scope, async (tx) => {
    const e = await lockedVisible(tx, id, v);
    const mine = await rsvpOf(tx.db, tx.network.id, id, tx.member.userId);
    if (!mine || !ACTIVE.includes(mine.status)) throw notRegistered();
    await release(tx, e, mine, "cancelled");
  });
  return getEvent(scope, id);
}

/**
 * An organizer approves a pending RSVP (a seat if one is free and nobody waits, else the waitlist)
 * or declines one (pending, waiting or confirmed: a confirmed one's seat goes to the first waiting).
 */
export async function decideRsvp(scope: MemberScope, id: string, rsvpId: string, approve: boolean) {
  await inTransaction(scope, async (tx) => {
    let ticketed = false;
    const e = await managedEvent(tx, id);
    const r = await findRsvp(tx.db, tx.network.id, id, rsvpId);
    if (!r?.userId) throw rsvpNotFound();
    if (!approve) {
      if (r.status === "declined" || r.status === "cancelled") return;
      await release(tx, e, r, "declined");
    } else {
      if (r.status !== "pending" && r.status !== "declined") return;
      const seats = seatsOf(r);
      const status: RsvpStatus = e.waitlisted === 0 && fits(e, seats) ? "confirmed" : "waitlisted";
      // Approved: in the queue from now (a declined one approved later comes after those waiting).
      const seq = r.status === "declined" ? e.nextSeq : r.seq;
      await updateRsvp(tx.db, tx.network.id, r.id, { status, seq, decidedAt: new Date() });
      await updateEvent(tx.db, tx.network.id, id, {
        ...(r.status === "declined" ? { nextSeq: e.nextSeq + 1 } : {}),
        ...(status === "confirmed"
          ? { seatsTaken: e.seatsTaken + seats }
          : { waitlisted: e.waitlisted + seats }),
      });
      if (status === "confirmed") {
        await queueTicketMails(tx, e, [{ ...r, seq }], "approved");
        ticketed = true;
      }
    }
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: approve ? "event.rsvp_approve" : "event.rsvp_decline",
      targetType: "event",
      targetId: id,
      data: { rsvpId, userId: r.userId },
    });
    await record(
      tx.db,
      {
        type: "event.rsvp_decided",
        network: networkRef(tx),
        eventId: id,
        title: e.title,
        actorId: tx.member.userId,
        decision: approve ? "approved" : "declined",
        mailed: ticketed,
        rsvps: [{ id: r.id, seq: r.seq, userId: r.userId }],
      },
      undefined,
      tx.ctx,
    );
  });
  return rsvpList(scope, id);
}
