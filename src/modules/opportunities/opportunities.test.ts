// Opportunities: who sees which posting (audience, drafts, pending approval, stale, another
// network), the items each type must state, editing with history, close / reopen / duplicate,
// reconfirming, closing by date and by filled count, the consent filter of invitations, and the
// alumni's list (filters, Japanese search, keyset pages).
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
import { countFilled, OPPORTUNITY_RECONFIRM_JOB, runAutoClose, runReconfirm } from "./service.ts";
import { consentToOffers, dayIn, freelanceBody, makeTestOpportunity, rehireBody } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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
  return res.json();
};
const listIds = async (net: TestNetwork, user: TestUser, q = "") =>
  ((await ok(net, user, `/opportunities${q}`)).items as { id: string }[]).map((e) => e.id);
const adminIds = async (net: TestNetwork, user: TestUser, q = "") =>
  ((await ok(net, user, `/admin/opportunities${q}`)).items as { id: string }[]).map((e) => e.id);
const kindsOf = async (net: TestNetwork, user: TestUser) =>
  (await ok(net, user, "/notifications")).items as { kind: string; path: string; text: string }[];
const setColumn = (id: string, column: "confirmed_at" | "closes_at", daysAgo: number) =>
  env.ctx.db.execute(
    sql`update opportunity set ${sql.raw(column)} = now() - ${daysAgo}::float8 * interval '1 day' where id = ${id}`,
  );

async function setup() {
  const net = await makeNetwork(env, { name: "募集商事" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const alumnus = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
  const employee = await makeMember(env, net, "employee", { name: "社員 一郎" });
  return { net, op: net.operator, alumna, alumnus, employee };
}

describe("who sees a posting", () => {
  it("the network's open postings reach alumni and employees; drafts only their poster; never another network", async () => {
    const { net, op, alumna, employee } = await setup();
    const open = await makeTestOpportunity(env, net, {}, employee);
    expect(open.status).toBe("open");
    const draft = await makeTestOpportunity(env, net, { publish: false, title: "下書きの募集" }, employee);
    expect(draft.status).toBe("draft");

    expect(await listIds(net, alumna)).toEqual([open.id]);
    expect((await api(net, alumna, `/opportunities/${draft.id}`)).statusCode).toBe(404);
    expect(await listIds(net, op)).toEqual([open.id]);
    expect(await listIds(net, employee, "?scope=mine")).toEqual(expect.arrayContaining([open.id, draft.id]));
    // Another employee does not see a colleague's draft.
    const colleague = await makeMember(env, net, "employee");
    expect((await api(net, colleague, `/opportunities/${draft.id}`)).statusCode).toBe(404);
    // The operators see everything.
    expect(await adminIds(net, op)).toEqual(expect.arrayContaining([open.id, draft.id]));
    // Alumni cannot post, nor read the "all" list.
    expect((await api(net, alumna, "/opportunities", "POST", freelanceBody())).statusCode).toBe(403);
    expect((await api(net, alumna, "/admin/opportunities")).statusCode).toBe(403);
    expect(await listIds(net, alumna, "?scope=mine")).toEqual([]);

    const other = await makeNetwork(env, { name: "他社" });
    expect((await api(other, other.operator, `/opportunities/${open.id}`)).statusCode).toBe(404);
    expect(await listIds(other, other.operator)).toEqual([]);
    expect((await api(net, other.operator, `/opportunities/${open.id}`)).statusCode).toBe(404);
    expect((await api(other, other.operator, `/opportunities/${open.id}/close`, "POST")).statusCode).toBe(
      404,
    );
  });

  it("a segment's posting reaches its members as the segment matches them when read; only operators target segments", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const seg = await ok(net, op, "/segments", "POST", { name: "営業経験者", filter: { skill: ["営業"] } });
    await ok(net, alumna, "/profiles/me", "PUT", { displayName: "卒業 花子", skills: ["営業"] });
    const o = await makeTestOpportunity(env, net, { audience: { type: "segment", segmentId: seg.id } });
    expect(await listIds(net, alumna)).toContain(o.id);
    expect(await listIds(net, alumnus)).not.toContain(o.id);
    expect((await api(net, alumnus, `/opportunities/${o.id}`)).statusCode).toBe(404);
    // Employees always see open postings.
    expect(await listIds(net, employee)).toContain(o.id);
    const res = await api(net, employee, "/opportunities", "POST", {
      ...freelanceBody(),
      audience: { type: "segment", segmentId: seg.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("OPPORTUNITY_SEGMENT_OPERATORS_ONLY");
    // She leaves the segment: the posting is gone for her.
    await ok(net, alumna, "/profiles/me", "PUT", { displayName: "卒業 花子", skills: [] });
    expect(await listIds(net, alumna)).not.toContain(o.id);
  });

  it("invited alumni only, and only those who opted in to that type of offer; they are told, the others never", async () => {
    const { net, alumna, alumnus, employee } = await setup();
    await consentToOffers(env, net, alumna, { freelance: true });
    await consentToOffers(env, net, alumnus, { rehire: true });
    // The alumnus did not opt in to 業務委託 offers: he cannot be invited to a project.
    const refused = await api(net, employee, "/opportunities", "POST", {
      ...freelanceBody(),
      audience: { type: "invited", userIds: [alumna.id, alumnus.id] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("OPPORTUNITY_INVITEE_NO_CONSENT");
    const employeeInvited = await api(net, employee, "/opportunities", "POST", {
      ...freelanceBody(),
      audience: { type: "invited", userIds: [employee.id] },
    });
    expect(employeeInvited.json().error.code).toBe("OPPORTUNITY_INVITEE_NOT_ALUMNI");

    const o = await makeTestOpportunity(
      env,
      net,
      { audience: { type: "invited", userIds: [alumna.id] }, publish: false },
      employee,
    );
    expect(await kindsOf(net, alumna)).toEqual([]);
    // She withdraws her consent before it goes up: she is not told.
    await consentToOffers(env, net, alumna, { freelance: false });
    await ok(net, employee, `/opportunities/${o.id}/publish`, "POST");
    expect((await kindsOf(net, alumna)).filter((n) => n.kind === "opportunity_offer")).toEqual([]);
    // She still sees the posting she was invited to (browsing is hers); he does not.
    expect(await listIds(net, alumna)).toEqual([o.id]);
    expect(await listIds(net, alumnus)).toEqual([]);
    expect(await listIds(net, employee)).toEqual([o.id]);

    // A rehire opening to him (he opted in to rehire offers): he is told, once.
    const r = await makeTestOpportunity(
      env,
      net,
      { ...rehireBody(), audience: { type: "invited", userIds: [alumnus.id] } },
      employee,
    );
    const news = (await kindsOf(net, alumnus)).filter((n) => n.kind === "opportunity_offer");
    expect(news).toHaveLength(1);
    expect(news[0].path).toBe(`/opportunities/${r.id}`);
    await ok(net, employee, `/opportunities/${r.id}/close`, "POST");
    await ok(net, employee, `/opportunities/${r.id}/reopen`, "POST");
    expect((await kindsOf(net, alumnus)).filter((n) => n.kind === "opportunity_offer")).toHaveLength(1);
    const seen = await ok(net, employee, `/opportunities/${r.id}`);
    expect(seen.audience.invited).toEqual([{ userId: alumnus.id, name: "卒業 次郎" }]);
    expect((await ok(net, alumnus, `/opportunities/${r.id}`)).audience.invited).toBeNull();
  });
});

describe("approval of employees' postings", () => {
  it("pending until an operator approves; returned with a reason; alumni see it only once approved", async () => {
    const { net, op, alumna, employee } = await setup();
    expect(await ok(net, op, "/opportunities/settings")).toEqual({
      approvalRequired: false,
      reconfirmDays: 14,
      referralBonusDays: 90,
      referralIncentive: null,
    });
    expect((await api(net, employee, "/opportunities/settings")).statusCode).toBe(403);
    await ok(net, op, "/opportunities/settings", "PUT", { approvalRequired: true, reconfirmDays: 14 });

    const o = await makeTestOpportunity(env, net, {}, employee);
    expect(o.status).toBe("pending");
    expect(await listIds(net, alumna)).toEqual([]);
    expect((await api(net, alumna, `/opportunities/${o.id}`)).statusCode).toBe(404);
    expect(await adminIds(net, op, "?status=pending")).toEqual([o.id]);
    expect((await kindsOf(net, op)).map((n) => n.kind)).toContain("opportunity_review");
    expect((await api(net, employee, `/opportunities/${o.id}/approve`, "POST")).statusCode).toBe(403);

    const returned = await ok(net, op, `/opportunities/${o.id}/return`, "POST", {
      reason: "報酬の単位を明記してください",
    });
    expect(returned.status).toBe("returned");
    const mine = await ok(net, employee, `/opportunities/${o.id}`);
    expect(mine.returnReason).toBe("報酬の単位を明記してください");
    expect((await kindsOf(net, employee)).some((n) => n.text.includes("差し戻"))).toBe(true);

    await ok(net, employee, `/opportunities/${o.id}`, "PATCH", { feeUnit: "day" });
    expect((await ok(net, employee, `/opportunities/${o.id}/publish`, "POST")).status).toBe("pending");
    const approved = await ok(net, op, `/opportunities/${o.id}/approve`, "POST");
    expect(approved.status).toBe("open");
    expect(approved.publishedAt).not.toBeNull();
    expect(await listIds(net, alumna)).toEqual([o.id]);
    // An operator's own posting needs no approval.
    expect((await makeTestOpportunity(env, net, {}, op)).status).toBe("open");
  });
});

describe("what a posting must state", () => {
  it("a draft may be incomplete; publishing names every missing item (stable code, ja and en)", async () => {
    const { net, employee } = await setup();
    const draft = await makeTestOpportunity(
      env,
      net,
      {
        type: "rehire",
        title: "経理（再雇用）",
        publish: false,
        changeScopeDuties: null,
        trialPeriod: null,
        fixedTerm: true,
      },
      employee,
    );
    const res = await api(net, employee, `/opportunities/${draft.id}/publish`, "POST");
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe("OPPORTUNITY_REQUIRED_MISSING");
    expect(err.details.missing).toEqual(["trialPeriod", "changeScopeDuties", "renewalBasis", "renewalCap"]);
    expect(err.messages.ja).toContain("業務の変更の範囲");
    expect(err.messages.en).toContain("scope of changes of duties");

    await ok(net, employee, `/opportunities/${draft.id}`, "PATCH", {
      trialPeriod: "なし",
      changeScopeDuties: "会社の定める業務",
      renewalBasis: "契約期間満了時の業務量、勤務成績により判断",
      renewalCap: "更新上限なし",
    });
    expect((await ok(net, employee, `/opportunities/${draft.id}/publish`, "POST")).status).toBe("open");

    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ...freelanceBody(), terminationTerms: null }, "OPPORTUNITY_REQUIRED_MISSING", "terminationTerms"],
      [{ ...freelanceBody(), feeUnit: null }, "OPPORTUNITY_REQUIRED_MISSING", "fee"],
      [{ ...freelanceBody(), remote: "onsite" }, "OPPORTUNITY_REQUIRED_MISSING", "location"],
      [{ ...freelanceBody(), recruiterContact: null }, "OPPORTUNITY_REQUIRED_MISSING", "recruiter"],
      [{ ...freelanceBody(), closesOn: null }, "OPPORTUNITY_REQUIRED_MISSING", "closesOn"],
      [{ ...freelanceBody(), kind: null }, "OPPORTUNITY_KIND_REQUIRED"],
      [{ ...freelanceBody(), feeMin: 9_000, feeMax: 5_000 }, "OPPORTUNITY_FEE_RANGE"],
      [{ ...freelanceBody(), periodEnd: dayIn(1), periodStart: dayIn(5) }, "OPPORTUNITY_PERIOD_INVALID"],
      [{ ...rehireBody(), salaryMin: 9_000_000, salaryMax: 5_000_000 }, "OPPORTUNITY_SALARY_RANGE"],
      [{ ...rehireBody(), closesOn: dayIn(-1) }, "OPPORTUNITY_CLOSES_IN_PAST"],
      [
        { ...rehireBody(), audience: { type: "segment", segmentId: "nope" } },
        "OPPORTUNITY_SEGMENT_OPERATORS_ONLY",
      ],
    ];
    for (const [body, code, item] of cases) {
      const r = await api(net, employee, "/opportunities", "POST", body);
      expect(r.statusCode, `${code} ${item ?? ""}: ${r.body}`).toBeGreaterThanOrEqual(400);
      expect(r.json().error.code).toBe(code);
      if (item) expect(r.json().error.details.missing).toContain(item);
    }
    // Nothing of the refused ones was written.
    expect(await listIds(net, employee, "?scope=mine")).toEqual([draft.id]);
  });
});

describe("editing, history, close, reopen, duplicate", () => {
  it("keeps every saved version; closing hides it from alumni; reopening needs a date ahead; a copy is a draft", async () => {
    const { net, alumna, employee } = await setup();
    const colleague = await makeMember(env, net, "employee");
    const o = await makeTestOpportunity(env, net, {}, employee);
    const edited = await ok(net, employee, `/opportunities/${o.id}`, "PATCH", {
      title: "営業資料の全面改訂",
    });
    expect(edited.revision).toBe(2);
    const history = (await ok(net, employee, `/opportunities/${o.id}/revisions`)).items;
    expect(history.map((h: { revision: number }) => h.revision)).toEqual([2, 1]);
    expect(history[1].content.title).toBe("営業資料の改訂（業務委託）");
    expect(history[0].editedBy.userId).toBe(employee.id);
    expect((await api(net, colleague, `/opportunities/${o.id}`, "PATCH", { title: "x" })).statusCode).toBe(
      403,
    );
    expect((await api(net, alumna, `/opportunities/${o.id}/revisions`)).statusCode).toBe(403);
    // An open posting cannot lose a required item.
    const broken = await api(net, employee, `/opportunities/${o.id}`, "PATCH", { howToApply: null });
    expect(broken.json().error.code).toBe("OPPORTUNITY_REQUIRED_MISSING");

    await ok(net, employee, `/opportunities/${o.id}/close`, "POST");
    expect(await listIds(net, alumna)).toEqual([]);
    expect((await ok(net, employee, `/opportunities/${o.id}`)).closeReason).toBe("manual");
    await setColumn(o.id, "closes_at", 1);
    const late = await api(net, employee, `/opportunities/${o.id}/reopen`, "POST");
    expect(late.json().error.code).toBe("OPPORTUNITY_CLOSES_IN_PAST");
    await ok(net, employee, `/opportunities/${o.id}`, "PATCH", { closesOn: dayIn(20) });
    expect((await ok(net, employee, `/opportunities/${o.id}/reopen`, "POST")).status).toBe("open");
    expect(await listIds(net, alumna)).toEqual([o.id]);

    const copy = await api(net, employee, `/opportunities/${o.id}/duplicate`, "POST");
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: "draft", title: "営業資料の全面改訂", revision: 1 });
    expect(await listIds(net, alumna)).toEqual([o.id]);
  });
});

describe("accurate and current", () => {
  it("unconfirmed for N days: flagged and the poster asked; 7 days later hidden from alumni until reconfirmed", async () => {
    const { net, op, alumna, employee } = await setup();
    await ok(net, op, "/opportunities/settings", "PUT", { approvalRequired: false, reconfirmDays: 10 });
    const o = await makeTestOpportunity(env, net, {}, employee);
    const fresh = await ok(net, alumna, `/opportunities/${o.id}`);
    expect(fresh).toMatchObject({ stale: false, hiddenAsStale: false });

    await setColumn(o.id, "confirmed_at", 11);
    expect(await ok(net, alumna, `/opportunities/${o.id}`)).toMatchObject({
      stale: true,
      hiddenAsStale: false,
    });
    const [{ confirmedAt }] = (
      await env.ctx.db.execute(sql`select confirmed_at as "confirmedAt" from opportunity where id = ${o.id}`)
    ).rows as { confirmedAt: string | Date }[];
    const job = { networkId: net.id, opportunityId: o.id, confirmedAt: new Date(confirmedAt).toISOString() };
    await runReconfirm(env.ctx, job);
    await runReconfirm(env.ctx, job);
    const asked = (await kindsOf(net, employee)).filter((n) => n.text.includes("最新か確認"));
    expect(asked).toHaveLength(1);
    expect(OPPORTUNITY_RECONFIRM_JOB).toBe("opportunities.reconfirm");

    await setColumn(o.id, "confirmed_at", 18);
    expect(await listIds(net, alumna)).toEqual([]);
    expect((await api(net, alumna, `/opportunities/${o.id}`)).statusCode).toBe(404);
    expect(await ok(net, employee, `/opportunities/${o.id}`)).toMatchObject({
      stale: true,
      hiddenAsStale: true,
    });
    const again = await ok(net, employee, `/opportunities/${o.id}/reconfirm`, "POST");
    expect(again.stale).toBe(false);
    expect(await listIds(net, alumna)).toEqual([o.id]);
    expect((await api(net, alumna, `/opportunities/${o.id}/reconfirm`, "POST")).statusCode).toBe(403);
  });

  it("closes by itself after its closing day, and when its openings are filled", async () => {
    const { net, alumna, employee } = await setup();
    const o = await makeTestOpportunity(env, net, {}, employee);
    await setColumn(o.id, "closes_at", 0.01);
    // Alumni stop seeing it at once, whatever the job does.
    expect(await listIds(net, alumna)).toEqual([]);
    await runAutoClose(env.ctx, {
      networkId: net.id,
      opportunityId: o.id,
      closesAt: new Date().toISOString(),
    });
    expect(await ok(net, employee, `/opportunities/${o.id}`)).toMatchObject({
      status: "closed",
      closeReason: "expired",
    });
    expect((await kindsOf(net, employee)).some((n) => n.text.includes("自動的に締め切"))).toBe(true);

    const two = await makeTestOpportunity(env, net, { openings: 2 }, employee);
    await env.ctx.db.transaction((tx) => countFilled(env.ctx, tx, net.id, two.id, 1));
    expect((await ok(net, employee, `/opportunities/${two.id}`)).status).toBe("open");
    await env.ctx.db.transaction((tx) => countFilled(env.ctx, tx, net.id, two.id, 1));
    expect(await ok(net, employee, `/opportunities/${two.id}`)).toMatchObject({
      status: "closed",
      closeReason: "filled",
      filled: 2,
    });
    const reopen = await api(net, employee, `/opportunities/${two.id}/reopen`, "POST");
    expect(reopen.json().error.code).toBe("OPPORTUNITY_ALREADY_FILLED");
    await ok(net, employee, `/opportunities/${two.id}`, "PATCH", { openings: 3 });
    expect((await ok(net, employee, `/opportunities/${two.id}/reopen`, "POST")).status).toBe("open");
  });
});

describe("finding postings", () => {
  it("filters by type, kind, remote, fee and skills; Japanese search with width and kana folded; keyset pages", async () => {
    const { net, alumna, employee } = await setup();
    const task = await makeTestOpportunity(
      env,
      net,
      { skills: ["マーケティング", "PowerPoint", "営業資料"] },
      employee,
    );
    const mentoring = await makeTestOpportunity(
      env,
      net,
      {
        ...freelanceBody("mentoring"),
        feeMin: 10_000,
        feeMax: 15_000,
        remote: "hybrid",
        location: "本社",
        skills: ["キャリア支援", "営業資料"],
      },
      employee,
    );
    const rehire = await makeTestOpportunity(env, net, { type: "rehire" }, employee);
    const ids = (q: string) => listIds(net, alumna, q);

    expect(new Set(await ids(""))).toEqual(new Set([task.id, mentoring.id, rehire.id]));
    expect(await ids("?type=rehire")).toEqual([rehire.id]);
    expect(await ids("?type=freelance&kind=mentoring")).toEqual([mentoring.id]);
    expect(await ids("?remote=remote")).toEqual([task.id]);
    expect(await ids("?feeMin=8000")).toEqual([mentoring.id]);
    expect(await ids("?feeMax=5000")).toEqual([task.id]);
    expect(await ids("?skill=powerpoint")).toEqual([task.id]);
    expect(new Set(await ids("?skill=営業資料"))).toEqual(new Set([task.id, mentoring.id]));
    // The directory's normalisation: half-width katakana and hiragana find マーケティング.
    expect(await ids(`?q=${encodeURIComponent("ﾏｰｹﾃｨﾝｸﾞ")}`)).toEqual([task.id]);
    expect(await ids(`?q=${encodeURIComponent("まーけてぃんぐ")}`)).toEqual([task.id]);
    expect(await ids(`?q=${encodeURIComponent("キャリア面談")}`)).toEqual([mentoring.id]);
    expect(await ids(`?q=${encodeURIComponent("営業企画")}`)).toEqual([rehire.id]);
    expect(await ids(`?q=${encodeURIComponent("存在しない言葉")}`)).toEqual([]);

    const first = await ok(net, alumna, "/opportunities?limit=2");
    expect(first.items).toHaveLength(2);
    const second = await ok(net, alumna, `/opportunities?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((x: { id: string }) => x.id)).size).toBe(3);
    expect((await api(net, alumna, "/opportunities?cursor=garbage")).json().error.code).toBe(
      "INVALID_CURSOR",
    );
  });
});

describe("offers when a posting goes up", () => {
  it("reach only the alumni of its audience who opted in to its type and whom it fits, as their preferences allow, once", async () => {
    const { net, op, alumna, alumnus, employee } = await setup();
    const none = await makeMember(env, net, "alumni", { name: "同意なし 三子" });
    const quiet = await makeMember(env, net, "alumni", { name: "通知オフ 四郎" });
    const unfit = await makeMember(env, net, "alumni", { name: "畑違い 五郎" });
    await consentToOffers(env, net, alumna, { freelance: true });
    await consentToOffers(env, net, alumnus, { rehire: true });
    await consentToOffers(env, net, quiet, { freelance: true, rehire: true });
    await consentToOffers(env, net, unfit, { freelance: true, rehire: true });
    // Open to the work (the alumna), sharing a skill (the alumnus): fits; the unfit one shares nothing.
    await ok(net, alumna, "/profiles/me", "PUT", { displayName: "卒業 花子", openTo: ["freelance"] });
    await ok(net, alumnus, "/profiles/me", "PUT", { displayName: "卒業 太郎", skills: ["Excel"] });
    await ok(net, quiet, "/profiles/me", "PUT", {
      displayName: "通知オフ 四郎",
      openTo: ["freelance", "rehire"],
    });
    await ok(net, unfit, "/profiles/me", "PUT", {
      displayName: "畑違い 五郎",
      skills: ["溶接"],
      jobType: "research",
    });
    await ok(net, quiet, "/notifications/preferences", "PUT", { channels: { opportunity_offer: "off" } });
    const offers = async (u: TestUser) =>
      (await kindsOf(net, u)).filter((n) => n.kind === "opportunity_offer").map((n) => n.path);

    const project = await makeTestOpportunity(env, net, { publish: false }, employee);
    await env.ctx.jobs.drain();
    expect(await offers(alumna)).toEqual([]);
    await ok(net, employee, `/opportunities/${project.id}/publish`, "POST");
    await env.ctx.jobs.drain();
    expect(await offers(alumna)).toEqual([`/opportunities/${project.id}`]);
    for (const u of [alumnus, none, quiet, unfit, employee, op]) expect(await offers(u)).toEqual([]);

    const rehire = await makeTestOpportunity(env, net, { type: "rehire" }, employee);
    await env.ctx.jobs.drain();
    expect(await offers(alumnus)).toEqual([`/opportunities/${rehire.id}`]);
    expect(await offers(alumna)).toEqual([`/opportunities/${project.id}`]);
    expect(await offers(none)).toEqual([]);
    expect(await offers(unfit)).toEqual([]);

    // Closed before the offers went out: nobody is told of it.
    const closedFirst = await makeTestOpportunity(env, net, {}, employee);
    await ok(net, employee, `/opportunities/${closedFirst.id}/close`, "POST");
    await env.ctx.jobs.drain();
    expect(await offers(alumna)).not.toContain(`/opportunities/${closedFirst.id}`);
    expect(await offers(quiet)).toEqual([]);

    // Closed and reopened: nobody is told twice.
    await ok(net, employee, `/opportunities/${project.id}/close`, "POST");
    await ok(net, employee, `/opportunities/${project.id}/reopen`, "POST");
    await env.ctx.jobs.drain();
    expect(await offers(alumna)).toHaveLength(1);

    // A segment's posting: its members who opted in, as the segment matches them when it goes out.
    const seg = await ok(net, op, "/segments", "POST", {
      name: "資料づくり",
      filter: { skill: ["資料作成"] },
    });
    await ok(net, alumna, "/profiles/me", "PUT", {
      displayName: "卒業 花子",
      skills: ["資料作成"],
      openTo: ["freelance"],
    });
    await ok(net, none, "/profiles/me", "PUT", { displayName: "同意なし 三子", skills: ["資料作成"] });
    const forSegment = await makeTestOpportunity(env, net, {
      audience: { type: "segment", segmentId: seg.id },
    });
    await env.ctx.jobs.drain();
    expect(await offers(alumna)).toContain(`/opportunities/${forSegment.id}`);
    expect(await offers(none)).toEqual([]);
    expect(await offers(quiet)).toEqual([]);
  });
});
