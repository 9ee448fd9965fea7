// The welcome survey: who needs to answer, the pre-filled year, validation, answering again,
// and the operators' aggregate. Guards on every route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  makeUser,
  setMemberStatus,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { admitTestMember } from "../members/testing.ts";
import { form, loadRoster, register } from "../registration/testing.ts";
import { currentYear } from "./schemas.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const getS = (net: TestNetwork, u: TestUser | null) =>
  call(env, { url: `/api/n/${net.slug}/welcome-survey`, user: u });
const answer = (net: TestNetwork, u: TestUser | null, payload: unknown) =>
  call(env, { method: "POST", url: `/api/n/${net.slug}/welcome-survey`, user: u, payload });
const summary = (net: TestNetwork, u: TestUser | null) =>
  call(env, { url: `/api/n/${net.slug}/welcome-survey/summary`, user: u });

const ANSWER = {
  joinedYear: 2012,
  industry: "it",
  jobType: "engineering",
  interests: ["rehire", "events"],
  interestOther: "",
  comment: "また皆さんと\nお会いしたいです。",
};

describe("answering", () => {
  it("an alumnus approved by roster match needs to answer; the year joined is pre-filled (profile seeded from the registration)", async () => {
    const net = await makeNetwork(env);
    await loadRoster(env, net);
    const u = await makeUser(env);
    expect((await register(env, net.slug, u, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
    const res = await getS(net, u);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      needed: true,
      prefill: { joinedYear: 2010, industry: null, jobType: null },
      response: null,
    });

    const posted = await answer(net, u, ANSWER);
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toEqual({
      joinedYear: 2012,
      industry: "it",
      jobType: "engineering",
      interests: ["rehire", "events"],
      interestOther: null,
      comment: "また皆さんと\nお会いしたいです。",
      submittedAt: expect.any(String),
    });
    const after = (await getS(net, u)).json();
    expect(after.needed).toBe(false);
    expect(after.response).toEqual(posted.json());
    // Nobody answers twice: the profile's empty industry, job type and "open to" take the answers.
    const mine = (await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: u })).json();
    expect(mine).toMatchObject({ industry: "it", jobType: "engineering", openTo: ["rehire"] });
  });

  it("copies answers into the profile only where it is still empty", async () => {
    const net = await makeNetwork(env);
    const u = await makeMember(env, net, "alumni");
    const saved = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/profiles/me`,
      user: u,
      payload: { displayName: "回答 済子", industry: "finance", openTo: ["speaking"] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await getS(net, u)).json().prefill).toMatchObject({ industry: "finance", jobType: null });
    expect((await answer(net, u, { ...ANSWER, interests: ["freelance"] })).statusCode).toBe(201);
    const mine = (await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: u })).json();
    expect(mine).toMatchObject({ industry: "finance", jobType: "engineering", openTo: ["speaking"] });
  });

  it("a second answer replaces the first", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    await answer(net, u, ANSWER);
    const again = await answer(net, u, { interests: ["other", "other"], interestOther: "読書会" });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({
      joinedYear: null,
      industry: null,
      interests: ["other"],
      interestOther: "読書会",
    });
    expect((await summary(net, net.operator)).json().responses).toBe(1);
  });

  it("employees and operators are not asked, and may not answer (403)", async () => {
    const net = await makeNetwork(env);
    const employee = await admitTestMember(env, net, "employee");
    expect((await getS(net, employee)).json()).toMatchObject({
      needed: false,
      prefill: { joinedYear: 2012, industry: null, jobType: null },
    });
    expect((await getS(net, net.operator)).json()).toEqual({
      needed: false,
      prefill: { joinedYear: null, industry: null, jobType: null },
      response: null,
    });
    expect((await answer(net, employee, ANSWER)).statusCode).toBe(403);
    expect((await answer(net, net.operator, ANSWER)).statusCode).toBe(403);
  });

  it.each([
    ["year before 1950", { joinedYear: 1949 }, "joinedYear"],
    ["year in the future", { joinedYear: currentYear() + 1 }, "joinedYear"],
    ["unknown industry", { industry: "space" }, "industry"],
    ["unknown job type", { jobType: "wizard" }, "jobType"],
    ["unknown interest", { interests: ["golf"] }, "interests"],
    ["interests missing", { interests: undefined }, "interests"],
    ["other interest too long", { interestOther: "あ".repeat(201) }, "interestOther"],
    ["comment too long", { comment: "あ".repeat(2001) }, "comment"],
  ])("400 on %s, nothing stored", async (_, extra, path) => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const res = await answer(net, u, { ...ANSWER, ...extra });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.json().error.details)).toContain(path);
    expect((await getS(net, u)).json().response).toBeNull();
  });

  it("accepts the limits exactly", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const res = await answer(net, u, {
      joinedYear: currentYear(),
      interests: [],
      interestOther: "あ".repeat(200),
      comment: "あ".repeat(2000),
    });
    expect(res.statusCode).toBe(201);
  });
});

describe("summary (operators)", () => {
  it("counts by industry, job type, interest and join decade; comments newest first; alumni only", async () => {
    const net = await makeNetwork(env);
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await admitTestMember(env, net, "alumni"));
    await admitTestMember(env, net, "alumni"); // has not answered
    await answer(net, people[0], { ...ANSWER, joinedYear: 1995, comment: "最初のコメント" });
    await answer(net, people[1], {
      joinedYear: 1999,
      industry: "it",
      jobType: "sales",
      interests: ["rehire"],
      comment: "二番目",
    });
    await answer(net, people[2], {
      joinedYear: 2015,
      industry: "finance",
      interests: ["other"],
      interestOther: "勉強会",
    });
    await answer(net, people[3], { ...ANSWER, comment: "停止される人" });
    await setMemberStatus(env, net.id, people[3].id, "suspended");

    const res = await summary(net, net.operator);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.responses).toBe(3);
    expect(s.members).toBe(4);
    expect(s.byIndustry).toEqual([
      { value: "it", count: 2 },
      { value: "finance", count: 1 },
    ]);
    expect(s.byJobType).toEqual([
      { value: "engineering", count: 1 },
      { value: "sales", count: 1 },
    ]);
    expect(s.byInterest).toEqual([
      { value: "rehire", count: 2 },
      { value: "events", count: 1 },
      { value: "other", count: 1 },
    ]);
    expect(s.byJoinDecade).toEqual([
      { value: "1990", count: 2 },
      { value: "2010", count: 1 },
    ]);
    expect(s.comments.map((c: any) => c.text)).toEqual(["二番目", "最初のコメント"]);
    expect(s.interestOthers.map((c: any) => c.text)).toEqual(["勉強会"]);
    expect(JSON.stringify(s)).not.toMatch(new RegExp(people.map((p) => p.id).join("|")));
  });

  it("is empty for a network without answers", async () => {
    const net = await makeNetwork(env);
    expect((await summary(net, net.operator)).json()).toEqual({
      responses: 0,
      members: 0,
      byIndustry: [],
      byJobType: [],
      byInterest: [],
      byJoinDecade: [],
      comments: [],
      interestOthers: [],
    });
  });
});

describe("guards", () => {
  it("401 anonymous, 403 for the wrong role, 404 for another network or a suspended member", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const alumnus = await admitTestMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    await answer(net, alumnus, { ...ANSWER, comment: "秘密のコメント" });

    expect((await getS(net, null)).statusCode).toBe(401);
    expect((await answer(net, null, ANSWER)).statusCode).toBe(401);
    expect((await summary(net, null)).statusCode).toBe(401);

    expect((await summary(net, alumnus)).statusCode).toBe(403);
    expect((await summary(net, employee)).statusCode).toBe(403);
    expect((await answer(net, employee, ANSWER)).statusCode).toBe(403);

    for (const res of [
      await getS(net, other.operator),
      await answer(net, other.operator, ANSWER),
      await summary(net, other.operator),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("秘密");
    }
    expect((await summary(other, other.operator)).json().comments).toEqual([]);
    await setMemberStatus(env, net.id, alumnus.id, "suspended");
    expect((await getS(net, alumnus)).statusCode).toBe(404);
  });
});
