// An event's cover picture: checked and stripped as posts' pictures are, pending uploads only for
// their uploader, named in the form by whoever may edit the event, read only by who may see the
// event (a draft: its organizers), replaced or removed (the old file goes), kept by a duplicate as
// its own copy, and shown in the list without a query per card.
import { sql } from "drizzle-orm";
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
import { multipartFile } from "../members/testing.ts";
import { DIRTY, IMAGES, SECRETS } from "../profiles/testing.ts";
import { inDays, makeTestEvent } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const upload = (net: TestNetwork, user: TestUser | null, file: Buffer, filename = "cover.jpg") =>
  call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/events/covers`,
    user,
    ...multipartFile(file, { filename }),
  });
const uploaded = async (net: TestNetwork, user: TestUser, file: Buffer = IMAGES.png) => {
  const r = await upload(net, user, file);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; url: string; width: number; height: number };
};
const patch = (net: TestNetwork, user: TestUser, id: string, payload: unknown) =>
  call(env, { method: "PATCH", url: `/api/n/${net.slug}/events/${id}`, user, payload });
const rows = async (netId: string) =>
  (
    await env.ctx.db.execute(
      sql`select id, event_id as "eventId", storage_key as "key" from event_image where network_id = ${netId} order by created_at`,
    )
  ).rows as { id: string; eventId: string | null; key: string }[];

async function setup() {
  const net = await makeNetwork(env, { name: "カバー商事" });
  const employee = await makeMember(env, net, "employee", { name: "社員 一郎" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const volunteer = await makeMember(env, net, "alumni", { name: "幹事 次郎" });
  return { net, op: net.operator, employee, alumna, volunteer };
}

describe("an event's cover picture", () => {
  it("checked by content and stripped; the preview is the uploader's; the cover only for who sees the event", async () => {
    const { net, op, employee, alumna } = await setup();
    const exe = await upload(net, employee, Buffer.from("MZ\x90\x00 not a picture"), "cover.jpg");
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    expect((await upload(net, null, IMAGES.png)).statusCode).toBe(401);

    const img = await uploaded(net, employee, DIRTY.jpeg);
    expect((await call(env, { url: img.url, user: alumna })).statusCode).toBe(404);
    const preview = await call(env, { url: img.url, user: employee });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["content-type"]).toBe("image/jpeg");
    for (const secret of Object.values(SECRETS)) expect(preview.rawPayload.includes(secret)).toBe(false);

    // Somebody else's upload cannot be named; one's own can.
    const theirs = await uploaded(net, alumna);
    const stolen = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/events`,
      user: employee,
      payload: {
        title: "x",
        format: "online",
        onlineUrl: "https://meet.example.com/x",
        startsAt: inDays(3),
        endsAt: inDays(3, 21),
        coverImageId: theirs.id,
      },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.code).toBe("EVENT_COVER_NOT_FOUND");
    expect((await rows(net.id)).filter((r) => r.eventId)).toHaveLength(0);

    const draft = await makeTestEvent(
      env,
      net,
      { title: "下書き", publishAt: null, coverImageId: img.id },
      employee,
    );
    const shown = (await call(env, { url: `/api/n/${net.slug}/events/${draft.id}`, user: employee })).json();
    expect(shown.coverUrl).toBe(`/api/n/${net.slug}/events/${draft.id}/cover/${img.id}`);
    expect(shown.coverImageId).toBe(img.id);
    // The pending preview is gone; the draft's cover: its organizers (and operators) only.
    expect((await call(env, { url: img.url, user: employee })).statusCode).toBe(404);
    expect((await call(env, { url: shown.coverUrl, user: employee })).statusCode).toBe(200);
    expect((await call(env, { url: shown.coverUrl, user: op })).statusCode).toBe(200);
    expect((await call(env, { url: shown.coverUrl, user: alumna })).statusCode).toBe(404);
    // Published for employees only: still not for alumni.
    expect((await patch(net, employee, draft.id, { publishAt: "now", sides: "employees" })).statusCode).toBe(
      200,
    );
    expect((await call(env, { url: shown.coverUrl, user: alumna })).statusCode).toBe(404);
    expect((await patch(net, employee, draft.id, { sides: "all" })).statusCode).toBe(200);
    const cover = await call(env, { url: shown.coverUrl, user: alumna });
    expect(cover.statusCode).toBe(200);
    expect(cover.headers["cache-control"]).toContain("private");
    expect(cover.headers["content-security-policy"]).toContain("sandbox");
    // Another image id under this event, another network, nobody signed in: nothing.
    expect(
      (await call(env, { url: `/api/n/${net.slug}/events/${draft.id}/cover/${theirs.id}`, user: alumna }))
        .statusCode,
    ).toBe(404);
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni");
    expect(
      (await call(env, { url: `/api/n/${other.slug}/events/${draft.id}/cover/${img.id}`, user: stranger }))
        .statusCode,
    ).toBe(404);
    expect((await call(env, { url: shown.coverUrl, user: stranger })).statusCode).toBe(404);
    expect((await call(env, { url: shown.coverUrl, user: null })).statusCode).toBe(401);
  });

  it("a co-organizer replaces it, an alumna who does not organize cannot; removed, the files go; the list reads it from the event row", async () => {
    const { net, op, employee, alumna, volunteer } = await setup();
    const first = await uploaded(net, employee);
    const e = await makeTestEvent(env, net, { coverImageId: first.id }, employee);
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/events/${e.id}/organizers/${volunteer.id}`,
      user: op,
    });
    const mine = await uploaded(net, alumna);
    const refused = await patch(net, alumna, e.id, { coverImageId: mine.id });
    expect(refused.statusCode).toBe(403);
    const second = await uploaded(net, volunteer, IMAGES.webp);
    const replaced = await patch(net, volunteer, e.id, { coverImageId: second.id });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().coverImageId).toBe(second.id);
    expect(await env.ctx.storage.get(`events/${net.id}/${first.id}`)).toBeNull();
    expect(await env.ctx.storage.get(`events/${net.id}/${second.id}`)).not.toBeNull();
    // Editing something else keeps it.
    expect((await patch(net, volunteer, e.id, { title: "新しい題" })).json().coverImageId).toBe(second.id);

    // The list: every card's cover from the event row itself.
    const plain = await makeTestEvent(env, net, { title: "カバーなし" }, employee);
    const list = (await call(env, { url: `/api/n/${net.slug}/events`, user: alumna })).json().items as {
      id: string;
      coverUrl: string | null;
    }[];
    expect(list.find((x) => x.id === e.id)?.coverUrl).toBe(
      `/api/n/${net.slug}/events/${e.id}/cover/${second.id}`,
    );
    expect(list.find((x) => x.id === plain.id)?.coverUrl).toBeNull();
    // The card's cover comes from the event row alone: with its picture's row gone behind the
    // module's back, the list still names it (and the route then finds nothing).
    const third = await makeTestEvent(
      env,
      net,
      { coverImageId: (await uploaded(net, employee)).id },
      employee,
    );
    await env.ctx.db.execute(sql`delete from event_image where event_id = ${third.id}`);
    const again = (await call(env, { url: `/api/n/${net.slug}/events`, user: alumna })).json().items as {
      id: string;
      coverUrl: string | null;
    }[];
    const orphan = again.find((x) => x.id === third.id)?.coverUrl;
    expect(orphan).toMatch(/\/cover\//);
    expect((await call(env, { url: orphan!, user: alumna })).statusCode).toBe(404);

    const removed = await patch(net, volunteer, e.id, { coverImageId: null });
    expect(removed.json()).toMatchObject({ coverImageId: null, coverUrl: null });
    expect(await env.ctx.storage.get(`events/${net.id}/${second.id}`)).toBeNull();
    expect((await rows(net.id)).filter((r) => r.eventId === e.id)).toHaveLength(0);
    // Pending uploads left over a day go at the uploader's next upload.
    await env.ctx.db.execute(
      sql`update event_image set created_at = now() - interval '25 hours' where id = ${mine.id}`,
    );
    await uploaded(net, alumna);
    expect((await rows(net.id)).some((r) => r.id === mine.id)).toBe(false);
    expect(await env.ctx.storage.get(`events/${net.id}/${mine.id}`)).toBeNull();
  });

  it("a duplicate keeps the cover as its own copy: removing one event's cover leaves the other's", async () => {
    const { net, employee, alumna } = await setup();
    const img = await uploaded(net, employee);
    const e = await makeTestEvent(env, net, { coverImageId: img.id }, employee);
    const dup = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/events/${e.id}/duplicate`,
      user: employee,
      payload: { startsAt: inDays(40) },
    });
    expect(dup.statusCode, dup.body).toBeLessThan(300);
    const copy = dup.json();
    expect(copy.coverImageId).not.toBeNull();
    expect(copy.coverImageId).not.toBe(img.id);
    const original = await env.ctx.storage.get(`events/${net.id}/${img.id}`);
    const copied = await env.ctx.storage.get(`events/${net.id}/${copy.coverImageId}`);
    expect(copied?.size).toBe(original?.size);
    original?.stream.destroy();
    copied?.stream.destroy();
    expect((await patch(net, employee, e.id, { coverImageId: null })).statusCode).toBe(200);
    expect(await env.ctx.storage.get(`events/${net.id}/${img.id}`)).toBeNull();
    // The copy is a draft: its organizer sees its cover, other members do not.
    expect((await call(env, { url: copy.coverUrl, user: employee })).statusCode).toBe(200);
    expect((await call(env, { url: copy.coverUrl, user: alumna })).statusCode).toBe(404);
    // A removed cover's id cannot be named again.
    const again = await patch(net, employee, e.id, { coverImageId: img.id });
    expect(again.statusCode).toBe(400);
    // Nor can one event's cover be named by another.
    const stolen = await patch(net, employee, e.id, { coverImageId: copy.coverImageId });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.code).toBe("EVENT_COVER_NOT_FOUND");
  });
});
