// The confirmation mail with the check-in ticket, parsed back as a mail client would (postal-mime):
// the QR image decodes (jsQR) to the member's own check-in code, which checks her in; the .ics
// parses (ical.js); the online link only for the confirmed; one mail per confirmation (direct,
// approved, promoted, an offered seat taken) in the member's language, whatever she chose for
// notifications; a retry sends nothing twice; nothing to anyone of another network.
import { inflateSync } from "node:zlib";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import jsQR from "jsqr";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNetworkScope } from "../../server/guards.ts";
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
import { findEvent, findRsvp } from "./queries.ts";
import { inDays, makeTestEvent } from "./testing.ts";
import { queueTicketMails } from "./ticket-mail.ts";

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

/** An 8-bit, non-interlaced PNG (what `qrcode` writes) as RGBA pixels. */
function decodePng(buf: Buffer) {
  expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  let palette: Buffer | null = null;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.subarray(pos + 4, pos + 8).toString("latin1");
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8);
      colorType = body[9];
      expect(body[12]).toBe(0);
    } else if (type === "PLTE") palette = body;
    else if (type === "IDAT") data.push(body);
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType]!;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels] : 0;
      const b = y ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= channels && y ? pixels[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      pixels[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const px = pixels.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, al] =
      colorType === 3
        ? [palette![px[0] * 3], palette![px[0] * 3 + 1], palette![px[0] * 3 + 2], 255]
        : channels === 1
          ? [px[0], px[0], px[0], 255]
          : channels === 2
            ? [px[0], px[0], px[0], px[1]]
            : channels === 3
              ? [px[0], px[1], px[2], 255]
              : [px[0], px[1], px[2], px[3]];
    rgba.set([r, g, b, al], i * 4);
  }
  return { width, height, rgba };
}

const tickets = async (u: TestUser) =>
  (await mailsTo(env, u.email)).filter((m) => m.html.includes("cid:ticket-qr@tsunagari"));

/** The mail as a client reads it: text, HTML, the QR code it shows and the calendar it carries. */
async function read(m: { raw?: Buffer }) {
  expect(m.raw).toBeDefined();
  const mail = await PostalMime.parse(m.raw!);
  const qrPart = mail.attachments.find((a) => a.contentId === "<ticket-qr@tsunagari>");
  const icsPart = mail.attachments.find((a) => a.filename === "event.ics");
  expect(qrPart?.mimeType).toBe("image/png");
  expect(qrPart?.disposition).toBe("inline");
  expect(icsPart?.mimeType).toBe("text/calendar");
  const png = decodePng(Buffer.from(qrPart!.content as ArrayBuffer));
  const qr = jsQR(png.rgba, png.width, png.height)?.data ?? null;
  const icsText = Buffer.from(icsPart!.content as ArrayBuffer).toString("utf8");
  const vevent = new ICAL.Component(ICAL.parse(icsText)).getFirstSubcomponent("vevent")!;
  const ev = new ICAL.Event(vevent);
  return {
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: mail.html ?? "",
    qr,
    ics: {
      summary: ev.summary,
      start: ev.startDate.toJSDate().toISOString(),
      status: String(vevent.getFirstPropertyValue("status")),
      description: ev.description ?? "",
    },
  };
}

async function setup() {
  const net = await makeNetwork(env, { name: "チケット商事" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const alumnus = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
  return { net, op: net.operator, alumna, alumnus };
}

const ONLINE = "https://meet.example.com/secret-room-42";

describe("the confirmation mail with the ticket", () => {
  it("at RSVP: title, Japan time, venue with map, online link, party, page; the QR decodes to her code, which checks her in; the .ics parses; waiting people get no link", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const startsAt = inDays(10, 19);
    const e = await makeTestEvent(env, net, {
      title: "ハイブリッド座談会",
      format: "hybrid",
      venueName: "本社 20F ラウンジ",
      venueAddress: "東京都千代田区丸の内1-1-1",
      mapUrl: "https://maps.example.com/?q=marunouchi",
      onlineUrl: ONLINE,
      startsAt,
      endsAt: inDays(10, 21),
      capacity: 2,
      guestsMax: 1,
    });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 1 });
    // The capacity is taken: the next waits, and hears nothing of the online link.
    expect((await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {})).my.status).toBe("waitlisted");

    const sent = await tickets(alumna);
    expect(sent).toHaveLength(1);
    const m = await read(sent[0]);
    expect(m.subject).toContain("「ハイブリッド座談会」への参加が確定しました");
    const hour = new Date(startsAt).toLocaleString("ja-JP", {
      timeZone: "Asia/Tokyo",
      hour: "2-digit",
      minute: "2-digit",
    });
    expect(hour).toBe("19:00");
    expect(m.text).toContain("19:00〜21:00");
    expect(m.text).toContain("本社 20F ラウンジ 東京都千代田区丸の内1-1-1");
    expect(m.text).toContain("https://maps.example.com/?q=marunouchi");
    expect(m.text).toContain(ONLINE);
    expect(m.text).toContain("2名（ご本人と同伴者1名）");
    expect(m.text).toContain(`/n/${net.slug}/events/${e.id}`);
    expect(m.html).toContain('src="cid:ticket-qr@tsunagari"');
    // The QR code is her ticket, the same as the app shows, and written out beneath.
    const { code } = await ok(net, alumna, `/events/${e.id}/ticket`);
    expect(m.qr).toBe(code);
    expect(m.text).toContain(code);
    expect(m.html).toContain(code);
    expect(m.ics).toMatchObject({ summary: "ハイブリッド座談会", start: startsAt, status: "CONFIRMED" });
    expect(m.ics.description).toContain(ONLINE);
    const scanned = await ok(net, op, `/events/${e.id}/checkins`, "POST", { code: m.qr });
    expect(scanned.already).toBe(false);

    // The waiting member: no ticket, and no mail of hers carries the online link.
    expect(await tickets(alumnus)).toHaveLength(0);
    for (const x of await mailsTo(env, alumnus.email)) {
      expect(x.text).not.toContain(ONLINE);
      expect(x.html).not.toContain("secret-room");
    }
  });

  it("one mail per confirmation: an RSVP changed, a retry or the same seat queued again send nothing more; a new RSVP after a cancellation is a new one", async () => {
    const { net, alumna } = await setup();
    const e = await makeTestEvent(env, net, { guestsMax: 2 });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    expect(await tickets(alumna)).toHaveLength(1);
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", { guests: 2, listed: false });
    // The queue again, as a retried transaction would: the key names the confirmation.
    const scope = await loadNetworkScope(env.ctx, { id: net.id });
    const my = (await ok(net, alumna, `/events/${e.id}`)).my;
    await env.ctx.db.transaction(async (tx) => {
      const ev = (await findEvent(tx, net.id, e.id))!;
      const r = (await findRsvp(tx, net.id, e.id, my.id))!;
      await queueTicketMails({ ...scope, db: tx }, ev, [r], "registered");
    });
    expect(await tickets(alumna)).toHaveLength(1);
    await ok(net, alumna, `/events/${e.id}/rsvp`, "DELETE");
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    const sent = await tickets(alumna);
    expect(sent).toHaveLength(2);
    expect(sent[0].messageId).not.toBe(sent[1].messageId);
  });

  it("promoted from the waitlist: one mail (the notice and the ticket), in her language, though she chose the digest; the bell still rings", async () => {
    const { net, alumna, alumnus } = await setup();
    await env.ctx.db.execute(sql`update "user" set locale = 'en' where id = ${alumnus.id}`);
    await ok(net, alumnus, "/notifications/preferences", "PUT", { channels: { event_rsvp: "digest" } });
    const e = await makeTestEvent(env, net, {
      title: "Online study session",
      format: "online",
      onlineUrl: ONLINE,
      capacity: 1,
    });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    const before = (await mailsTo(env, alumnus.email)).length;
    await ok(net, alumna, `/events/${e.id}/rsvp`, "DELETE");
    expect((await ok(net, alumnus, `/events/${e.id}`)).my.status).toBe("confirmed");
    const all = await mailsTo(env, alumnus.email);
    expect(all.length - before).toBe(1);
    const m = await read(all[all.length - 1]);
    expect(m.subject).toContain('A seat freed up: you are registered for "Online study session"');
    expect(m.text).toContain("(Japan time)");
    expect(m.text).toContain("Join online");
    expect(m.text).toContain(ONLINE);
    expect(m.text).not.toContain("Where");
    expect(m.text).toContain("1 (you)");
    expect(m.qr).toBe((await ok(net, alumnus, `/events/${e.id}/ticket`)).code);
    const bell = (await ok(net, alumnus, "/notifications")).items as { kind: string }[];
    expect(bell.some((n) => n.kind === "event_rsvp")).toBe(true);
  });

  it("approved by an organizer: the ticket then, never while pending; an offered seat taken: the ticket then, the offer's mail has no online link", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const e = await makeTestEvent(env, net, { format: "hybrid", onlineUrl: ONLINE, approval: true });
    const pending = await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    expect(pending.my.status).toBe("pending");
    expect(await tickets(alumna)).toHaveLength(0);
    await ok(net, op, `/events/${e.id}/rsvps/${pending.my.id}`, "PUT", { approve: true });
    const approved = await tickets(alumna);
    expect(approved).toHaveLength(1);
    expect((await read(approved[0])).subject).toContain("承認され、参加が確定しました");
    // The approval's notification mail is this one: no second mail about it.
    expect((await mailsTo(env, alumna.email)).filter((m) => m.subject.includes("承認"))).toHaveLength(1);

    const o = await makeTestEvent(env, net, {
      format: "online",
      onlineUrl: ONLINE,
      capacity: 1,
      offerHours: 24,
    });
    await ok(net, alumna, `/events/${o.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${o.id}/rsvp`, "PUT", {});
    await ok(net, alumna, `/events/${o.id}/rsvp`, "DELETE");
    expect((await ok(net, alumnus, `/events/${o.id}`)).my.status).toBe("offered");
    const offerMails = await mailsTo(env, alumnus.email);
    expect(offerMails.some((m) => m.subject.includes("空きが出ました"))).toBe(true);
    for (const m of offerMails) expect(m.text).not.toContain(ONLINE);
    expect(await tickets(alumnus)).toHaveLength(0);
    await ok(net, alumnus, `/events/${o.id}/rsvp`, "PUT", {});
    const taken = await tickets(alumnus);
    expect(taken).toHaveLength(1);
    const m = await read(taken[0]);
    expect(m.text).toContain(ONLINE);
    expect(m.qr).toBe((await ok(net, alumnus, `/events/${o.id}/ticket`)).code);
  });

  it("more seats and a new time in one edit: those promoted are mailed the new time", async () => {
    const { net, op, alumna, alumnus } = await setup();
    const e = await makeTestEvent(env, net, { capacity: 1, startsAt: inDays(8, 19), endsAt: inDays(8, 21) });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    await ok(net, alumnus, `/events/${e.id}/rsvp`, "PUT", {});
    const moved = inDays(9, 18);
    await ok(net, op, `/events/${e.id}`, "PATCH", { capacity: 2, startsAt: moved, endsAt: inDays(9, 20) });
    const [mail] = await tickets(alumnus);
    const m = await read(mail);
    expect(m.text).toContain("18:00〜20:00");
    expect(m.ics.start).toBe(moved);
  });

  it("another network: its members get nothing, and the mailed code checks in at no event of theirs", async () => {
    const { net, alumna } = await setup();
    const other = await makeNetwork(env, { name: "別ネットワーク" });
    const stranger = await makeMember(env, other, "alumni", { name: "他社 三郎" });
    const e = await makeTestEvent(env, net, { title: "社内交流会" });
    const theirs = await makeTestEvent(env, other, { title: "他社交流会" });
    await ok(net, alumna, `/events/${e.id}/rsvp`, "PUT", {});
    expect((await api(other, stranger, `/events/${e.id}/rsvp`, "PUT", {})).statusCode).toBe(404);
    const [mail] = await tickets(alumna);
    const m = await read(mail);
    expect((await mailsTo(env, stranger.email)).some((x) => x.text.includes("社内交流会"))).toBe(false);
    const res = await api(other, other.operator, `/events/${theirs.id}/checkins`, "POST", { code: m.qr });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("EVENT_CHECKIN_CODE_INVALID");
  });
});
