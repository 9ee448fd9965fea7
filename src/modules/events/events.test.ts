// Events: who sees which event (audience, side, drafts, another network), what the organizers may
// do (co-organizers, employees, supporters), RSVP / waitlist / promotion / approval / guests /
// questions, the online link's secrecy, the attendee list's privacy, and seats under concurrency.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { makeTestGroup } from "../groups/testing.ts";
import { EVENT_REMINDER_JOB, type EventReminderJob, runEventReminder } from "./reminders.ts";
import { EVENT_OFFER_JOB, type EventOfferJob, runOfferExpiry } from "./service.ts";
import { inDays, listInDirectory, makeTestEvent } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const api = (net: TestNetwork, user: TestUser, url: string, method: Method = "GET", payload?: unknown) =>
  call(env, { method, url: `/api/n/${net.slug}${url}`, user, payload });
const ok = async (
  net: TestNetwork,
  user: TestUser,
  url: string,
  method: Method = "GET",
  payload?: unknown,
) => {
  const res = await api(net, user, url, method, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const listIds = async (net: TestNetwork, user: TestUser, q = "") =>
  ((await ok(net, user, `/events${q}`)).items as { id: string }[]).map((e) => e.id);
const notifications = async (net: TestNetwork, user: TestUser) =>
  (await ok(net, user, "/notifications")).items as { kind: string; text: string; path: string }[];

async function setup() {
  const net = await makeNetwork(env, { name: "イベント商事" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const alumnus = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
  const employee = await makeMember(env, net, "employee", { name: "社員 一郎" });
  return { net, op: net.operator, alumna, alumnus, employee };
}

const counts = async (eventId: string) => {
  const res = await env.ctx.db.execute(sql`
    select e.seats_taken as "seatsTaken", e.waitlisted, e.capacity,
      (select coalesce(sum(1 + guests), 0)::int from event_rsvp r where r.event_id = e.id and r.status = 'confirmed') as confirmed,
      (select coalesce(sum(1 + guests), 0)::int from event_rsvp r where r.event_id = e.id and r.status = 'waitlisted') as waiting
    from event e where e.id = ${eventId}`);
  return res.rows[0] as {
    seatsTaken: number;
    waitlisted: number;
    capacity: number | null;
    confirmed: number;
    waiting: number;
  };
};

describe("who sees an event", () => {
  it("the whole network by default; a group's members only; one side only; drafts only to organizers; never another network", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const open = await makeTestEvent(env, net, { title: "全体交流会" });
    const g = await makeTestGroup(env, net, { name: "新規事業ルーム", kind: "closed", members: [alumna] });
    const inGroup = await makeTestEvent(env, net, {
      title: "ルーム座談会",
      audience: { type: "group", groupId: g.id },
    });
    const alumniOnly = await makeTestEvent(env, net, { title: "アルムナイ限定", sides: "alumni" });
    const employeesOnly = await makeTestEvent(env, net, { title: "社員向け説明会", sides: "employees" });
    const draft = await makeTestEvent(env, net, { title: "下書き", publishAt: null }, employee);
    const later = await makeTestEvent(env, net, { title: "予約公開", publishAt: inDays(2) });

    expect(await listIds(net, alumna)).toEqual(expect.arrayContaining([open.id, inGroup.id, alumniOnly.id]));
    expect(await listIds(net, alumna)).not.toContain(employeesOnly.id);
    expect(await listIds(net, alumnus)).not.toContain(inGroup.id);
    expect(await listIds(net, employee)).toEqual(expect.arrayContaining([open.id, employeesOnly.id]));
    expect(await listIds(net, employee)).not.toContain(alumniOnly.id);
    for (const who of [alumna, alumnus]) {
      expect(await listIds(net, who)).not.toContain(draft.id);
      expect(await listIds(net, who)).not.toContain(later.id);
      expect((await api(net, who, `/events/${draft.id}`)).statusCode).toBe(404);
      expect((await api(net, who, `/events/${later.id}`)).statusCode).toBe(404);
    }
    expect((await api(net, alumnus, `/events/${inGroup.id}`)).statusCode).toBe(404);
    expect((await api(net, alumnus, `/events/${inGroup.id}/rsvp`, "PUT", {})).statusCode).toBe(404);
    expect((await api(net, alumna, `/events/${employeesOnly.id}`)).statusCode).toBe(404);
    // The employee who wrote the draft sees it among their drafts; operators see everything.
    expect(await listIds(net, employee, "?drafts=true")).toEqual([draft.id]);
    expect(await listIds(net, op)).toEqual(
      expect.arrayContaining([open.id, inGroup.id, alumniOnly.id, employeesOnly.id]),
    );
    expect((await ok(net, op, `/events/${later.id}`)).status).toBe("scheduled");

    const other = await makeNetwork(env, { name: "他社" });
    expect((await api(other, other.operator, `/events/${open.id}`)).statusCode).toBe(404);
    expect(await listIds(other, other.operator)).toEqual([]);
    expect((await api(net, other.operator, `/events/${open.id}`)).statusCode).toBe(404);
  });

  it("a segment's event reaches its members as the segment matches them when read; only operators target segments", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const seg = await ok(net, op, "/segments", "POST", { name: "Python使い", filter: { skill: ["Python"] } });
    await ok(net, alumna, "/profiles/me", "PUT", { displayName: "卒業 花子", skills: ["Python"] });
    const e = await makeTestEvent(env, net, {
      title: "Python勉強会",
      format: "hybrid",
      onlineUrl: "https://meet.example.com/py",
      audience: { type: "segment", segmentId: seg.id },
    });
    expect(await listIds(net, alumna)).toContain(e.id);
    expect(await listIds(net, alumnus)).not.toContain(e.id);
    await ok(net, alumnus, "/profiles/me", "PUT", { displayName: "卒業 次郎", skills: ["Python"] });
    expect(await listIds(net, alumnus)).toContain(e.id);
    const refused = await api(net, employee, "/events", "POST", {
      title: "x",
      format: "online",
      onlineUrl: "https://meet.example.com/x",
      startsAt: inDays(3),
      endsAt: inDays(3, 20),
      audience: { type: "segment", segmentId: seg.id },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("EVENT_SEGMENT_OPERATORS_ONLY");
  });

  it("filters: format, month (Japan time), my RSVPs; past events apart, latest first", async () => {
    const { net, alumna } = await setup();
    const online = await makeTestEvent(env, net, {
      format: "online",
      venueName: null,
      onlineUrl: "https://meet.example.com/a",
    });
    const inPerson = await makeTestEvent(env, net, { startsAt: inDays(40), endsAt: inDays(40, 21) });
    expect(await listIds(net, alumna, "?format=online")).toEqual([online.id]);
    const month = new Date(Date.parse(inDays(40)) + 9 * 3600_000).toISOString().slice(0, 7);
    expect(await listIds(net, alumna, `?month=${month}`)).toContain(inPerson.id);
    expect(await listIds(net, alumna, "?mine=true")).toEqual([]);
    await ok(net, alumna, `/events/${inPerson.id}/rsvp`, "PUT", {});
    expect(await listIds(net, alumna, "?mine=true")).toEqual([inPerson.id]);
    const past = await makeTestEvent(env, net, { startsAt: inDays(-3), endsAt: inDays(-3, 21) });
    expect(await listIds(net, alumna)).not.toContain(past.id);
    expect(await listIds(net, alumna, "?when=past")).toEqual([past.id]);
    expect((await api(net, alumna, `/events/${past.id}/rsvp`, "PUT", {})).json().error.code).toBe(
      "EVENT_RSVP_CLOSED",
    );
    expect((await api(net, alumna, "/events?month=2026-13")).statusCode).toBe(400);
  });
});

describe("the list's cache (shared by those who see the same events)", () => {
  it("each sees her own RSVP and her own audience; a write, a group's new name, a new co-organizer show at once", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const g = await makeTestGroup(env, net, { name: "子育てと仕事", kind: "open", members: [alumna] });
    const e = await makeTestEvent(env, net, { title: "全体交流会", capacity: 10 });
    const inGroup = await makeTestEvent(env, net, {
      title: "ルームの会",
      audience: { type: "group", groupId: g.id },
    });
    const card = async (who: TestUser, id: string) =>
      (
        (await ok(net, who, "/events")).items as {
          id: string;
          seatsTaken: number;
          my: unknown;
          audience: { groupName: string | null };
          organizers: { userId: string }[];
        }[]
      ).find((x) => x.id === id);
    // The same page for both (same side, neither organizes); only alumna is in the group.
    expect((await card(alumnus, e.id))?.my).toBeNull();
    expect(await card(alumnus, inGroup.id)).toBeUndefined();
    expect((await card(alumna, inGroup.id))?.audience.groupName).toBe("子育てと仕事");
    // alumnus registers: he sees his RSVP, she sees the seat taken and no RSVP of hers.
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    expect((await card(alumnus, e.id))?.my).toMatchObject({ status: "confirmed" });
    const hers = await card(alumna, e.id);
    expect(hers?.my).toBeNull();
    expect(hers?.seatsTaken).toBe(1);
    // A group's new name is on its events' cards at the next read.
    await ok(net, op, `/groups/${g.id}`, "PATCH", { name: "子育て・介護と仕事" });
    expect((await card(alumna, inGroup.id))?.audience.groupName).toBe("子育て・介護と仕事");
    // Joining the group: her audience (and her page) change.
    await ok(net, alumnus, `/groups/${g.id}/membership`, "PUT", {});
    expect(await card(alumnus, inGroup.id)).toBeDefined();
    // A co-organizer named: on the card at once; and his own list is read for him alone.
    await ok(net, op, `/events/${e.id}/organizers/${alumna.id}`, "PUT");
    expect((await card(alumnus, e.id))?.organizers.map((o) => o.userId)).toContain(alumna.id);
    expect((await card(alumna, e.id))?.organizers.map((o) => o.userId)).toContain(alumna.id);
  });
});

describe("the list as the merge of her streams", () => {
  it("pages through the network's, her segment's and her group's events in order, none twice, none missed; the past latest first", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const g = await makeTestGroup(env, net, { name: "新規事業ルーム", kind: "closed", members: [alumna] });
    const seg = await ok(net, op, "/segments", "POST", { name: "Go使い", filter: { skill: ["Go"] } });
    await ok(net, alumna, "/profiles/me", "PUT", { displayName: "卒業 花子", skills: ["Go"] });
    const made: { id: string; day: number; to: "network" | "group" | "segment" }[] = [];
    for (const [i, to] of (
      ["group", "network", "segment", "group", "network", "group", "segment"] as const
    ).entries()) {
      const audience =
        to === "group"
          ? { type: "group", groupId: g.id }
          : to === "segment"
            ? { type: "segment", segmentId: seg.id }
            : undefined;
      const day = 3 + i;
      const e = await makeTestEvent(env, net, {
        startsAt: inDays(day),
        endsAt: inDays(day, 21),
        ...(audience ? { audience } : {}),
      });
      made.push({ id: e.id, day, to });
    }
    // A past one of each.
    const pastNet = await makeTestEvent(env, net, { startsAt: inDays(-5), endsAt: inDays(-5, 21) });
    const pastGroup = await makeTestEvent(env, net, {
      startsAt: inDays(-2),
      endsAt: inDays(-2, 21),
      audience: { type: "group", groupId: g.id },
    });
    const pages = async (who: TestUser, q: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res: { items: { id: string }[]; nextCursor: string | null } = await ok(
          net,
          who,
          `/events?limit=2&${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        ids.push(...res.items.map((x) => x.id));
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      return ids;
    };
    expect(await pages(alumna, "when=upcoming")).toEqual(made.map((m) => m.id));
    expect(await pages(alumnus, "when=upcoming")).toEqual(
      made.filter((m) => m.to === "network").map((m) => m.id),
    );
    expect(await pages(alumna, "when=past")).toEqual([pastGroup.id, pastNet.id]);
    expect(await pages(alumnus, "when=past")).toEqual([pastNet.id]);
    // The operator's one stream: everything.
    expect(await pages(op, "when=upcoming")).toEqual(made.map((m) => m.id));
  });
});

describe("organizers", () => {
  it("operators and employees create; operators name co-organizers (alumni volunteers), who then manage the event", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const body = {
      title: "x",
      format: "in_person",
      venueName: "会場",
      startsAt: inDays(5),
      endsAt: inDays(5, 21),
    };
    expect((await api(net, alumna, "/events", "POST", body)).statusCode).toBe(403);
    expect((await api(net, employee, "/events", "POST", body)).statusCode).toBe(201);

    const e = await makeTestEvent(env, net, { title: "月例交流会" }, employee);
    expect((await api(net, alumnus, `/events/${e.id}`, "PATCH", { title: "乗っ取り" })).statusCode).toBe(403);
    expect((await api(net, alumnus, `/events/${e.id}/rsvps`)).statusCode).toBe(403);
    // Only operators name co-organizers (not the employee who made it).
    expect((await api(net, employee, `/events/${e.id}/organizers/${alumnus.id}`, "PUT")).statusCode).toBe(
      403,
    );
    const named = await ok(net, op, `/events/${e.id}/organizers/${alumnus.id}`, "PUT");
    expect(named.organizers.map((o: { userId: string }) => o.userId)).toEqual([employee.id, alumnus.id]);
    const edited = await ok(net, alumnus, `/events/${e.id}`, "PATCH", { title: "月例交流会（12月）" });
    expect(edited.title).toBe("月例交流会（12月）");
    expect(edited.can.manage).toBe(true);
    // Duplicating makes a draft at the new start, same length, same organizers.
    const copy = (
      await api(net, alumnus, `/events/${e.id}/duplicate`, "POST", { startsAt: inDays(35) })
    ).json();
    expect(copy).toMatchObject({
      status: "draft",
      title: "月例交流会（12月）",
      startsAt: new Date(inDays(35)).toISOString(),
    });
    expect(Date.parse(copy.endsAt) - Date.parse(copy.startsAt)).toBe(2 * 3600_000);
    expect(await listIds(net, employee, "?drafts=true")).toContain(copy.id);
    await ok(net, op, `/events/${e.id}/organizers/${alumnus.id}`, "DELETE");
    expect((await api(net, alumnus, `/events/${e.id}`, "PATCH", { title: "もう一度" })).statusCode).toBe(403);
    // A member of another network cannot be named.
    const other = await makeNetwork(env, { name: "他社" });
    const named2 = await api(net, op, `/events/${e.id}/organizers/${other.operator.id}`, "PUT");
    expect(named2.json().error.code).toBe("EVENT_ORGANIZER_NOT_A_MEMBER");
  });

  it("refuses impossible shapes with stable codes in both languages", async () => {
    const { net, op } = await setup();
    const base = {
      title: "x",
      format: "in_person",
      venueName: "会場",
      startsAt: inDays(5),
      endsAt: inDays(5, 21),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ endsAt: inDays(4) }, "EVENT_TIMES_INVALID"],
      [{ venueName: null }, "EVENT_VENUE_REQUIRED"],
      [{ format: "hybrid" }, "EVENT_ONLINE_URL_REQUIRED"],
      [{ rsvpClosesAt: inDays(6) }, "EVENT_RSVP_WINDOW_INVALID"],
      [{ audience: { type: "segment", segmentId: "nope" } }, "EVENT_SEGMENT_NOT_FOUND"],
    ];
    for (const [patch, code] of cases) {
      const res = await api(net, op, "/events", "POST", { ...base, ...patch });
      expect(res.statusCode, code).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe(code);
      expect(err.messages.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(err.messages.en).toMatch(/[a-z]/);
    }
    expect(
      (await api(net, op, "/events", "POST", { ...base, mapUrl: "javascript:alert(1)" })).statusCode,
    ).toBe(400);
  });
});

describe("RSVP, waitlist, promotion", () => {
  it("the count reads 2/2 then the next waits in arrival order; a cancellation promotes the first waiting, who is told", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const fourth = await makeMember(env, net, "alumni", { name: "卒業 四郎" });
    const e = await makeTestEvent(env, net, { capacity: 2 });
    expect((await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("confirmed");
    const full = await ok(net, employee, `/events/${e.id}/rsvp`, "PUT", {});
    expect(full).toMatchObject({ seatsTaken: 2, capacity: 2, waitlisted: 0, my: { status: "confirmed" } });
    const w1 = await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    expect(w1).toMatchObject({ waitlisted: 1, my: { status: "waitlisted", position: 1 } });
    const w2 = await ok(net, fourth, `/events/${e.id}/rsvp`, "PUT", {});
    expect(w2.my).toMatchObject({ status: "waitlisted", position: 2 });
    // RSVPing again changes nothing about the place.
    expect((await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {})).my.position).toBe(1);

    const after = await ok(net, alumna, `/events/${e.id}/rsvp`, "DELETE");
    expect(after).toMatchObject({ seatsTaken: 2, waitlisted: 1, my: { status: "cancelled" } });
    expect((await ok(net, alumnus, `/events/${e.id}`)).my.status).toBe("confirmed");
    expect((await ok(net, fourth, `/events/${e.id}`)).my.position).toBe(1);
    const told = (await notifications(net, alumnus)).find((n) => n.kind === "event_rsvp");
    expect(told?.text).toContain("参加確定");
    expect(told?.path).toBe(`/events/${e.id}`);
    expect((await mailsTo(env, alumnus.email)).some((m) => m.subject.includes("参加確定"))).toBe(true);
    // The one who cancelled comes back at the end of the queue.
    expect((await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {})).my).toMatchObject({
      status: "waitlisted",
      position: 2,
    });
    // More seats: the first waiting take them at once.
    const raised = await ok(net, op, `/events/${e.id}`, "PATCH", { capacity: 4 });
    expect(raised).toMatchObject({ seatsTaken: 4, waitlisted: 0 });
    expect((await api(net, op, `/events/${e.id}`, "PATCH", { capacity: 3 })).json().error.code).toBe(
      "EVENT_CAPACITY_BELOW_SEATS",
    );
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 4, confirmed: 4, waitlisted: 0, waiting: 0 });
  });

  it("guests count against the capacity; questions are asked; a required one must be answered", async () => {
    const { net, alumna, alumnus } = await setup();
    const e = await makeTestEvent(env, net, {
      capacity: 3,
      guestsMax: 2,
      questions: [
        { label: "食事の制限", required: true },
        { label: "話したいこと", required: false },
      ],
    });
    const detail = await ok(net, alumna, `/events/${e.id}`);
    const [diet, topic] = detail.questions.map((q: { id: string }) => q.id);
    const missing = await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 1, answers: {} });
    expect(missing.json().error.code).toBe("EVENT_ANSWER_REQUIRED");
    expect(
      (
        await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 3, answers: { [diet]: "なし" } })
      ).json().error.code,
    ).toBe("EVENT_GUESTS_TOO_MANY");
    const mine = await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {
      guests: 2,
      answers: { [diet]: "ベジタリアン", [topic]: "新規事業", unknown: "x" },
    });
    expect(mine).toMatchObject({
      seatsTaken: 3,
      my: { guests: 2, answers: { [diet]: "ベジタリアン", [topic]: "新規事業" } },
    });
    expect(
      (await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", { answers: { [diet]: "なし" } })).my.status,
    ).toBe("waitlisted");
    // One guest less frees a seat: the first waiting takes it.
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 1, answers: { [diet]: "ベジタリアン" } });
    expect((await ok(net, alumnus, `/events/${e.id}`)).my.status).toBe("confirmed");
    expect(
      (await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 2, answers: { [diet]: "x" } })).json()
        .error.code,
    ).toBe("EVENT_NO_SEATS_FOR_GUESTS");
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 3, confirmed: 3 });
  });

  it("with approval an RSVP waits for an organizer; approved it takes a seat, declined it cannot RSVP again; declining a seat promotes", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const e = await makeTestEvent(env, net, { capacity: 1, approval: true });
    expect((await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("pending");
    expect((await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("pending");
    expect((await ok(net, alumna, `/events/${e.id}`)).seatsTaken).toBe(0);
    const list = (await ok(net, op, `/events/${e.id}/rsvps`)).items as { id: string; userId: string }[];
    const idOf = (u: TestUser) => list.find((r) => r.userId === u.id)!.id;
    expect(
      (await api(net, alumna, `/events/${e.id}/rsvps/${idOf(alumnus)}`, "PUT", { approve: true })).statusCode,
    ).toBe(403);
    await ok(net, op, `/events/${e.id}/rsvps/${idOf(alumna)}`, "PUT", { approve: true });
    await ok(net, op, `/events/${e.id}/rsvps/${idOf(alumnus)}`, "PUT", { approve: true });
    expect((await ok(net, alumna, `/events/${e.id}`)).my.status).toBe("confirmed");
    expect((await ok(net, alumnus, `/events/${e.id}`)).my.status).toBe("waitlisted");
    expect(
      (await notifications(net, alumna)).some((n) => n.kind === "event_rsvp" && n.text.includes("承認")),
    ).toBe(true);
    // Declining the confirmed one gives the seat to the first waiting.
    await ok(net, op, `/events/${e.id}/rsvps/${idOf(alumna)}`, "PUT", { approve: false });
    expect((await ok(net, alumnus, `/events/${e.id}`)).my.status).toBe("confirmed");
    expect((await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", {})).json().error.code).toBe(
      "EVENT_RSVP_DECLINED",
    );
    expect((await ok(net, employee, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("pending");
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 1, confirmed: 1, waitlisted: 0 });
  });

  it("RSVPs open and close on time; a cancelled event takes none and tells everyone registered or waiting at once", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const notYet = await makeTestEvent(env, net, { rsvpOpensAt: inDays(1) });
    expect((await api(net, alumna, `/events/${notYet.id}/rsvp`, "PUT", {})).json().error.code).toBe(
      "EVENT_RSVP_CLOSED",
    );
    expect((await ok(net, alumna, `/events/${notYet.id}`)).rsvp).toBe("not_yet");
    const e = await makeTestEvent(env, net, { capacity: 1 });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    const moved = await ok(net, op, `/events/${e.id}`, "PATCH", {
      startsAt: inDays(8),
      endsAt: inDays(8, 21),
    });
    expect(moved.sequence).toBe(1);
    for (const u of [alumna, alumnus]) {
      expect((await notifications(net, u)).filter((n) => n.kind === "event_change")).toHaveLength(1);
      expect((await mailsTo(env, u.email)).some((m) => m.subject.includes("日時・場所が変更"))).toBe(true);
    }
    const cancelled = await ok(net, op, `/events/${e.id}/cancel`, "POST");
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2 });
    for (const u of [alumna, alumnus])
      expect((await mailsTo(env, u.email)).some((m) => m.subject.includes("中止"))).toBe(true);
    expect((await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", {})).json().error.code).toBe(
      "EVENT_CANCELLED",
    );
    expect((await api(net, op, `/events/${e.id}`, "PATCH", { title: "x" })).json().error.code).toBe(
      "EVENT_CANCELLED_READ_ONLY",
    );
  });
});

describe("what a member sees of others", () => {
  it("the online link only once confirmed (not waiting, not pending, nor in the calendar link)", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const url = "https://meet.example.com/secret-room-42";
    const e = await makeTestEvent(env, net, { format: "hybrid", onlineUrl: url, capacity: 1 });
    const before = await ok(net, alumna, `/events/${e.id}`);
    expect(before).toMatchObject({ onlineUrl: null, hasOnlineUrl: true });
    expect(JSON.stringify(before)).not.toContain("secret-room-42");
    expect(JSON.stringify(await ok(net, alumna, "/events"))).not.toContain("secret-room-42");
    const mine = await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    expect(mine.onlineUrl).toBe(url);
    expect(decodeURIComponent(mine.googleCalendarUrl)).toContain("secret-room-42");
    const waiting = await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    expect(JSON.stringify(waiting)).not.toContain("secret-room-42");
    expect((await ok(net, op, `/events/${e.id}`)).onlineUrl).toBe(url);
  });

  it("who else is going: listed attendees the viewer may see in the directory; the rest counted", async () => {
    const { net, alumna, alumnus } = await setup();
    const shy = await makeMember(env, net, "alumni", { name: "非公開 三郎" });
    const unlisted = await makeMember(env, net, "alumni", { name: "名簿外 四郎" });
    for (const u of [alumna, shy]) await listInDirectory(env, net, u);
    const e = await makeTestEvent(env, net);
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, shy, `/events/${e.id}/rsvp`, "PUT", { listed: false });
    // Not in the directory (no consent): going, but never named to others.
    await ok(net, unlisted, `/events/${e.id}/rsvp`, "PUT", {});
    const seen = await ok(net, alumnus, `/events/${e.id}/attendees`);
    expect(seen.items.map((p: { name: string }) => p.name)).toEqual(["卒業 花子"]);
    expect(seen.others).toBe(2);
    // Each still sees themselves.
    expect(
      (await ok(net, shy, `/events/${e.id}/attendees`)).items.map((p: { name: string }) => p.name),
    ).toEqual(["卒業 花子", "非公開 三郎"]);
    const other = await makeNetwork(env, { name: "他社" });
    expect((await api(net, other.operator, `/events/${e.id}/attendees`)).statusCode).toBe(404);
  });
});

describe("no overbooking under concurrency", () => {
  it("40 RSVPs at once for 10 seats: exactly 10 confirmed, 30 waiting in arrival order; 6 cancellations at once promote exactly 6", async () => {
    const net = await makeNetwork(env, { name: "同時商事" });
    const people: TestUser[] = [];
    for (let i = 0; i < 40; i++) people.push(await makeMember(env, net, "alumni", { name: `参加者 ${i}` }));
    const e = await makeTestEvent(env, net, { capacity: 10 });
    const answers = await Promise.all(people.map((u) => api(net, u, `/events/${e.id}/rsvp`, "PUT", {})));
    expect(answers.map((a) => a.statusCode)).toEqual(people.map(() => 200));
    const statuses = answers.map((a) => a.json().my.status);
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(10);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(30);
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 10, confirmed: 10, waitlisted: 30, waiting: 30 });
    // Arrival numbers are unique and every confirmed one arrived before every waiting one.
    const rows = (
      await env.ctx.db.execute(
        sql`select user_id as "userId", status, seq from event_rsvp where event_id = ${e.id} order by seq`,
      )
    ).rows as { userId: string; status: string; seq: number }[];
    expect(new Set(rows.map((r) => r.seq)).size).toBe(40);
    expect(rows.slice(0, 10).every((r) => r.status === "confirmed")).toBe(true);
    const positions = new Map(answers.map((a, i) => [people[i].id, a.json().my.position]));
    expect(rows.slice(10).map((r) => positions.get(r.userId))).toEqual(rows.slice(10).map((_, i) => i + 1));

    const confirmed = rows.slice(0, 6).map((r) => people.find((p) => p.id === r.userId)!);
    const firstWaiting = rows.slice(10, 16).map((r) => r.userId);
    const cancels = await Promise.all(confirmed.map((u) => api(net, u, `/events/${e.id}/rsvp`, "DELETE")));
    expect(cancels.map((c) => c.statusCode)).toEqual(confirmed.map(() => 200));
    const now = (
      await env.ctx.db.execute(
        sql`select user_id as "userId" from event_rsvp where event_id = ${e.id} and promoted_at is not null`,
      )
    ).rows as { userId: string }[];
    expect(now.map((r) => r.userId).sort()).toEqual([...firstWaiting].sort());
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 10, confirmed: 10, waitlisted: 24, waiting: 24 });
  }, 60_000);

  it("RSVPs and cancellations mixed at once never exceed the capacity", async () => {
    const net = await makeNetwork(env, { name: "混雑商事" });
    const people: TestUser[] = [];
    for (let i = 0; i < 24; i++) people.push(await makeMember(env, net, "alumni", { name: `混雑 ${i}` }));
    const e = await makeTestEvent(env, net, { capacity: 5, guestsMax: 2 });
    await Promise.all(people.slice(0, 8).map((u) => api(net, u, `/events/${e.id}/rsvp`, "PUT", {})));
    const mixed = await Promise.all([
      ...people.slice(0, 8).map((u) => api(net, u, `/events/${e.id}/rsvp`, "DELETE")),
      ...people.slice(8).map((u, i) => api(net, u, `/events/${e.id}/rsvp`, "PUT", { guests: i % 3 })),
    ]);
    expect(mixed.every((r) => r.statusCode === 200)).toBe(true);
    const c = await counts(e.id);
    expect(c.seatsTaken).toBe(c.confirmed);
    expect(c.waitlisted).toBe(c.waiting);
    expect(c.confirmed).toBeLessThanOrEqual(5);
    // A free seat with somebody waiting who fits would be a promotion missed.
    const head = (
      await env.ctx.db.execute(
        sql`select guests from event_rsvp where event_id = ${e.id} and status = 'waitlisted' order by seq limit 1`,
      )
    ).rows[0] as { guests: number } | undefined;
    if (head) expect(c.confirmed + 1 + head.guests).toBeGreaterThan(5);
  }, 60_000);
});

describe("reminders", () => {
  it("queued for the day before and 1 hour before; idempotent; a moved event's old reminder does nothing; the member's choice decides", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const startsAt = inDays(3);
    const e = await makeTestEvent(env, net, { startsAt, endsAt: inDays(3, 21) });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, "/notifications/preferences", "PUT", { channels: { event_reminder: "off" } });
    const start = Date.parse(startsAt);
    const dayBefore = await env.ctx.jobs.find<EventReminderJob>(
      EVENT_REMINDER_JOB,
      `event-reminder:${e.id}:${start}:1440`,
    );
    const hourBefore = await env.ctx.jobs.find<EventReminderJob>(
      EVENT_REMINDER_JOB,
      `event-reminder:${e.id}:${start}:60`,
    );
    expect(dayBefore?.startAfter.getTime()).toBe(start - 86_400_000);
    expect(hourBefore?.startAfter.getTime()).toBe(start - 3_600_000);
    // Run as the queue would when its time comes (twice: a retry adds nothing).
    await runEventReminder(env.ctx, dayBefore!.data);
    await runEventReminder(env.ctx, dayBefore!.data);
    const reminders = (await notifications(net, alumna)).filter((n) => n.kind === "event_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain("リマインド");
    expect((await mailsTo(env, alumna.email)).filter((m) => m.subject.includes("リマインド"))).toHaveLength(
      1,
    );
    expect((await notifications(net, alumnus)).filter((n) => n.kind === "event_reminder")).toHaveLength(0);
    // Moved: the old job finds another start and does nothing; new ones are queued.
    await ok(net, op, `/events/${e.id}`, "PATCH", { startsAt: inDays(4), endsAt: inDays(4, 21) });
    await runEventReminder(env.ctx, hourBefore!.data);
    expect((await notifications(net, alumna)).filter((n) => n.kind === "event_reminder")).toHaveLength(1);
    const moved = await env.ctx.jobs.find<EventReminderJob>(
      EVENT_REMINDER_JOB,
      `event-reminder:${e.id}:${Date.parse(inDays(4))}:60`,
    );
    expect(moved?.data.startsAt).toBe(new Date(inDays(4)).toISOString());
    // Cancelled: nothing.
    await ok(net, op, `/events/${e.id}/cancel`, "POST");
    await runEventReminder(env.ctx, moved!.data);
    expect((await notifications(net, alumna)).filter((n) => n.kind === "event_reminder")).toHaveLength(1);
  });
});

describe("check-in", () => {
  it("a signed ticket checks in once (a second scan changes nothing); codes of another event or forged are refused; walk-ins; attendance and CSV", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const late = await makeMember(env, net, "alumni", { name: "当日 参加" });
    const e = await makeTestEvent(env, net, {
      capacity: 2,
      questions: [{ label: "食事の制限", required: false }],
    });
    const other = await makeTestEvent(env, net, { title: "別の会" });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, employee, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    expect((await api(net, alumnus, `/events/${e.id}/ticket`)).json().error.code).toBe("EVENT_NO_TICKET");
    const ticket = await ok(net, alumna, `/events/${e.id}/ticket`);
    expect(ticket.code).toMatch(/^TSUNAGARI-CHECKIN:/);
    await ok(net, alumna, `/events/${other.id}/rsvp`, "PUT", {});
    const otherTicket = await ok(net, alumna, `/events/${other.id}/ticket`);

    // Only organizers check people in.
    expect(
      (await api(net, alumnus, `/events/${e.id}/checkins`, "POST", { code: ticket.code })).statusCode,
    ).toBe(403);
    const first = await ok(net, op, `/events/${e.id}/checkins`, "POST", { code: ticket.code });
    expect(first).toMatchObject({ name: "卒業 花子", already: false });
    const twice = await Promise.all(
      [1, 2, 3].map(() => ok(net, op, `/events/${e.id}/checkins`, "POST", { code: ticket.code })),
    );
    expect(twice.every((x) => x.already && x.checkedInAt === first.checkedInAt)).toBe(true);
    const wrong = await api(net, op, `/events/${e.id}/checkins`, "POST", { code: otherTicket.code });
    expect(wrong.json().error.code).toBe("EVENT_CHECKIN_CODE_INVALID");
    const forged = `${ticket.code.slice(0, -4)}AAAA`;
    expect((await api(net, op, `/events/${e.id}/checkins`, "POST", { code: forged })).json().error.code).toBe(
      "EVENT_CHECKIN_CODE_INVALID",
    );
    // The waiting one is not confirmed; they can be added as a walk-in (and leave the waitlist).
    const list = (await ok(net, op, `/events/${e.id}/rsvps`)).items as { id: string; userId: string }[];
    const waitingId = list.find((r) => r.userId === alumnus.id)!.id;
    expect(
      (await api(net, op, `/events/${e.id}/checkins`, "POST", { rsvpId: waitingId })).json().error.code,
    ).toBe("EVENT_CHECKIN_NOT_CONFIRMED");
    await ok(net, op, `/events/${e.id}/walk-ins`, "POST", { userId: alumnus.id });
    await ok(net, op, `/events/${e.id}/walk-ins`, "POST", { userId: late.id });
    await ok(net, op, `/events/${e.id}/walk-ins`, "POST", { name: "飛び入り 太郎", guests: 1 });
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 2, confirmed: 2, waitlisted: 0 });
    expect(await ok(net, op, `/events/${e.id}/attendance`)).toEqual({
      confirmed: 2,
      checkedIn: 4,
      noShow: 1,
      walkIns: 3,
      repeat: 0,
    });
    // Attendance at a second event makes a repeat attendee.
    await ok(net, op, `/events/${other.id}/checkins`, "POST", { code: otherTicket.code });
    expect((await ok(net, op, `/events/${other.id}/attendance`)).repeat).toBe(1);

    const csv = await api(net, op, `/events/${e.id}/attendance.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.toString("utf8");
    expect(text).toContain("受付順,氏名,メールアドレス,状態,同伴者,受付時刻,申込日時,食事の制限\r\n");
    expect(text).toContain("飛び入り 太郎");
    expect(text).toContain("当日参加");
    const sjis = await api(net, op, `/events/${e.id}/attendance.csv?encoding=shift_jis`);
    expect(sjis.headers["content-type"]).toBe("text/csv; charset=Shift_JIS");
    expect(sjis.rawPayload.includes(Buffer.from([0x8e, 0xf3]))).toBe(true); // 受 in Shift_JIS
    expect((await api(net, alumna, `/events/${e.id}/attendance.csv`)).statusCode).toBe(403);
    // Undo.
    await api(net, op, `/events/${e.id}/checkins/${first.rsvpId}`, "DELETE");
    expect((await ok(net, op, `/events/${e.id}/attendance`)).checkedIn).toBe(3);
    // A thank-you before the start is refused; after, it reaches those who came, once.
    expect(
      (await api(net, op, `/events/${e.id}/thanks`, "POST", { message: "ありがとう" })).json().error.code,
    ).toBe("EVENT_NOT_OVER");
    await env.ctx.db.execute(
      sql`update event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${e.id}`,
    );
    expect(
      (await ok(net, op, `/events/${e.id}/thanks`, "POST", { message: "ご参加ありがとうございました！" }))
        .sent,
    ).toBe(2);
    expect((await ok(net, op, `/events/${e.id}/thanks`, "POST", { message: "もう一度" })).sent).toBe(0);
    const thanks = (await notifications(net, alumnus)).filter((n) => n.kind === "event_thanks");
    expect(thanks).toHaveLength(1);
    expect(
      (await mailsTo(env, alumnus.email)).some((m) => m.text.includes("ご参加ありがとうございました！")),
    ).toBe(true);
    expect((await notifications(net, alumna)).filter((n) => n.kind === "event_thanks")).toHaveLength(0);
  });
});

describe("a freed seat offered for a limited time", () => {
  it("holds the seat for the first waiting until she answers; unanswered, it passes to the next", async () => {
    const { net, alumna, alumnus, employee } = await setup();
    const e = await makeTestEvent(env, net, { capacity: 1, offerHours: 24 });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, employee, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumna, `/events/${e.id}/rsvp`, "DELETE");
    const offered = await ok(net, alumnus, `/events/${e.id}`);
    expect(offered).toMatchObject({
      seatsTaken: 1,
      waitlisted: 1,
      onlineUrl: null,
      my: { status: "offered" },
    });
    expect(Date.parse(offered.my.offerExpiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect((await notifications(net, alumnus)).find((n) => n.kind === "event_rsvp")?.text).toContain(
      "参加を確定してください",
    );
    expect((await ok(net, employee, `/events/${e.id}`)).my).toMatchObject({
      status: "waitlisted",
      position: 1,
    });
    // She answers: the seat is hers.
    expect((await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("confirmed");
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 1, confirmed: 1, waitlisted: 1 });

    // Next time nobody answers: the job finds the offer past its time and passes it on.
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "DELETE");
    const next = await ok(net, employee, `/events/${e.id}`);
    expect(next.my.status).toBe("offered");
    const job = await env.ctx.jobs.find<EventOfferJob>(
      EVENT_OFFER_JOB,
      `event-offer:${next.my.id}:${((await env.ctx.db.execute(sql`select seq from event_rsvp where id = ${next.my.id}`)).rows[0] as { seq: number }).seq}`,
    );
    expect(job?.startAfter.getTime()).toBe(Date.parse(next.my.offerExpiresAt));
    // Before its time the job changes nothing.
    await runOfferExpiry(env.ctx, job!.data);
    expect((await ok(net, employee, `/events/${e.id}`)).my.status).toBe("offered");
    await env.ctx.db.execute(
      sql`update event_rsvp set offer_expires_at = now() - interval '1 minute' where id = ${next.my.id}`,
    );
    await runOfferExpiry(env.ctx, job!.data);
    await runOfferExpiry(env.ctx, job!.data);
    expect((await ok(net, employee, `/events/${e.id}`)).my.status).toBe("cancelled");
    expect(await counts(e.id)).toMatchObject({ seatsTaken: 0, confirmed: 0, waitlisted: 0 });
  });
});
