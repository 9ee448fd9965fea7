// Groups: open, closed and secret rooms with their own feed; who sees what of a group (listing,
// the group, its feed, its posts by id, comments, reactions, counts, members, notifications),
// requests and invitations, group admins, watching and muting, and alumni supporters.
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
import { admitTestMember } from "../members/testing.ts";
import { makeTestGroup } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const api = (
  net: TestNetwork,
  user: TestUser,
  url: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" = "GET",
  payload?: unknown,
) => call(env, { method, url: `/api/n/${net.slug}${url}`, user, payload });
const ok = async (
  net: TestNetwork,
  user: TestUser,
  url: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" = "GET",
  payload?: unknown,
) => {
  const res = await api(net, user, url, method, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.statusCode === 204 ? null : res.json();
};
const groupPost = (net: TestNetwork, user: TestUser, groupId: string, body: string) =>
  api(net, user, "/posts", "POST", { kind: "news", body, audience: { type: "group", groupId } });
const feedIds = async (net: TestNetwork, user: TestUser, query = "") =>
  ((await ok(net, user, `/posts${query}`)).items as { id: string }[]).map((p) => p.id);
const newPosts = async (net: TestNetwork, user: TestUser) => (await ok(net, user, "/posts/summary")).newPosts;
const notifications = async (net: TestNetwork, user: TestUser) =>
  (await ok(net, user, "/notifications")).items as { kind: string; text: string; path: string }[];

async function setup() {
  const net = await makeNetwork(env, { name: "グループ商事" });
  const member = await makeMember(env, net, "alumni", { name: "会員 花子" });
  const admin = await makeMember(env, net, "employee", { name: "社員 管理" });
  const outsider = await makeMember(env, net, "alumni", { name: "外部 太郎" });
  const requester = await makeMember(env, net, "alumni", { name: "申請 次郎" });
  return { net, op: net.operator, member, admin, outsider, requester };
}

describe("audience of a group's content", () => {
  for (const kind of ["open", "closed", "secret"] as const) {
    it(`${kind}: members, the author and operators see its posts; non-members, requesters and another network do not`, async () => {
      const { net, op, member, admin, outsider, requester } = await setup();
      const g = await makeTestGroup(env, net, { name: `${kind}ルーム`, kind, members: [member, admin] });
      await ok(net, op, `/groups/${g.id}/admins/${admin.id}`, "PUT", { admin: true });
      if (kind === "closed") await ok(net, requester, `/groups/${g.id}/membership`, "PUT");

      const created = await groupPost(net, member, g.id, `${kind}の投稿`);
      expect(created.statusCode, created.body).toBe(201);
      const p = created.json();
      expect(p.audience).toMatchObject({ type: "group", groupId: g.id, groupName: `${kind}ルーム` });
      // A plain network post to compare the counts with.
      await ok(net, op, "/posts", "POST", { kind: "news", body: "全体の投稿" });

      const other = await makeNetwork(env, { name: "他社" });
      for (const who of [member, admin, op]) {
        expect(await feedIds(net, who)).toContain(p.id);
        expect(await feedIds(net, who, `?groupId=${g.id}`)).toEqual([p.id]);
        expect((await api(net, who, `/posts/${p.id}`)).statusCode).toBe(200);
        expect((await api(net, who, `/groups/${g.id}/members`)).statusCode).toBe(200);
      }
      for (const who of [outsider, requester]) {
        expect(await feedIds(net, who)).not.toContain(p.id);
        expect(await newPosts(net, who)).toBe(1);
        expect((await api(net, who, `/posts/${p.id}`)).statusCode).toBe(404);
        expect((await api(net, who, `/posts/${p.id}/comments`, "POST", { body: "覗き" })).statusCode).toBe(
          404,
        );
        expect((await api(net, who, `/posts/${p.id}/reactions/like`, "PUT")).statusCode).toBe(404);
        const groupFeed = (await api(net, who, `/posts?groupId=${g.id}`)).statusCode;
        expect(groupFeed).toBe(kind === "secret" ? 404 : 403);
        const members = (await api(net, who, `/groups/${g.id}/members`)).statusCode;
        expect(members).toBe(kind === "secret" ? 404 : kind === "open" ? 200 : 403);
        const listed = ((await ok(net, who, "/groups")).items as { id: string }[]).map((x) => x.id);
        expect(listed.includes(g.id)).toBe(kind !== "secret");
        expect((await api(net, who, `/groups/${g.id}`)).statusCode).toBe(kind === "secret" ? 404 : 200);
        expect((await groupPost(net, who, g.id, "割り込み")).statusCode).toBe(kind === "secret" ? 422 : 403);
      }
      // Another network's operator knows nothing of it.
      expect((await api(net, other.operator, `/groups/${g.id}`)).statusCode).toBe(404);
      expect((await api(other, other.operator, `/groups/${g.id}`)).statusCode).toBe(404);
      expect((await api(other, other.operator, `/posts/${p.id}`)).statusCode).toBe(404);
      // Comments by members are seen by members.
      const c = await api(net, admin, `/posts/${p.id}/comments`, "POST", { body: "いいですね" });
      expect(c.statusCode, c.body).toBe(201);
      expect((await ok(net, member, `/posts/${p.id}`)).comments).toHaveLength(1);
      expect((await ok(net, member, `/posts/${p.id}/reactions/thanks`, "PUT"))[0]).toMatchObject({
        count: 1,
      });
    });
  }

  it("a member who leaves (or is removed) no longer sees the group's posts nor their notifications", async () => {
    const { net, op, member, admin, outsider } = await setup();
    const g = await makeTestGroup(env, net, {
      name: "退出テスト",
      kind: "closed",
      members: [member, admin, outsider],
    });
    const p = (await groupPost(net, admin, g.id, "質問です")).json();
    const c = (await ok(net, member, `/posts/${p.id}/comments`, "POST", { body: "回答します" })) as {
      id: string;
    };
    await ok(net, admin, `/posts/${p.id}/comments`, "POST", { body: "ありがとう", parentId: c.id });
    expect((await notifications(net, member)).some((n) => n.path === `/posts/${p.id}`)).toBe(true);
    await ok(net, member, `/groups/${g.id}/membership`, "DELETE");
    expect((await api(net, member, `/posts/${p.id}`)).statusCode).toBe(404);
    expect(await feedIds(net, member)).not.toContain(p.id);
    expect((await notifications(net, member)).some((n) => n.path === `/posts/${p.id}`)).toBe(false);
    // Removed by an operator: the same.
    expect((await api(net, outsider, `/posts/${p.id}`)).statusCode).toBe(200);
    await ok(net, op, `/groups/${g.id}/members/${outsider.id}`, "DELETE");
    expect((await api(net, outsider, `/posts/${p.id}`)).statusCode).toBe(404);
    expect((await ok(net, op, `/groups/${g.id}`)).memberCount).toBe(1);
  });

  it("secret groups are left out of counts and lists for non-members; operators see everything", async () => {
    const { net, op, member, outsider } = await setup();
    const g = await makeTestGroup(env, net, {
      name: "再雇用検討者ルーム",
      kind: "secret",
      members: [member],
    });
    const listed = (await ok(net, outsider, "/groups")).items;
    expect(listed.find((x: any) => x.id === g.id)).toBeUndefined();
    const mine = (await ok(net, member, "/groups")).items.find((x: any) => x.id === g.id);
    expect(mine).toMatchObject({ kind: "secret", memberCount: 1, myStatus: "member" });
    expect((await ok(net, op, "/groups")).items.some((x: any) => x.id === g.id)).toBe(true);
    // Joining a secret group by id is refused as not found.
    expect((await api(net, outsider, `/groups/${g.id}/membership`, "PUT")).statusCode).toBe(404);
    expect((await api(net, outsider, `/groups/${g.id}/watch`)).statusCode).toBe(404);
  });
});

describe("joining", () => {
  it("open: joins at once; closed: request → admin approves or declines, the requester is notified", async () => {
    const { net, op, member, admin, outsider, requester } = await setup();
    const open = await makeTestGroup(env, net, { name: "子育てと仕事", kind: "open" });
    expect((await ok(net, outsider, `/groups/${open.id}/membership`, "PUT")).myStatus).toBe("member");

    const closed = await makeTestGroup(env, net, {
      name: "新規事業ルーム",
      kind: "closed",
      members: [admin, member],
    });
    await ok(net, op, `/groups/${closed.id}/admins/${admin.id}`, "PUT", { admin: true });
    const asked = await ok(net, requester, `/groups/${closed.id}/membership`, "PUT");
    expect(asked).toMatchObject({ myStatus: "requested", can: { read: false, leave: true } });
    expect((await ok(net, admin, `/groups/${closed.id}`)).pendingRequests).toBe(1);
    // A plain member may not see nor decide requests.
    expect((await api(net, member, `/groups/${closed.id}/requests`)).statusCode).toBe(403);
    expect(
      (await api(net, member, `/groups/${closed.id}/requests/${requester.id}`, "PUT", { approve: true }))
        .statusCode,
    ).toBe(403);
    const requests = (await ok(net, admin, `/groups/${closed.id}/requests`)).items;
    expect(requests.map((r: any) => r.userId)).toEqual([requester.id]);
    await ok(net, admin, `/groups/${closed.id}/requests/${requester.id}`, "PUT", { approve: true });
    expect((await ok(net, requester, `/groups/${closed.id}`)).myStatus).toBe("member");
    const n = (await notifications(net, requester)).find((x) => x.kind === "group_request");
    expect(n).toMatchObject({
      path: `/groups/${closed.id}`,
      text: "「新規事業ルーム」への参加申請が承認されました",
    });
    // Deciding again: the request is gone.
    expect(
      (await api(net, admin, `/groups/${closed.id}/requests/${requester.id}`, "PUT", { approve: true }))
        .statusCode,
    ).toBe(404);

    await ok(net, outsider, `/groups/${closed.id}/membership`, "PUT");
    await ok(net, op, `/groups/${closed.id}/requests/${outsider.id}`, "PUT", { approve: false });
    expect((await ok(net, outsider, `/groups/${closed.id}`)).myStatus).toBe("none");
    expect((await notifications(net, outsider)).find((x) => x.kind === "group_request")?.text).toBe(
      "「新規事業ルーム」への参加申請は見送られました",
    );
    const { rows } = await env.ctx.db.execute(
      sql`select action from audit_log where network_id = ${net.id} and target_id = ${closed.id} order by created_at`,
    );
    expect(rows.map((r: any) => r.action)).toEqual(
      expect.arrayContaining([
        "group.create",
        "group.admin_appoint",
        "group.request_approve",
        "group.request_decline",
      ]),
    );
  });

  it("secret: a group admin invites; the invitee is notified and sees the group", async () => {
    const { net, op, admin, outsider, member } = await setup();
    const g = await makeTestGroup(env, net, { name: "秘密の会", kind: "secret", members: [admin, member] });
    await ok(net, op, `/groups/${g.id}/admins/${admin.id}`, "PUT", { admin: true });
    // A plain member may not invite.
    expect(
      (await api(net, member, `/groups/${g.id}/members`, "POST", { userId: outsider.id })).statusCode,
    ).toBe(403);
    expect((await api(net, outsider, `/groups/${g.id}`)).statusCode).toBe(404);
    await ok(net, admin, `/groups/${g.id}/members`, "POST", { userId: outsider.id });
    expect((await ok(net, outsider, `/groups/${g.id}`)).myStatus).toBe("member");
    expect((await notifications(net, outsider)).find((x) => x.kind === "group_request")?.path).toBe(
      `/groups/${g.id}`,
    );
    const bad = await api(net, admin, `/groups/${g.id}/members`, "POST", { userId: "nobody" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("GROUP_MEMBER_NOT_FOUND");
  });
});

describe("administering", () => {
  it("operators create, edit and archive; names are unique; archived groups are read-only", async () => {
    const { net, op, member } = await setup();
    expect((await api(net, member, "/groups", "POST", { name: "勝手", kind: "open" })).statusCode).toBe(403);
    const g = await makeTestGroup(env, net, { name: "関西の会", kind: "open", members: [member] });
    const dup = await api(net, op, "/groups", "POST", { name: "関西の会", kind: "open" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("GROUP_NAME_TAKEN");
    const edited = await ok(net, op, `/groups/${g.id}`, "PATCH", {
      description: "大阪・京都・神戸",
      kind: "closed",
    });
    expect(edited).toMatchObject({ description: "大阪・京都・神戸", kind: "closed" });
    const p = (await groupPost(net, member, g.id, "アーカイブ前")).json();
    await ok(net, op, `/groups/${g.id}`, "PATCH", { archived: true });
    const refused = await groupPost(net, member, g.id, "アーカイブ後");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("GROUP_ARCHIVED");
    // Its members still read it.
    expect((await api(net, member, `/posts/${p.id}`)).statusCode).toBe(200);
    expect((await ok(net, member, "/groups?archived=true")).items.map((x: any) => x.id)).toEqual([g.id]);
  });

  it("only employees, operators and supporters become group admins; supporters are named by operators", async () => {
    const { net, op, member, admin } = await setup();
    const g = await makeTestGroup(env, net, {
      name: "サポーターの会",
      kind: "closed",
      members: [member, admin],
    });
    const refused = await api(net, op, `/groups/${g.id}/admins/${member.id}`, "PUT", { admin: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("GROUP_ADMIN_NOT_ELIGIBLE");
    expect(
      (await api(net, admin, `/groups/${g.id}/admins/${member.id}`, "PUT", { admin: true })).statusCode,
    ).toBe(403);
    // Only alumni are named supporters.
    const notAlumni = await api(net, op, `/members/${admin.id}`, "PATCH", { supporter: true });
    expect(notAlumni.json().error.code).toBe("MEMBER_SUPPORTER_ALUMNI_ONLY");
    expect((await ok(net, op, `/members/${member.id}`, "PATCH", { supporter: true })).supporterAt).toEqual(
      expect.any(String),
    );
    const members = await ok(net, op, `/groups/${g.id}/admins/${member.id}`, "PUT", { admin: true });
    expect(members.items.find((m: any) => m.userId === member.id)).toMatchObject({
      groupRole: "admin",
      supporter: true,
    });
    // The badge on their posts and profile.
    const p = (await groupPost(net, member, g.id, "サポーターです")).json();
    expect(p.author.supporter).toBe(true);
    expect((await ok(net, op, `/profiles/${member.id}`)).supporter).toBe(true);
    await ok(net, op, `/members/${member.id}`, "PATCH", { supporter: false });
    const { rows } = await env.ctx.db.execute(
      sql`select action from audit_log where network_id = ${net.id} and target_id = ${member.id} order by created_at`,
    );
    expect(rows.map((r: any) => r.action)).toEqual(["member.supporter_add", "member.supporter_remove"]);
  });

  it("supporters and operators see who joined lately; others may not", async () => {
    const { net, op, member } = await setup();
    // Newcomers listed in the directory (a hidden member is not offered to welcome).
    const outsider = await admitTestMember(env, net, "alumni", { name: "新人 一" });
    const requester = await admitTestMember(env, net, "alumni", { name: "新人 二" });
    const hidden = await admitTestMember(env, net, "alumni", { name: "非公開 三", directory: false });
    expect((await api(net, member, "/newcomers")).statusCode).toBe(404);
    await ok(net, op, `/members/${member.id}`, "PATCH", { supporter: true });
    const list = (await ok(net, member, "/newcomers")).items.map((x: any) => x.userId);
    expect(list).toEqual(expect.arrayContaining([outsider.id, requester.id]));
    expect(list).not.toContain(member.id);
    expect(list).not.toContain(hidden.id);
    await env.ctx.db.execute(
      sql`update member set created_at = now() - interval '40 days' where organization_id = ${net.id} and user_id = ${outsider.id}`,
    );
    expect((await ok(net, op, "/newcomers")).items.map((x: any) => x.userId)).not.toContain(outsider.id);
  });
});

describe("watching a group", () => {
  it("a new post notifies who watches the group; a muted group notifies nothing", async () => {
    const { net, member, admin, outsider } = await setup();
    const g = await makeTestGroup(env, net, {
      name: "ウォッチ",
      kind: "open",
      members: [member, admin, outsider],
    });
    expect((await ok(net, admin, `/groups/${g.id}/watch`)).level).toBe("normal");
    await ok(net, admin, `/groups/${g.id}/watch`, "PUT", { level: "watch" });
    await ok(net, outsider, `/groups/${g.id}/watch`, "PUT", { level: "watch" });
    // outsider leaves: watching no longer reaches them.
    await ok(net, outsider, `/groups/${g.id}/membership`, "DELETE");
    const p = (await groupPost(net, member, g.id, "新しい話題")).json();
    const n = (await notifications(net, admin)).find((x) => x.kind === "watched_activity");
    expect(n).toMatchObject({ path: `/posts/${p.id}`, text: "会員 花子 さんが「ウォッチ」に投稿しました" });
    expect((await notifications(net, outsider)).some((x) => x.kind === "watched_activity")).toBe(false);

    // Muted: not even the replies to one's own post in that group.
    await ok(net, member, `/groups/${g.id}/watch`, "PUT", { level: "mute" });
    await ok(net, admin, `/posts/${p.id}/comments`, "POST", { body: "返信" });
    expect((await notifications(net, member)).some((x) => x.kind === "reply")).toBe(false);
  });
});
