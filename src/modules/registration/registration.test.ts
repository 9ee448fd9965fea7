// Submitting a registration: automatic approval on a confident roster match, the queue for
// everything else (with one and the same answer), rate limits, and who may register.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  consentLog,
  member,
  memberConsent,
  profile,
  registration,
  registrationAttempt,
  rosterEntry,
} from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestNetwork,
} from "../../test/harness.ts";
import { insertNotice } from "../networks/index.ts";
import { REGISTRATION_LIMITS } from "./rate-limit.ts";
import { form, loadRoster, makeUnverifiedUser, myStatus, register, rosterIds, setPolicy } from "./testing.ts";

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

async function memberOf(networkId: string, userId: string) {
  const [m] = await env.ctx.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, networkId), eq(member.userId, userId)));
  return m;
}

describe("confident matches are approved at once", () => {
  it("employee number + name: member, roster linked, profile and consent from the form, mail", async () => {
    const net = await rosterNetwork();
    const ids = await rosterIds(env, net);
    const u = await makeUser(env, { name: "山田 太郎（新姓）" });
    const res = await register(
      env,
      net.slug,
      u,
      form({
        name: "山田　太郎",
        employeeNumber: "ａ００１ ",
        department: "営業部",
        nameKana: "ヤマダ タロウ",
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: "approved" });

    expect(await memberOf(net.id, u.id)).toMatchObject({
      role: "alumni",
      status: "active",
      verifiedVia: "roster_match",
      verifiedBy: null,
      rosterEntryId: ids.A001,
    });
    const [row] = await env.ctx.db.select().from(rosterEntry).where(eq(rosterEntry.id, ids.A001));
    expect(row.linkedUserId).toBe(u.id);
    const [p] = await env.ctx.db
      .select()
      .from(profile)
      .where(and(eq(profile.networkId, net.id), eq(profile.userId, u.id)));
    expect(p).toMatchObject({
      displayName: "山田 太郎（新姓）",
      nameWhileEmployed: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      joinYm: "2010-04",
      leaveYm: "2018-03",
      departments: ["営業部"],
    });
    const [c] = await env.ctx.db
      .select()
      .from(memberConsent)
      .where(and(eq(memberConsent.networkId, net.id), eq(memberConsent.userId, u.id)));
    expect(c).toMatchObject({ noticeVersion: 1, directory: true, freelance: true, rehire: false });
    const [reg] = await env.ctx.db.select().from(registration).where(eq(registration.userId, u.id));
    expect(reg).toMatchObject({ status: "approved", matchedRosterEntryId: ids.A001, employeeNumber: "a001" });
    expect(reg.decidedAt).toBeInstanceOf(Date);
    const audits = await env.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, reg.id));
    expect(audits.map((a) => a.action)).toEqual(["registration.auto_approve"]);

    const mails = await mailsTo(env, u.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain("登録が承認されました");
    expect(mails[0].text).toContain(`http://localhost:3999/n/${net.slug}`);
    expect(await myStatus(env, net.slug, u)).toBe("approved");
    expect((await call(env, { url: "/api/me", user: u })).json().applications).toEqual([]);
    const me = (await call(env, { url: "/api/me", user: u })).json();
    expect(me.networks).toEqual([expect.objectContaining({ slug: net.slug, role: "alumni" })]);
  });

  it("employee number + kana when the name is written differently (English mail for an English user)", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env, { locale: "en" });
    const res = await register(
      env,
      net.slug,
      u,
      form({
        name: "佐藤 はな子",
        nameKana: "さとう はなこ",
        employeeNumber: "A002",
        joinYm: "2012-04",
        leaveYm: "2020-09",
      }),
    );
    expect(res.json()).toEqual({ status: "approved" });
    expect((await memberOf(net.id, u.id)).verifiedVia).toBe("roster_match");
    const mails = await mailsTo(env, u.email);
    expect(mails[0].subject).toBe("つながり商事 alumni network: you are in");
  });

  it("name + join and leave months without an employee number (lenient policy)", async () => {
    const net = await rosterNetwork();
    await setPolicy(env, net, "lenient");
    const u = await makeUser(env);
    const res = await register(
      env,
      net.slug,
      u,
      form({ name: "高橋美咲", joinYm: "2016-04", leaveYm: "2023-06" }),
    );
    expect(res.json()).toEqual({ status: "approved" });
    expect((await memberOf(net.id, u.id)).rosterEntryId).toBe((await rosterIds(env, net)).A005);
  });
});

describe("everything else goes to the queue, with the same answer", () => {
  it.each([
    ["employee number right, name wrong", form({ employeeNumber: "A001", name: "山田 花子" })],
    ["employee number wrong, name and months right", form({ employeeNumber: "A999" })],
    ["name right, leave month wrong", form({ name: "高橋 美咲", joinYm: "2016-04", leaveYm: "2023-07" })],
    ["name right, join month wrong", form({ name: "高橋 美咲", joinYm: "2016-05", leaveYm: "2023-06" })],
    ["two identical roster rows", form({ name: "鈴木 一郎", joinYm: "2005-04", leaveYm: "2015-03" })],
    ["not in the roster", form({ name: "存在 しない", joinYm: "2001-04", leaveYm: "2002-03" })],
  ])("%s → pending, no member", async (_, body) => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    const res = await register(env, net.slug, u, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: "pending" });
    expect(await memberOf(net.id, u.id)).toBeUndefined();
    const linked = await env.ctx.db.select().from(rosterEntry).where(eq(rosterEntry.networkId, net.id));
    expect(linked.filter((r) => r.linkedUserId)).toEqual([]);
    expect(await myStatus(env, net.slug, u)).toBe("pending");
    // The web shows where the application stands after every sign-in (/api/me).
    const me = (await call(env, { url: "/api/me", user: u })).json();
    expect(me.applications).toEqual([{ slug: net.slug, name: "つながり商事", status: "pending" }]);
    const mails = await mailsTo(env, u.email);
    expect(mails.map((m) => m.subject)).toEqual([
      "つながり商事 アルムナイネットワーク：登録申請を受け付けました",
    ]);
  });

  it("a row already linked to someone goes to the queue", async () => {
    const net = await rosterNetwork();
    const first = await makeUser(env);
    expect((await register(env, net.slug, first, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
    const second = await makeUser(env);
    expect((await register(env, net.slug, second, form({ employeeNumber: "A001" }))).json().status).toBe(
      "pending",
    );
    expect(await memberOf(net.id, second.id)).toBeUndefined();
    const [row] = await env.ctx.db
      .select()
      .from(rosterEntry)
      .where(and(eq(rosterEntry.networkId, net.id), eq(rosterEntry.employeeNumber, "A001")));
    expect(row.linkedUserId).toBe(first.id);
  });

  it("answers a near miss exactly as it answers someone not in the roster (body, headers, mail)", async () => {
    const net = await rosterNetwork();
    const nearMiss = await makeUser(env);
    const stranger = await makeUser(env);
    const a = await register(env, net.slug, nearMiss, form({ employeeNumber: "A001", name: "山田 花子" }));
    const b = await register(env, net.slug, stranger, form({ name: "存在 しない" }));
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body).toBe(b.body);
    expect(a.headers["content-type"]).toBe(b.headers["content-type"]);
    const [ma] = await mailsTo(env, nearMiss.email);
    const [mb] = await mailsTo(env, stranger.email);
    expect({ subject: ma.subject, text: ma.text }).toEqual({ subject: mb.subject, text: mb.text });
  });

  it("records the consent given with a pending registration (notice version and when)", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    await register(env, net.slug, u, form({ name: "存在 しない" }));
    const [c] = await env.ctx.db
      .select()
      .from(memberConsent)
      .where(and(eq(memberConsent.networkId, net.id), eq(memberConsent.userId, u.id)));
    expect(c).toMatchObject({ noticeVersion: 1, directory: true, events: true, surveys: false });
    expect(c.acceptedAt).toBeInstanceOf(Date);
    const [log] = await env.ctx.db.select().from(consentLog).where(eq(consentLog.userId, u.id));
    expect(log.change).toMatchObject({ event: "registration", directory: true });
  });
});

describe("who may register", () => {
  it("refuses an unverified email address (and records no attempt)", async () => {
    const net = await rosterNetwork();
    const u = await makeUnverifiedUser(env);
    const res = await register(env, net.slug, u, form({ employeeNumber: "A001" }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await memberOf(net.id, u.id)).toBeUndefined();
    const attempts = await env.ctx.db
      .select()
      .from(registrationAttempt)
      .where(eq(registrationAttempt.userId, u.id));
    expect(attempts).toEqual([]);
  });

  it("401 anonymous; 404 for an unknown or suspended network (registration and status)", async () => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    expect((await register(env, net.slug, null, form({}))).statusCode).toBe(401);
    expect((await call(env, { url: `/api/n/${net.slug}/registrations/mine` })).statusCode).toBe(401);
    expect((await register(env, "no-such-network", u, form({}))).statusCode).toBe(404);
    expect((await call(env, { url: "/api/n/no-such-network/registrations/mine", user: u })).statusCode).toBe(
      404,
    );
    const { organization } = await import("../../db/schema/index.ts");
    await env.ctx.db.update(organization).set({ status: "suspended" }).where(eq(organization.id, net.id));
    const res = await register(env, net.slug, u, form({}));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(net.id);
  });

  it("409 for a member, and for a second registration while one is pending", async () => {
    const net = await rosterNetwork();
    const alumnus = await makeMember(env, net, "alumni");
    const res = await register(env, net.slug, alumnus, form({}));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("ALREADY_MEMBER");

    const u = await makeUser(env);
    expect((await register(env, net.slug, u, form({ name: "存在 しない" }))).json().status).toBe("pending");
    const again = await register(env, net.slug, u, form({ employeeNumber: "A001" }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("REGISTRATION_PENDING");
    expect(again.json().error.messages.ja).toBeTruthy();
    expect(await memberOf(net.id, u.id)).toBeUndefined();
  });

  it("409 NOTICE_OUTDATED when the consent names an old privacy notice version", async () => {
    const net = await rosterNetwork();
    await env.ctx.db.transaction((tx) =>
      insertNotice(tx, {
        networkId: net.id,
        body: "改定版のプライバシーポリシーです。".repeat(3),
        purposes: ["運営"],
        createdBy: null,
      }),
    );
    const u = await makeUser(env);
    const res = await register(env, net.slug, u, form({ employeeNumber: "A001" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("NOTICE_OUTDATED");
    expect(await memberOf(net.id, u.id)).toBeUndefined();
    const ok = await register(
      env,
      net.slug,
      u,
      form({ employeeNumber: "A001", consent: { ...form({}).consent, noticeVersion: 2 } }),
    );
    expect(ok.json()).toEqual({ status: "approved" });
  });

  it.each([
    ["leave before join", { joinYm: "2018-04", leaveYm: "2018-03" }, "leaveYm"],
    ["future month", { joinYm: "2010-04", leaveYm: "2999-01" }, "leaveYm"],
    ["bad format", { joinYm: "2010/4" }, "joinYm"],
    ["empty name", { name: "　" }, "name"],
    ["name too long", { name: "あ".repeat(51) }, "name"],
    ["missing consent", { consent: undefined }, "consent"],
  ])("400 on invalid input: %s", async (_, extra, path) => {
    const net = await rosterNetwork();
    const u = await makeUser(env);
    const res = await register(env, net.slug, u, form(extra));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.json().error.details)).toContain(path);
  });
});

describe("rate limits (stored in the database)", () => {
  it(`allows ${REGISTRATION_LIMITS.perUser} attempts per person per network a day, then 429`, async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const u = await makeUser(env);
    const codes: number[] = [];
    for (let i = 0; i < REGISTRATION_LIMITS.perUser; i++) {
      codes.push((await register(env, net.slug, u, form({ name: `存在 しない${i}` }))).statusCode);
    }
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    const limited = await register(env, net.slug, u, form({ employeeNumber: "A001" }));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RATE_LIMITED");
    expect(limited.json().error.messages.en).toMatch(/Too many attempts/);
    expect(await memberOf(net.id, u.id)).toBeUndefined();
    // Another network counts separately.
    expect((await register(env, other.slug, u, form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
  });

  it(`allows ${REGISTRATION_LIMITS.perIp} attempts per client address an hour, then 429 (even for new accounts)`, async () => {
    const net = await rosterNetwork();
    // An address of its own: the limit spans networks, and a PostgreSQL test database may keep
    // earlier runs' attempts for the hour.
    const ip = `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
    const people = await Promise.all(Array.from({ length: 5 }, () => makeUser(env)));
    let sent = 0;
    for (const u of people.slice(0, 4)) {
      for (let i = 0; i < REGISTRATION_LIMITS.perIp / 4; i++) {
        const r = await register(env, net.slug, u, form({ name: `存在 しない${i}` }), { ip });
        expect(r.statusCode).not.toBe(429);
        sent++;
      }
    }
    expect(sent).toBe(REGISTRATION_LIMITS.perIp);
    const res = await register(env, net.slug, people[4], form({ employeeNumber: "A001" }), { ip });
    expect(res.statusCode).toBe(429);
    expect((await register(env, net.slug, people[4], form({ employeeNumber: "A001" }))).json().status).toBe(
      "approved",
    );
    const stored = await env.ctx.db
      .select()
      .from(registrationAttempt)
      .where(eq(registrationAttempt.networkId, net.id));
    expect(stored.some((a) => a.ipHash?.includes(ip))).toBe(false);
  });
});

describe("OpenAPI", () => {
  it("documents the registration, consent and welcome survey routes from the zod schemas", async () => {
    const res = await call(env, { url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    const post = paths["/api/n/{slug}/registrations"].post;
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["name", "joinYm", "leaveYm", "consent"]));
    expect(post.responses["201"]).toBeTruthy();
    for (const p of [
      "/api/n/{slug}/registrations/mine",
      "/api/n/{slug}/registrations/{id}/approve",
      "/api/n/{slug}/registrations/{id}/reject",
      "/api/n/{slug}/consent",
      "/api/n/{slug}/privacy-notices",
      "/api/n/{slug}/welcome-survey",
      "/api/n/{slug}/welcome-survey/summary",
    ]) {
      expect(paths[p], p).toBeTruthy();
    }
    expect(paths["/api/n/{slug}/consent"].put).toBeTruthy();
    expect(paths["/api/n/{slug}/welcome-survey"].post.requestBody).toBeTruthy();
  });
});
