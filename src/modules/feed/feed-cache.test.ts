// The feed's shared cache (cache.ts): pages and posts are shared only between viewers who see
// exactly the same posts, and every kind of write is visible on the next read. The rule itself
// (audience.ts) is checked in its three forms against each other.
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
import { makeTestGroup } from "../groups/testing.ts";
import { mayView, streamsOf } from "./audience.ts";
import { feedCacheStats } from "./cache.ts";
import { setContentHidden } from "./moderation.ts";
import { feedPage, findPost, findVisiblePost, newestFirst, streamPage, type Viewer } from "./queries.ts";

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
const feed = async (net: TestNetwork, user: TestUser, query = "") => {
  const res = await call(env, { url: `/api/n/${net.slug}/posts${query}`, user });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const detail = (net: TestNetwork, user: TestUser, id: string) =>
  call(env, { url: `/api/n/${net.slug}/posts/${id}`, user });
const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);
const skills = (net: TestNetwork, user: TestUser, name: string, list: string[]) =>
  call(env, {
    method: "PUT",
    url: `/api/n/${net.slug}/profiles/me`,
    user,
    payload: { displayName: name, skills: list },
  });

async function setup() {
  const net = await makeNetwork(env, { name: "キャッシュ商事" });
  const alice = await makeMember(env, net, "alumni", { name: "青木 愛" });
  const bob = await makeMember(env, net, "alumni", { name: "坂本 勉" });
  const carol = await makeMember(env, net, "employee", { name: "千葉 薫" });
  const op = net.operator;
  const seg = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/segments`,
    user: op,
    payload: { name: "Python使い", filter: { skill: ["Python"] } },
  });
  expect(seg.statusCode, seg.body).toBe(201);
  expect((await skills(net, alice, "青木 愛", ["Python"])).statusCode).toBe(200);
  return { net, alice, bob, carol, op, segmentId: seg.json().id as string };
}

describe("feed cache", () => {
  it("is used: a second read of the same page by another member of the same audience computes nothing", async () => {
    const { net, bob, carol, op } = await setup();
    await post(net, op, { kind: "announcement", body: "全員へ" });
    await feed(net, bob);
    const before = feedCacheStats(env.ctx)!;
    await feed(net, carol);
    const after = feedCacheStats(env.ctx)!;
    // The network's stream and the post's card, both served from the cache.
    expect(after.requests - before.requests).toBe(2);
    expect(after.queries - before.queries).toBe(0);
  });

  it("two members of different segments never share a page, in the feed or by id", async () => {
    const { net, alice, bob, op, segmentId } = await setup();
    const everyone = await post(net, op, { kind: "announcement", body: "全員へ" });
    const python = await post(net, op, {
      kind: "announcement",
      body: "Python勉強会",
      audience: { type: "segment", segmentId },
    });
    // Alice (in the segment) reads first: her page has both; Bob's (not in it) must not.
    expect(ids(await feed(net, alice))).toEqual([python.id, everyone.id]);
    expect(ids(await feed(net, bob))).toEqual([everyone.id]);
    expect((await detail(net, alice, python.id)).statusCode).toBe(200);
    expect((await detail(net, bob, python.id)).statusCode).toBe(404);
    // And the other way round, on pages by kind and with a cursor.
    expect(ids(await feed(net, bob, "?kind=announcement"))).toEqual([everyone.id]);
    expect(ids(await feed(net, alice, "?kind=announcement"))).toEqual([python.id, everyone.id]);
    const first = await feed(net, bob, "?limit=1");
    expect(ids(first)).toEqual([everyone.id]);
    const a1 = await feed(net, alice, "?limit=1");
    expect(ids(await feed(net, alice, `?limit=1&cursor=${a1.nextCursor}`))).toEqual([everyone.id]);
    // Segments are resolved at read time, also with pages cached: Bob joins, Alice leaves.
    await skills(net, bob, "坂本 勉", ["Python"]);
    await skills(net, alice, "青木 愛", ["Java"]);
    expect(ids(await feed(net, bob))).toEqual([python.id, everyone.id]);
    expect((await detail(net, bob, python.id)).statusCode).toBe(200);
    expect(ids(await feed(net, alice))).toEqual([everyone.id]);
    expect((await detail(net, alice, python.id)).statusCode).toBe(404);
  });

  it("a member's own hidden post is theirs alone; others of the same segments never get it", async () => {
    const { net, bob, carol, op } = await setup();
    const mine = await post(net, bob, { kind: "question", body: "これは非表示になる" });
    await feed(net, carol);
    // Moderation hides it (the moderation module calls feedChanged in its transaction).
    await env.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`update post set hidden_at = now() where id = ${mine.id}`);
      const { feedChanged } = await import("./cache.ts");
      await feedChanged(tx, net.id, mine.id);
    });
    expect(ids(await feed(net, bob))).toEqual([mine.id]);
    expect((await feed(net, bob)).items[0].hidden).toBe(true);
    expect(ids(await feed(net, carol))).toEqual([]);
    expect((await detail(net, carol, mine.id)).statusCode).toBe(404);
    expect((await detail(net, bob, mine.id)).statusCode).toBe(200);
    expect(ids(await feed(net, op))).toEqual([mine.id]);
    // Shown again: a change that may concern any page (the post was on none of Carol's).
    await env.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`update post set hidden_at = null where id = ${mine.id}`);
      const { feedChanged } = await import("./cache.ts");
      await feedChanged(tx, net.id, null);
    });
    expect(ids(await feed(net, carol))).toEqual([mine.id]);
    expect((await detail(net, carol, mine.id)).statusCode).toBe(200);
  });

  it("a change to one post stales only the cached pages that hold it; the others are served again", async () => {
    const { net, alice, bob, op } = await setup();
    const older = await post(net, op, { kind: "news", body: "古い" });
    const newer = await post(net, op, { kind: "news", body: "新しい" });
    expect(ids(await feed(net, bob, "?limit=1"))).toEqual([newer.id]);
    const p1 = await feed(net, bob, "?limit=1");
    const page2 = `?limit=1&cursor=${p1.nextCursor}`;
    expect(ids(await feed(net, bob, page2))).toEqual([older.id]);
    // Alice reacts to the older post: page 2 holds it (and page 1 holds it as the row past the page).
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/posts/${older.id}/reactions/like`,
      user: alice,
    });
    expect((await feed(net, bob, page2)).items[0].reactions).toEqual([
      { reaction: "like", count: 1, mine: false },
    ]);
    // A reaction to the newer post leaves page 2 as it was: served without computing it again.
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/posts/${newer.id}/reactions/idea`,
      user: alice,
    });
    const before = feedCacheStats(env.ctx)!;
    expect((await feed(net, bob, page2)).items[0].reactions).toEqual([
      { reaction: "like", count: 1, mine: false },
    ]);
    const after = feedCacheStats(env.ctx)!;
    expect(after.queries - before.queries).toBe(0);
    // Page 2's stream and its post's card: older than the version, still right.
    expect(after.revalidated - before.revalidated).toBe(2);
    expect((await feed(net, bob, "?limit=1")).items[0].reactions).toEqual([
      { reaction: "idea", count: 1, mine: false },
    ]);
  });

  it("every kind of write shows on the next read of a cached page and post", async () => {
    const { net, alice, bob, op, segmentId } = await setup();
    const p = await post(net, alice, { kind: "question", title: "相談", body: "はじめの本文" });
    const read = async () => (await feed(net, bob)).items.find((x: any) => x.id === p.id);
    const byId = async () => (await detail(net, bob, p.id)).json();
    expect((await read()).body).toBe("はじめの本文");
    expect((await byId()).comments).toEqual([]);

    // A new post.
    const q = await post(net, op, { kind: "news", body: "新しい投稿" });
    expect(ids(await feed(net, bob))).toEqual([q.id, p.id]);
    // An edit.
    const edit = await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/posts/${p.id}`,
      user: alice,
      payload: { title: "相談", body: "直した本文" },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await read()).body).toBe("直した本文");
    expect((await byId()).body).toBe("直した本文");
    // A reaction, and taking it back; "mine" is the viewer's own.
    const like = (user: TestUser, method: "PUT" | "DELETE") =>
      call(env, { method, url: `/api/n/${net.slug}/posts/${p.id}/reactions/like`, user });
    expect((await like(alice, "PUT")).statusCode).toBe(200);
    expect((await read()).reactions).toEqual([{ reaction: "like", count: 1, mine: false }]);
    expect((await byId()).reactions).toEqual([{ reaction: "like", count: 1, mine: false }]);
    expect((await feed(net, alice)).items.find((x: any) => x.id === p.id).reactions).toEqual([
      { reaction: "like", count: 1, mine: true },
    ]);
    expect((await like(bob, "PUT")).statusCode).toBe(200);
    expect((await read()).reactions).toEqual([{ reaction: "like", count: 2, mine: true }]);
    expect((await like(bob, "DELETE")).statusCode).toBe(200);
    expect((await read()).reactions).toEqual([{ reaction: "like", count: 1, mine: false }]);
    expect((await byId()).reactions).toEqual([{ reaction: "like", count: 1, mine: false }]);
    // A comment, its edit and its deletion.
    const c = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/posts/${p.id}/comments`,
      user: op,
      payload: { body: "答えます" },
    });
    expect(c.statusCode, c.body).toBe(201);
    expect((await read()).commentCount).toBe(1);
    expect((await byId()).comments.map((x: any) => x.body)).toEqual(["答えます"]);
    await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/comments/${c.json().id}`,
      user: op,
      payload: { body: "答えました" },
    });
    expect((await byId()).comments.map((x: any) => x.body)).toEqual(["答えました"]);
    await call(env, { method: "DELETE", url: `/api/n/${net.slug}/comments/${c.json().id}`, user: op });
    expect((await read()).commentCount).toBe(0);
    expect((await byId()).comments).toEqual([]);
    // Pin and unpin.
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/posts/${q.id}/pin`,
      user: op,
      payload: { pinned: true },
    });
    expect((await feed(net, bob)).pinned.map((x: any) => x.id)).toEqual([q.id]);
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/posts/${q.id}/pin`,
      user: op,
      payload: { pinned: false },
    });
    expect((await feed(net, bob)).pinned).toEqual([]);
    // The author renames themself (directory version): the cached page shows the new name.
    await skills(net, alice, "青木 愛子", ["Python"]);
    expect((await read()).author.name).toBe("青木 愛子");
    expect((await byId()).author.name).toBe("青木 愛子");
    // A segment renamed: operators see the new name on a segment post.
    const s = await post(net, op, {
      kind: "announcement",
      body: "x",
      audience: { type: "segment", segmentId },
    });
    expect((await feed(net, op)).items[0].audience.segmentName).toBe("Python使い");
    const renamed = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/segments/${segmentId}`,
      user: op,
      payload: { name: "Pythonの会", filter: { skill: ["Python"] } },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await feed(net, op)).items[0]).toMatchObject({
      id: s.id,
      audience: { segmentName: "Pythonの会" },
    });
    // A deletion.
    await call(env, { method: "DELETE", url: `/api/n/${net.slug}/posts/${p.id}`, user: alice });
    expect(await read()).toBeUndefined();
    expect((await detail(net, bob, p.id)).statusCode).toBe(404);
  });

  it("mayView and the streams agree with the SQL rule (visibleTo) on every post and viewer", async () => {
    const { net, alice, bob, op, segmentId } = await setup();
    const posts = [
      await post(net, op, { kind: "announcement", body: "全員" }),
      await post(net, op, { kind: "announcement", body: "seg", audience: { type: "segment", segmentId } }),
      await post(net, alice, { kind: "question", body: "alice" }),
      await post(net, bob, { kind: "question", body: "bob hidden" }),
    ];
    await env.ctx.db.execute(sql`update post set hidden_at = now() where id = ${posts[3].id}`);
    const group = await makeTestGroup(env, net, { name: "新規事業ルーム", kind: "closed", members: [bob] });
    posts.push(
      await post(net, bob, {
        kind: "question",
        body: "group",
        audience: { type: "group", groupId: group.id },
      }),
    );
    const viewers: Viewer[] = [
      { userId: op.id, operator: true, segments: [], groups: [] },
      { userId: alice.id, operator: false, segments: [segmentId], groups: [] },
      { userId: bob.id, operator: false, segments: [], groups: [group.id] },
      { userId: "someone-else", operator: false, segments: [segmentId], groups: [] },
      { userId: "nobody", operator: false, segments: [], groups: [] },
      { userId: "in-group", operator: false, segments: [], groups: [group.id] },
      { userId: "in-both", operator: false, segments: [segmentId], groups: [group.id] },
    ];
    const db = env.ctx.db;
    for (const v of viewers) {
      for (const p of posts) {
        const row = await findPost(db, net.id, p.id);
        const bySql = (await findVisiblePost(db, net.id, p.id, v)) !== null;
        expect(mayView(v, row!), `${v.userId} / ${p.body}`).toBe(bySql);
      }
    }
    // The streams of a viewer hold exactly what the viewer sees (for viewers without posts of
    // their own beyond their audience; Bob's hidden post makes his feed his own).
    expect(streamsOf(viewers[2], true)).toBeNull();
    expect(streamsOf(viewers[0], false)).toEqual([{ type: "all" }]);
    for (const v of [viewers[0], viewers[1], ...viewers.slice(3)]) {
      const opts = { cursor: null, limit: 100 };
      const bySql = (await feedPage(db, net.id, v, opts)).map((r) => r.id);
      const streams = streamsOf(v, false) ?? [];
      const merged = (await Promise.all(streams.map((x) => streamPage(db, net.id, x, opts))))
        .flat()
        .sort(newestFirst)
        .map((r) => r.id);
      expect(merged, v.userId).toEqual(bySql);
    }
    expect(streamsOf(viewers[6], false)).toEqual([
      { type: "network" },
      { type: "segment", id: segmentId },
      { type: "group", id: group.id },
    ]);
  });

  it("a group's members and the others never share a page; leaving the group takes its posts away at once", async () => {
    const { net, alice, bob, carol, op } = await setup();
    const dave = await makeMember(env, net, "alumni", { name: "土井 大" });
    const group = await makeTestGroup(env, net, {
      name: "子育てと仕事",
      kind: "secret",
      members: [alice, bob, dave],
    });
    const everyone = await post(net, op, { kind: "news", body: "全員へ" });
    const inGroup = await post(net, op, {
      kind: "news",
      body: "グループだけ",
      audience: { type: "group", groupId: group.id },
    });
    // Alice (in the group) reads first; Carol (outside it) must not get her page.
    expect(ids(await feed(net, alice))).toEqual([inGroup.id, everyone.id]);
    expect(ids(await feed(net, carol))).toEqual([everyone.id]);
    expect(ids(await feed(net, bob))).toEqual([inGroup.id, everyone.id]);
    // The group's own feed: for members, shared between them; 404 for Carol.
    expect(ids(await feed(net, alice, `?groupId=${group.id}`))).toEqual([inGroup.id]);
    expect(ids(await feed(net, bob, `?groupId=${group.id}`))).toEqual([inGroup.id]);
    // Dave has Bob's segments (none) and groups: Bob's page is his.
    const before = feedCacheStats(env.ctx)!;
    expect(ids(await feed(net, dave, `?groupId=${group.id}`))).toEqual([inGroup.id]);
    expect(feedCacheStats(env.ctx)!.queries - before.queries).toBe(0);
    expect(
      (await call(env, { url: `/api/n/${net.slug}/posts?groupId=${group.id}`, user: carol })).statusCode,
    ).toBe(404);
    // Bob is removed from the group: its post is gone from his (cached) feed at the next read.
    const removed = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/groups/${group.id}/members/${bob.id}`,
      user: op,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(ids(await feed(net, bob))).toEqual([everyone.id]);
    expect(ids(await feed(net, alice))).toEqual([inGroup.id, everyone.id]);
    // Renamed: the cached pages show the new name.
    expect((await feed(net, alice)).items[0].audience.groupName).toBe("子育てと仕事");
    const renamed = await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/groups/${group.id}`,
      user: op,
      payload: { name: "子育てと仕事の会" },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await feed(net, alice)).items[0].audience.groupName).toBe("子育てと仕事の会");
  });

  it("pages of several streams merge newest first, without repeating or skipping, also on pinned posts", async () => {
    const { net, alice, carol, op, segmentId } = await setup();
    const g1 = await makeTestGroup(env, net, { name: "一組", kind: "open", members: [alice, carol] });
    const g2 = await makeTestGroup(env, net, { name: "二組", kind: "closed", members: [alice] });
    const made: string[] = [];
    const audiences = [
      undefined,
      { type: "segment", segmentId },
      { type: "group", groupId: g1.id },
      { type: "group", groupId: g2.id },
    ];
    for (let i = 0; i < 12; i++) {
      const audience = audiences[i % 4];
      const author = audience?.type === "segment" ? op : alice;
      const kind = audience?.type === "segment" ? "announcement" : "news";
      made.unshift(
        (await post(net, author, { kind, body: `投稿 ${i}`, ...(audience ? { audience } : {}) })).id,
      );
    }
    const pin = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/posts/${made[11]}/pin`,
      user: op,
      payload: { pinned: true },
    });
    expect(pin.statusCode, pin.body).toBe(200);
    // Alice has all four streams: walk her feed three posts at a time (twice: cached the second time).
    for (let round = 0; round < 2; round++) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first = true;
      do {
        const page = await feed(net, alice, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        if (first) expect(page.pinned.map((p: { id: string }) => p.id)).toEqual([made[11]]);
        first = false;
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(made.slice(0, 11));
    }
    // Carol: the network and group 1 only (not in the segment, not in group 2).
    const carols = ids(await feed(net, carol, "?limit=50"));
    expect(carols).toEqual(made.filter((_, i) => [0, 2].includes((11 - i) % 4) && i !== 11));
  });

  it("a member's post in a group they left stays theirs alone", async () => {
    const { net, alice, bob, carol } = await setup();
    const group = await makeTestGroup(env, net, { name: "読書会", kind: "open", members: [bob] });
    const mine = await post(net, bob, {
      kind: "question",
      body: "本の相談",
      audience: { type: "group", groupId: group.id },
    });
    const left = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/groups/${group.id}/membership`,
      user: bob,
    });
    expect(left.statusCode, left.body).toBe(204);
    // Carol (same segments and groups as Bob now: none) reads first, then Bob, then Alice.
    expect(ids(await feed(net, carol))).toEqual([]);
    expect(ids(await feed(net, bob))).toEqual([mine.id]);
    expect(ids(await feed(net, carol))).toEqual([]);
    expect(ids(await feed(net, alice))).toEqual([]);
  });

  it("a hidden comment is counted for its author and the operators only, also on cached pages", async () => {
    const { net, alice, bob, carol, op } = await setup();
    const p = await post(net, op, { kind: "news", body: "コメントしてください" });
    const comment = async (user: TestUser, body: string) => {
      const res = await call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/posts/${p.id}/comments`,
        user,
        payload: { body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await comment(alice, "ふつうのコメント");
    const spam = await comment(bob, "宣伝です");
    const count = async (user: TestUser) => (await feed(net, user)).items[0].commentCount;
    expect(await count(carol)).toBe(2);
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "comment", spam, true));
    // Carol first (she fills the shared page), then the author, then an operator.
    expect(await count(carol)).toBe(1);
    expect(await count(alice)).toBe(1);
    expect(await count(bob)).toBe(2);
    expect(await count(carol)).toBe(1);
    expect(await count(op)).toBe(2);
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "comment", spam, false));
    expect(await count(carol)).toBe(2);
  });

  it("a post hidden by moderation leaves every shared page at once", async () => {
    const { net, bob, carol, op } = await setup();
    const p = await post(net, op, { kind: "news", body: "あとで非表示" });
    expect(ids(await feed(net, carol))).toEqual([p.id]);
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "post", p.id, true));
    expect(ids(await feed(net, carol))).toEqual([]);
    expect(ids(await feed(net, bob))).toEqual([]);
    expect(ids(await feed(net, op))).toEqual([p.id]);
    await env.ctx.db.transaction((tx) => setContentHidden(tx, net.id, "post", p.id, false));
    expect(ids(await feed(net, carol))).toEqual([p.id]);
  });
});
