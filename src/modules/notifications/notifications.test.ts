// Notifications: replies reach the author (bell and mail), announcements every member of their
// audience once, the digest each member once a day; choices, mutes and unsubscribe links hold.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  setMemberStatus,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { openTestInquiry } from "../inquiries/testing.ts";
import { runDigest } from "./index.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const post = async (net: TestNetwork, user: TestUser, payload: unknown) => {
  const res = await call(env, { method: "POST", url: `/api/n/${net.slug}/posts`, user, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const comment = async (net: TestNetwork, user: TestUser, postId: string, payload: unknown) => {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/posts/${postId}/comments`,
    user,
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const bell = async (net: TestNetwork, user: TestUser) => {
  await env.ctx.jobs.drain();
  const res = await call(env, { url: `/api/n/${net.slug}/notifications`, user });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const prefs = (net: TestNetwork, user: TestUser, payload: unknown) =>
  call(env, { method: "PUT", url: `/api/n/${net.slug}/notifications/preferences`, user, payload });

async function setup() {
  const net = await makeNetwork(env, { name: "通知商事" });
  const alice = await makeMember(env, net, "alumni", { name: "青木 愛" });
  const bob = await makeMember(env, net, "alumni", { name: "坂本 勉" });
  const emp = await makeMember(env, net, "employee", { name: "社員 一郎" });
  return { net, alice, bob, emp, op: net.operator };
}

describe("replies", () => {
  it("a comment reaches the post's author in the bell and by mail now, with a one-click unsubscribe", async () => {
    const { net, alice, bob } = await setup();
    const p = await post(net, alice, {
      kind: "help_wanted",
      title: "デザイナー募集",
      body: "**急ぎ**で探しています",
    });
    await comment(net, bob, p.id, { body: "知り合いを紹介できます" });
    const list = await bell(net, alice);
    expect(list.unread).toBe(1);
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: "reply",
        text: "坂本 勉 さんが「デザイナー募集」にコメントしました",
        excerpt: "知り合いを紹介できます",
        postId: p.id,
        read: false,
      }),
    ]);
    expect((await bell(net, bob)).items).toEqual([]);
    const [mail] = await mailsTo(env, alice.email);
    expect(mail.subject).toBe(
      "通知商事 アルムナイネットワーク：坂本 勉 さんが「デザイナー募集」にコメントしました",
    );
    expect(mail.text).toContain(`/n/${net.slug}/posts/${p.id}`);
    expect(mail.text).toContain(`/n/${net.slug}/settings/notifications`);
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const link = /<(.+)>/.exec(mail.headers?.["List-Unsubscribe"] ?? "")?.[1] ?? "";
    expect(link).toMatch(/\/api\/notifications\/unsubscribe\?token=/);

    // The one-click POST of a mail client: no session, a form body.
    const url = new URL(link);
    const unsub = await env.app.inject({
      method: "POST",
      url: `${url.pathname}${url.search}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(unsub.statusCode, unsub.body).toBe(200);
    expect(unsub.json()).toEqual({ kind: "reply" });
    const mine = await call(env, { url: `/api/n/${net.slug}/notifications/preferences`, user: alice });
    expect(mine.json().channels.reply).toBe("inapp");
    await comment(net, bob, p.id, { body: "もう一件" });
    expect((await bell(net, alice)).unread).toBe(2);
    expect(await mailsTo(env, alice.email)).toHaveLength(1);

    const forged = await env.app.inject({
      method: "POST",
      url: `/api/notifications/unsubscribe?token=${url.searchParams.get("token")?.replace(/.$/, "x")}`,
    });
    expect(forged.statusCode).toBe(404);

    const read = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/notifications/read`,
      user: alice,
      payload: {},
    });
    expect(read.json()).toEqual({ unread: 0 });
  });

  it("a reply reaches the comment's author too; a muted thread stays silent; watchers hear of every comment", async () => {
    const { net, alice, bob, emp } = await setup();
    const p = await post(net, alice, { kind: "question", body: "年金の手続きについて" });
    const c = await comment(net, bob, p.id, { body: "私は iDeCo に移しました" });
    const watch = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/notifications/threads/post/${p.id}`,
      user: emp,
      payload: { level: "watch" },
    });
    expect(watch.json()).toEqual({ level: "watch" });
    const mute = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/notifications/threads/post/${p.id}`,
      user: alice,
      payload: { level: "mute" },
    });
    expect(mute.statusCode).toBe(200);
    await comment(net, net.operator, p.id, { body: "運営からの補足です", parentId: c.id });
    expect((await bell(net, bob)).items.map((n: any) => n.kind)).toEqual(["reply"]);
    expect((await bell(net, alice)).items.map((n: any) => n.kind)).toEqual(["reply"]); // bob's, before the mute
    expect((await bell(net, emp)).items.map((n: any) => n.kind)).toEqual(["watched_activity"]);
    // Watched activity waits for the digest: no mail now.
    expect(await mailsTo(env, emp.email)).toHaveLength(0);
  });

  it("nothing when the kind is off; a deleted post takes its notifications with it", async () => {
    const { net, alice, bob, emp } = await setup();
    expect((await prefs(net, alice, { channels: { reply: "off" } })).json().channels.reply).toBe("off");
    const p = await post(net, alice, { kind: "news", body: "転職しました" });
    await comment(net, bob, p.id, { body: "おめでとう" });
    expect((await bell(net, alice)).items).toEqual([]);
    const q = await post(net, emp, { kind: "question", body: "質問です" });
    await comment(net, bob, q.id, { body: "回答です" });
    expect((await bell(net, emp)).unread).toBe(1);
    await call(env, { method: "DELETE", url: `/api/n/${net.slug}/posts/${q.id}`, user: emp });
    expect((await bell(net, emp)).items).toEqual([]);
    const bad = await prefs(net, alice, { channels: { reply: "sometimes" }, digestHour: 25 });
    expect(bad.statusCode).toBe(400);
  });
});

describe("announcements", () => {
  it("fan out to every active member of the audience once; those who chose email get a mail", async () => {
    const { net, alice, bob, emp, op } = await setup();
    const gone = await makeMember(env, net, "alumni", { name: "停止 中" });
    await setMemberStatus(env, net.id, gone.id, "suspended");
    await prefs(net, bob, { channels: { announcement: "email" } });
    const a = await post(net, op, {
      kind: "announcement",
      title: "交流会のお知らせ",
      body: "12月に開催します",
    });
    for (const u of [alice, bob, emp]) {
      const list = await bell(net, u);
      expect(list.items.map((n: any) => [n.kind, n.text, n.postId])).toEqual([
        ["announcement", "お知らせ：交流会のお知らせ", a.id],
      ]);
    }
    const { rows } = await env.ctx.db.execute(
      sql`select user_id as "userId" from notification where network_id = ${net.id} and key = ${`post:${a.id}`}`,
    );
    expect(rows.map((r: any) => r.userId).sort()).toEqual([alice.id, bob.id, emp.id].sort());
    expect(await mailsTo(env, bob.email)).toHaveLength(1);
    expect(await mailsTo(env, alice.email)).toHaveLength(0); // the digest's, by default
  });

  it("to a segment reach its members only", async () => {
    const { net, alice, bob, op } = await setup();
    const seg = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/segments`,
      user: op,
      payload: { name: "Go使い", filter: { skill: ["Go"] } },
    });
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/profiles/me`,
      user: bob,
      payload: { displayName: "坂本 勉", skills: ["Go"] },
    });
    await post(net, op, {
      kind: "announcement",
      body: "Go 勉強会",
      audience: { type: "segment", segmentId: seg.json().id },
    });
    expect((await bell(net, bob)).unread).toBe(1);
    expect((await bell(net, alice)).unread).toBe(0);
  });
});

describe("the daily digest", () => {
  it("goes once a day at the member's hour with what is still unread; a crash mid-run sends no second one", async () => {
    const { net, alice, bob, emp, op } = await setup();
    await prefs(net, emp, { digestHour: 20 });
    await post(net, op, { kind: "announcement", title: "一つ目", body: "a" });
    await post(net, op, { kind: "announcement", title: "二つ目", body: "b" });
    await bell(net, alice); // runs the fan-out
    await call(env, { method: "POST", url: `/api/n/${net.slug}/notifications/read`, user: bob, payload: {} });
    const eight = new Date("2030-01-10T08:05:00+09:00");

    // The first run dies after queueing some of its batch's mails: its transaction takes them back.
    const enqueueMany = env.ctx.mailer.enqueueMany;
    env.ctx.mailer.enqueueMany = async (mails, o) => {
      await enqueueMany(mails.slice(0, 1), o);
      throw new Error("crash");
    };
    try {
      await expect(runDigest(env.ctx, eight)).rejects.toThrow("crash");
    } finally {
      env.ctx.mailer.enqueueMany = enqueueMany;
    }
    await runDigest(env.ctx, eight);
    await runDigest(env.ctx, eight);

    const digests = await mailsTo(env, alice.email);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe("通知商事 アルムナイネットワーク：未読のお知らせ 2 件");
    expect(digests[0].text).toContain("・お知らせ：二つ目");
    expect(digests[0].text).toContain("・お知らせ：一つ目");
    expect(await mailsTo(env, bob.email)).toHaveLength(0); // read everything
    expect(await mailsTo(env, emp.email)).toHaveLength(0); // 20 o'clock
    await runDigest(env.ctx, new Date("2030-01-10T20:00:00+09:00"));
    expect(await mailsTo(env, emp.email)).toHaveLength(1);
  });
});

describe("the operators' desk", () => {
  it("an answer to an inquiry rings the member's bell and leads to the thread", async () => {
    const { net, alice, op } = await setup();
    const opened = await openTestInquiry(env, net.slug, alice);
    const reply = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/inquiries/${opened.id}/replies`,
      user: op,
      payload: { body: "再発行して郵送します。" },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const list = await bell(net, alice);
    expect(list.items).toEqual([
      expect.objectContaining({ kind: "inquiry_answered", path: `/inquiries/${opened.id}`, read: false }),
    ]);
    // The desk's own mail only: no second one from the notification.
    expect((await mailsTo(env, alice.email)).map((m) => m.subject)).toEqual([
      "通知商事 アルムナイネットワーク：お問い合わせに回答がありました",
    ]);
  });
});

describe("isolation", () => {
  it("a member of another network sees nothing of this network's notifications", async () => {
    const { net, alice, bob } = await setup();
    const p = await post(net, alice, { kind: "question", body: "社外秘" });
    await comment(net, bob, p.id, { body: "返信" });
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni");
    expect((await call(env, { url: `/api/n/${net.slug}/notifications`, user: stranger })).statusCode).toBe(
      404,
    );
    expect((await bell(other, stranger)).items).toEqual([]);
    expect((await call(env, { url: `/api/n/${net.slug}/notifications` })).statusCode).toBe(401);
  });
});
