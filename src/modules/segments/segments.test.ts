import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/index.ts";
import { loadNetworkScope } from "../../server/guards.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  setMemberStatus,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { addPeople, addPerson, PEOPLE } from "../directory/testing.ts";
import { resolveSegment } from "./service.ts";

let env: TestEnv;
let net: TestNetwork;
let alumni: TestUser;
let employee: TestUser;
let ids: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  alumni = await makeMember(env, net, "alumni");
  employee = await makeMember(env, net, "employee");
  ids = await addPeople(env, net, PEOPLE);
});
afterAll(() => env?.close());

const base = (slug = net.slug) => `/api/n/${slug}/segments`;
const HR_2010S = { name: "2010年代入社で人事職", filter: { joinFrom: 2010, joinTo: 2019, jobType: ["hr"] } };

async function create(body: unknown, user: TestUser = net.operator, slug = net.slug) {
  return call(env, { method: "POST", url: base(slug), user, payload: body });
}

describe("segments", () => {
  it("an operator saves a filter as a segment and sees its live count", async () => {
    const res = await create({ ...HR_2010S, description: "人事の元同僚向けの座談会" });
    expect(res.statusCode, res.body).toBe(201);
    const seg = res.json();
    expect(seg).toMatchObject({ name: HR_2010S.name, description: "人事の元同僚向けの座談会", count: 1 });
    expect(seg.filter).toEqual(HR_2010S.filter);

    const freelance = (
      await create({ name: "業務委託に関心あり", filter: { openTo: ["freelance"] } })
    ).json();
    expect(freelance.count).toBe(1); // 高橋

    // Live: a new member who matches is counted at once; a suspended one is not.
    const newcomer = await addPerson(env, net, {
      key: "hr2",
      displayName: "新井 人事",
      joinYm: "2016-04",
      jobType: "hr",
      directory: false, // not listed to members: operators' segments still count them
    });
    const list = (await call(env, { url: base(), user: net.operator })).json().items;
    expect(list.map((s: any) => [s.name, s.count])).toEqual([
      ["2010年代入社で人事職", 2],
      ["業務委託に関心あり", 1],
    ]);
    await setMemberStatus(env, net.id, newcomer, "suspended");
    expect((await call(env, { url: `${base()}/${seg.id}`, user: net.operator })).json().count).toBe(1);

    const members = await call(env, { url: `${base()}/${seg.id}/members`, user: net.operator });
    expect(members.json().items.map((i: any) => i.userId)).toEqual([ids.yamada]);
    expect(members.json().items[0].location).toBe("東京都渋谷区"); // operators' view
  });

  it("edits, refuses a duplicate name, deletes; every change is audited", async () => {
    const a = (await create({ name: "A群", filter: { skill: ["React"] } })).json();
    await create({ name: "B群", filter: {} });
    const dup = await call(env, {
      method: "PUT",
      url: `${base()}/${a.id}`,
      user: net.operator,
      payload: { name: "B群", filter: {} },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("SEGMENT_NAME_TAKEN");
    expect(dup.json().error.messages.ja).toContain("同じ名前");
    expect((await create({ name: "B群", filter: {} })).statusCode).toBe(409);

    const edited = await call(env, {
      method: "PUT",
      url: `${base()}/${a.id}`,
      user: net.operator,
      payload: { name: "React経験者", description: "", filter: { skill: ["react"], joinFrom: 2015 } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: "React経験者", description: null, count: 2 }); // 高橋, and 吉田 (not listed, but operators see him)

    const del = await call(env, { method: "DELETE", url: `${base()}/${a.id}`, user: net.operator });
    expect(del.statusCode).toBe(204);
    expect((await call(env, { url: `${base()}/${a.id}`, user: net.operator })).statusCode).toBe(404);
    expect(
      (await call(env, { method: "DELETE", url: `${base()}/${a.id}`, user: net.operator })).statusCode,
    ).toBe(404);
    const actions = await env.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, net.id), eq(auditLog.targetId, a.id)));
    expect(actions.map((r) => r.action).sort()).toEqual([
      "segment.create",
      "segment.delete",
      "segment.update",
    ]);
  });

  it("rejects bad input with clear errors and saves nothing", async () => {
    for (const body of [
      { name: "", filter: {} },
      { name: "x".repeat(101), filter: {} },
      { name: "bad", filter: { joinFrom: 2020, joinTo: 2000 } },
      { name: "bad", filter: { industry: ["spaceflight"] } },
      { name: "bad" },
    ]) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    const names = (await call(env, { url: base(), user: net.operator })).json().items.map((s: any) => s.name);
    expect(names).not.toContain("bad");
  });

  it("is for operators only, and never across networks", async () => {
    const seg = (await create({ name: "権限テスト", filter: {} })).json();
    const other = await makeNetwork(env);
    const outsiderOp = other.operator;
    const routes: [string, string, unknown?][] = [
      ["GET", base()],
      ["POST", base(), { name: "x", filter: {} }],
      ["GET", `${base()}/${seg.id}`],
      ["PUT", `${base()}/${seg.id}`, { name: "x", filter: {} }],
      ["DELETE", `${base()}/${seg.id}`],
      ["GET", `${base()}/${seg.id}/members`],
    ];
    for (const [method, url, payload] of routes) {
      const as = (user: TestUser | null) => call(env, { method: method as any, url, user, payload });
      expect((await as(null)).statusCode, `${method} ${url} anonymous`).toBe(401);
      expect((await as(alumni)).statusCode, `${method} ${url} alumni`).toBe(403);
      expect((await as(employee)).statusCode, `${method} ${url} employee`).toBe(403);
      expect((await as(outsiderOp)).statusCode, `${method} ${url} other network`).toBe(404);
    }
    // The other network's operator cannot reach this segment through their own network either.
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", "/members"],
      ["DELETE", ""],
    ] as const) {
      const res = await call(env, {
        method,
        url: `${base(other.slug)}/${seg.id}${suffix}`,
        user: outsiderOp,
      });
      expect(res.statusCode).toBe(404);
    }
    expect((await call(env, { url: `${base()}/${seg.id}`, user: net.operator })).statusCode).toBe(200);
  });

  it("resolves to members in batches, for targeted posts, events, emails and surveys", async () => {
    const n = await makeNetwork(env);
    const people = Array.from({ length: 23 }, (_, i) => ({
      key: `p${i}`,
      displayName: `テスト ${i}`,
      joinYm: `${2000 + i}-04`,
      skills: i % 2 ? ["Excel"] : ["PowerPoint"],
    }));
    const made = await addPeople(env, n, people);
    const seg = (await create({ name: "Excel", filter: { skill: ["excel"] } }, n.operator, n.slug)).json();
    expect(seg.count).toBe(11);
    const batches: string[][] = [];
    for await (const batch of resolveSegment(await loadNetworkScope(env.ctx, { id: n.id }), seg.id, {
      batchSize: 4,
    }))
      batches.push(batch);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 3]);
    const all = batches.flat();
    expect(new Set(all).size).toBe(11);
    expect(all.sort()).toEqual(
      people
        .filter((_, i) => i % 2)
        .map((p) => made[p.key])
        .sort(),
    );
    // Resuming after the last handled id gives the rest.
    const rest: string[] = [];
    for await (const b of resolveSegment(await loadNetworkScope(env.ctx, { id: n.id }), seg.id, {
      batchSize: 100,
      after: batches[0][3],
    }))
      rest.push(...b);
    expect(rest).toEqual([...batches[1], ...batches[2]]);
    // A segment of another network does not resolve here.
    await expect(async () => {
      for await (const _ of resolveSegment(await loadNetworkScope(env.ctx, { id: net.id }), seg.id)) break;
    }).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
