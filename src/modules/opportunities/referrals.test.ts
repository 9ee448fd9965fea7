// Referrals (リファラル): an employee refers an alumna; refused without her opt-in to offers of the
// posting's type (nothing stored), twice, or once she applied; she is asked and decides (applying
// links her application; declining keeps her reason hers); the referrer sees only the status and
// the coarse outcome; another network's ids are 404; the incentive becomes due N days after the
// hire while she is still a member; operators mark it paid (audited); the report and its CSV.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { consentToOffers, makeTestOpportunity } from "./testing.ts";

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
const bell = async (net: TestNetwork, user: TestUser) =>
  (await ok(net, user, "/notifications")).items as { kind: string; path: string; text: string }[];
const count = async (table: string, networkId: string) =>
  Number(
    (
      await env.ctx.database.query<{ n: number }>(
        `select count(*)::int as n from ${table} where network_id = $1`,
        [networkId],
      )
    )[0].n,
  );

const WHY = "在籍中に同じチームで営業資料を作っていました。丁寧で信頼できる方です。";

async function setup() {
  const net = await makeNetwork(env, { name: "推薦商事" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const other = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
  const employee = await makeMember(env, net, "employee", { name: "社員 一郎" });
  const colleague = await makeMember(env, net, "employee", { name: "社員 二郎" });
  await consentToOffers(env, net, alumna, { rehire: true, freelance: true });
  await consentToOffers(env, net, other, { rehire: false, freelance: false });
  // A rehire opening posted by the operator; the employee refers.
  const o = await makeTestOpportunity(env, net, { type: "rehire" });
  return { net, op: net.operator, alumna, other, employee, colleague, o };
}

const referBody = (userId: string) => ({ userId, why: WHY, relationship: "worked_together" });

describe("referring", () => {
  it("refers an alumna who opted in; she is asked; refuses one without the opt-in, a second one, and after she applied", async () => {
    const { net, alumna, other, employee, colleague, o } = await setup();
    const res = await api(net, employee, `/opportunities/${o.id}/referrals`, "POST", {
      ...referBody(alumna.id),
      relationshipNote: "2015年の新製品プロジェクト",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: "asked",
      alumna: { userId: alumna.id, name: "卒業 花子" },
      referrer: { userId: employee.id, name: "社員 一郎" },
      why: WHY,
      outcome: null,
      applicationId: null,
      canWithdraw: true,
      canAnswer: false,
    });
    // She is asked: an offer in her bell, leading to the posting.
    const asked = (await bell(net, alumna)).filter((n) => n.kind === "opportunity_offer");
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toContain("社員 一郎 さんがあなたを");
    expect(asked[0].path).toBe(`/opportunities/${o.id}`);

    // No opt-in to offers of this type: refused, nothing stored, nobody told.
    const before = await count("opportunity_referral", net.id);
    const refused = await api(net, employee, `/opportunities/${o.id}/referrals`, "POST", referBody(other.id));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("REFERRAL_NOT_OPEN");
    expect(refused.json().error.messages.ja).toContain("同意していない");
    expect(refused.json().error.messages.en).toContain("opt in");
    expect(await count("opportunity_referral", net.id)).toBe(before);
    expect(await bell(net, other)).toEqual([]);

    // A second referral of her for this posting, by anyone.
    const again = await api(net, colleague, `/opportunities/${o.id}/referrals`, "POST", referBody(alumna.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("REFERRAL_DUPLICATE");
    expect(again.json().error.messages.ja).toContain("すでにこの募集に推薦");

    // She applied to another posting on her own: no referral for that one.
    const o2 = await makeTestOpportunity(env, net, { type: "rehire", title: "人事企画（再雇用）" });
    await ok(net, alumna, `/opportunities/${o2.id}/applications`, "POST", { motivation: "応募します" });
    const late = await api(net, employee, `/opportunities/${o2.id}/referrals`, "POST", referBody(alumna.id));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("REFERRAL_ALREADY_APPLIED");
  });

  it("refuses what is not a referral: alumni referring, no reason, an employee referred, a draft, a mentoring project without freelance opt-in", async () => {
    const { net, alumna, other, employee, colleague, o } = await setup();
    expect(
      (await api(net, alumna, `/opportunities/${o.id}/referrals`, "POST", referBody(other.id))).statusCode,
    ).toBe(403);
    expect(
      (
        await api(net, employee, `/opportunities/${o.id}/referrals`, "POST", {
          ...referBody(alumna.id),
          why: " ",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await api(net, employee, `/opportunities/${o.id}/referrals`, "POST", {
          ...referBody(alumna.id),
          why: "あ".repeat(1001),
        })
      ).statusCode,
    ).toBe(400);
    const staff = await api(
      net,
      employee,
      `/opportunities/${o.id}/referrals`,
      "POST",
      referBody(colleague.id),
    );
    expect(staff.json().error.code).toBe("REFERRAL_NOT_ALUMNI");
    const draft = await makeTestOpportunity(env, net, { type: "rehire", publish: false });
    expect(
      (await api(net, employee, `/opportunities/${draft.id}/referrals`, "POST", referBody(alumna.id)))
        .statusCode,
    ).toBe(404);
    // A mentoring project is a freelance offer: only with the freelance opt-in.
    await consentToOffers(env, net, other, { rehire: true, freelance: false });
    const mentoring = await makeTestOpportunity(env, net, { type: "freelance", kind: "mentoring" });
    const m = await api(
      net,
      employee,
      `/opportunities/${mentoring.id}/referrals`,
      "POST",
      referBody(other.id),
    );
    expect(m.json().error.code).toBe("REFERRAL_NOT_OPEN");
    // An invited-only posting she was not invited to is outside her audience.
    const invited = await makeTestOpportunity(env, net, {
      type: "rehire",
      audience: { type: "invited", userIds: [other.id] },
    });
    const outside = await api(
      net,
      employee,
      `/opportunities/${invited.id}/referrals`,
      "POST",
      referBody(alumna.id),
    );
    expect(outside.json().error.code).toBe("REFERRAL_NOT_AUDIENCE");
  });
});

describe("she decides", () => {
  it("applies through the normal application, which links it; the referrer sees applied and the coarse outcome only", async () => {
    const { net, op, alumna, employee, o } = await setup();
    const r = await ok(net, employee, `/opportunities/${o.id}/referrals`, "POST", referBody(alumna.id));
    const mine = await ok(net, alumna, `/referrals/received?opportunityId=${o.id}`);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: r.id, why: WHY, canAnswer: true, incentive: null });

    const app = await ok(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "推薦をいただいたので応募します。",
      share: ["email"],
    });
    const hers = (await ok(net, alumna, "/referrals/received")).items[0];
    expect(hers).toMatchObject({
      status: "applied",
      applicationId: app.id,
      outcome: "in_progress",
      canAnswer: false,
    });

    // The referrer: applied, in progress; nothing of the application (no id, no motivation).
    const seen = (await ok(net, employee, "/referrals")).items[0];
    expect(seen).toMatchObject({
      status: "applied",
      outcome: "in_progress",
      applicationId: null,
      incentive: null,
    });
    const news = (await bell(net, employee)).filter((n) => n.kind === "opportunity_review");
    expect(news.map((n) => n.text)).toEqual([expect.stringContaining("推薦した 卒業 花子 さんが")]);

    // Reviewers write notes and ratings and a thread: none of it reaches the referrer.
    await ok(net, op, `/applications/${app.id}/notes`, "POST", { body: "秘密のメモ：評価高い", rating: 5 });
    await ok(net, op, `/applications/${app.id}/messages`, "POST", { body: "面談の候補日をお送りします" });
    await ok(net, op, `/applications/${app.id}/stage`, "POST", {
      stage: "declined_by_us",
      reason: "今回は見送り理由",
    });
    const body = (await api(net, employee, "/referrals")).body;
    expect(body).toContain("not_selected");
    for (const secret of ["秘密のメモ", "面談の候補日", "見送り理由", "推薦をいただいたので", alumna.email])
      expect(body).not.toContain(secret);
    // Nor may the referrer open the application.
    expect((await api(net, employee, `/applications/${app.id}`)).statusCode).toBe(404);
  });

  it("declines with a reason that stays hers; the referrer may withdraw only while she has not answered", async () => {
    const { net, op, alumna, other, employee, colleague, o } = await setup();
    const r = await ok(net, employee, `/opportunities/${o.id}/referrals`, "POST", referBody(alumna.id));
    // Not hers to answer, not his to withdraw.
    expect((await api(net, other, `/referrals/${r.id}/decline`, "POST", {})).statusCode).toBe(404);
    expect((await api(net, colleague, `/referrals/${r.id}/withdraw`, "POST")).statusCode).toBe(404);
    const d = await ok(net, alumna, `/referrals/${r.id}/decline`, "POST", {
      reason: "いまは転職を考えていません",
    });
    expect(d).toMatchObject({
      status: "declined",
      declineReason: "いまは転職を考えていません",
      canAnswer: false,
    });
    const seen = (await ok(net, employee, "/referrals")).items[0];
    expect(seen).toMatchObject({ status: "declined", declineReason: null, canWithdraw: false });
    expect((await api(net, employee, "/referrals")).body).not.toContain("転職を考えていません");
    expect((await ok(net, op, "/admin/referrals")).items[0].declineReason).toBe("いまは転職を考えていません");
    expect((await api(net, alumna, `/referrals/${r.id}/decline`, "POST", {})).json().error.code).toBe(
      "REFERRAL_ANSWERED",
    );
    expect((await api(net, employee, `/referrals/${r.id}/withdraw`, "POST")).json().error.code).toBe(
      "REFERRAL_ANSWERED",
    );
    // The referrer's bell says she will not apply, never why.
    const news = (await bell(net, employee)).filter((n) => n.kind === "opportunity_review");
    expect(news[0].text).toContain("見送りました");
    expect(JSON.stringify(news)).not.toContain("転職");

    // A referral withdrawn while asked leaves her list, and makes room for another referrer.
    await consentToOffers(env, net, other, { rehire: true });
    const w = await ok(net, employee, `/opportunities/${o.id}/referrals`, "POST", referBody(other.id));
    expect((await ok(net, employee, `/referrals/${w.id}/withdraw`, "POST")).status).toBe("withdrawn");
    expect((await ok(net, other, "/referrals/received")).items).toEqual([]);
    expect(
      (await api(net, colleague, `/opportunities/${o.id}/referrals`, "POST", referBody(other.id))).statusCode,
    ).toBe(201);
  });

  it("another network's referral and posting ids are 404", async () => {
    const a = await setup();
    const b = await setup();
    const r = await ok(
      b.net,
      b.employee,
      `/opportunities/${b.o.id}/referrals`,
      "POST",
      referBody(b.alumna.id),
    );
    expect((await api(a.net, a.alumna, `/referrals/${r.id}/decline`, "POST", {})).statusCode).toBe(404);
    expect((await api(a.net, a.employee, `/referrals/${r.id}/withdraw`, "POST")).statusCode).toBe(404);
    expect((await api(a.net, a.op, `/referrals/${r.id}/paid`, "POST")).statusCode).toBe(404);
    expect(
      (await api(a.net, a.employee, `/opportunities/${b.o.id}/referrals`, "POST", referBody(a.alumna.id)))
        .statusCode,
    ).toBe(404);
    // B's alumna in A's posting: not an alumna of A.
    expect(
      (
        await api(a.net, a.employee, `/opportunities/${a.o.id}/referrals`, "POST", referBody(b.alumna.id))
      ).json().error.code,
    ).toBe("REFERRAL_NOT_ALUMNI");
    expect((await ok(a.net, a.op, "/admin/referrals")).items).toEqual([]);
    // B's referral is as it was.
    expect((await ok(b.net, b.employee, "/referrals")).items[0].status).toBe("asked");
  });
});

describe("the incentive and the report", () => {
  async function hired() {
    const s = await setup();
    const { net, op, alumna, employee, o } = s;
    await ok(net, op, "/opportunities/settings", "PUT", {
      approvalRequired: false,
      reconfirmDays: 14,
      referralBonusDays: 30,
      referralIncentive: "紹介報奨金 10万円",
    });
    const r = await ok(net, employee, `/opportunities/${o.id}/referrals`, "POST", referBody(alumna.id));
    const app = await ok(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "応募します",
    });
    for (const stage of ["screening", "interview", "offered", "hired"])
      await ok(net, op, `/applications/${app.id}/stage`, "POST", { stage });
    return { ...s, r, app };
  }
  const hireDaysAgo = (net: TestNetwork, appId: string, days: number) =>
    env.ctx.db.execute(
      sql`update opportunity_application set stage_changed_at = now() - ${days}::int * interval '1 day'
           where network_id = ${net.id} and id = ${appId}`,
    );

  it("is due the network's days after the hire while she is still a member; operators mark it paid once (audited)", async () => {
    const { net, op, alumna, employee, r, app } = await hired();
    const settings = await ok(net, op, "/opportunities/settings");
    expect(settings).toMatchObject({ referralBonusDays: 30, referralIncentive: "紹介報奨金 10万円" });
    // Saving the older form (no referral fields) keeps them.
    await ok(net, op, "/opportunities/settings", "PUT", { approvalRequired: false, reconfirmDays: 10 });
    expect(await ok(net, op, "/opportunities/settings")).toMatchObject({
      referralBonusDays: 30,
      reconfirmDays: 10,
    });
    expect(
      (
        await api(net, op, "/opportunities/settings", "PUT", {
          approvalRequired: false,
          reconfirmDays: 10,
          referralBonusDays: 366,
        })
      ).statusCode,
    ).toBe(400);

    let seen = (await ok(net, employee, "/referrals")).items[0];
    expect(seen.outcome).toBe("hired");
    expect(seen.incentive).toMatchObject({ eligible: false, paidAt: null });
    const due = new Date(seen.incentive.eligibleAt).getTime() - new Date(seen.incentive.hiredAt).getTime();
    expect(due).toBe(30 * 86_400_000);
    const early = await api(net, op, `/referrals/${r.id}/paid`, "POST");
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("REFERRAL_NOT_ELIGIBLE");

    await hireDaysAgo(net, app.id, 31);
    seen = (await ok(net, employee, "/referrals")).items[0];
    expect(seen.incentive.eligible).toBe(true);
    // She left (suspended): no longer eligible.
    await setMemberStatus(env, net.id, alumna.id, "suspended");
    expect((await ok(net, employee, "/referrals")).items[0].incentive.eligible).toBe(false);
    await setMemberStatus(env, net.id, alumna.id, "active");

    // Employees may not mark it paid; operators may, once.
    expect((await api(net, employee, `/referrals/${r.id}/paid`, "POST")).statusCode).toBe(403);
    const paid = await ok(net, op, `/referrals/${r.id}/paid`, "POST");
    expect(paid.incentive).toMatchObject({ eligible: true, paidBy: { userId: op.id } });
    expect(paid.incentive.paidAt).toBeTruthy();
    expect((await api(net, op, `/referrals/${r.id}/paid`, "POST")).json().error.code).toBe(
      "REFERRAL_ALREADY_PAID",
    );
    const audit = await env.ctx.database.query<{ action: string }>(
      "select action from audit_log where network_id = $1 and target_id = $2 order by created_at",
      [net.id, r.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "opportunity.refer",
      "opportunity.referral_applied",
      "opportunity.referral_paid",
    ]);
    expect((await bell(net, employee)).some((n) => n.text.includes("報奨金が支払われました"))).toBe(true);
    // She never sees the incentive.
    expect((await ok(net, alumna, "/referrals/received")).items[0].incentive).toBeNull();
  });

  it("the report lists referrals with totals and filters; the CSV has the same rows (operators only)", async () => {
    const { net, op, other, employee, app } = await hired();
    await hireDaysAgo(net, app.id, 40);
    await consentToOffers(env, net, other, { rehire: true });
    const o2 = await makeTestOpportunity(env, net, { type: "rehire", title: "経理（再雇用）" });
    await ok(net, employee, `/opportunities/${o2.id}/referrals`, "POST", referBody(other.id));

    const report = await ok(net, op, "/admin/referrals");
    expect(report.items).toHaveLength(2);
    expect(report.totals).toMatchObject({
      all: 2,
      byStatus: { asked: 1, applied: 1, declined: 0, withdrawn: 0 },
      byOutcome: { hired: 1, in_progress: 0 },
      eligible: 1,
      paid: 0,
    });
    expect(report.incentive).toEqual({ text: "紹介報奨金 10万円", days: 30 });
    expect(
      (await ok(net, op, "/admin/referrals?status=asked")).items.map(
        (r: { opportunity: { title: string } }) => r.opportunity.title,
      ),
    ).toEqual(["経理（再雇用）"]);
    expect((await ok(net, op, "/admin/referrals?type=freelance")).items).toEqual([]);
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    expect((await ok(net, op, `/admin/referrals?from=${today}&to=${today}`)).items).toHaveLength(2);
    expect((await ok(net, op, "/admin/referrals?to=2020-01-01")).items).toEqual([]);
    expect((await api(net, employee, "/admin/referrals")).statusCode).toBe(403);

    const csv = await api(net, op, "/admin/referrals/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toMatch(/referrals-.*\.csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("推薦日,募集,種別,推薦者,推薦された方");
    expect(
      lines.some((l) => l.includes("営業企画（再雇用）") && l.includes("採用・契約") && l.includes("対象")),
    ).toBe(true);
    expect(lines.some((l) => l.includes("経理（再雇用）") && l.includes("回答待ち"))).toBe(true);
    const sjis = await api(net, op, "/admin/referrals/export.csv?encoding=shift_jis");
    expect(sjis.headers["content-type"]).toContain("Shift_JIS");
    expect((await api(net, employee, "/admin/referrals/export.csv")).statusCode).toBe(403);
    const exported = await env.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where network_id = $1 and action = 'opportunity.referrals_exported'",
      [net.id],
    );
    expect(Number(exported[0].n)).toBe(2);
  });
});
