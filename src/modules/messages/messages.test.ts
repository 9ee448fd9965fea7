// Direct messages: only participants read a conversation; one-to-ones are never duplicated; groups
// hold at most 10; blocks and "refuse strangers" refuse with one neutral message; unread counts
// follow each participant's read mark; reports reach the operators; each message notifies the
// other participants (bell and mail, without the text), never a blocked one; nothing crosses networks.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  mailsTo,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { admitTestMember } from "../members/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const api = (net: TestNetwork, path: string) => `/api/n/${net.slug}/messages${path}`;
const start = (net: TestNetwork, user: TestUser, userIds: string[], body = "こんにちは") =>
  call(env, { method: "POST", url: api(net, ""), user, payload: { userIds, body } });
const send = (net: TestNetwork, user: TestUser, id: string, body: string) =>
  call(env, { method: "POST", url: api(net, `/${id}/messages`), user, payload: { body } });
const ok = async (p: Promise<{ statusCode: number; body: string; json: () => any }>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.statusCode === 204 ? null : res.json();
};
const list = (net: TestNetwork, user: TestUser) => ok(call(env, { url: api(net, ""), user }));
const unread = (net: TestNetwork, user: TestUser) => ok(call(env, { url: api(net, "/unread"), user }));

async function setup() {
  const net = await makeNetwork(env, { name: "メッセージ商事" });
  const alice = await admitTestMember(env, net, "alumni", { name: "青木 愛" });
  const bob = await admitTestMember(env, net, "alumni", { name: "坂本 勉" });
  const carol = await admitTestMember(env, net, "employee", { name: "佐藤 花" });
  return { net, alice, bob, carol, op: net.operator };
}

describe("messaging from the directory", () => {
  it("tells in one call which members of a page I may message, without telling the others apart", async () => {
    const { net, alice, bob, carol, op } = await setup();
    const hidden = await admitTestMember(env, net, "alumni", { name: "非公開 五郎", directory: false });
    const blocker = await admitTestMember(env, net, "alumni", { name: "拒否 六郎" });
    const shy = await admitTestMember(env, net, "alumni", { name: "控えめ 七子" });
    const other = await makeNetwork(env);
    const stranger = await admitTestMember(env, other, "alumni");
    await ok(call(env, { method: "PUT", url: api(net, `/blocks/${alice.id}`), user: blocker }), 204);
    await ok(
      call(env, { method: "PUT", url: api(net, "/settings"), user: shy, payload: { refuseStrangers: true } }),
    );
    const ask = (ids: string[]) =>
      ok(
        call(env, {
          url: `${api(net, "/messageable")}?${ids.map((id) => `userIds=${id}`).join("&")}`,
          user: alice,
        }),
      );
    const all = [alice, bob, carol, op, hidden, blocker, shy, stranger].map((u) => u.id);
    expect((await ask(all)).userIds.sort()).toEqual([bob.id, carol.id, op.id].sort());
    // Once they have talked, the shy member's refusal of strangers no longer applies.
    await ok(start(net, shy, [alice.id], "こんにちは"), 201);
    expect((await ask([shy.id])).userIds).toEqual([shy.id]);
    expect((await call(env, { url: api(net, "/messageable"), user: alice })).statusCode).toBe(400);
  });
});

describe("conversations", () => {
  it("a one-to-one is reopened, not duplicated; messages page newest at the bottom; only participants read it", async () => {
    const { net, alice, bob, carol } = await setup();
    const first = await ok(start(net, alice, [bob.id], "はじめまして。\n相談させてください。"), 201);
    expect(first.reopened).toBe(false);
    expect(first.message).toMatchObject({ body: "はじめまして。\n相談させてください。", mine: true });
    const again = await ok(start(net, bob, [alice.id], "ぜひどうぞ"), 201);
    expect(again).toMatchObject({ conversationId: first.conversationId, reopened: true });
    const id = first.conversationId;
    for (let i = 0; i < 5; i++) await ok(send(net, alice, id, `メッセージ${i}`), 201);

    const page1 = await ok(call(env, { url: api(net, `/${id}/messages?limit=3`), user: bob }));
    expect(page1.items.map((m: any) => m.body)).toEqual(["メッセージ2", "メッセージ3", "メッセージ4"]);
    const page2 = await ok(
      call(env, { url: api(net, `/${id}/messages?limit=3&cursor=${page1.nextCursor}`), user: bob }),
    );
    expect(page2.items.map((m: any) => m.body)).toEqual(["ぜひどうぞ", "メッセージ0", "メッセージ1"]);
    const page3 = await ok(
      call(env, { url: api(net, `/${id}/messages?limit=3&cursor=${page2.nextCursor}`), user: bob }),
    );
    expect(page3.items.map((m: any) => m.body)).toEqual(["はじめまして。\n相談させてください。"]);
    expect(page3.nextCursor).toBeNull();
    expect((await call(env, { url: api(net, `/${id}/messages?cursor=garbage`), user: bob })).statusCode).toBe(
      400,
    );

    // Not a participant: 404 everywhere, an operator included; the conversation's words never show.
    for (const outsider of [carol, net.operator]) {
      for (const [method, url, payload] of [
        ["GET", api(net, `/${id}`)],
        ["GET", api(net, `/${id}/messages`)],
        ["POST", api(net, `/${id}/messages`), { body: "割り込み" }],
        ["POST", api(net, `/${id}/read`), {}],
        ["PUT", api(net, `/${id}/mute`), { muted: true }],
        ["POST", api(net, `/${id}/messages/${first.message.id}/report`), { reason: "spam" }],
      ] as const) {
        const res = await call(env, { method, url, user: outsider, payload });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.body).not.toMatch(/相談|メッセージ\d/);
      }
      expect((await list(net, outsider)).items).toEqual([]);
    }
    // The list: one conversation each, with the other's name and never an email address.
    const mine = await list(net, alice);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ kind: "direct", others: [{ userId: bob.id, name: "坂本 勉" }] });
    expect(JSON.stringify(mine)).not.toContain(bob.email);
    expect(JSON.stringify(mine)).not.toContain("@");
  });

  it("groups hold at most 10 participants, the starter included; everyone in it reads and writes", async () => {
    const { net, alice } = await setup();
    const others: TestUser[] = [];
    for (let i = 0; i < 10; i++)
      others.push(await admitTestMember(env, net, "alumni", { name: `同期 ${i}` }));
    const tooMany = await start(
      net,
      alice,
      others.map((o) => o.id),
    );
    expect(tooMany.statusCode).toBe(400);
    const g = await ok(
      start(
        net,
        alice,
        others.slice(0, 9).map((o) => o.id),
        "同期会の相談です",
      ),
      201,
    );
    const conv = await ok(call(env, { url: api(net, `/${g.conversationId}`), user: others[3] }));
    expect(conv.kind).toBe("group");
    expect(conv.others).toHaveLength(9);
    await ok(send(net, others[3], g.conversationId, "参加します！"), 201);
    expect((await call(env, { url: api(net, `/${g.conversationId}`), user: others[9] })).statusCode).toBe(
      404,
    );
    // A second group with the same people is a new conversation (only one-to-ones are unique).
    const g2 = await ok(start(net, alice, [others[0].id, others[1].id]), 201);
    expect(g2.conversationId).not.toBe(g.conversationId);
  });

  it("refuses oneself, unknown, hidden and suspended members as not found, and bad input", async () => {
    const { net, alice } = await setup();
    const hidden = await admitTestMember(env, net, "alumni", { name: "非公開 五郎", directory: false });
    expect((await start(net, alice, [alice.id])).statusCode).toBe(422);
    expect((await start(net, alice, ["nobody"])).statusCode).toBe(404);
    expect((await start(net, alice, [hidden.id])).statusCode).toBe(404);
    expect((await call(env, { url: api(net, `/can/${hidden.id}`), user: alice })).statusCode).toBe(404);
    // Operators may reach a member hidden from the directory.
    await ok(start(net, net.operator, [hidden.id], "ご登録ありがとうございます"), 201);
    for (const body of ["", "   ", "x".repeat(4001), "\u0000"]) {
      const res = await start(net, alice, [net.operator.id], body);
      expect(res.statusCode, body.slice(0, 5)).toBe(400);
    }
    expect((await start(net, alice, [net.operator.id], "x".repeat(4000))).statusCode).toBe(201);
    // Having talked, the hidden member can now answer the operator and the operator's words stay.
    const c = await ok(call(env, { url: api(net, ""), user: hidden }));
    await ok(send(net, hidden, c.items[0].id, "よろしくお願いします"), 201);
  });
});

describe("read state", () => {
  it("counts unread per conversation and in total; reading moves the mark; one's own messages are read", async () => {
    const { net, alice, bob, carol } = await setup();
    const ab = (await ok(start(net, alice, [bob.id], "1"), 201)).conversationId;
    await ok(send(net, alice, ab, "2"), 201);
    const cb = (await ok(start(net, carol, [bob.id], "3"), 201)).conversationId;
    expect(await unread(net, bob)).toEqual({ messages: 3, conversations: 2 });
    expect(await unread(net, alice)).toEqual({ messages: 0, conversations: 0 });
    const bobs = await list(net, bob);
    expect(bobs.unreadTotal).toBe(3);
    expect(bobs.items.map((c: any) => [c.id, c.unread])).toEqual([
      [cb, 1],
      [ab, 2],
    ]);
    expect(bobs.items[0].lastMessage).toMatchObject({ excerpt: "3", mine: false });
    // Read up to the first message only, then all of it.
    const hist = await ok(call(env, { url: api(net, `/${ab}/messages`), user: bob }));
    expect(
      await ok(
        call(env, {
          method: "POST",
          url: api(net, `/${ab}/read`),
          user: bob,
          payload: { messageId: hist.items[0].id },
        }),
      ),
    ).toEqual({
      messages: 2,
      conversations: 2,
    });
    expect((await ok(call(env, { url: api(net, `/${ab}`), user: bob }))).unread).toBe(1);
    await ok(call(env, { method: "POST", url: api(net, `/${ab}/read`), user: bob, payload: {} }));
    // Reading an older message does not move the mark back.
    await ok(
      call(env, {
        method: "POST",
        url: api(net, `/${ab}/read`),
        user: bob,
        payload: { messageId: hist.items[0].id },
      }),
    );
    expect(await unread(net, bob)).toEqual({ messages: 1, conversations: 1 });
    // Answering reads the conversation.
    await ok(send(net, bob, cb, "返信"), 201);
    expect(await unread(net, bob)).toEqual({ messages: 0, conversations: 0 });
    expect(await unread(net, carol)).toEqual({ messages: 1, conversations: 1 });
    // A message id of another conversation is not found.
    const res = await call(env, {
      method: "POST",
      url: api(net, `/${ab}/read`),
      user: bob,
      payload: {
        messageId: (await ok(call(env, { url: api(net, `/${cb}/messages`), user: bob }))).items[0].id,
      },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("blocks and strangers", () => {
  it("a block stops one-to-one messages both ways with one neutral refusal, and unblocking restores them", async () => {
    const { net, alice, bob } = await setup();
    const id = (await ok(start(net, alice, [bob.id], "こんにちは"), 201)).conversationId;
    await ok(call(env, { method: "PUT", url: api(net, `/blocks/${alice.id}`), user: bob }), 204);
    const fromBlocked = await send(net, alice, id, "もしもし");
    expect(fromBlocked.statusCode).toBe(403);
    expect(fromBlocked.json().error).toMatchObject({
      code: "MESSAGES_NOT_ALLOWED",
      messages: { ja: "このメンバーにはメッセージを送れません。" },
    });
    expect(fromBlocked.body).not.toMatch(/ブロック|block/i);
    expect((await start(net, alice, [bob.id], "再び")).json().error.code).toBe("MESSAGES_NOT_ALLOWED");
    expect(await ok(call(env, { url: api(net, `/can/${bob.id}`), user: alice }))).toEqual({
      canMessage: false,
      conversationId: id,
    });
    // The blocked person's view tells nothing specific.
    const seen = await ok(call(env, { url: api(net, `/${id}`), user: alice }));
    expect(seen).toMatchObject({ blockedByMe: false, canSend: false });
    expect(JSON.stringify(seen)).not.toMatch(/block(ed)?By(Them|Other)/);
    // The blocker cannot write either, and knows why.
    expect((await send(net, bob, id, "x")).statusCode).toBe(403);
    expect(await ok(call(env, { url: api(net, `/${id}`), user: bob }))).toMatchObject({
      blockedByMe: true,
      canSend: false,
    });
    const settings = await ok(call(env, { url: api(net, "/settings"), user: bob }));
    expect(settings.blocked.map((b: any) => [b.userId, b.name])).toEqual([[alice.id, "青木 愛"]]);
    expect(JSON.stringify(settings)).not.toContain("@");
    // Unblock.
    await ok(call(env, { method: "DELETE", url: api(net, `/blocks/${alice.id}`), user: bob }), 204);
    await ok(send(net, alice, id, "また話せますね"), 201);
    expect((await ok(call(env, { url: api(net, "/settings"), user: bob }))).blocked).toEqual([]);
    // Oneself and unknown people.
    expect(
      (await call(env, { method: "PUT", url: api(net, `/blocks/${bob.id}`), user: bob })).statusCode,
    ).toBe(422);
    expect((await call(env, { method: "PUT", url: api(net, "/blocks/nobody"), user: bob })).statusCode).toBe(
      404,
    );
  });

  it("a member who refuses strangers is reached only by people they already talked with", async () => {
    const { net, alice, bob, carol } = await setup();
    await ok(start(net, alice, [bob.id], "前からの知り合い"), 201);
    await ok(
      call(env, { method: "PUT", url: api(net, "/settings"), user: bob, payload: { refuseStrangers: true } }),
    );
    expect((await ok(call(env, { url: api(net, "/settings"), user: bob }))).refuseStrangers).toBe(true);
    const stranger = await start(net, carol, [bob.id], "はじめまして");
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe("MESSAGES_NOT_ALLOWED");
    expect((await ok(call(env, { url: api(net, `/can/${bob.id}`), user: carol }))).canMessage).toBe(false);
    expect((await start(net, carol, [alice.id, bob.id], "グループで")).statusCode).toBe(403);
    // Someone bob talked with (alice) still reaches him, in a new group too.
    expect((await ok(call(env, { url: api(net, `/can/${bob.id}`), user: alice }))).canMessage).toBe(true);
    await ok(start(net, alice, [bob.id], "続きです"), 201);
    await ok(start(net, alice, [bob.id, carol.id], "三人で"), 201);
    // Having been in a group with bob, carol has now talked with him.
    expect((await ok(call(env, { url: api(net, `/can/${bob.id}`), user: carol }))).canMessage).toBe(true);
  });
});

describe("reports", () => {
  it("a participant reports a message (again: updated, not counted twice); it reaches the moderation queue; audited", async () => {
    const { net, alice, bob, carol } = await setup();
    const s = await ok(start(net, alice, [bob.id], "怪しい投資の話があります"), 201);
    const url = api(net, `/${s.conversationId}/messages/${s.message.id}/report`);
    const own = await call(env, { method: "POST", url, user: alice, payload: { reason: "spam" } });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe("MODERATION_REPORT_OWN");
    expect(
      (await call(env, { method: "POST", url, user: bob, payload: { reason: "gossip" } })).statusCode,
    ).toBe(400);
    expect(
      await ok(call(env, { method: "POST", url, user: bob, payload: { reason: "spam", note: "勧誘です" } })),
    ).toEqual({ received: true, updated: false });
    const twice = await ok(
      call(env, { method: "POST", url, user: bob, payload: { reason: "harassment", note: "しつこい勧誘" } }),
    );
    expect(twice).toEqual({ received: true, updated: true });
    const queue = `/api/n/${net.slug}/admin/moderation`;
    expect((await call(env, { url: queue, user: carol })).statusCode).toBe(403);
    expect((await call(env, { url: queue, user: bob })).statusCode).toBe(403);
    const listed = await ok(call(env, { url: queue, user: net.operator }));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({
      targetType: "message",
      targetId: s.message.id,
      reportCount: 1,
      reports: [
        { reason: "harassment", note: "しつこい勧誘", reporter: { userId: bob.id, name: "坂本 勉" } },
      ],
      author: { userId: alice.id, name: "青木 愛" },
      content: { excerpt: "怪しい投資の話があります", path: null, hidden: false },
      can: { hide: false, restore: false, dismiss: true, warn: true },
    });
    // Nothing of it reaches the sender.
    const bell = await ok(call(env, { url: `/api/n/${net.slug}/notifications`, user: alice }));
    expect(JSON.stringify(bell)).not.toContain("坂本");
    const audited = await env.ctx.db.execute(
      sql`select action, actor_user_id, target_id from audit_log where network_id = ${net.id} and action = 'moderation.report'`,
    );
    expect(audited.rows).toEqual([
      { action: "moderation.report", actor_user_id: bob.id, target_id: s.message.id },
      { action: "moderation.report", actor_user_id: bob.id, target_id: s.message.id },
    ]);
  });
});

describe("notifications", () => {
  it("a message notifies the other participants in the bell and by mail (no text, a link); the blocked and muted hear nothing", async () => {
    const { net, alice, bob, carol } = await setup();
    const s = await ok(start(net, alice, [bob.id], "内密のご相談です"), 201);
    const bell = await ok(call(env, { url: `/api/n/${net.slug}/notifications`, user: bob }));
    expect(bell.items[0]).toMatchObject({
      kind: "dm",
      text: "青木 愛 さんからメッセージが届きました",
      conversationId: s.conversationId,
    });
    const [mail] = await mailsTo(env, bob.email);
    expect(mail.text).toContain(`/n/${net.slug}/messages/${s.conversationId}`);
    expect(mail.text).not.toContain("内密のご相談です");
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await mailsTo(env, alice.email)).toHaveLength(0);

    // A group: the member who blocked the sender and the one who muted it get nothing.
    const g = await ok(start(net, alice, [bob.id, carol.id], "皆さんへ"), 201);
    await ok(call(env, { method: "PUT", url: api(net, `/blocks/${alice.id}`), user: bob }), 204);
    await ok(
      call(env, {
        method: "PUT",
        url: api(net, `/${g.conversationId}/mute`),
        user: carol,
        payload: { muted: true },
      }),
      204,
    );
    const before = {
      bob: (await mailsTo(env, bob.email)).length,
      carol: (await mailsTo(env, carol.email)).length,
    };
    await ok(send(net, alice, g.conversationId, "続報です"), 201);
    expect((await mailsTo(env, bob.email)).length).toBe(before.bob);
    expect((await mailsTo(env, carol.email)).length).toBe(before.carol);
    // Unmuted, carol hears of the next one.
    await ok(
      call(env, {
        method: "PUT",
        url: api(net, `/${g.conversationId}/mute`),
        user: carol,
        payload: { muted: false },
      }),
      204,
    );
    await ok(send(net, alice, g.conversationId, "さらに続報"), 201);
    expect((await mailsTo(env, carol.email)).length).toBe(before.carol + 1);
  });
});

describe("another network", () => {
  it("a conversation, its messages and its members do not exist for another network", async () => {
    const { net, alice, bob } = await setup();
    const other = await setup();
    const s = await ok(start(net, alice, [bob.id], "社外秘"), 201);
    // The other network's operator, with the ids of this one, in their own network.
    for (const url of [
      api(other.net, `/${s.conversationId}`),
      api(other.net, `/${s.conversationId}/messages`),
      api(other.net, `/can/${bob.id}`),
    ]) {
      const res = await call(env, { url, user: other.op });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("社外秘");
    }
    expect((await start(other.net, other.alice, [bob.id])).statusCode).toBe(404);
    expect(
      (await call(env, { method: "PUT", url: api(other.net, `/blocks/${bob.id}`), user: other.alice }))
        .statusCode,
    ).toBe(404);
    // And in this network, a member of the other one is no member.
    expect((await call(env, { url: api(net, ""), user: other.alice })).statusCode).toBe(404);
  });
});
