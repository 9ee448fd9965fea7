// The feed: members and operators post, comment and react; a post reaches its audience only —
// a segment is resolved when the feed is read — and nothing of it reaches anyone else.
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
import { admitTestMember, multipartFile } from "../members/testing.ts";
import { DIRTY, IMAGES, SECRETS } from "../profiles/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const post = (net: TestNetwork, user: TestUser, payload: unknown) =>
  call(env, { method: "POST", url: `/api/n/${net.slug}/posts`, user, payload });
const feed = async (net: TestNetwork, user: TestUser, query = "") => {
  const res = await call(env, { url: `/api/n/${net.slug}/posts${query}`, user });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

async function setup() {
  const net = await makeNetwork(env, { name: "フィード商事" });
  const alice = await makeMember(env, net, "alumni", { name: "青木 愛" });
  const bob = await makeMember(env, net, "alumni", { name: "坂本 勉" });
  const emp = await makeMember(env, net, "employee", { name: "社員 一郎" });
  return { net, alice, bob, emp, op: net.operator };
}

describe("posting", () => {
  it("members post questions and requests; operators post announcements; everyone sees them newest first", async () => {
    const { net, alice, bob, op } = await setup();
    const q = await post(net, alice, {
      kind: "help_wanted",
      title: "  SaaSの営業支援ができる方  ",
      body: "こういう案件の相談に乗れる人はいませんか？\n\n- 期間: 3か月\n- 稼働: 週2日",
    });
    expect(q.statusCode, q.body).toBe(201);
    expect(q.json()).toMatchObject({
      kind: "help_wanted",
      title: "SaaSの営業支援ができる方",
      audience: { type: "network", segmentName: null },
      author: { userId: alice.id, name: "青木 愛", role: "alumni", profile: expect.any(Boolean) },
      pinned: false,
      editedAt: null,
      commentCount: 0,
      reactions: [],
      can: { edit: true, delete: true, pin: false },
    });
    const refused = await post(net, alice, { kind: "announcement", body: "運営のふり" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("FEED_ANNOUNCE_OPERATORS_ONLY");
    const a = await post(net, op, {
      kind: "announcement",
      title: "交流会のお知らせ",
      body: "12月に交流会を開きます。",
    });
    expect(a.statusCode).toBe(201);

    const seen = await feed(net, bob);
    expect(ids(seen)).toEqual([a.json().id, q.json().id]);
    expect(seen.items.every((p: any) => p.isNew)).toBe(true);
    expect(seen.items[1].can).toEqual({ edit: false, delete: false, pin: false });
    // The author's own post is never "new" to them.
    expect((await feed(net, alice)).items.find((p: any) => p.id === q.json().id).isNew).toBe(false);
  });

  it("refuses empty bodies, unknown kinds and overlong text with the error shape, writing nothing", async () => {
    const { net, alice } = await setup();
    for (const payload of [
      { kind: "question", body: "   " },
      { kind: "gossip", body: "x" },
      { kind: "question", body: "x".repeat(10_001) },
      { kind: "question", title: "t".repeat(121), body: "x" },
    ]) {
      const res = await post(net, alice, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    expect((await feed(net, alice)).items).toEqual([]);
  });

  it("pages by keyset without repeating or skipping posts, also when posts share a timestamp", async () => {
    const { net, alice, bob } = await setup();
    const made: string[] = [];
    for (let i = 0; i < 7; i++)
      made.push((await post(net, alice, { kind: "news", body: `近況 ${i}` })).json().id);
    // Two posts at the very same instant.
    await env.ctx.db.execute(
      sql`update post set created_at = (select created_at from post where id = ${made[3]}) where id = ${made[4]}`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await feed(net, bob, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
    expect(new Set(seen).size).toBe(7);
    const bad = await call(env, { url: `/api/n/${net.slug}/posts?cursor=garbage`, user: bob });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
  });

  it("marks what came since the last visit and counts it for the navigation", async () => {
    const { net, alice, bob } = await setup();
    const first = (await post(net, alice, { kind: "news", body: "一つ目" })).json();
    const summary = async () =>
      (await call(env, { url: `/api/n/${net.slug}/posts/summary`, user: bob })).json().newPosts;
    expect(await summary()).toBe(1);
    const seen = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/posts/seen`,
      user: bob,
      payload: { until: first.createdAt },
    });
    expect(seen.statusCode).toBe(204);
    expect(await summary()).toBe(0);
    const second = (await post(net, alice, { kind: "news", body: "二つ目" })).json();
    expect(await summary()).toBe(1);
    const page = await feed(net, bob);
    expect(page.items.map((p: any) => [p.id, p.isNew])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect(page.lastSeenAt).toBe(first.createdAt);
  });
});

describe("editing, deleting, pinning", () => {
  it("the author edits (shown as edited); others may not; an operator deletes anyone's post, audited", async () => {
    const { net, alice, bob, op } = await setup();
    const p = (await post(net, alice, { kind: "question", body: "初版" })).json();
    const url = `/api/n/${net.slug}/posts/${p.id}`;
    const edited = await call(env, {
      method: "PATCH",
      url,
      user: alice,
      payload: { title: "質問", body: "改訂版" },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: "質問", body: "改訂版", editedAt: expect.any(String) });
    expect(
      (await call(env, { method: "PATCH", url, user: bob, payload: { body: "乗っ取り" } })).statusCode,
    ).toBe(403);
    expect((await call(env, { method: "PATCH", url, user: op, payload: { body: "運営" } })).statusCode).toBe(
      403,
    );
    expect((await call(env, { method: "DELETE", url, user: bob })).statusCode).toBe(403);
    expect((await call(env, { method: "DELETE", url, user: op })).statusCode).toBe(204);
    expect((await call(env, { url, user: alice })).statusCode).toBe(404);
    const { rows } = await env.ctx.db.execute(
      sql`select action, data from audit_log where network_id = ${net.id} and target_id = ${p.id}`,
    );
    expect(rows).toEqual([{ action: "post.delete", data: expect.objectContaining({ authorId: alice.id }) }]);
  });

  it("operators pin up to five posts on top of the first page", async () => {
    const { net, alice, op } = await setup();
    const made: string[] = [];
    for (let i = 0; i < 6; i++)
      made.push((await post(net, op, { kind: "announcement", body: `お知らせ ${i}` })).json().id);
    const pin = (id: string, user: TestUser, pinned = true) =>
      call(env, { method: "PUT", url: `/api/n/${net.slug}/posts/${id}/pin`, user, payload: { pinned } });
    expect((await pin(made[0], alice)).statusCode).toBe(403);
    for (const id of made.slice(0, 5)) expect((await pin(id, op)).statusCode).toBe(200);
    const over = await pin(made[5], op);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("FEED_PIN_LIMIT");
    const page = await feed(net, alice);
    expect(page.pinned.map((p: any) => p.id).sort()).toEqual(made.slice(0, 5).sort());
    expect(ids(page)).toEqual([made[5]]);
    expect((await pin(made[0], op, false)).json().pinned).toBe(false);
    expect((await feed(net, alice, "?cursor=")).pinned).toHaveLength(4);
  });
});

describe("comments and reactions", () => {
  it("members comment with one level of replies; a deleted comment with replies keeps its place", async () => {
    const { net, alice, bob, emp } = await setup();
    const p = (await post(net, alice, { kind: "help_wanted", body: "デザイナーを探しています" })).json();
    const comment = (user: TestUser, payload: unknown) =>
      call(env, { method: "POST", url: `/api/n/${net.slug}/posts/${p.id}/comments`, user, payload });
    const c1 = await comment(bob, { body: "知り合いに聞いてみます" });
    expect(c1.statusCode, c1.body).toBe(201);
    const r1 = (await comment(alice, { body: "ありがとうございます！", parentId: c1.json().id })).json();
    expect(r1.parentId).toBe(c1.json().id);
    // A reply to a reply joins the same thread (one level).
    const r2 = (await comment(emp, { body: "社内でも探します", parentId: r1.id })).json();
    expect(r2.parentId).toBe(c1.json().id);
    const badParent = await comment(bob, { body: "x", parentId: "nope" });
    expect(badParent.statusCode).toBe(422);
    expect(badParent.json().error.code).toBe("FEED_COMMENT_PARENT_NOT_FOUND");

    const del = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/comments/${c1.json().id}`,
      user: bob,
    });
    expect(del.statusCode).toBe(204);
    const detail = (await call(env, { url: `/api/n/${net.slug}/posts/${p.id}`, user: alice })).json();
    expect(detail.commentCount).toBe(2);
    expect(
      detail.comments.map((c: any) => [c.parentId, c.deleted, c.body, c.author?.userId ?? null]),
    ).toEqual([
      [null, true, "", null],
      [c1.json().id, false, "ありがとうございます！", alice.id],
      [c1.json().id, false, "社内でも探します", emp.id],
    ]);
    const edit = await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/comments/${r2.id}`,
      user: alice,
      payload: { body: "改ざん" },
    });
    expect(edit.statusCode).toBe(403);
  });

  it("reactions are a fixed set, counted, one of each kind per member", async () => {
    const { net, alice, bob, emp } = await setup();
    const p = (await post(net, alice, { kind: "news", body: "転職しました" })).json();
    const react = (user: TestUser, r: string, method: "PUT" | "DELETE" = "PUT") =>
      call(env, { method, url: `/api/n/${net.slug}/posts/${p.id}/reactions/${r}`, user });
    expect((await react(bob, "celebrate")).statusCode).toBe(200);
    await react(bob, "celebrate");
    await react(emp, "celebrate");
    const mine = await react(emp, "like");
    expect(mine.json()).toEqual(
      expect.arrayContaining([
        { reaction: "celebrate", count: 2, mine: true },
        { reaction: "like", count: 1, mine: true },
      ]),
    );
    expect((await react(bob, "angry")).statusCode).toBe(400);
    expect((await react(emp, "like", "DELETE")).json()).toEqual([
      { reaction: "celebrate", count: 2, mine: true },
    ]);
    const seenByAlice = (await feed(net, alice)).items[0].reactions;
    expect(seenByAlice).toEqual([{ reaction: "celebrate", count: 2, mine: false }]);
  });
});

describe("audiences", () => {
  it("a post to a segment reaches its members as the segment matches them when the feed is read", async () => {
    const { net, alice, bob, op } = await setup();
    const seg = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/segments`,
      user: op,
      payload: { name: "Python使い", filter: { skill: ["Python"] } },
    });
    expect(seg.statusCode, seg.body).toBe(201);
    const skills = (user: TestUser, name: string, list: string[]) =>
      call(env, {
        method: "PUT",
        url: `/api/n/${net.slug}/profiles/me`,
        user,
        payload: { displayName: name, skills: list },
      });
    expect((await skills(alice, "青木 愛", ["Python"])).statusCode).toBe(200);
    const p = await post(net, op, {
      kind: "announcement",
      body: "Python勉強会の講師を募集します",
      audience: { type: "segment", segmentId: seg.json().id },
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json().audience).toEqual({
      type: "segment",
      segmentName: "Python使い",
      groupId: null,
      groupName: null,
    });
    const url = `/api/n/${net.slug}/posts/${p.json().id}`;

    expect(ids(await feed(net, alice))).toEqual([p.json().id]);
    expect((await feed(net, alice)).items[0].audience.segmentName).toBeNull();
    expect(ids(await feed(net, bob))).toEqual([]);
    expect((await call(env, { url, user: bob })).statusCode).toBe(404);
    const comment = await call(env, {
      method: "POST",
      url: `${url}/comments`,
      user: bob,
      payload: { body: "x" },
    });
    expect(comment.statusCode).toBe(404);
    expect((await call(env, { method: "PUT", url: `${url}/reactions/like`, user: bob })).statusCode).toBe(
      404,
    );
    expect((await call(env, { url: `/api/n/${net.slug}/posts/summary`, user: bob })).json().newPosts).toBe(0);

    // Bob learns Python: he sees it now. Alice drops it: she no longer does.
    await skills(bob, "坂本 勉", ["Python", "Go"]);
    await skills(alice, "青木 愛", ["Java"]);
    expect(ids(await feed(net, bob))).toEqual([p.json().id]);
    expect((await call(env, { url, user: bob })).statusCode).toBe(200);
    expect(ids(await feed(net, alice))).toEqual([]);
    expect((await call(env, { url, user: alice })).statusCode).toBe(404);

    // Only operators post to a segment; an unknown segment is refused.
    const byMember = await post(net, bob, {
      kind: "question",
      body: "x",
      audience: { type: "segment", segmentId: seg.json().id },
    });
    expect(byMember.json().error.code).toBe("FEED_ANNOUNCE_OPERATORS_ONLY");
    const unknown = await post(net, op, {
      kind: "announcement",
      body: "x",
      audience: { type: "segment", segmentId: "x" },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe("FEED_SEGMENT_NOT_FOUND");

    // A deleted segment reaches nobody but the operators (and the author).
    await call(env, { method: "DELETE", url: `/api/n/${net.slug}/segments/${seg.json().id}`, user: op });
    expect(ids(await feed(net, bob))).toEqual([]);
    expect((await feed(net, op)).items[0]).toMatchObject({
      id: p.json().id,
      audience: { segmentName: null },
    });
  });

  it("another network's members and anonymous callers get nothing", async () => {
    const { net, alice } = await setup();
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni");
    const p = (await post(net, alice, { kind: "question", body: "社外秘の相談" })).json();
    expect((await call(env, { url: `/api/n/${net.slug}/posts/${p.id}`, user: stranger })).statusCode).toBe(
      404,
    );
    expect((await call(env, { url: `/api/n/${other.slug}/posts/${p.id}`, user: stranger })).statusCode).toBe(
      404,
    );
    expect((await call(env, { url: `/api/n/${net.slug}/posts` })).statusCode).toBe(401);
    const theirs = await feed(other, stranger);
    expect(theirs.items).toEqual([]);
    const comment = await call(env, {
      method: "POST",
      url: `/api/n/${other.slug}/posts/${p.id}/comments`,
      user: stranger,
      payload: { body: "覗き見" },
    });
    expect(comment.statusCode).toBe(404);
  });
});

describe("@mentions", () => {
  const mention = (u: TestUser, name: string) => `@[${name}](mention:${u.id})`;
  const bellOf = async (net: TestNetwork, user: TestUser) => {
    await env.ctx.jobs.drain();
    const res = await call(env, { url: `/api/n/${net.slug}/notifications`, user });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { kind: string; postId: string | null; commentId: string | null }[];
  };
  const mentions = async (net: TestNetwork, user: TestUser) =>
    (await bellOf(net, user)).filter((n) => n.kind === "mention");

  it("offers only members the author can see, and notifies those named once, also after an edit", async () => {
    const { net, alice, emp } = await setup();
    // Alumni are in the directory with their consent (setup's are not): bob gave it.
    const bob = await admitTestMember(env, net, "alumni", { name: "坂本 勉", directory: true });
    const hidden = await admitTestMember(env, net, "alumni", { name: "坂口 秘子", directory: false });
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni", { name: "坂東 他人" });

    const offer = await call(env, {
      url: `/api/n/${net.slug}/posts/mentionable?q=${encodeURIComponent("坂本")}`,
      user: alice,
    });
    expect(offer.statusCode, offer.body).toBe(200);
    expect(offer.json().items.map((m: any) => m.name)).toEqual(["坂本 勉"]);
    const all = await call(env, { url: `/api/n/${net.slug}/posts/mentionable`, user: alice });
    expect(
      all
        .json()
        .items.map((m: any) => m.userId)
        .sort(),
    ).toEqual([bob.id, emp.id, net.operator.id].sort());

    // Naming the hidden member or another network's member by id does nothing.
    const p = await post(net, alice, {
      kind: "question",
      body: `${mention(bob, "坂本 勉")} さん、${mention(hidden, "坂口 秘子")} さん、${mention(stranger, "坂東")} さん、ご存じですか？`,
    });
    expect(p.statusCode, p.body).toBe(201);
    const bobs = await mentions(net, bob);
    expect(bobs.map((n) => n.postId)).toEqual([p.json().id]);
    expect(await mentions(net, hidden)).toEqual([]);
    expect(await mentions(other, stranger)).toEqual([]);

    // An edit naming bob again and the employee anew: only the employee is told.
    const edit = await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/posts/${p.json().id}`,
      user: alice,
      payload: { title: null, body: `${mention(bob, "坂本 勉")} ${mention(emp, "社員 一郎")} 追記です` },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await mentions(net, bob)).toHaveLength(1);
    expect(await mentions(net, emp)).toHaveLength(1);

    // In a comment, the post's author (alice) is told of a reply, not of a mention as well.
    const c = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/posts/${p.json().id}/comments`,
      user: bob,
      payload: { body: `${mention(alice, "青木 愛")} ${mention(emp, "社員 一郎")} 詳しい人に聞いてみます` },
    });
    expect(c.statusCode, c.body).toBe(201);
    const alices = await bellOf(net, alice);
    expect(alices.filter((n) => n.commentId === c.json().id).map((n) => n.kind)).toEqual(["reply"]);
    expect((await mentions(net, emp)).map((n) => n.commentId)).toEqual([c.json().id, null]);
  });

  it("does not tell a named member about a post they may not see", async () => {
    const { net, alice, bob, op } = await setup();
    const seg = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/segments`,
      user: op,
      payload: { name: "Rust使い", filter: { skill: ["Rust"] } },
    });
    expect(seg.statusCode, seg.body).toBe(201);
    await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/profiles/me`,
      user: alice,
      payload: { displayName: "青木 愛", skills: ["Rust"] },
    });
    const p = await post(net, op, {
      kind: "announcement",
      body: `${mention(alice, "青木 愛")} ${mention(bob, "坂本 勉")} Rust勉強会`,
      audience: { type: "segment", segmentId: seg.json().id },
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(await mentions(net, alice)).toHaveLength(1);
    expect(await mentions(net, bob)).toEqual([]);
    // Picking whom to name in a comment on it offers only who may see it.
    const offer = await call(env, {
      url: `/api/n/${net.slug}/posts/mentionable?postId=${p.json().id}`,
      user: op,
    });
    expect(offer.json().items.map((m: any) => m.userId)).toEqual([alice.id]);
    const foreign = await call(env, {
      url: `/api/n/${net.slug}/posts/mentionable?postId=${p.json().id}`,
      user: bob,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe("pictures in posts", () => {
  const upload = (net: TestNetwork, user: TestUser | null, file: Buffer, filename = "photo.jpg") =>
    call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/posts/images`,
      user,
      ...multipartFile(file, { filename }),
    });

  it("checks the content, strips metadata, and shows a picture only to the post's audience", async () => {
    const { net, alice, bob, op } = await setup();
    const up = await upload(net, alice, DIRTY.jpeg, "IMG_0001.png");
    expect(up.statusCode, up.body).toBe(201);
    const image = up.json();
    expect(image).toMatchObject({
      id: expect.any(String),
      width: expect.any(Number),
      height: expect.any(Number),
    });
    // The preview is the uploader's alone until it is posted.
    expect((await call(env, { url: image.url, user: bob })).statusCode).toBe(404);
    const preview = await call(env, { url: image.url, user: alice });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["content-type"]).toBe("image/jpeg");
    expect(preview.headers["cache-control"]).toContain("private");
    for (const secret of Object.values(SECRETS)) expect(preview.rawPayload.includes(secret)).toBe(false);

    // Another member cannot attach alice's upload; alice can.
    const stolen = await post(net, bob, { kind: "news", body: "x", imageIds: [image.id] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.code).toBe("POST_IMAGE_NOT_FOUND");
    const p = await post(net, alice, { kind: "news", body: "同窓会の写真です", imageIds: [image.id] });
    expect(p.statusCode, p.body).toBe(201);
    const [shown] = p.json().images;
    expect(shown.url).toBe(`/api/n/${net.slug}/posts/${p.json().id}/images/${image.id}`);
    expect((await call(env, { url: shown.url, user: bob })).statusCode).toBe(200);
    expect((await feed(net, bob)).items[0].images).toHaveLength(1);
    // The pending URL no longer answers; another network's member gets nothing.
    expect((await call(env, { url: image.url, user: alice })).statusCode).toBe(404);
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni");
    expect((await call(env, { url: shown.url, user: stranger })).statusCode).toBe(404);
    expect((await call(env, { url: shown.url, user: null })).statusCode).toBe(401);

    // A hidden post's picture goes with it (moderation hides the post).
    await env.ctx.db.execute(sql`update post set hidden_at = now() where id = ${p.json().id}`);
    expect((await call(env, { url: shown.url, user: bob })).statusCode).toBe(404);
    expect((await call(env, { url: shown.url, user: op })).statusCode).toBe(200);
  });

  it("refuses what is not a picture, too many, and removes them with an edit or the post", async () => {
    const { net, alice } = await setup();
    const exe = await upload(net, alice, Buffer.from("MZ\x90\x00 not a picture"), "cat.jpg");
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    const ids: string[] = [];
    for (const img of [IMAGES.jpeg, IMAGES.png, IMAGES.webp, IMAGES.png, IMAGES.jpeg]) {
      const r = await upload(net, alice, img);
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    const five = await post(net, alice, { kind: "news", body: "x", imageIds: ids });
    expect(five.statusCode).toBe(400);
    const p = await post(net, alice, { kind: "news", body: "4枚", imageIds: ids.slice(0, 4) });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json().images.map((i: any) => i.id)).toEqual(ids.slice(0, 4));
    const files = () =>
      env.ctx.db.execute(sql`select storage_key from post_image where network_id = ${net.id}`);
    // Edit: keep two (reordered) and add the fifth; the others are removed, files too.
    const edit = await call(env, {
      method: "PATCH",
      url: `/api/n/${net.slug}/posts/${p.json().id}`,
      user: alice,
      payload: { title: null, body: "3枚", imageIds: [ids[1], ids[0], ids[4]] },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().images.map((i: any) => i.id)).toEqual([ids[1], ids[0], ids[4]]);
    const gone = await env.ctx.storage.get(`posts/${net.id}/${ids[2]}`);
    expect(gone).toBeNull();
    expect((await files()).rows).toHaveLength(3);
    const del = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/posts/${p.json().id}`,
      user: alice,
    });
    expect(del.statusCode).toBe(204);
    expect((await files()).rows).toHaveLength(0);
    expect(await env.ctx.storage.get(`posts/${net.id}/${ids[0]}`)).toBeNull();
  });
});
