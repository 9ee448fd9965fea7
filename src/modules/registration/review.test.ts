// The operators' approval queue: candidates with reasons, approve (linking a roster row) and
// reject, who/when recorded, mails in the registrant's language, one decision only, and guards.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, member, registration, rosterEntry } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { form, loadRoster, myStatus, register, rosterIds } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

async function rosterNetwork(): Promise<TestNetwork> {
  const net = await makeNetwork(env, { name: "つながり商事" });
  await loadRoster(env, net);
  return net;
}

const queue = (net: TestNetwork, u: TestUser | null = net.operator, qs = "") =>
  call(env, { url: `/api/n/${net.slug}/registrations${qs}`, user: u });
const decide = (
  net: TestNetwork,
  id: string,
  what: "approve" | "reject",
  payload: unknown = {},
  u: TestUser | null = net.operator,
) => call(env, { method: "POST", url: `/api/n/${net.slug}/registrations/${id}/${what}`, user: u, payload });

/** The mails to `email` other than the "registration received" one (delivery order may vary). */
async function decisionMails(email: string) {
  return (await mailsTo(env, email)).filter((m) => !/受け付けました|registration received/.test(m.subject));
}

/** A pending registration by a new user; returns the user and the queue item. */
async function pending(net: TestNetwork, body: Record<string, unknown>, opts: { locale?: "ja" | "en" } = {}) {
  const u = await makeUser(env, { name: "登録 希望者", locale: opts.locale });
  const res = await register(env, net.slug, u, form(body));
  expect(res.json().status).toBe("pending");
  const item = (await queue(net)).json().items.find((i: any) => i.email === u.email);
  return { u, item };
}

describe("the queue", () => {
  it("lists pending registrations oldest first with candidate rows and reasons, best first", async () => {
    const net = await rosterNetwork();
    const ids = await rosterIds(env, net);
    const a = await pending(net, {
      name: "高橋 美咲",
      nameKana: "タカハシ ミサキ",
      joinYm: "2016-04",
      leaveYm: "2023-07",
      department: "開発部",
    });
    const b = await pending(net, { name: "存在 しない", joinYm: "1990-04", leaveYm: "1991-03" });
    const items = (await queue(net)).json().items;
    expect(items.map((i: any) => i.id)).toEqual([a.item.id, b.item.id]);
    expect(items[0]).toMatchObject({
      name: "高橋 美咲",
      nameKana: "タカハシ ミサキ",
      email: a.u.email,
      joinYm: "2016-04",
      leaveYm: "2023-07",
      department: "開発部",
      employeeNumber: null,
      status: "pending",
      decidedAt: null,
      decidedBy: null,
      automatic: false,
      note: null,
      rosterEntryId: null,
    });
    expect(items[0].candidates).toEqual([
      {
        rosterEntryId: ids.A005,
        employeeNumber: "A005",
        name: "高橋 美咲",
        nameKana: "タカハシ ミサキ",
        joinDate: "2016-04-01",
        leaveDate: "2023-06-30",
        department: "マーケティング部",
        linked: false,
        reasons: ["name", "kana", "join_month"],
      },
    ]);
    expect(items[1].candidates).toEqual([]);
  });

  it("shows at most five candidates, sharing the employee number, name, kana or both months", async () => {
    const net = await makeNetwork(env);
    const rows = ["社員番号,氏名,入社日,退職日,最終所属"];
    for (let i = 0; i < 8; i++) rows.push(`M${i},別人 ${i},2015/4/1,2020/3/31,営業部`);
    rows.push("X1,山田 太郎,2001/4/1,2002/3/31,", "X2,他人,1999/4/1,2000/3/31,");
    await loadRoster(env, net, rows.join("\n"));
    const { item } = await pending(net, {
      name: "山田 太郎",
      employeeNumber: "X2",
      joinYm: "2015-04",
      leaveYm: "2020-03",
    });
    expect(item.candidates).toHaveLength(5);
    expect(item.candidates[0]).toMatchObject({ employeeNumber: "X2", reasons: ["employee_number"] });
    expect(item.candidates[1]).toMatchObject({ employeeNumber: "X1", reasons: ["name"] });
    expect(item.candidates[2].reasons).toEqual(["join_month", "leave_month"]);
  });

  it("lists automatic approvals among the approved ones", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    await register(env, net.slug, u, form({ employeeNumber: "A001" }));
    expect((await queue(net)).json().items).toEqual([]);
    const approved = (await queue(net, net.operator, "?status=approved")).json().items;
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({
      automatic: true,
      decidedBy: null,
      rosterEntryId: (await rosterIds(env, net)).A001,
    });
    expect(approved[0].candidates[0]).toMatchObject({ employeeNumber: "A001", linked: true });
  });
});

describe("approve", () => {
  it("admits the registrant, links the chosen roster row, records who and when, mails in Japanese", async () => {
    const net = await rosterNetwork();
    const ids = await rosterIds(env, net);
    const { u, item } = await pending(net, {
      employeeNumber: "A001",
      name: "山田 花子",
      department: "営業部",
    });
    const res = await decide(net, item.id, "approve", { rosterEntryId: ids.A001 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, undoUntil: null }); // mails go at once in tests (no undo window);

    const [m] = await env.ctx.db
      .select()
      .from(member)
      .where(and(eq(member.organizationId, net.id), eq(member.userId, u.id)));
    expect(m).toMatchObject({
      role: "alumni",
      verifiedVia: "operator_approval",
      verifiedBy: net.operator.id,
      rosterEntryId: ids.A001,
    });
    const [row] = await env.ctx.db.select().from(rosterEntry).where(eq(rosterEntry.id, ids.A001));
    expect(row.linkedUserId).toBe(u.id);
    const [reg] = await env.ctx.db.select().from(registration).where(eq(registration.id, item.id));
    expect(reg).toMatchObject({
      status: "approved",
      decidedBy: net.operator.id,
      matchedRosterEntryId: ids.A001,
    });
    expect(Date.now() - reg.decidedAt!.getTime()).toBeLessThan(60_000);
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, item.id));
    expect(audits.find((x) => x.action === "registration.approve")).toMatchObject({
      actorUserId: net.operator.id,
      data: { userId: u.id, rosterEntryId: ids.A001, alreadyMember: false },
    });

    const listed = (await queue(net, net.operator, "?status=approved")).json().items[0];
    expect(listed).toMatchObject({ decidedBy: "運営 花子", automatic: false, decidedAt: expect.any(String) });
    const all = await mailsTo(env, u.email);
    expect(all.map((x) => x.subject).sort()).toEqual([
      "つながり商事 アルムナイネットワーク：登録が承認されました",
      "つながり商事 アルムナイネットワーク：登録申請を受け付けました",
    ]);
    const [mail] = await decisionMails(u.email);
    expect(mail.text).toContain(`http://localhost:3999/n/${net.slug}`);
    expect(await myStatus(env, net.slug, u)).toBe("approved");
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: u })).statusCode).toBe(200);
  });

  it("works without a roster row, in English for an English user", async () => {
    const net = await rosterNetwork();
    const { u, item } = await pending(net, { name: "存在 しない" }, { locale: "en" });
    expect((await decide(net, item.id, "approve")).statusCode).toBe(200);
    const [mail] = await decisionMails(u.email);
    expect(mail.subject).toBe("つながり商事 alumni network: you are in");
    expect(mail.text).toContain("was approved");
  });

  it("refuses a roster row linked to someone else (409) or not in this network (404), changing nothing", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const ids = await rosterIds(env, net);
    const first = await makeUser(env);
    await register(env, net.slug, first, form({ employeeNumber: "A001" }));
    const { u, item } = await pending(net, { employeeNumber: "A001", name: "山田 花子" });
    const linked = await decide(net, item.id, "approve", { rosterEntryId: ids.A001 });
    expect(linked.statusCode).toBe(409);
    expect(linked.json().error.code).toBe("ROSTER_ENTRY_LINKED");
    const foreign = await decide(net, item.id, "approve", {
      rosterEntryId: (await rosterIds(env, other)).A002,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("ROSTER_ENTRY_NOT_FOUND");
    expect(await myStatus(env, net.slug, u)).toBe("pending");
    const [m] = await env.ctx.db.select().from(member).where(eq(member.userId, u.id));
    expect(m).toBeUndefined();
  });
});

describe("reject", () => {
  it("records who and when and the internal note; the mail never says why and never shows the note", async () => {
    const net = await rosterNetwork();
    const nearMiss = await pending(net, { employeeNumber: "A001", name: "山田 花子" });
    const stranger = await pending(net, { name: "存在 しない" });
    const res = await decide(net, nearMiss.item.id, "reject", {
      note: "社員番号と氏名が一致しない（内部メモ）",
    });
    expect(res.statusCode).toBe(200);
    expect((await decide(net, stranger.item.id, "reject")).statusCode).toBe(200);

    const [reg] = await env.ctx.db.select().from(registration).where(eq(registration.id, nearMiss.item.id));
    expect(reg).toMatchObject({
      status: "rejected",
      decidedBy: net.operator.id,
      decisionNote: "社員番号と氏名が一致しない（内部メモ）",
    });
    expect(reg.decidedAt).toBeInstanceOf(Date);
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, nearMiss.item.id));
    expect(audits.find((x) => x.action === "registration.reject")).toMatchObject({
      actorUserId: net.operator.id,
    });

    const [ma] = await decisionMails(nearMiss.u.email);
    const [mb] = await decisionMails(stranger.u.email);
    expect(ma.subject).toBe("つながり商事 アルムナイネットワーク：登録申請について");
    expect({ subject: ma.subject, text: ma.text, html: ma.html }).toEqual({
      subject: mb.subject,
      text: mb.text,
      html: mb.html,
    });
    expect(ma.text).not.toContain("内部メモ");
    expect(ma.text).not.toMatch(/名簿|社員番号/);

    expect(await myStatus(env, net.slug, nearMiss.u)).toBe("not_approved");
    const mine = await call(env, { url: `/api/n/${net.slug}/registrations/mine`, user: nearMiss.u });
    expect(mine.body).not.toContain("内部メモ");
    const rejected = (await queue(net, net.operator, "?status=rejected")).json().items;
    expect(rejected.map((i: any) => i.note)).toContain("社員番号と氏名が一致しない（内部メモ）");
    // Rejected people may register again (rate-limited like everyone).
    expect((await register(env, net.slug, nearMiss.u, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
  });

  it("sends the English rejection to an English user", async () => {
    const net = await rosterNetwork();
    const { u, item } = await pending(net, { name: "存在 しない" }, { locale: "en" });
    // No body at all is fine (the note is optional).
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/registrations/${item.id}/reject`,
      user: net.operator,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [mail] = await decisionMails(u.email);
    expect(mail.subject).toBe("つながり商事 alumni network: about your registration");
    expect(mail.text).toContain("could not complete your registration");
  });
});

describe("one decision per registration", () => {
  it.each([
    ["approve", "approve"],
    ["approve", "reject"],
    ["reject", "approve"],
    ["reject", "reject"],
  ] as const)("%s then %s → 409 REGISTRATION_ALREADY_DECIDED", async (first, second) => {
    const net = await rosterNetwork();
    const { u, item } = await pending(net, { name: "存在 しない" });
    expect((await decide(net, item.id, first)).statusCode).toBe(200);
    const again = await decide(net, item.id, second);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("REGISTRATION_ALREADY_DECIDED");
    expect(again.json().error.messages.ja).toContain(first === "approve" ? "承認" : "却下");
    expect(await decisionMails(u.email)).toHaveLength(1);
  });

  it("two operators deciding at once: exactly one wins", async () => {
    const net = await rosterNetwork();
    const { item } = await pending(net, { name: "存在 しない" });
    const results = await Promise.all([decide(net, item.id, "approve"), decide(net, item.id, "reject")]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe("guards", () => {
  it("401 anonymous, 403 alumni/employees, 404 for another network's operator and another network's ids", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const { item } = await pending(net, { name: "存在 しない" });
    const alumnus = await makeMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    for (const [what, payload] of [
      ["list", undefined],
      ["approve", {}],
      ["reject", {}],
    ] as const) {
      const send = (u: TestUser | null, n = net) =>
        what === "list" ? queue(n, u) : decide(n, item.id, what, payload, u);
      expect((await send(null)).statusCode).toBe(401);
      expect((await send(alumnus)).statusCode).toBe(403);
      expect((await send(employee)).statusCode).toBe(403);
      const outside = await send(other.operator);
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain(item.id);
      if (what !== "list") {
        // The other network's operator, through their own network: the id is not theirs.
        const foreign = await send(other.operator, other);
        expect(foreign.statusCode).toBe(404);
        expect(foreign.json().error.code).toBe("NOT_FOUND");
      } else {
        expect((await send(other.operator, other)).json().items).toEqual([]);
      }
    }
    expect((await queue(net)).json().items.map((i: any) => i.status)).toEqual(["pending"]);
  });
});
