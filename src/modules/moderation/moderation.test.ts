// Moderation: members report what they can see (once each: again updates); the network's threshold
// of distinct reporters hides a post or comment pending review — gone for everyone but its author
// and the operators, in the feed, by id, in counts and notifications — and operators dismiss, hide,
// restore, warn or suspend, each with a reason kept in the audit log they alone read.
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

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

type Res = { statusCode: number; body: string; json: () => any };
const ok = async (p: Promise<Res>, status = 200) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res.statusCode === 204 ? null : res.json();
};
const n = (net: TestNetwork, path: string) => `/api/n/${net.slug}${path}`;
const post = (net: TestNetwork, user: TestUser, body: string, title?: string) =>
  ok(
    call(env, { method: "POST", url: n(net, "/posts"), user, payload: { kind: "question", title, body } }),
    201,
  );
const comment = (net: TestNetwork, user: TestUser, postId: string, body: string) =>
  ok(call(env, { method: "POST", url: n(net, `/posts/${postId}/comments`), user, payload: { body } }), 201);
const reportPost = (net: TestNetwork, user: TestUser, id: string, reason = "spam", note?: string) =>
  call(env, { method: "POST", url: n(net, `/posts/${id}/report`), user, payload: { reason, note } });
const reportComment = (net: TestNetwork, user: TestUser, id: string, reason = "harassment") =>
  call(env, { method: "POST", url: n(net, `/comments/${id}/report`), user, payload: { reason } });
const queue = (net: TestNetwork, user: TestUser, qs = "") =>
  ok(call(env, { url: n(net, `/admin/moderation${qs}`), user }));
const act = (net: TestNetwork, user: TestUser, id: string, action: string, reason: string) =>
  call(env, {
    method: "POST",
    url: n(net, `/admin/moderation/${id}/actions`),
    user,
    payload: { action, reason },
  });
const feedIds = async (net: TestNetwork, user: TestUser) =>
  (await ok(call(env, { url: n(net, "/posts"), user }))).items.map((p: any) => p.id);
const byId = (net: TestNetwork, user: TestUser, id: string) =>
  call(env, { url: n(net, `/posts/${id}`), user });
const bell = async (net: TestNetwork, user: TestUser) =>
  ok(call(env, { url: n(net, "/notifications"), user }));
const auditOf = async (net: TestNetwork) =>
  (
    await env.ctx.db.execute(
      sql`select action, actor_user_id as "actor", data->>'reason' as reason from audit_log
           where network_id = ${net.id} and action like 'moderation.%'
           order by created_at, action = 'moderation.auto_hide', id`, // one transaction: one time
    )
  ).rows as { action: string; actor: string | null; reason: string | null }[];

async function setup() {
  const net = await makeNetwork(env, { name: "モデレーション商事" });
  const author = await makeMember(env, net, "alumni", { name: "投稿 太郎" });
  const r1 = await makeMember(env, net, "alumni", { name: "通報 一" });
  const r2 = await makeMember(env, net, "alumni", { name: "通報 二" });
  const r3 = await makeMember(env, net, "employee", { name: "通報 三" });
  const watcher = await makeMember(env, net, "alumni", { name: "見守り 花子" });
  return { net, author, r1, r2, r3, watcher, op: net.operator };
}

describe("reports and the threshold", () => {
  it("N distinct reporters hide a post (N-1 do not, the same member twice counts once); hidden, it is gone for other members everywhere", async () => {
    const { net, author, r1, r2, r3, watcher, op } = await setup();
    const p = await post(net, author, "怪しい副業の勧誘です。今すぐ登録を！", "副業のご案内");
    // A comment by the watcher: the author gets a reply notification about the post.
    await comment(net, watcher, p.id, "これは何ですか？");
    expect((await bell(net, author)).items).toHaveLength(1);
    // The watcher follows the post: the author's own reply notifies them.
    await ok(
      call(env, {
        method: "PUT",
        url: n(net, `/notifications/threads/post/${p.id}`),
        user: watcher,
        payload: { level: "watch" },
      }),
    );
    await comment(net, author, p.id, "詳しくはDMで");
    expect((await bell(net, watcher)).items.map((x: any) => x.kind)).toContain("watched_activity");

    // The author cannot report their own post; the reporter gets a clear confirmation.
    const own = await reportPost(net, author, p.id);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe("MODERATION_REPORT_OWN");
    expect(await ok(reportPost(net, r1, p.id, "spam", "勧誘です"))).toEqual({
      received: true,
      updated: false,
    });
    expect(await ok(reportPost(net, r1, p.id, "other"))).toEqual({ received: true, updated: true });
    expect(await ok(reportPost(net, r2, p.id))).toEqual({ received: true, updated: false });
    // Two distinct reporters (one reported twice): still visible.
    expect(await feedIds(net, watcher)).toContain(p.id);
    let q = await queue(net, op);
    expect(q.open).toBe(1);
    expect(q.items[0]).toMatchObject({
      targetType: "post",
      reportCount: 2,
      autoHidden: false,
      content: { hidden: false },
    });
    expect(q.items[0].reasons).toEqual(
      expect.arrayContaining([
        { reason: "other", count: 1 },
        { reason: "spam", count: 1 },
      ]),
    );

    // The third distinct reporter hides it in the same transaction.
    await ok(reportPost(net, r3, p.id, "harassment"));
    q = await queue(net, op);
    expect(q.items[0]).toMatchObject({
      reportCount: 3,
      autoHidden: true,
      content: { hidden: true, title: "副業のご案内", path: `/posts/${p.id}` },
      author: { userId: author.id, name: "投稿 太郎" },
      can: { hide: false, restore: true, dismiss: true, warn: true, suspend: true },
    });
    // Gone for other members: feed, by id, comments, reactions, counts, notifications.
    expect(await feedIds(net, watcher)).not.toContain(p.id);
    expect((await byId(net, watcher, p.id)).statusCode).toBe(404);
    expect(
      (
        await call(env, {
          method: "POST",
          url: n(net, `/posts/${p.id}/comments`),
          user: watcher,
          payload: { body: "x" },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(env, { method: "PUT", url: n(net, `/posts/${p.id}/reactions/like`), user: watcher }))
        .statusCode,
    ).toBe(404);
    expect((await reportPost(net, watcher, p.id)).statusCode).toBe(404);
    const summary = await ok(call(env, { url: n(net, "/posts/summary"), user: watcher }));
    expect(summary.newPosts).toBe(0);
    const wb = await bell(net, watcher);
    expect(wb.items.filter((x: any) => x.postId === p.id)).toEqual([]);
    expect(wb.unread).toBe(0);
    // The author and the operators still see it; the author with the banner flag.
    const mine = await ok(byId(net, author, p.id));
    expect(mine.hidden).toBe(true);
    expect(await feedIds(net, author)).toContain(p.id);
    expect((await bell(net, author)).items).toHaveLength(1);
    expect((await ok(byId(net, op, p.id))).hidden).toBe(true);
    // Nothing tells the author who reported.
    expect(JSON.stringify(await bell(net, author))).not.toMatch(/通報/);
    expect(JSON.stringify(mine)).not.toMatch(/通報/);

    // Restore brings it back, notifications included; the case leaves the queue for the history.
    expect((await act(net, op, q.items[0].id, "restore", "")).statusCode).toBe(400);
    const restored = await ok(act(net, op, q.items[0].id, "restore", "勧誘ではなく正当な案内と確認"));
    expect(restored).toMatchObject({
      status: "resolved",
      resolution: "restored",
      resolutionReason: "勧誘ではなく正当な案内と確認",
      content: { hidden: false },
    });
    expect(await feedIds(net, watcher)).toContain(p.id);
    expect((await bell(net, watcher)).items.filter((x: any) => x.postId === p.id)).toHaveLength(1);
    expect((await queue(net, op)).items).toEqual([]);
    expect((await queue(net, op, "?status=resolved")).items.map((c: any) => c.id)).toEqual([q.items[0].id]);

    // A new report opens the next round, counted afresh: one report does not hide it again.
    await ok(reportPost(net, r1, p.id));
    q = await queue(net, op);
    expect(q.items[0]).toMatchObject({ id: restored.id, status: "open", reportCount: 1, autoHidden: false });
    expect(await feedIds(net, watcher)).toContain(p.id);
    expect((await auditOf(net)).map((a) => a.action)).toEqual([
      "moderation.report",
      "moderation.report",
      "moderation.report",
      "moderation.report",
      "moderation.auto_hide",
      "moderation.restore",
      "moderation.report",
    ]);
  });

  it("the threshold is the network's setting (operators change it; audited)", async () => {
    const { net, author, r1, r2, watcher, op } = await setup();
    const url = n(net, "/admin/moderation/settings");
    expect(await ok(call(env, { url, user: op }))).toEqual({ reportThreshold: 3 });
    expect((await call(env, { url, user: r1 })).statusCode).toBe(403);
    expect(
      (await call(env, { method: "PUT", url, user: op, payload: { reportThreshold: 0 } })).statusCode,
    ).toBe(400);
    expect(
      (await call(env, { method: "PUT", url, user: r1, payload: { reportThreshold: 1 } })).statusCode,
    ).toBe(403);
    expect(await ok(call(env, { method: "PUT", url, user: op, payload: { reportThreshold: 1 } }))).toEqual({
      reportThreshold: 1,
    });
    const p = await post(net, author, "宣伝です");
    await ok(reportPost(net, r1, p.id));
    expect(await feedIds(net, watcher)).not.toContain(p.id);
    await ok(call(env, { method: "PUT", url, user: op, payload: { reportThreshold: 2 } }));
    const p2 = await post(net, author, "また宣伝です");
    await ok(reportPost(net, r1, p2.id));
    expect(await feedIds(net, watcher)).toContain(p2.id);
    await ok(reportPost(net, r2, p2.id));
    expect(await feedIds(net, watcher)).not.toContain(p2.id);
    const audited = await env.ctx.db.execute(
      sql`select data from audit_log where network_id = ${net.id} and action = 'moderation.settings.update' order by created_at`,
    );
    expect(audited.rows.map((r: any) => r.data.reportThreshold)).toEqual([
      { from: 3, to: 1 },
      { from: 1, to: 2 },
    ]);
  });

  it("reports arriving at once count one after another: the threshold hides the post once", async () => {
    const { net, author, r1, r2, r3, watcher, op } = await setup();
    await ok(
      call(env, {
        method: "PUT",
        url: n(net, "/admin/moderation/settings"),
        user: op,
        payload: { reportThreshold: 2 },
      }),
    );
    const p = await post(net, author, "同時に通報される投稿");
    const results = await Promise.all([r1, r2, r3].map((r) => reportPost(net, r, p.id)));
    // A report that comes after the post was hidden finds nothing to report (404): it is hidden.
    const filed = results.filter((r) => r.statusCode === 200).length;
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 404)).toBe(true);
    expect(filed).toBeGreaterThanOrEqual(2);
    expect(await feedIds(net, watcher)).not.toContain(p.id);
    const [c] = (await queue(net, op)).items;
    expect(c).toMatchObject({ reportCount: filed, autoHidden: true });
    expect((await auditOf(net)).filter((a) => a.action === "moderation.auto_hide")).toHaveLength(1);
  });

  it("a comment reported by N members is hidden from others (comments, counts, notifications); its author and operators still see it", async () => {
    const { net, author, r1, r2, r3, watcher, op } = await setup();
    const p = await post(net, watcher, "おすすめの勉強会はありますか？");
    const c = await comment(net, author, p.id, "ひどい悪口のコメント");
    const reply = await ok(
      call(env, {
        method: "POST",
        url: n(net, `/posts/${p.id}/comments`),
        user: r1,
        payload: { body: "それは言い過ぎです", parentId: c.id },
      }),
      201,
    );
    expect((await bell(net, watcher)).items.some((x: any) => x.commentId === c.id)).toBe(true);
    for (const r of [r1, r2, r3]) await ok(reportComment(net, r, c.id));
    const seen = await ok(byId(net, watcher, p.id));
    // Kept as an empty place for its reply, like a deleted comment; its words are gone.
    expect(seen.comments.find((x: any) => x.id === c.id)).toMatchObject({
      deleted: true,
      body: "",
      author: null,
    });
    expect(seen.comments.find((x: any) => x.id === reply.id)).toBeTruthy();
    expect(JSON.stringify(seen)).not.toContain("ひどい悪口");
    expect(seen.commentCount).toBe(1);
    expect((await bell(net, watcher)).items.some((x: any) => x.commentId === c.id)).toBe(false);
    // Another member cannot reply to it, edit it or report it.
    expect(
      (
        await call(env, {
          method: "POST",
          url: n(net, `/posts/${p.id}/comments`),
          user: r2,
          payload: { body: "x", parentId: c.id },
        })
      ).statusCode,
    ).toBe(422);
    expect((await reportComment(net, watcher, c.id)).statusCode).toBe(404);
    const mine = await ok(byId(net, author, p.id));
    expect(mine.comments.find((x: any) => x.id === c.id)).toMatchObject({
      hidden: true,
      body: "ひどい悪口のコメント",
    });
    expect(mine.commentCount).toBe(2);
    const opView = await ok(byId(net, op, p.id));
    expect(opView.comments.find((x: any) => x.id === c.id)).toMatchObject({ hidden: true });
    const q = await queue(net, op);
    expect(q.items[0]).toMatchObject({
      targetType: "comment",
      autoHidden: true,
      content: { path: `/posts/${p.id}#comment-${c.id}` },
    });
    // Dismissing an auto-hidden case restores it.
    const dismissed = await ok(act(net, op, q.items[0].id, "dismiss", "議論の範囲内と判断"));
    expect(dismissed).toMatchObject({
      status: "resolved",
      resolution: "dismissed",
      content: { hidden: false },
    });
    expect((await ok(byId(net, watcher, p.id))).comments.find((x: any) => x.id === c.id).body).toBe(
      "ひどい悪口のコメント",
    );
    expect((await bell(net, watcher)).items.some((x: any) => x.commentId === c.id)).toBe(true);
    expect((await act(net, op, q.items[0].id, "dismiss", "もう一度")).statusCode).toBe(409);
  });
});

describe("operators' actions", () => {
  it("hide, warn (notified and mailed, cannot be switched off) and suspend (the next request refused), each audited with its reason", async () => {
    const { net, author, r1, watcher, op } = await setup();
    const p = await post(net, author, "個人の電話番号: 090-0000-0000");
    await ok(reportPost(net, r1, p.id, "personal_info", "他人の電話番号です"));
    const [c] = (await queue(net, op)).items;
    expect(c.reports).toEqual([
      expect.objectContaining({
        reason: "personal_info",
        note: "他人の電話番号です",
        reporter: { userId: r1.id, name: "通報 一" },
      }),
    ]);
    // Operators only.
    expect((await act(net, r1, c.id, "hide", "x")).statusCode).toBe(403);
    expect((await act(net, op, c.id, "explode", "x")).statusCode).toBe(400);
    const hidden = await ok(act(net, op, c.id, "hide", "個人情報のため非表示"));
    expect(hidden).toMatchObject({
      status: "resolved",
      resolution: "hidden",
      autoHidden: false,
      content: { hidden: true },
    });
    expect(await feedIds(net, watcher)).not.toContain(p.id);
    expect((await act(net, op, c.id, "hide", "again")).statusCode).toBe(200);

    // The author tried to switch the kind off: the warning reaches them anyway.
    await ok(
      call(env, {
        method: "PUT",
        url: n(net, "/notifications/preferences"),
        user: author,
        payload: { channels: { moderation: "off" } },
      }),
    );
    const prefs = await ok(call(env, { url: n(net, "/notifications/preferences"), user: author }));
    expect(prefs.channels.moderation).toBeUndefined();
    const before = (await mailsTo(env, author.email)).length;
    await ok(act(net, op, c.id, "warn", "他の方の個人情報は投稿しないでください。"));
    const warned = (await bell(net, author)).items.find((x: any) => x.kind === "moderation");
    expect(warned).toMatchObject({
      text: expect.stringContaining("運営者からのお知らせ"),
      excerpt: "他の方の個人情報は投稿しないでください。",
      postId: p.id,
    });
    const mails = await mailsTo(env, author.email);
    expect(mails.length).toBe(before + 1);
    expect(mails[mails.length - 1]!.text).toContain("他の方の個人情報は投稿しないでください。");

    expect((await ok(call(env, { url: n(net, "/me"), user: author }))).status).toBe("active");
    const suspended = await ok(act(net, op, c.id, "suspend", "再三の警告に従わないため"));
    expect(suspended.author.status).toBe("suspended");
    expect(suspended.can).toMatchObject({ warn: false, suspend: false });
    expect((await call(env, { url: n(net, "/me"), user: author })).statusCode).toBe(404);
    expect((await act(net, op, c.id, "suspend", "again")).statusCode).toBe(409);
    // Every action with who and why (the members module audits the suspension too).
    const audited = (await auditOf(net)).filter((a) => a.action !== "moderation.report");
    expect(audited).toEqual([
      { action: "moderation.hide", actor: op.id, reason: "個人情報のため非表示" },
      { action: "moderation.hide", actor: op.id, reason: "again" },
      { action: "moderation.warn", actor: op.id, reason: "他の方の個人情報は投稿しないでください。" },
      { action: "moderation.suspend", actor: op.id, reason: "再三の警告に従わないため" },
    ]);
    const m = await env.ctx.db.execute(
      sql`select 1 from audit_log where network_id = ${net.id} and action = 'member.suspend' and target_id = ${author.id}`,
    );
    expect(m.rows).toHaveLength(1);
    // The history of the case in the queue.
    expect((await queue(net, op, "?status=resolved")).items[0].history.map((h: any) => h.action)).toEqual([
      "moderation.hide",
      "moderation.hide",
      "moderation.warn",
      "moderation.suspend",
    ]);
  });

  it("the audit log: operators only, filtered by action and day, paged by keyset, with actor names", async () => {
    const { net, author, r1, r2, op } = await setup();
    for (let i = 0; i < 3; i++) {
      const p = await post(net, author, `宣伝 ${i}`);
      await ok(reportPost(net, r1, p.id));
      await ok(reportPost(net, r2, p.id));
    }
    const url = n(net, "/admin/audit");
    expect((await call(env, { url, user: null })).statusCode).toBe(401);
    expect((await call(env, { url, user: r1 })).statusCode).toBe(403);
    const all = await ok(call(env, { url: `${url}?action=moderation.report&limit=4`, user: op }));
    expect(all.items).toHaveLength(4);
    expect(all.items[0]).toMatchObject({
      action: "moderation.report",
      actor: { name: expect.stringMatching(/通報/) },
      targetType: "post",
    });
    expect(all.actions).toContain("moderation.report");
    const next = await ok(
      call(env, { url: `${url}?action=moderation.report&limit=4&cursor=${all.nextCursor}`, user: op }),
    );
    expect(next.items).toHaveLength(2);
    expect(next.nextCursor).toBeNull();
    const ids = [...all.items, ...next.items].map((x: any) => x.id);
    expect(new Set(ids).size).toBe(6);
    const family = await ok(call(env, { url: `${url}?action=moderation.*`, user: op }));
    expect(family.items.length).toBe(6);
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (await ok(call(env, { url: `${url}?from=${today}&to=${today}`, user: op }))).items.length,
    ).toBeGreaterThanOrEqual(6);
    expect((await ok(call(env, { url: `${url}?to=2020-01-01`, user: op }))).items).toEqual([]);
    expect((await call(env, { url: `${url}?from=yesterday`, user: op })).statusCode).toBe(400);
    expect((await call(env, { url: `${url}?cursor=garbage`, user: op })).statusCode).toBe(400);
  });
});

describe("what a reporter cannot see", () => {
  it("a segment post outside one's audience, a conversation one is not in and another network's ids answer 404", async () => {
    const { net, author, r1, op } = await setup();
    const seg = await ok(
      call(env, {
        method: "POST",
        url: n(net, "/segments"),
        user: op,
        payload: { name: "Go使い", filter: { skill: ["Go"] } },
      }),
      201,
    );
    const p = await ok(
      call(env, {
        method: "POST",
        url: n(net, "/posts"),
        user: op,
        payload: { kind: "announcement", body: "Go勉強会", audience: { type: "segment", segmentId: seg.id } },
      }),
      201,
    );
    expect((await reportPost(net, r1, p.id)).statusCode).toBe(404);
    const dm = await ok(
      call(env, {
        method: "POST",
        url: n(net, "/messages"),
        user: author,
        payload: { userIds: [op.id], body: "秘密の相談" },
      }),
      201,
    );
    const dmReport = await call(env, {
      method: "POST",
      url: n(net, `/messages/${dm.conversationId}/messages/${dm.message.id}/report`),
      user: r1,
      payload: { reason: "spam" },
    });
    expect(dmReport.statusCode).toBe(404);
    expect(dmReport.body).not.toContain("秘密");

    const other = await setup();
    const mine = await post(net, author, "社外秘の話");
    const c = await comment(net, r1, mine.id, "社外秘のコメント");
    await ok(reportPost(net, r1, mine.id));
    const [kase] = (await queue(net, op)).items;
    for (const res of [
      await reportPost(other.net, other.r1, mine.id),
      await reportComment(other.net, other.r1, c.id),
      await call(env, { url: n(other.net, `/admin/moderation/${kase.id}`), user: other.op }),
      await act(other.net, other.op, kase.id, "hide", "よその通報"),
      await call(env, { url: n(net, "/admin/moderation"), user: other.op }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("社外秘");
    }
    expect((await queue(other.net, other.op)).items).toEqual([]);
    expect(await feedIds(net, r1)).toContain(mine.id);
  });
});
