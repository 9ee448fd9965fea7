// The network's home page: unread announcements (the feed's audience: segments at read time,
// groups, moderation), activity in my groups (muted ones left out), unread replies and mentions,
// newcomers of my cohort (同期: the same join year) and my departments as the directory shows them
// (hidden members and hidden fields never), the operators' desk counts — and nothing of another
// network.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { member } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { syncDirectory } from "../directory/index.ts";
import { addPerson } from "../directory/testing.ts";
import { setContentHidden } from "../feed/index.ts";
import { makeTestGroup } from "../groups/testing.ts";
import { admitTestMember } from "../members/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

type Method = "GET" | "POST" | "PUT" | "DELETE";
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
  return res.statusCode === 204 ? null : res.json();
};
const home = (net: TestNetwork, user: TestUser) => ok(net, user, "/home");
const post = async (net: TestNetwork, user: TestUser, payload: Record<string, unknown>) =>
  (await ok(net, user, "/posts", "POST", { kind: "news", ...payload })) as { id: string };
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const cardIds = (xs: { card: { userId: string } }[]) => xs.map((x) => x.card.userId);

async function setup(name = "ホーム商事") {
  const net = await makeNetwork(env, { name });
  const me = await admitTestMember(env, net, "alumni", { name: "藤井 さくら" });
  await ok(net, me, "/profiles/me", "PUT", {
    displayName: "藤井 さくら",
    joinYm: "2012-04",
    leaveYm: "2020-03",
    departments: ["営業部"],
  });
  const peer = await admitTestMember(env, net, "alumni", { name: "同僚 次郎" });
  await ok(net, peer, "/profiles/me", "PUT", {
    displayName: "同僚 次郎",
    joinYm: "2016-04",
    departments: ["人事部"],
  });
  return { net, op: net.operator, me, peer };
}

describe("unread announcements", () => {
  it("lists the operators' announcements and pinned posts since the last visit, within the feed's audience", async () => {
    const { net, op, me, peer } = await setup();
    const seg = await ok(net, op, "/segments", "POST", {
      name: "営業部OB",
      filter: { department: ["営業部"] },
    });
    const other = await ok(net, op, "/segments", "POST", {
      name: "開発部OB",
      filter: { department: ["開発部"] },
    });
    const secret = await makeTestGroup(env, net, { name: "秘密の部屋", kind: "secret", members: [peer] });

    const all = await post(net, op, { kind: "announcement", title: "全体のお知らせ", body: "全員へ" });
    const mine = await post(net, op, {
      kind: "announcement",
      title: "営業部の方へ",
      body: "セグメント宛て",
      audience: { type: "segment", segmentId: seg.id },
    });
    const notMine = await post(net, op, {
      kind: "announcement",
      title: "開発部の方へ",
      body: "別のセグメント",
      audience: { type: "segment", segmentId: other.id },
    });
    const inSecret = await post(net, op, {
      kind: "announcement",
      title: "秘密のお知らせ",
      body: "グループ宛て",
      audience: { type: "group", groupId: secret.id },
    });
    const hidden = await post(net, op, { kind: "announcement", title: "隠された", body: "審査中" });
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "post", hidden.id, true));
    const news = await post(net, peer, { body: "ただの近況" });
    const pinned = await post(net, peer, { body: "固定された近況" });
    await ok(net, op, `/posts/${pinned.id}/pin`, "PUT", { pinned: true });

    let h = await home(net, me);
    expect(ids(h.announcements.items).sort()).toEqual([all.id, mine.id, pinned.id].sort());
    expect(h.announcements.unread).toBe(3);
    expect(h.announcements.items[0].id).toBe(pinned.id); // pinned first
    for (const x of [notMine, inSecret, hidden, news]) expect(ids(h.announcements.items)).not.toContain(x.id);
    expect(JSON.stringify(h)).not.toContain("秘密");
    expect(JSON.stringify(h)).not.toContain("開発部の方へ");

    // The segment is resolved now: out of it, its announcement is gone.
    await ok(net, me, "/profiles/me", "PUT", {
      displayName: "藤井 さくら",
      joinYm: "2012-04",
      departments: ["人事部"],
    });
    h = await home(net, me);
    expect(ids(h.announcements.items)).not.toContain(mine.id);
    expect(h.announcements.unread).toBe(2);

    // The group member sees the group's; the operator, who posted them all, sees none of their own.
    expect(ids((await home(net, peer)).announcements.items)).toContain(inSecret.id);
    expect(
      (await home(net, op)).announcements.items.filter(
        (p: { author: { userId: string } }) => p.author.userId === op.id,
      ),
    ).toEqual([]);
  });

  it("an announcement read in the bell or scrolled past in the feed is no longer unread", async () => {
    const { net, op, me } = await setup();
    const first = await post(net, op, { kind: "announcement", title: "一つ目", body: "一" });
    const second = await post(net, op, { kind: "announcement", title: "二つ目", body: "二" });
    await env.ctx.jobs.drain(); // the fan-out rings the bell
    const bell = (await ok(net, me, "/notifications")).items as { id: string; postId: string }[];
    const ofFirst = bell.find((n) => n.postId === first.id);
    expect(ofFirst).toBeDefined();
    await ok(net, me, "/notifications/read", "POST", { ids: [ofFirst!.id] });
    let h = await home(net, me);
    expect(ids(h.announcements.items)).toEqual([second.id]);

    await ok(net, me, "/posts/seen", "POST", {});
    h = await home(net, me);
    expect(h.announcements).toEqual({ items: [], unread: 0 });
    expect(h.lastVisitAt).not.toBeNull();
    const third = await post(net, op, { kind: "announcement", title: "三つ目", body: "三" });
    expect(ids((await home(net, me)).announcements.items)).toEqual([third.id]);
  });
});

describe("activity in my groups", () => {
  it("the latest post and the new ones per group I belong to; muted groups and groups I am not in are left out", async () => {
    const { net, me, peer } = await setup();
    const open = await makeTestGroup(env, net, { name: "子育てと仕事", kind: "open", members: [me, peer] });
    const muted = await makeTestGroup(env, net, { name: "静かな部屋", kind: "closed", members: [me, peer] });
    const empty = await makeTestGroup(env, net, { name: "まだ誰も", kind: "closed", members: [me] });
    const secret = await makeTestGroup(env, net, {
      name: "再雇用検討者ルーム",
      kind: "secret",
      members: [peer],
    });
    await ok(net, me, `/groups/${muted.id}/watch`, "PUT", { level: "mute" });

    await post(net, peer, { body: "一件目", audience: { type: "group", groupId: open.id } });
    const latest = await post(net, peer, { body: "二件目", audience: { type: "group", groupId: open.id } });
    await post(net, me, {
      body: "自分の投稿は新着に数えない",
      audience: { type: "group", groupId: open.id },
    });
    await post(net, peer, { body: "ミュート中", audience: { type: "group", groupId: muted.id } });
    await post(net, peer, { body: "秘密の投稿", audience: { type: "group", groupId: secret.id } });
    const hiddenPost = await post(net, peer, {
      body: "審査中の投稿",
      audience: { type: "group", groupId: open.id },
    });
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "post", hiddenPost.id, true));

    const h = await home(net, me);
    expect(h.groups.joined).toBe(3);
    expect(h.groups.items.map((g: { name: string }) => g.name)).toEqual(["子育てと仕事", "まだ誰も"]);
    const [g0, g1] = h.groups.items;
    // My own post is the latest, but not new; the hidden one is neither.
    expect(g0).toMatchObject({ id: open.id, newPosts: 2 });
    expect(g0.latest.title).toBe("自分の投稿は新着に数えない");
    expect(g1).toMatchObject({ id: empty.id, newPosts: 0, latest: null });
    const text = JSON.stringify(h);
    for (const s of ["秘密", "再雇用検討者ルーム", "ミュート中", "静かな部屋", "審査中"])
      expect(text).not.toContain(s);

    await ok(net, me, "/posts/seen", "POST", {});
    expect((await home(net, me)).groups.items[0]).toMatchObject({ id: open.id, newPosts: 0 });
    expect(latest.id).toBeTruthy();
    // Leaving a group takes it off the home page.
    await ok(net, me, `/groups/${open.id}/membership`, "DELETE");
    expect(ids((await home(net, me)).groups.items)).toEqual([empty.id]);
  });
});

describe("replies and mentions to me", () => {
  it("unread replies and mentions, with where they lead; read ones and posts I may no longer see are left out", async () => {
    const { net, op, me, peer } = await setup();
    const mine = await post(net, me, { kind: "question", title: "企業年金の手続き", body: "教えてください" });
    const c = await ok(net, peer, `/posts/${mine.id}/comments`, "POST", { body: "iDeCo に移しました" });
    const elsewhere = await post(net, op, { body: "交流会の写真です" });
    await ok(net, peer, `/posts/${elsewhere.id}/comments`, "POST", {
      body: `@[藤井 さくら](mention:${me.id}) さんも写っています`,
    });
    const seg = await ok(net, op, "/segments", "POST", {
      name: "営業部OB",
      filter: { department: ["営業部"] },
    });
    const segPost = await post(net, op, {
      kind: "announcement",
      title: "営業部の方へ",
      body: `@[藤井 さくら](mention:${me.id}) さん、ご意見をください`,
      audience: { type: "segment", segmentId: seg.id },
    });

    let h = await home(net, me);
    expect(h.replies.items.map((r: { kind: string }) => r.kind).sort()).toEqual([
      "mention",
      "mention",
      "reply",
    ]);
    expect(h.replies.unread).toBe(3);
    const reply = h.replies.items.find((r: { kind: string }) => r.kind === "reply");
    expect(reply.path).toBe(`/posts/${mine.id}`);
    expect(reply.text).toContain("同僚 次郎");
    expect(c.id).toBeTruthy();

    // Out of the segment: the mention in its post is no longer shown (nor counted).
    await ok(net, me, "/profiles/me", "PUT", {
      displayName: "藤井 さくら",
      joinYm: "2012-04",
      departments: ["人事部"],
    });
    h = await home(net, me);
    expect(h.replies.items.map((r: { path: string }) => r.path)).not.toContain(`/posts/${segPost.id}`);
    expect(h.replies.unread).toBe(2);

    // Read in the bell: gone from the home page.
    await ok(net, me, "/notifications/read", "POST", { ids: [reply.id] });
    h = await home(net, me);
    expect(h.replies.items.map((r: { kind: string }) => r.kind)).toEqual(["mention"]);
    expect(h.replies.unread).toBe(1);
    // Nobody replied to the others: theirs is empty.
    expect((await home(net, peer)).replies).toEqual({ items: [], unread: 0 });
  });
});

describe("newcomers of my cohort and departments", () => {
  /** Makes `userId` a member since `days` ago (the directory follows: member.changed). */
  async function joinedDaysAgo(net: TestNetwork, userId: string, days: number) {
    await env.ctx.db.transaction(async (tx) => {
      await tx
        .update(member)
        .set({ createdAt: sql`now() - make_interval(days => ${days})` })
        .where(and(eq(member.organizationId, net.id), eq(member.userId, userId)));
      await syncDirectory(tx, net.id, [userId]);
    });
  }

  it("同期 (same join year) and department newcomers of the last 60 days, as the directory shows them", async () => {
    const { net, op, me } = await setup();
    const person = (key: string, p: Partial<Parameters<typeof addPerson>[2]>) =>
      addPerson(env, net, { key, displayName: key, ...p });
    const cohort = await person("同期 一郎", { joinYm: "2012-10", departments: ["開発部"] });
    const cohortOld = await person("同期 古参", { joinYm: "2012-04" });
    const dept = await person("営業 二郎", { joinYm: "2015-04", departments: ["営業部", "企画部"] });
    const both = await person("両方 三郎", { joinYm: "2012-04", departments: ["営業部"] });
    const hidden = await person("非公開 花子", {
      joinYm: "2012-04",
      departments: ["営業部"],
      directory: false,
    });
    const hidesYear = await person("年非公開 四郎", {
      joinYm: "2012-04",
      visibility: { joinYm: "operators" },
    });
    const hidesDept = await person("部署非公開 五郎", {
      departments: ["営業部"],
      visibility: { departments: "private" },
    });
    const suspended = await person("停止 六郎", { joinYm: "2012-04", status: "suspended" });
    const stranger = await person("他年 七郎", { joinYm: "2013-04", departments: ["人事部"] });
    await joinedDaysAgo(net, cohortOld, 90);

    const h = await home(net, me);
    expect(h.newcomers).toMatchObject({ days: 60, joinYear: 2012, departments: ["営業部"] });
    expect(cardIds(h.newcomers.cohort).sort()).toEqual([cohort, both].sort());
    // Someone in both lists is shown once, among 同期.
    expect(cardIds(h.newcomers.department)).toEqual([dept]);
    const text = JSON.stringify(h.newcomers);
    for (const id of [hidden, hidesYear, hidesDept, suspended, stranger, cohortOld, me.id])
      expect(text).not.toContain(id);
    for (const s of ["非公開 花子", "年非公開", "部署非公開", "停止"]) expect(text).not.toContain(s);
    // Cards carry what the directory shows members, and whether I may message them.
    const card = h.newcomers.cohort.find((c: { card: { userId: string } }) => c.card.userId === cohort);
    expect(card).toMatchObject({ canMessage: true, card: { displayName: "同期 一郎", joinYm: "2012-10" } });

    // Someone who refuses messages from strangers is shown without the action.
    const refuser = await admitTestMember(env, net, "alumni", { name: "拒否 八郎" });
    await ok(net, refuser, "/profiles/me", "PUT", { displayName: "拒否 八郎", joinYm: "2012-04" });
    await ok(net, refuser, "/messages/settings", "PUT", { refuseStrangers: true });
    const again = (await home(net, me)).newcomers.cohort.find(
      (c: { card: { userId: string } }) => c.card.userId === refuser.id,
    );
    expect(again).toMatchObject({ canMessage: false });

    // Operators read the operators' audience: the member hidden from the directory is theirs to see.
    await ok(net, op, "/profiles/me", "PUT", { displayName: "運営 花子", joinYm: "2012-04" });
    expect(cardIds((await home(net, op)).newcomers.cohort)).toContain(hidden);
  });

  it("without a join year or departments the lists are empty and say why", async () => {
    const net = await makeNetwork(env);
    const me = await admitTestMember(env, net, "employee", { name: "社員 新人" });
    await ok(net, me, "/profiles/me", "PUT", { displayName: "社員 新人" });
    await addPerson(env, net, { key: "x", displayName: "誰か", joinYm: "2012-04", departments: ["営業部"] });
    const h = await home(net, me);
    expect(h.newcomers).toMatchObject({ joinYear: null, departments: [], cohort: [], department: [] });
    expect(h.groups).toEqual({ items: [], joined: 0 });
    expect(h.desk).toBeNull();
  });
});

describe("the operators' desk and other networks", () => {
  it("operators see the open inquiries and the moderation queue; no one sees another network's", async () => {
    const { net, op, me, peer } = await setup();
    await ok(net, me, "/inquiries", "POST", {
      category: "general",
      subject: "源泉徴収票",
      body: "再発行できますか",
    });
    const bad = await post(net, peer, { body: "怪しい投稿" });
    await ok(net, me, `/posts/${bad.id}/report`, "POST", { reason: "spam" });
    const h = await home(net, op);
    expect(h.desk).toEqual({ openInquiries: 1, unassignedInquiries: 1, moderationQueue: 1 });
    expect(h.role).toBe("operator");
    expect((await home(net, me)).desk).toBeNull();

    // Another network: its posts, groups, members and bell stay its own; its members get 404 here.
    const other = await setup("別会社");
    await post(other.net, other.op, { kind: "announcement", title: "別会社のお知らせ", body: "別" });
    const og = await makeTestGroup(env, other.net, {
      name: "別会社の部屋",
      kind: "open",
      members: [other.me, other.peer],
    });
    await post(other.net, other.peer, { body: "別会社の投稿", audience: { type: "group", groupId: og.id } });
    await addPerson(env, other.net, {
      key: "other",
      displayName: "別会社 同期",
      joinYm: "2012-04",
      departments: ["営業部"],
    });
    const mine = JSON.stringify(await home(net, me));
    expect(mine).not.toContain("別会社");
    expect((await api(net, other.me, "/home")).statusCode).toBe(404);
    expect((await call(env, { url: `/api/n/${net.slug}/home` })).statusCode).toBe(401);
    const theirs = await home(other.net, other.me);
    expect(theirs.newcomers.cohort.map((c: { card: { displayName: string } }) => c.card.displayName)).toEqual(
      ["別会社 同期"],
    );
    expect(JSON.stringify(theirs)).not.toContain("怪しい");
  });
});
