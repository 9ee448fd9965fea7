// Accepting an invitation: pre-verified membership, profile seeded from the roster, consent,
// single use (also under concurrency), stale privacy notice, already a member.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentLog, member, memberConsent, organization, profile, user } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  uniq,
} from "../../test/harness.ts";
import { insertNotice } from "../networks/index.ts";
import { uploadRoster } from "../roster/testing.ts";
import { CONSENT, inviteByEmail, tokenFromMail } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const accept = (token: string, u: any, body: unknown = CONSENT) =>
  call(env, { method: "POST", url: `/api/invitations/${token}/accept`, user: u, payload: body });

async function memberRow(networkId: string, userId: string) {
  const [m] = await env.ctx.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, networkId), eq(member.userId, userId)));
  return m;
}

describe("accepting an invitation", () => {
  it("creates a verified member with a profile seeded from the roster row and the consent given", async () => {
    const net = await makeNetwork(env);
    const email = `${uniq("ac")}@example.com`;
    await uploadRoster(
      env,
      net.slug,
      net.operator,
      `社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス\nK7,高橋 美咲,タカハシ ミサキ,2016/4/1,2023/6/30,マーケティング部,${email}\n`,
    );
    const roster = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json()
      .items[0];
    await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { rosterEntryIds: [roster.id] },
    });
    const token = await tokenFromMail(env, email);
    const u = await makeUser(env, { name: "田中 美咲" });
    const res = await accept(token, u);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ networkSlug: net.slug });

    const m = await memberRow(net.id, u.id);
    expect(m).toMatchObject({
      role: "alumni",
      status: "active",
      verifiedVia: "invitation",
      rosterEntryId: roster.id,
    });
    expect(m.verifiedBy).toBe(net.operator.id);
    const [p] = await env.ctx.db
      .select()
      .from(profile)
      .where(and(eq(profile.networkId, net.id), eq(profile.userId, u.id)));
    expect(p).toMatchObject({
      displayName: "田中 美咲",
      nameWhileEmployed: "高橋 美咲",
      nameKana: "タカハシ ミサキ",
      joinYm: "2016-04",
      leaveYm: "2023-06",
      departments: ["マーケティング部"],
    });
    const [c] = await env.ctx.db
      .select()
      .from(memberConsent)
      .where(and(eq(memberConsent.networkId, net.id), eq(memberConsent.userId, u.id)));
    expect(c).toMatchObject({
      noticeVersion: 1,
      directory: true,
      rehire: true,
      freelance: false,
      events: true,
      surveys: false,
    });
    const logs = await env.ctx.db.select().from(consentLog).where(eq(consentLog.userId, u.id));
    expect(logs).toHaveLength(1);
    const me = (await call(env, { url: "/api/me", user: u })).json();
    expect(me.networks).toEqual([expect.objectContaining({ slug: net.slug, role: "alumni" })]);
    const state = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items[0]
      .state;
    expect(state).toBe("member");
    const list = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json();
    expect(list.items[0]).toMatchObject({
      status: "accepted",
      acceptedAt: expect.any(String),
      createdVia: "operator",
    });
  });

  it("is single use: a second accept fails and the link shows as invalid", async () => {
    const net = await makeNetwork(env);
    const { token } = await inviteByEmail(env, net, `${uniq("su")}@example.com`);
    const first = await makeUser(env);
    const second = await makeUser(env);
    expect((await accept(token, first)).statusCode).toBe(200);
    const again = await accept(token, second);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("INVITATION_INVALID");
    expect((await accept(token, first)).json().error.code).toBe("INVITATION_INVALID");
    expect((await call(env, { url: `/api/invitations/${token}` })).statusCode).toBe(404);
    expect(await memberRow(net.id, second.id)).toBeUndefined();
  });

  it("is single use under concurrency: of two simultaneous accepts exactly one succeeds", async () => {
    const net = await makeNetwork(env);
    const { token } = await inviteByEmail(env, net, `${uniq("cc")}@example.com`);
    const people = await Promise.all([makeUser(env), makeUser(env), makeUser(env)]);
    const results = await Promise.all(people.map((u) => accept(token, u)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 404, 404]);
    const rows = await env.ctx.db.select().from(member).where(eq(member.organizationId, net.id));
    expect(rows.filter((r) => r.verifiedVia === "invitation")).toHaveLength(1);
  });

  it("seeds the name while employed from an ad-hoc invitee and gives the invited role", async () => {
    const net = await makeNetwork(env);
    const { token } = await inviteByEmail(env, net, `${uniq("ah")}@example.com`, { role: "employee" });
    const u = await makeUser(env, { name: "招待 太郎（新姓）" });
    expect((await accept(token, u)).statusCode).toBe(200);
    expect((await memberRow(net.id, u.id)).role).toBe("employee");
    const [p] = await env.ctx.db
      .select()
      .from(profile)
      .where(and(eq(profile.networkId, net.id), eq(profile.userId, u.id)));
    expect(p).toMatchObject({
      displayName: "招待 太郎（新姓）",
      nameWhileEmployed: "招待 太郎",
      joinYm: null,
      departments: [],
    });
  });

  it("refuses someone who already is a member, without using up the invitation", async () => {
    const net = await makeNetwork(env);
    const alum = await makeMember(env, net, "alumni");
    const { token } = await inviteByEmail(env, net, `${uniq("am")}@example.com`);
    const res = await accept(token, alum);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("ALREADY_MEMBER");
    expect(res.json().error.messages.en).toBe("You are already a member of this network.");
    expect((await accept(token, net.operator)).json().error.code).toBe("ALREADY_MEMBER");
    expect((await call(env, { url: `/api/invitations/${token}` })).statusCode).toBe(200);
  });

  it("requires the latest privacy notice version", async () => {
    const net = await makeNetwork(env);
    const { token } = await inviteByEmail(env, net, `${uniq("pn")}@example.com`);
    await insertNotice(env.ctx.db, {
      networkId: net.id,
      body: "改定したプライバシーポリシーです。利用目的を追加しました。",
      purposes: ["ネットワーク運営", "イベントのご案内"],
      createdBy: net.operator.id,
    });
    expect((await call(env, { url: `/api/invitations/${token}` })).json().privacyNotice.version).toBe(2);
    const u = await makeUser(env);
    const stale = await accept(token, u);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("NOTICE_OUTDATED");
    expect(stale.json().error.messages.ja).toContain("プライバシーポリシー");
    const body = { consent: { ...CONSENT.consent, noticeVersion: 2 } };
    expect((await accept(token, u, body)).statusCode).toBe(200);
    const [c] = await env.ctx.db
      .select()
      .from(memberConsent)
      .where(and(eq(memberConsent.networkId, net.id), eq(memberConsent.userId, u.id)));
    expect(c.noticeVersion).toBe(2);
  });

  it("requires a verified email, a complete consent and an active network", async () => {
    const net = await makeNetwork(env);
    const { token } = await inviteByEmail(env, net, `${uniq("vf")}@example.com`);
    const u = await makeUser(env);
    const bad = await accept(token, u, { consent: { noticeVersion: 1, directory: true } });
    expect(bad.statusCode).toBe(400);
    await env.ctx.db.update(user).set({ emailVerified: false }).where(eq(user.id, u.id));
    const unverified = await accept(token, u);
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().error.code).toBe("EMAIL_NOT_VERIFIED");
    await env.ctx.db.update(user).set({ emailVerified: true }).where(eq(user.id, u.id));
    await env.ctx.db.update(organization).set({ status: "suspended" }).where(eq(organization.id, net.id));
    expect((await call(env, { url: `/api/invitations/${token}` })).statusCode).toBe(404);
    expect((await accept(token, u)).json().error.code).toBe("INVITATION_INVALID");
    await env.ctx.db.update(organization).set({ status: "active" }).where(eq(organization.id, net.id));
    expect((await accept(token, u)).statusCode).toBe(200);
  });
});
