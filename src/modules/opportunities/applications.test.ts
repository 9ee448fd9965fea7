// Applications and the pipeline: one click with a motivation, a CV checked by its content and a
// profile snapshot; duplicates refused; withdrawing; what the applicant may see (her stage, never
// the notes nor the reviewers' names or reasons); the stages allowed and refused; who may review;
// "contracted" closing a filled posting and handing over; the thread; another network.
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
import { PDF } from "../inquiries/testing.ts";
import { multipartFile } from "../members/testing.ts";
import { DIRTY } from "../profiles/testing.ts";
import { makeTestOpportunity } from "./testing.ts";

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
const upload = (net: TestNetwork, user: TestUser, content: Buffer, filename: string) => {
  const { payload, headers } = multipartFile(content, { filename, contentType: "application/pdf" });
  return env.app.inject({
    method: "POST",
    url: `/api/n/${net.slug}/opportunities/uploads`,
    headers: { origin: "http://localhost:3999", cookie: user.cookie, ...headers },
    payload,
  });
};

async function setup(body: Record<string, unknown> = {}) {
  const net = await makeNetwork(env, { name: "応募商事" });
  const alumna = await makeMember(env, net, "alumni", { name: "卒業 花子" });
  const alumnus = await makeMember(env, net, "alumni", { name: "卒業 次郎" });
  const employee = await makeMember(env, net, "employee", { name: "社員 一郎" });
  const o = await makeTestOpportunity(env, net, body, employee);
  return { net, op: net.operator, alumna, alumnus, employee, o };
}

describe("applying", () => {
  it("in one click with a motivation and the fields she shares; a second application is refused; she may withdraw and apply again", async () => {
    const { net, alumna, employee, o } = await setup();
    await ok(net, alumna, "/profiles/me", "PUT", {
      displayName: "卒業 花子",
      skills: ["PowerPoint", "営業資料"],
      location: "福岡",
    });
    const res = await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "在籍中は営業企画で資料を作っていました。",
      share: ["skills", "email"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({ stage: "applied", review: false, notes: null, next: ["withdrawn"] });
    expect(app.profile).toEqual({
      name: "卒業 花子",
      skills: ["PowerPoint", "営業資料"],
      email: alumna.email,
    });
    expect((await ok(net, alumna, `/opportunities/${o.id}`)).myApplication).toEqual({
      id: app.id,
      stage: "applied",
    });

    const again = await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "もう一度",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("APPLICATION_DUPLICATE");
    expect(again.json().error.messages.ja).toContain("すでに応募");

    // The poster hears of it, with a link to the application.
    const news = (await bell(net, employee)).filter((n) => n.kind === "opportunity_review");
    expect(news).toHaveLength(1);
    expect(news[0].path).toBe(`/opportunities/applications/${app.id}`);

    const mine = (await ok(net, alumna, "/applications")).items;
    expect(mine.map((a: { id: string; stage: string }) => [a.id, a.stage])).toEqual([[app.id, "applied"]]);
    const w = await ok(net, alumna, `/applications/${app.id}/withdraw`, "POST", {
      reason: "別の案件が決まりました",
    });
    expect(w).toMatchObject({ stage: "withdrawn", reason: "別の案件が決まりました", next: [] });
    expect((await api(net, alumna, `/applications/${app.id}/withdraw`, "POST", {})).json().error.code).toBe(
      "APPLICATION_STAGE_FINAL",
    );
    expect(
      (await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", { motivation: "再応募します" }))
        .statusCode,
    ).toBe(201);
  });

  it("refuses what is not an application: no motivation, too long, employees, a closed or unseen posting", async () => {
    const { net, alumna, employee, o } = await setup();
    const empty = await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", { motivation: "  " });
    expect(empty.statusCode).toBe(400);
    const long = await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "あ".repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    expect(
      (
        await api(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
          motivation: "あ".repeat(2000),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await api(net, employee, `/opportunities/${o.id}/applications`, "POST", { motivation: "x" }))
        .statusCode,
    ).toBe(403);

    const closed = await makeTestOpportunity(env, net, {}, employee);
    await ok(net, employee, `/opportunities/${closed.id}/close`, "POST");
    expect(
      (await api(net, alumna, `/opportunities/${closed.id}/applications`, "POST", { motivation: "x" }))
        .statusCode,
    ).toBe(404);
    const draft = await makeTestOpportunity(env, net, { publish: false }, employee);
    expect(
      (await api(net, alumna, `/opportunities/${draft.id}/applications`, "POST", { motivation: "x" }))
        .statusCode,
    ).toBe(404);
    const other = await makeNetwork(env);
    const stranger = await makeMember(env, other, "alumni");
    expect(
      (await api(other, stranger, `/opportunities/${o.id}/applications`, "POST", { motivation: "x" }))
        .statusCode,
    ).toBe(404);
  });

  it("takes a CV only as a PDF by its content; the file is read only by the applicant and the reviewers", async () => {
    const { net, alumna, alumnus, employee, o } = await setup();
    const png = await upload(net, alumna, DIRTY.png, "cv.pdf");
    expect(png.statusCode).toBe(400);
    expect(png.json().error.code).toBe("APPLICATION_FILE_PDF_ONLY");
    const exe = await upload(
      net,
      alumna,
      Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(64, 1)]),
      "cv.pdf",
    );
    expect(exe.json().error.code).toBe("APPLICATION_FILE_PDF_ONLY");
    expect((await upload(net, employee, PDF, "cv.pdf")).statusCode).toBe(403);

    const cv = await upload(net, alumna, PDF, "職務経歴書.pdf");
    expect(cv.statusCode, cv.body).toBe(201);
    expect(cv.json()).toMatchObject({ name: "職務経歴書.pdf", size: PDF.length });
    // Someone else's upload cannot be attached.
    const theirs = await api(net, alumnus, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "x",
      fileId: cv.json().id,
    });
    expect(theirs.json().error.code).toBe("ATTACHMENT_NOT_FOUND");
    const app = await ok(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "職務経歴書を添付します。",
      fileId: cv.json().id,
    });
    expect(app.file).toEqual({ name: "職務経歴書.pdf", size: PDF.length });
    const byReviewer = await api(net, employee, `/applications/${app.id}/file`);
    expect(byReviewer.statusCode).toBe(200);
    expect(byReviewer.headers["content-type"]).toContain("application/pdf");
    expect(byReviewer.rawPayload.equals(PDF)).toBe(true);
    expect((await api(net, alumna, `/applications/${app.id}/file`)).statusCode).toBe(200);
    expect((await api(net, alumnus, `/applications/${app.id}/file`)).statusCode).toBe(404);
    expect((await api(net, alumnus, `/applications/${app.id}`)).statusCode).toBe(404);
  });
});

describe("the pipeline", () => {
  it("moves through the stages it allows, records who and when, tells the applicant; contracted fills and closes the posting", async () => {
    const { net, op, alumna, alumnus, employee, o } = await setup();
    const app = await ok(net, alumna, `/opportunities/${o.id}/applications`, "POST", {
      motivation: "よろしくお願いします。",
    });
    const move = (who: TestUser, stage: string, reason?: string) =>
      api(net, who, `/applications/${app.id}/stage`, "POST", { stage, ...(reason ? { reason } : {}) });

    // Not from applied straight to contracted; "hired" is for rehire openings.
    const skip = await move(employee, "contracted");
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.code).toBe("APPLICATION_STAGE_NOT_ALLOWED");
    expect((await move(employee, "declined_by_us")).json().error.code).toBe("APPLICATION_REASON_REQUIRED");
    // The applicant and other employees do not move it.
    expect((await move(alumna, "screening")).statusCode).toBe(403);
    const colleague = await makeMember(env, net, "employee", { name: "同僚 三郎" });
    // An application does not exist for who neither made nor reviews it; the board of a posting
    // they see is refused.
    expect((await move(colleague, "screening")).statusCode).toBe(404);
    expect((await api(net, colleague, `/applications/${app.id}`)).statusCode).toBe(404);
    expect((await api(net, colleague, `/opportunities/${o.id}/applications`)).statusCode).toBe(403);
    expect((await api(net, alumnus, `/opportunities/${o.id}/applications`)).statusCode).toBe(403);

    for (const s of ["screening", "interview", "offered"])
      expect((await move(employee, s)).statusCode).toBe(200);
    const offered = await ok(net, employee, `/applications/${app.id}`);
    expect(offered.next).toEqual(expect.arrayContaining(["contracted", "declined_by_us", "screening"]));
    expect(offered.next).not.toContain("hired");
    expect((await move(employee, "hired")).json().error.code).toBe("APPLICATION_STAGE_NOT_ALLOWED");

    // Private notes and ratings; a co-reviewer added by the poster may review.
    await ok(net, employee, `/applications/${app.id}/notes`, "POST", {
      body: "在籍時の評価が高い",
      rating: 5,
    });
    expect((await api(net, alumna, `/applications/${app.id}/notes`, "POST", { body: "x" })).statusCode).toBe(
      403,
    );
    await ok(net, employee, `/opportunities/${o.id}/reviewers/${colleague.id}`, "PUT");
    expect(
      (await api(net, employee, `/opportunities/${o.id}/reviewers/${alumnus.id}`, "PUT")).json().error.code,
    ).toBe("OPPORTUNITY_REVIEWER_NOT_STAFF");
    await ok(net, colleague, `/applications/${app.id}/notes`, "POST", { body: "同意", rating: 4 });
    const b = await ok(net, colleague, `/opportunities/${o.id}/applications`);
    expect(b.items).toEqual([
      expect.objectContaining({ id: app.id, stage: "offered", rating: 4.5, notes: 2 }),
    ]);
    expect(b.reviewers.map((r: { userId: string }) => r.userId)).toEqual([employee.id, colleague.id]);

    // The thread: both sides write, the other hears of it.
    await ok(net, colleague, `/applications/${app.id}/messages`, "POST", {
      body: "条件面のご確認をお願いします。",
    });
    await ok(net, alumna, `/applications/${app.id}/messages`, "POST", { body: "承知しました。" });

    expect((await move(colleague, "contracted")).statusCode).toBe(200);
    expect((await move(employee, "screening")).json().error.code).toBe("APPLICATION_STAGE_FINAL");
    // The posting had one opening: it is filled and closed.
    expect(await ok(net, employee, `/opportunities/${o.id}`)).toMatchObject({
      status: "closed",
      closeReason: "filled",
      filled: 1,
    });
    // The hand-over to engagements is recorded.
    const handover = await env.ctx.db.execute(
      sql`select count(*)::int as n from audit_log where network_id = ${net.id} and action = 'opportunity.handover' and target_id = ${app.id}`,
    );
    expect((handover.rows[0] as { n: number }).n).toBe(1);

    // What she sees: every stage with its date, not who moved it, no notes.
    const hers = await ok(net, alumna, `/applications/${app.id}`);
    expect(hers.stage).toBe("contracted");
    expect(hers.notes).toBeNull();
    expect(hers.history.map((h: { to: string }) => h.to)).toEqual([
      "applied",
      "screening",
      "interview",
      "offered",
      "contracted",
    ]);
    expect(hers.history.every((h: { by: unknown }) => h.by === null)).toBe(true);
    expect(hers.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine])).toEqual([
      ["条件面のご確認をお願いします。", false],
      ["承知しました。", true],
    ]);
    expect(JSON.stringify(hers)).not.toContain("在籍時の評価が高い");
    const theirs = await ok(net, employee, `/applications/${app.id}`);
    expect(theirs.history[1].by).toEqual({ userId: employee.id, name: "社員 一郎" });
    expect(theirs.notes).toHaveLength(2);
    // She was told of every stage; the poster of her message.
    const hersBell = (await bell(net, alumna)).filter((n) => n.kind === "opportunity_application");
    expect(hersBell.length).toBe(5);
    expect(hersBell.some((n) => n.text.includes("契約決定"))).toBe(true);
    expect((await bell(net, employee)).some((n) => n.text.includes("メッセージ"))).toBe(true);
    // Operators see every board.
    expect((await ok(net, op, `/opportunities/${o.id}/applications`)).items).toHaveLength(1);
  });

  it("a decline by us keeps its reason from the applicant; a rehire ends in hired; another network sees nothing", async () => {
    const { net, alumna, alumnus, employee } = await setup();
    const r = await makeTestOpportunity(env, net, { type: "rehire", openings: 2 }, employee);
    const a1 = await ok(net, alumna, `/opportunities/${r.id}/applications`, "POST", {
      motivation: "出戻りを希望します。",
    });
    const a2 = await ok(net, alumnus, `/opportunities/${r.id}/applications`, "POST", {
      motivation: "応募します。",
    });
    await ok(net, employee, `/applications/${a1.id}/stage`, "POST", {
      stage: "declined_by_us",
      reason: "今回は経験年数が不足",
    });
    const hers = await ok(net, alumna, `/applications/${a1.id}`);
    expect(hers).toMatchObject({ stage: "declined_by_us", reason: null, next: [] });
    expect((await ok(net, employee, `/applications/${a1.id}`)).reason).toBe("今回は経験年数が不足");
    await ok(net, employee, `/applications/${a2.id}/stage`, "POST", { stage: "offered" });
    expect((await ok(net, employee, `/applications/${a2.id}/stage`, "POST", { stage: "hired" })).stage).toBe(
      "hired",
    );
    // Two openings, one filled: still open.
    expect(await ok(net, employee, `/opportunities/${r.id}`)).toMatchObject({ status: "open", filled: 1 });

    const other = await makeNetwork(env);
    expect((await api(other, other.operator, `/applications/${a2.id}`)).statusCode).toBe(404);
    expect((await api(net, other.operator, `/applications/${a2.id}`)).statusCode).toBe(404);
    expect((await api(other, other.operator, `/opportunities/${r.id}/applications`)).statusCode).toBe(404);
    expect(
      (await api(other, other.operator, `/applications/${a2.id}/stage`, "POST", { stage: "screening" }))
        .statusCode,
    ).toBe(404);
  });
});
