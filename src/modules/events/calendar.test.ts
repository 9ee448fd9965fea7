// Calendar files parsed back with ical.js: one event's .ics (UID, SEQUENCE rising with changes,
// times in UTC, all-day dates in Japan, STATUS:CANCELLED, the online link only once confirmed) and
// the personal feed behind a secret, revocable URL.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { inDays, makeTestEvent } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const api = (
  net: TestNetwork,
  user: TestUser | null,
  url: string,
  method: Method = "GET",
  payload?: unknown,
) => call(env, { method, url: `/api/n/${net.slug}${url}`, user, payload });

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      description: e.description ?? "",
      location: e.location ?? "",
      status: String(c.getFirstPropertyValue("status") ?? ""),
      start: e.startDate,
      end: e.endDate,
    };
  });
}

async function ics(net: TestNetwork, user: TestUser, id: string) {
  const res = await api(net, user, `/events/${id}/calendar.ics`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
  return parse(res.body);
}

describe("an event's .ics", () => {
  it("keeps its UID, raises SEQUENCE with each change, carries UTC times, and says CANCELLED once cancelled", async () => {
    const net = await makeNetwork(env, { name: "暦商事" });
    const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
    const startsAt = "2030-04-10T19:00:00+09:00";
    const e = await makeTestEvent(env, net, {
      title: "春の交流会",
      startsAt,
      endsAt: "2030-04-10T21:00:00+09:00",
      venueName: "本社ラウンジ",
      venueAddress: "東京都千代田区",
    });
    const [first] = await ics(net, alumna, e.id);
    expect(first.uid).toBe(`${e.id}@localhost`);
    expect(first.sequence).toBe(0);
    expect(first.summary).toBe("春の交流会");
    expect(first.location).toBe("本社ラウンジ 東京都千代田区");
    expect(first.start.toJSDate().toISOString()).toBe("2030-04-10T10:00:00.000Z");
    expect(first.start.zone?.tzid).toBe("UTC");
    expect(first.end.toJSDate().toISOString()).toBe("2030-04-10T12:00:00.000Z");
    expect(first.status).toBe("CONFIRMED");

    const moved = await api(net, net.operator, `/events/${e.id}`, "PATCH", {
      startsAt: "2030-04-17T19:00:00+09:00",
      endsAt: "2030-04-17T21:00:00+09:00",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const [second] = await ics(net, alumna, e.id);
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(1);
    expect(second.start.toJSDate().toISOString()).toBe("2030-04-17T10:00:00.000Z");
    // Capacity is not something a calendar shows: the SEQUENCE stays.
    await api(net, net.operator, `/events/${e.id}`, "PATCH", { capacity: 40 });
    expect((await ics(net, alumna, e.id))[0].sequence).toBe(1);

    expect((await api(net, net.operator, `/events/${e.id}/cancel`, "POST")).statusCode).toBe(200);
    const [cancelled] = await ics(net, alumna, e.id);
    expect(cancelled).toMatchObject({ uid: first.uid, sequence: 2, status: "CANCELLED" });
  });

  it("all day: dates in Japan, the end the day after the last day", async () => {
    const net = await makeNetwork(env, { name: "終日商事" });
    const e = await makeTestEvent(env, net, {
      title: "アイデアソン",
      allDay: true,
      startsAt: "2030-05-02T00:00:00+09:00",
      endsAt: "2030-05-03T00:00:00+09:00",
    });
    const [ev] = await ics(net, net.operator, e.id);
    expect(ev.start.isDate).toBe(true);
    expect(ev.start.toString()).toBe("2030-05-02");
    expect(ev.end.toString()).toBe("2030-05-04");
  });

  it("the online link only for a confirmed attendee; 404 outside the audience and for another network", async () => {
    const net = await makeNetwork(env, { name: "秘密商事" });
    const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
    const waiting = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
    const url = "https://meet.example.com/ics-secret-9";
    const e = await makeTestEvent(env, net, { format: "hybrid", onlineUrl: url, capacity: 1 });
    expect(JSON.stringify(await ics(net, alumna, e.id))).not.toContain("ics-secret-9");
    await api(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await api(net, waiting, `/events/${e.id}/rsvp`, "PUT", {});
    expect((await ics(net, alumna, e.id))[0].description).toContain(url);
    const theirs = await ics(net, waiting, e.id);
    expect(JSON.stringify(theirs)).not.toContain("ics-secret-9");
    expect(theirs[0].status).toBe("TENTATIVE");
    const other = await makeNetwork(env, { name: "他社" });
    expect((await api(net, other.operator, `/events/${e.id}/calendar.ics`)).statusCode).toBe(404);
    const employeesOnly = await makeTestEvent(env, net, { sides: "employees" });
    expect((await api(net, alumna, `/events/${employeesOnly.id}/calendar.ics`)).statusCode).toBe(404);
  });
});

describe("the personal calendar feed", () => {
  it("lists my events behind a secret URL; a new URL revokes the old; revoking ends it", async () => {
    const net = await makeNetwork(env, { name: "購読商事" });
    const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
    const mine = await makeTestEvent(env, net, { title: "参加する会" });
    const notMine = await makeTestEvent(env, net, { title: "参加しない会" });
    const cancelled = await makeTestEvent(env, net, {
      title: "中止になる会",
      startsAt: inDays(3),
      endsAt: inDays(3, 21),
    });
    for (const id of [mine.id, cancelled.id]) await api(net, alumna, `/events/${id}/rsvp`, "PUT", {});
    await api(net, net.operator, `/events/${cancelled.id}/cancel`, "POST");

    expect((await api(net, alumna, "/calendar-feed")).json()).toEqual({
      active: false,
      createdAt: null,
      url: null,
    });
    const made = (await api(net, alumna, "/calendar-feed", "POST")).json();
    expect(made.active).toBe(true);
    const path = new URL(made.url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await api(net, alumna, "/calendar-feed")).json()).toMatchObject({ active: true, url: null });

    const feed = await call(env, { url: path, user: null });
    expect(feed.statusCode, feed.body).toBe(200);
    const events = parse(feed.body);
    expect(events.map((e) => e.summary).sort()).toEqual(["中止になる会", "参加する会"]);
    expect(events.find((e) => e.summary === "中止になる会")?.status).toBe("CANCELLED");
    expect(events.map((e) => e.uid)).not.toContain(`${notMine.id}@localhost`);

    const renewed = (await api(net, alumna, "/calendar-feed", "POST")).json();
    expect(renewed.url).not.toBe(made.url);
    expect((await call(env, { url: path, user: null })).statusCode).toBe(404);
    expect((await call(env, { url: new URL(renewed.url).pathname, user: null })).statusCode).toBe(200);
    await api(net, alumna, "/calendar-feed", "DELETE");
    expect((await call(env, { url: new URL(renewed.url).pathname, user: null })).statusCode).toBe(404);
    expect(
      (await call(env, { url: "/api/calendar/not-a-real-token-at-all.ics", user: null })).statusCode,
    ).toBe(404);
  });
});
