// Requests to join a closed group reach who decides them (the group's admins, else the operators)
// as a `group_join_requested` notification (the bell and the digest by default) in the request's
// transaction; and the groups list filtered by name or description, secret groups only for members.
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
  method: "GET" | "PUT" | "DELETE" = "GET",
  payload?: unknown,
) => call(env, { method, url: `/api/n/${net.slug}${url}`, user, payload });
const bell = async (net: TestNetwork, user: TestUser) =>
  (
    (await api(net, user, "/notifications")).json().items as { kind: string; text: string; path: string }[]
  ).filter((n) => n.kind === "group_join_requested");

describe("requests to join a closed group", () => {
  it("reach the group's admins (not the operators) with a link to the group; digest by default, no mail at once", async () => {
    const net = await makeNetwork(env, { name: "申請商事" });
    const admin = await makeMember(env, net, "employee", { name: "管理 一郎" });
    const member = await makeMember(env, net, "alumni", { name: "会員 花子" });
    const asker = await makeMember(env, net, "alumni", { name: "申請 次郎" });
    const g = await makeTestGroup(env, net, {
      name: "新規事業ルーム",
      kind: "closed",
      members: [admin, member],
    });
    expect(
      (await api(net, net.operator, `/groups/${g.id}/admins/${admin.id}`, "PUT", { admin: true })).statusCode,
    ).toBe(200);

    expect((await api(net, asker, `/groups/${g.id}/membership`, "PUT")).json().myStatus).toBe("requested");
    const got = await bell(net, admin);
    expect(got).toHaveLength(1);
    expect(got[0].text).toBe("申請 次郎 さんが「新規事業ルーム」への参加を申請しました");
    expect(got[0].path).toBe(`/groups/${g.id}`);
    expect(await bell(net, net.operator)).toEqual([]);
    expect(await bell(net, member)).toEqual([]);
    expect(await bell(net, asker)).toEqual([]);
    expect((await api(net, admin, "/notifications/preferences")).json().channels.group_join_requested).toBe(
      "digest",
    );
    // Only the mail about being added to the group: none about the request.
    const mails = await mailsTo(env, admin.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining("あなたを追加しました")]);

    // Asking again while waiting adds nothing; taking it back and asking again is a new request.
    await api(net, asker, `/groups/${g.id}/membership`, "PUT");
    expect(await bell(net, admin)).toHaveLength(1);
    await api(net, asker, `/groups/${g.id}/membership`, "DELETE");
    await new Promise((r) => setTimeout(r, 5));
    await api(net, asker, `/groups/${g.id}/membership`, "PUT");
    expect(await bell(net, admin)).toHaveLength(2);
  });

  it("reach the operators when the group has no admin; an open group's join and an operator's entry tell no one", async () => {
    const net = await makeNetwork(env);
    const asker = await makeMember(env, net, "alumni", { name: "申請 三郎" });
    const closed = await makeTestGroup(env, net, { name: "閉じた部屋", kind: "closed" });
    const open = await makeTestGroup(env, net, { name: "開いた部屋", kind: "open" });
    await api(net, asker, `/groups/${open.id}/membership`, "PUT");
    const op2 = await makeMember(env, net, "operator");
    expect((await api(net, op2, `/groups/${closed.id}/membership`, "PUT")).json().myStatus).toBe("member");
    expect(await bell(net, net.operator)).toEqual([]);
    await api(net, asker, `/groups/${closed.id}/membership`, "PUT");
    const got = await bell(net, net.operator);
    expect(got.map((n) => n.text)).toEqual(["申請 三郎 さんが「閉じた部屋」への参加を申請しました"]);
    // The member turned it off: nothing.
    const net2 = await makeNetwork(env);
    const asker2 = await makeMember(env, net2, "alumni");
    const g2 = await makeTestGroup(env, net2, { name: "静かな申請", kind: "closed" });
    await api(net2, net2.operator, "/notifications/preferences", "PUT", {
      channels: { group_join_requested: "off" },
    });
    await api(net2, asker2, `/groups/${g2.id}/membership`, "PUT");
    expect(await bell(net2, net2.operator)).toEqual([]);
  });
});

describe("a decided request", () => {
  it("is read in every decider's bell once one of them decided it", async () => {
    const net = await makeNetwork(env, { name: "決裁商事" });
    const a1 = await makeMember(env, net, "employee", { name: "管理 一郎" });
    const a2 = await makeMember(env, net, "employee", { name: "管理 二郎" });
    const asker = await makeMember(env, net, "alumni", { name: "申請 四郎" });
    const g = await makeTestGroup(env, net, { name: "決める部屋", kind: "closed", members: [a1, a2] });
    for (const a of [a1, a2])
      expect(
        (await api(net, net.operator, `/groups/${g.id}/admins/${a.id}`, "PUT", { admin: true })).statusCode,
      ).toBe(200);
    await api(net, asker, `/groups/${g.id}/membership`, "PUT");
    const read = async (u: TestUser) =>
      ((await api(net, u, "/notifications")).json().items as { kind: string; read: boolean }[])
        .filter((n) => n.kind === "group_join_requested")
        .map((n) => n.read);
    expect(await read(a1)).toEqual([false]);
    expect(await read(a2)).toEqual([false]);
    const decided = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/groups/${g.id}/requests/${asker.id}`,
      user: a1,
      payload: { approve: true },
    });
    expect(decided.statusCode, decided.body).toBeLessThan(300);
    expect(await read(a1)).toEqual([true]);
    expect(await read(a2)).toEqual([true]);
  });
});

describe("searching the groups list", () => {
  it("finds by name or description (width, case and kana folded); a secret group only for its members", async () => {
    const net = await makeNetwork(env);
    const member = await makeMember(env, net, "alumni");
    const outsider = await makeMember(env, net, "alumni");
    await makeTestGroup(env, net, {
      name: "子育てと仕事",
      kind: "open",
      description: "ワーキングペアレンツの情報交換",
    });
    await makeTestGroup(env, net, { name: "ＡＩ勉強会", kind: "closed", description: "機械学習の読書会" });
    await makeTestGroup(env, net, {
      name: "再雇用検討者ルーム",
      kind: "secret",
      description: "カムバックの相談",
      members: [member],
    });
    const names = async (user: TestUser, q: string) =>
      ((await api(net, user, `/groups?q=${encodeURIComponent(q)}`)).json().items as { name: string }[]).map(
        (g) => g.name,
      );
    expect(await names(outsider, "子育て")).toEqual(["子育てと仕事"]);
    expect(await names(outsider, "ai")).toEqual(["ＡＩ勉強会"]);
    expect(await names(outsider, "わーきんぐ")).toEqual(["子育てと仕事"]); // in the description, kana folded
    expect(await names(outsider, "読書 機械")).toEqual(["ＡＩ勉強会"]); // every word
    expect(await names(outsider, "カムバック")).toEqual([]);
    expect(await names(outsider, "再雇用")).toEqual([]);
    expect(await names(member, "カムバック")).toEqual(["再雇用検討者ルーム"]);
    expect(await names(net.operator, "再雇用")).toEqual(["再雇用検討者ルーム"]);
    expect(await names(outsider, "見つからない")).toEqual([]);
    expect((await names(outsider, "")).length).toBe(2);
    const tooLong = await api(net, outsider, `/groups?q=${"あ".repeat(101)}`);
    expect(tooLong.statusCode).toBe(400);
  });
});
