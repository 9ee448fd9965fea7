// Check-in at the door. Each confirmed attendee has a ticket: a code signed with the installation's
// secret (HMAC over the network, the event and the RSVP), shown as a QR code in the app. An
// organizer scans it with the phone's camera (or picks the person from the list): the first scan
// checks them in, a second scan answers "already checked in at 19:05" and changes nothing (the
// check-in time is set once, under the event's lock). Walk-ins are added at the door — a member
// (their RSVP becomes a walk-in, checked in) or a name — and are counted apart from the seats.
// Attendance exports as CSV for Japanese Excel (UTF-8 with BOM, or Shift_JIS).
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { audit } from "../../server/audit.ts";
import type { CsvFile } from "../../server/csv-export.ts";
import { csvFile } from "../../server/csv-export.ts";
import { authorize } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import type { CsvEncoding } from "../../shared/csv-export.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { notify } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { eventsPolicy } from "./policy.ts";
import {
  type EventRow,
  findRsvp,
  findVisibleEvent,
  insertRsvp,
  lockEvent,
  organizersOf,
  rsvpOf,
  rsvpsOf,
  updateEvent,
  updateRsvp,
} from "./queries.ts";
import { eventNotFound, eventViewer } from "./service.ts";

const PREFIX = "TSUNAGARI-CHECKIN";
const badCode = () =>
  new AppError(422, "EVENT_CHECKIN_CODE_INVALID", {
    ja: "このイベントの参加コードではありません。別のイベントのQRコードか、読み取りに失敗した可能性があります。",
    en: "This is not a ticket for this event: it may be another event's code, or the scan failed.",
  });
const notAttending = () =>
  errors.conflict("EVENT_CHECKIN_NOT_CONFIRMED", {
    ja: "この方は参加確定ではありません（キャンセル待ち・承認待ち・キャンセル済み）。当日参加として追加できます。",
    en: "This person has no confirmed seat (waiting, pending or cancelled). You can add them as a walk-in.",
  });
const noTicket = () =>
  errors.conflict("EVENT_NO_TICKET", {
    ja: "参加が確定すると受付用のQRコードが表示されます。",
    en: "Your check-in QR code appears once your seat is confirmed.",
  });
const rsvpNotFound = () => errors.notFound({ ja: "申し込み", en: "RSVP" });
const walkInMember = () =>
  new AppError(422, "EVENT_WALK_IN_NOT_A_MEMBER", {
    ja: "そのメンバーが見つかりません。名前だけで追加することもできます。",
    en: "That member was not found. You can add the walk-in by name instead.",
  });

const sign = (secret: string, networkId: string, eventId: string, rsvpId: string) =>
  createHmac("sha256", secret).update(`${networkId}:${eventId}:${rsvpId}`).digest("base64url").slice(0, 22);

/** The ticket's text (what the QR code holds). */
export const ticketCode = (secret: string, networkId: string, eventId: string, rsvpId: string) =>
  `${PREFIX}:${rsvpId}.${sign(secret, networkId, eventId, rsvpId)}`;

/** The RSVP a scanned code names, if the code was signed for this event (null otherwise). */
function readCode(secret: string, networkId: string, eventId: string, code: string): string | null {
  const m = /^TSUNAGARI-CHECKIN:([A-Za-z0-9-]{1,100})\.([A-Za-z0-9_-]{22})$/.exec(code.trim());
  if (!m) return null;
  const want = Buffer.from(sign(secret, networkId, eventId, m[1]));
  const got = Buffer.from(m[2]);
  return want.length === got.length && timingSafeEqual(want, got) ? m[1] : null;
}

type TxScope = MemberScope & { db: Tx };

/** The event (locked), for one of its organizers. */
async function managed(tx: TxScope, id: string): Promise<EventRow> {
  const v = await eventViewer(tx);
  if (!(await findVisibleEvent(tx.db, tx.network.id, id, v))) throw eventNotFound();
  const e = await lockEvent(tx.db, tx.network.id, id);
  if (!e) throw eventNotFound();
  const orgs = await organizersOf(tx.db, tx.network.id, [id]);
  authorize(tx, eventsPolicy.manage, { createdBy: e.createdBy, organizers: orgs.map((o) => o.userId) });
  return e;
}

/** My ticket: the signed code for my confirmed seat. */
export async function myTicket(scope: MemberScope, id: string) {
  const e = await findVisibleEvent(scope.db, scope.network.id, id, await eventViewer(scope));
  if (!e) throw eventNotFound();
  const r = await rsvpOf(scope.db, scope.network.id, id, scope.member.userId);
  if (!r || (r.status !== "confirmed" && r.status !== "walk_in")) throw noTicket();
  return {
    code: ticketCode(scope.ctx.secret, scope.network.id, id, r.id),
    checkedInAt: r.checkedInAt?.toISOString() ?? null,
  };
}

export type CheckInInput = { code?: string; rsvpId?: string };

/** Checks a confirmed attendee in by their scanned code or from the list; a second time changes nothing. */
export async function checkIn(scope: MemberScope, id: string, input: CheckInInput) {
  return inTransaction(scope, async (tx) => {
    await managed(tx, id);
    const rsvpId = input.code
      ? readCode(tx.ctx.secret, tx.network.id, id, input.code)
      : (input.rsvpId ?? null);
    if (!rsvpId) throw badCode();
    const r = await findRsvp(tx.db, tx.network.id, id, rsvpId);
    if (!r) throw input.code ? badCode() : rsvpNotFound();
    if (r.status !== "confirmed" && r.status !== "walk_in") throw notAttending();
    const already = r.checkedInAt !== null;
    const at = r.checkedInAt ?? new Date();
    if (!already) {
      await updateRsvp(tx.db, tx.network.id, r.id, { checkedInAt: at, checkedInBy: tx.member.userId });
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "event.check_in",
        targetType: "event",
        targetId: id,
        data: { rsvpId: r.id, userId: r.userId, by: input.code ? "code" : "list" },
      });
    }
    const [row] = (await rsvpsOf(tx.db, tx.network.id, id)).filter((x) => x.r.id === r.id);
    return {
      rsvpId: r.id,
      name: r.walkInName ?? row?.name ?? "",
      guests: r.guests,
      already,
      checkedInAt: at.toISOString(),
    };
  });
}

export async function undoCheckIn(scope: MemberScope, id: string, rsvpId: string) {
  await inTransaction(scope, async (tx) => {
    await managed(tx, id);
    const r = await findRsvp(tx.db, tx.network.id, id, rsvpId);
    if (!r) throw rsvpNotFound();
    if (r.checkedInAt) {
      await updateRsvp(tx.db, tx.network.id, r.id, { checkedInAt: null, checkedInBy: null });
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "event.check_in_undo",
        targetType: "event",
        targetId: id,
        data: { rsvpId: r.id },
      });
    }
  });
}

/**
 * A walk-in, checked in at once: a member (their waiting, pending or cancelled RSVP becomes a
 * walk-in, leaving the waitlist) or a person by name. Walk-ins take no seat of the capacity.
 */
export async function addWalkIn(
  scope: MemberScope,
  id: string,
  input: { userId?: string; name?: string; guests: number },
) {
  return inTransaction(scope, async (tx) => {
    const e = await managed(tx, id);
    const now = new Date();
    if (input.userId) {
      const [p] = await memberProfiles(tx.db, tx.network.id, [input.userId]);
      if (p?.memberStatus !== "active") throw walkInMember();
      const r = await rsvpOf(tx.db, tx.network.id, id, input.userId);
      if (r && r.status === "confirmed") return checkIn(tx, id, { rsvpId: r.id });
      if (r) {
        if (r.status === "waitlisted")
          await updateEvent(tx.db, tx.network.id, id, { waitlisted: e.waitlisted - 1 - r.guests });
        await updateRsvp(tx.db, tx.network.id, r.id, {
          status: "walk_in",
          guests: input.guests,
          checkedInAt: r.checkedInAt ?? now,
          checkedInBy: tx.member.userId,
        });
      } else {
        await insertRsvp(tx.db, {
          id: randomUUID(),
          networkId: tx.network.id,
          eventId: id,
          userId: input.userId,
          status: "walk_in",
          guests: input.guests,
          seq: e.nextSeq,
          checkedInAt: now,
          checkedInBy: tx.member.userId,
        });
        await updateEvent(tx.db, tx.network.id, id, { nextSeq: e.nextSeq + 1 });
      }
    } else {
      await insertRsvp(tx.db, {
        id: randomUUID(),
        networkId: tx.network.id,
        eventId: id,
        userId: null,
        walkInName: input.name!,
        status: "walk_in",
        guests: input.guests,
        listed: false,
        seq: e.nextSeq,
        checkedInAt: now,
        checkedInBy: tx.member.userId,
      });
      await updateEvent(tx.db, tx.network.id, id, { nextSeq: e.nextSeq + 1 });
    }
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "event.walk_in",
      targetType: "event",
      targetId: id,
      data: input.userId ? { userId: input.userId } : { name: input.name },
    });
    const rows = await rsvpsOf(tx.db, tx.network.id, id, ["walk_in"]);
    const mine = rows.find((x) =>
      input.userId ? x.r.userId === input.userId : x.r.walkInName === input.name,
    );
    return {
      rsvpId: mine?.r.id ?? "",
      name: mine?.r.walkInName ?? mine?.name ?? input.name ?? "",
      guests: input.guests,
      already: false,
      checkedInAt: now.toISOString(),
    };
  });
}

/** Attendance after (or during) the event: who came, who did not, walk-ins, repeat attendees. */
export async function attendanceSummary(scope: MemberScope, id: string) {
  const e = await findVisibleEvent(scope.db, scope.network.id, id, await eventViewer(scope));
  if (!e) throw eventNotFound();
  const orgs = await organizersOf(scope.db, scope.network.id, [id]);
  authorize(scope, eventsPolicy.manage, { createdBy: e.createdBy, organizers: orgs.map((o) => o.userId) });
  const rows = await rsvpsOf(scope.db, scope.network.id, id, ["confirmed", "walk_in"]);
  const came = rows.filter((x) => x.r.checkedInAt);
  const members = came.flatMap((x) => (x.r.userId ? [x.r.userId] : []));
  const repeat = members.length
    ? (
        (
          await scope.db.execute(sql`
          select count(*)::int as n from (
            select user_id from event_rsvp
             where network_id = ${scope.network.id} and checked_in_at is not null
               and user_id = any(${`{${members.map((m) => `"${m}"`).join(",")}}`}::text[])
             group by user_id having count(*) >= 2) t`)
        ).rows[0] as { n: number }
      ).n
    : 0;
  return {
    confirmed: rows.filter((x) => x.r.status === "confirmed").length,
    checkedIn: came.length,
    noShow: rows.filter((x) => x.r.status === "confirmed" && !x.r.checkedInAt).length,
    walkIns: rows.filter((x) => x.r.status === "walk_in").length,
    /** Of those who came: members who have now come to 2 events or more. */
    repeat,
  };
}

/** The attendance as CSV: one line per RSVP, with check-in time and answers (organizers). */
export async function attendanceCsv(
  scope: MemberScope,
  id: string,
  encoding: CsvEncoding,
  lang: "ja" | "en",
): Promise<CsvFile> {
  const e = await findVisibleEvent(scope.db, scope.network.id, id, await eventViewer(scope));
  if (!e) throw eventNotFound();
  const orgs = await organizersOf(scope.db, scope.network.id, [id]);
  authorize(scope, eventsPolicy.manage, { createdBy: e.createdBy, organizers: orgs.map((o) => o.userId) });
  const rows = await rsvpsOf(scope.db, scope.network.id, id);
  const ja = lang === "ja";
  const STATUS: Record<string, [string, string]> = {
    confirmed: ["参加確定", "confirmed"],
    waitlisted: ["キャンセル待ち", "waitlisted"],
    pending: ["承認待ち", "pending"],
    cancelled: ["キャンセル", "cancelled"],
    declined: ["見送り", "declined"],
    walk_in: ["当日参加", "walk-in"],
  };
  const jst = (d: Date | null) =>
    d ? new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : "";
  const header = ja
    ? [
        "受付順",
        "氏名",
        "メールアドレス",
        "状態",
        "同伴者",
        "受付時刻",
        "申込日時",
        ...e.questions.map((q) => q.label),
      ]
    : [
        "Order",
        "Name",
        "Email",
        "Status",
        "Guests",
        "Checked in",
        "RSVP at",
        ...e.questions.map((q) => q.label),
      ];
  const records = rows.map(({ r, name, email }) => [
    String(r.seq),
    r.walkInName ?? name ?? "",
    r.userId ? (email ?? "") : "",
    STATUS[r.status]?.[ja ? 0 : 1] ?? r.status,
    String(r.guests),
    jst(r.checkedInAt),
    jst(r.createdAt),
    ...e.questions.map((q) => r.answers[q.id] ?? ""),
  ]);
  return csvFile([header, ...records], encoding, "attendance", scope.network.slug);
}

const notOverYet = () =>
  errors.conflict("EVENT_NOT_OVER", {
    ja: "お礼のメッセージはイベントの開始後に送れます。",
    en: "A thank-you message can be sent once the event has started.",
  });

/**
 * A thank-you message to everyone who was checked in (kind event_thanks: the member's choice
 * decides the bell, a mail, the digest or nothing), once per event (a second send reaches nobody
 * twice: the notification is keyed by the event).
 */
export async function thankAttendees(scope: MemberScope, id: string, message: string) {
  return inTransaction(scope, async (tx) => {
    const e = await managed(tx, id);
    if (e.startsAt > new Date()) throw notOverYet();
    const came = (await rsvpsOf(tx.db, tx.network.id, id, ["confirmed", "walk_in"])).flatMap((x) =>
      x.r.userId && x.r.checkedInAt ? [x.r.userId] : [],
    );
    const sent = await notify(tx.ctx, tx.db, {
      network: { id: tx.network.id, slug: tx.network.slug, name: tx.network.name },
      kind: "event_thanks",
      userIds: came,
      key: `event-thanks:${id}`,
      subject: `event:${id}`,
      actorId: tx.member.userId,
      data: { eventId: id, title: e.title, eventNews: "thanks", excerpt: message },
    });
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "event.thanks",
      targetType: "event",
      targetId: id,
      data: { recipients: sent },
    });
    return { sent };
  });
}
