// Consent: members change their opt-ins (effective at once, every change logged), accept newer
// privacy notice versions; operators publish versions. Guards on every route.

import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, consentLog } from "../../db/schema/index.ts";
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
import { admitTestMember } from "../members/testing.ts";
import { getConsent } from "./service.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const CHOICES = { directory: true, rehire: false, freelance: false, events: true, surveys: false };
const getC = (net: TestNetwork, u: TestUser | null) =>
  call(env, { url: `/api/n/${net.slug}/consent`, user: u });
const putC = (net: TestNetwork, u: TestUser | null, payload: unknown) =>
  call(env, { method: "PUT", url: `/api/n/${net.slug}/consent`, user: u, payload });
const notices = (net: TestNetwork, u: TestUser | null) =>
  call(env, { url: `/api/n/${net.slug}/privacy-notices`, user: u });
const NOTICE = {
  body: "2025年版：アルムナイネットワークの運営と再雇用のご案内に利用します。",
  purposes: ["運営", "再雇用"],
};
const publish = (net: TestNetwork, u: TestUser | null, payload: unknown = NOTICE) =>
  call(env, { method: "POST", url: `/api/n/${net.slug}/privacy-notices`, user: u, payload });

async function logOf(net: TestNetwork, u: TestUser) {
  return env.ctx.db
    .select()
    .from(consentLog)
    .where(and(eq(consentLog.networkId, net.id), eq(consentLog.userId, u.id)))
    .orderBy(asc(consentLog.createdAt));
}

describe("my consent", () => {
  it("shows the accepted version, the latest version and the opt-ins", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const res = await getC(net, u);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      noticeVersion: 1,
      latestNoticeVersion: 1,
      acceptedAt: expect.any(String),
      choices: CHOICES,
      updatedAt: expect.any(String),
    });
  });

  it("shows nothing accepted for a member without a consent record", async () => {
    const net = await makeNetwork(env);
    const u = await makeMember(env, net, "employee");
    expect((await getC(net, u)).json()).toEqual({
      noticeVersion: null,
      latestNoticeVersion: 1,
      acceptedAt: null,
      choices: { directory: false, rehire: false, freelance: false, events: false, surveys: false },
      updatedAt: null,
    });
    const refused = await putC(net, u, CHOICES);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("NOTICE_NOT_ACCEPTED");
    const ok = await putC(net, u, { ...CHOICES, acceptNoticeVersion: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ noticeVersion: 1, choices: CHOICES });
    expect((await logOf(net, u)).map((l) => l.change.event)).toEqual(["accepted"]);
  });

  it("changes take effect at once (the directory hides the member) and every change is logged", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni", { name: "同意 変更" });
    const peer = await admitTestMember(env, net, "alumni");
    expect((await call(env, { url: `/api/n/${net.slug}/profiles/${u.id}`, user: peer })).statusCode).toBe(
      200,
    );

    const res = await putC(net, u, { ...CHOICES, directory: false, rehire: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().choices).toEqual({ ...CHOICES, directory: false, rehire: true });
    expect((await getC(net, u)).json().choices.directory).toBe(false);
    expect((await getConsent(await loadNetworkScope(env.ctx, { id: net.id }), u.id))?.choices).toEqual({
      ...CHOICES,
      directory: false,
      rehire: true,
    });
    expect((await call(env, { url: `/api/n/${net.slug}/profiles/${u.id}`, user: peer })).statusCode).toBe(
      404,
    );

    const log = await logOf(net, u);
    expect(log).toHaveLength(2); // the acceptance at admission, then the change
    expect(log[1].noticeVersion).toBe(1);
    expect(log[1].change).toMatchObject({
      event: "updated",
      directory: false,
      rehire: true,
      changed: ["directory", "rehire"],
      previous: CHOICES,
    });
    // Saving the same choices again changes nothing and logs nothing.
    await putC(net, u, { ...CHOICES, directory: false, rehire: true });
    expect(await logOf(net, u)).toHaveLength(2);
  });

  it("accepting a newer notice: the stale version is refused, the latest one recorded", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    expect((await publish(net, net.operator)).json()).toEqual({ version: 2 });
    expect((await getC(net, u)).json()).toMatchObject({ noticeVersion: 1, latestNoticeVersion: 2 });

    const stale = await putC(net, u, { ...CHOICES, surveys: true, acceptNoticeVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("NOTICE_OUTDATED");
    expect(stale.json().error.messages.en).toMatch(/updated/);
    expect((await getC(net, u)).json().choices.surveys).toBe(false);
    const future = await putC(net, u, { ...CHOICES, acceptNoticeVersion: 3 });
    expect(future.json().error.code).toBe("NOTICE_OUTDATED");

    const before = (await getC(net, u)).json().acceptedAt;
    const ok = await putC(net, u, { ...CHOICES, acceptNoticeVersion: 2 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ noticeVersion: 2, latestNoticeVersion: 2, choices: CHOICES });
    expect(ok.json().acceptedAt >= before).toBe(true);
    const last = (await logOf(net, u)).at(-1)!;
    expect(last.noticeVersion).toBe(2);
    expect(last.change).toMatchObject({ event: "accepted", changed: [], previousNoticeVersion: 1 });
  });

  it("rejects a body without every opt-in (400)", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const res = await putC(net, u, { directory: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("401 anonymous; 404 for another network and for a suspended member", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    expect((await getC(net, null)).statusCode).toBe(401);
    expect((await putC(net, null, CHOICES)).statusCode).toBe(401);
    expect((await getC(other, u)).statusCode).toBe(404);
    const put = await putC(other, u, { ...CHOICES, acceptNoticeVersion: 1 });
    expect(put.statusCode).toBe(404);
    expect(put.body).not.toContain(other.id);
    await setMemberStatus(env, net.id, u.id, "suspended");
    expect((await getC(net, u)).statusCode).toBe(404);
  });
});

describe("privacy notices (operators)", () => {
  it("lists every version newest first; publishing creates the next version, audited", async () => {
    const net = await makeNetwork(env);
    const res = await publish(net, net.operator);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ version: 2 });
    expect((await publish(net, net.operator, { ...NOTICE, purposes: ["運営"] })).json()).toEqual({
      version: 3,
    });
    const items = (await notices(net, net.operator)).json().items;
    expect(items.map((i: any) => i.version)).toEqual([3, 2, 1]);
    expect(items[1]).toEqual({
      version: 2,
      body: NOTICE.body,
      purposes: NOTICE.purposes,
      createdAt: expect.any(String),
    });
    const audits = await env.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.networkId, net.id), eq(auditLog.action, "privacy_notice.create")));
    expect(audits.map((a) => a.data?.version).sort()).toEqual([2, 3]);
    expect(audits[0].actorUserId).toBe(net.operator.id);
    const pub = (await call(env, { url: `/api/networks/${net.slug}/public` })).json();
    expect(pub.privacyNotice.version).toBe(3);
  });

  it("validates the notice (400) and publishes nothing", async () => {
    const net = await makeNetwork(env);
    for (const bad of [
      { body: "短い", purposes: ["運営"] },
      { body: NOTICE.body, purposes: [] },
      { body: NOTICE.body },
    ]) {
      const res = await publish(net, net.operator, bad);
      expect(res.statusCode).toBe(400);
    }
    expect((await notices(net, net.operator)).json().items).toHaveLength(1);
  });

  it("publishing twice at once gives two consecutive versions", async () => {
    const net = await makeNetwork(env);
    const results = await Promise.all([publish(net, net.operator), publish(net, net.operator)]);
    expect(results.map((r) => r.json().version).sort()).toEqual([2, 3]);
  });

  it("401 anonymous, 403 alumni and employees, 404 for another network's operator", async () => {
    const net = await makeNetwork(env);
    const other = await makeNetwork(env);
    const alumnus = await makeMember(env, net, "alumni");
    const employee = await makeMember(env, net, "employee");
    for (const send of [(u: TestUser | null) => notices(net, u), (u: TestUser | null) => publish(net, u)]) {
      expect((await send(null)).statusCode).toBe(401);
      expect((await send(alumnus)).statusCode).toBe(403);
      expect((await send(employee)).statusCode).toBe(403);
      const outside = await send(other.operator);
      expect(outside.statusCode).toBe(404);
      expect(outside.body).not.toContain("アルムナイ");
    }
    expect((await notices(net, net.operator)).json().items).toHaveLength(1);
  });
});
