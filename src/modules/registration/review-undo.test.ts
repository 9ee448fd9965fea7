// Undoing an approval or a rejection (取り消す): the decision mail waits, the operator who decided
// takes it back while it waits, and the registration is pending again as if nothing happened —
// member, profile, directory rows and roster link gone, no mail ever sent. Refused once anything
// depends on the decision.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  directoryEntry,
  directoryTerm,
  member,
  profile,
  registration,
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
  type TestUser,
} from "../../test/harness.ts";
import { form, loadRoster, myStatus, register, rosterIds } from "./testing.ts";

const DELAY = 30;
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ decisionMailDelaySeconds: DELAY });
});
afterAll(() => env?.close());

async function rosterNetwork(): Promise<TestNetwork> {
  const net = await makeNetwork(env, { name: "つながり商事" });
  await loadRoster(env, net);
  return net;
}

const post = (
  net: TestNetwork,
  id: string,
  what: "approve" | "reject" | "undo",
  u: TestUser | null,
  payload?: unknown,
) =>
  call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/registrations/${id}/${what}`,
    user: u,
    payload: payload ?? {},
  });

/** A pending registration by a new user, in 開発部 (a directory term once admitted). */
async function pending(net: TestNetwork, extra: Record<string, unknown> = {}) {
  const u = await makeUser(env, { name: "登録 希望者" });
  const res = await register(
    env,
    net.slug,
    u,
    form({ name: "伊藤 健", joinYm: "2016-04", leaveYm: "2023-05", department: "開発部", ...extra }),
  );
  expect(res.json().status).toBe("pending");
  const item = (await call(env, { url: `/api/n/${net.slug}/registrations`, user: net.operator }))
    .json()
    .items.find((i: any) => i.email === u.email);
  return { u, id: item.id as string };
}

const decisionMails = async (email: string) =>
  (await mailsTo(env, email)).filter((m) => !/受け付けました|registration received/.test(m.subject));

async function membership(net: TestNetwork, userId: string) {
  const [m] = await env.ctx.db
    .select()
    .from(member)
    .where(and(eq(member.organizationId, net.id), eq(member.userId, userId)));
  return m;
}

async function terms(net: TestNetwork) {
  return env.ctx.db
    .select({ audience: directoryTerm.audience, key: directoryTerm.key, count: directoryTerm.count })
    .from(directoryTerm)
    .where(and(eq(directoryTerm.networkId, net.id), eq(directoryTerm.field, "departments")));
}

describe("undoing an approval", () => {
  it("the welcome mail waits; undo takes back the member, their directory rows and the roster link", async () => {
    const net = await rosterNetwork();
    const ids = await rosterIds(env, net);
    const { u, id } = await pending(net);
    const before = await terms(net);
    const res = await post(net, id, "approve", net.operator, { rosterEntryId: ids.A006 });
    expect(res.statusCode, res.body).toBe(200);
    const undoUntil = Date.parse(res.json().undoUntil);
    expect(undoUntil - Date.now()).toBeGreaterThan((DELAY - 5) * 1000);
    expect(undoUntil - Date.now()).toBeLessThanOrEqual(DELAY * 1000);
    // Admitted and listed at once; the mail waits (a drain now sends nothing).
    expect(await membership(net, u.id)).toBeTruthy();
    expect((await terms(net)).length).toBeGreaterThan(before.length);
    expect(await decisionMails(u.email)).toEqual([]);

    const undo = await post(net, id, "undo", net.operator);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ ok: true });
    expect(await membership(net, u.id)).toBeUndefined();
    expect(
      await env.ctx.db
        .select()
        .from(profile)
        .where(and(eq(profile.networkId, net.id), eq(profile.userId, u.id))),
    ).toEqual([]);
    expect(
      await env.ctx.db
        .select()
        .from(directoryEntry)
        .where(and(eq(directoryEntry.networkId, net.id), eq(directoryEntry.userId, u.id))),
    ).toEqual([]);
    expect(await terms(net)).toEqual(before); // the department's suggestion count is back too
    const [row] = await env.ctx.db.select().from(rosterEntry).where(eq(rosterEntry.id, ids.A006));
    expect(row.linkedUserId).toBeNull();
    const [reg] = await env.ctx.db.select().from(registration).where(eq(registration.id, id));
    expect(reg).toMatchObject({
      status: "pending",
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      matchedRosterEntryId: null,
    });
    expect(await myStatus(env, net.slug, u)).toBe("pending");
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: u })).statusCode).toBe(404);
    const queue = (await call(env, { url: `/api/n/${net.slug}/registrations`, user: net.operator })).json()
      .items;
    expect(queue.map((i: any) => i.id)).toEqual([id]);
    expect(queue[0].candidates[0]).toMatchObject({ employeeNumber: "A006", linked: false });
    const [entry] = await env.ctx.db
      .select({ actor: auditLog.actorUserId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "registration.undo")));
    expect(entry).toEqual({
      actor: net.operator.id,
      data: { from: "approved", userId: u.id, memberRemoved: true, rosterEntryId: ids.A006 },
    });
    // A second undo has nothing to take back.
    expect((await post(net, id, "undo", net.operator)).json().error.code).toBe("REGISTRATION_NOT_DECIDED");

    // Decided again: admitted again, and the welcome mail is queued again (not swallowed by the
    // first one's key) — the proof being that this approval, too, can be undone by its mail.
    expect((await post(net, id, "approve", net.operator, { rosterEntryId: ids.A006 })).statusCode).toBe(200);
    expect((await membership(net, u.id))?.rosterEntryId).toBe(ids.A006);
    expect((await post(net, id, "undo", net.operator)).statusCode).toBe(200);
    expect(await decisionMails(u.email)).toEqual([]);
  });

  it("is refused once the mail went, once the member opened the network, or after ten minutes", async () => {
    const net = await rosterNetwork();
    // The mail went: an installation that sends decision mails at once.
    const sent = await pending(net);
    env.ctx.config.DECISION_MAIL_DELAY_SECONDS = 0;
    try {
      const res = await post(net, sent.id, "approve", net.operator);
      expect(res.json().undoUntil).toBeNull();
    } finally {
      env.ctx.config.DECISION_MAIL_DELAY_SECONDS = DELAY;
    }
    expect(await decisionMails(sent.u.email)).toHaveLength(1);
    const late = await post(net, sent.id, "undo", net.operator);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: "REGISTRATION_UNDO_TOO_LATE",
      details: { reason: "mail_sent" },
    });
    expect(late.json().error.messages.ja).toContain("メールを送ったため");
    expect(await membership(net, sent.u.id)).toBeTruthy();

    // The member opened the network (their first request marks them active).
    const active = await pending(net);
    await post(net, active.id, "approve", net.operator);
    expect((await call(env, { url: `/api/n/${net.slug}/me`, user: active.u })).statusCode).toBe(200);
    for (let i = 0; i < 50 && !(await membership(net, active.u.id))?.lastActiveAt; i++)
      await new Promise((r) => setTimeout(r, 20));
    const inUse = await post(net, active.id, "undo", net.operator);
    expect(inUse.json().error).toMatchObject({
      code: "REGISTRATION_UNDO_TOO_LATE",
      details: { reason: "in_use" },
    });
    expect(await membership(net, active.u.id)).toBeTruthy();

    // Ten minutes on.
    const old = await pending(net);
    await post(net, old.id, "approve", net.operator);
    await env.ctx.db
      .update(registration)
      .set({ decidedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(registration.id, old.id));
    const expired = await post(net, old.id, "undo", net.operator);
    expect(expired.json().error).toMatchObject({
      code: "REGISTRATION_UNDO_TOO_LATE",
      details: { reason: "expired" },
    });
    expect((await env.ctx.db.select().from(registration).where(eq(registration.id, old.id)))[0].status).toBe(
      "approved",
    );
  });

  it("is for the operator who decided, in this network; automatic approvals stay", async () => {
    const net = await rosterNetwork();
    const other = await rosterNetwork();
    const second = await makeMember(env, net, "operator");
    const alumni = await makeMember(env, net, "alumni");
    const { u, id } = await pending(net);
    await post(net, id, "approve", net.operator);
    expect((await post(net, id, "undo", null)).statusCode).toBe(401);
    expect((await post(net, id, "undo", alumni)).statusCode).toBe(403);
    expect((await post(net, id, "undo", other.operator)).statusCode).toBe(404);
    const cross = await call(env, {
      method: "POST",
      url: `/api/n/${other.slug}/registrations/${id}/undo`,
      user: other.operator,
      payload: {},
    });
    expect(cross.statusCode).toBe(404);
    const notYours = await post(net, id, "undo", second);
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe("REGISTRATION_UNDO_NOT_YOURS");
    expect(await membership(net, u.id)).toBeTruthy();
    expect((await post(net, "no-such-registration", "undo", net.operator)).statusCode).toBe(404);

    const auto = await makeUser(env);
    await register(env, net.slug, auto, form({ employeeNumber: "A001" }));
    const [autoReg] = await env.ctx.db.select().from(registration).where(eq(registration.userId, auto.id));
    expect(autoReg.status).toBe("approved");
    expect((await post(net, autoReg.id, "undo", net.operator)).json().error.code).toBe(
      "REGISTRATION_UNDO_NOT_YOURS",
    );
  });
});

describe("undoing a rejection", () => {
  it("takes back the waiting mail and puts the registration back in the queue; then it can be approved", async () => {
    const net = await rosterNetwork();
    const { u, id } = await pending(net);
    const rejected = await post(net, id, "reject", net.operator, { note: "名簿にいない" });
    expect(rejected.json().undoUntil).toEqual(expect.any(String));
    expect(await decisionMails(u.email)).toEqual([]);
    expect(await myStatus(env, net.slug, u)).toBe("not_approved");

    expect((await post(net, id, "undo", net.operator)).statusCode).toBe(200);
    const [reg] = await env.ctx.db.select().from(registration).where(eq(registration.id, id));
    expect(reg).toMatchObject({ status: "pending", decisionNote: null, decidedBy: null });
    expect(await myStatus(env, net.slug, u)).toBe("pending");
    const [entry] = await env.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "registration.undo")));
    expect(entry.data).toEqual({ from: "rejected", userId: u.id, memberRemoved: false, rosterEntryId: null });

    expect((await post(net, id, "approve", net.operator)).statusCode).toBe(200);
    expect(await membership(net, u.id)).toBeTruthy();
    expect(await decisionMails(u.email)).toEqual([]); // still waiting: never the rejection
  });

  it("is refused when the person registered again after the rejection", async () => {
    const net = await rosterNetwork();
    const { u, id } = await pending(net);
    await post(net, id, "reject", net.operator);
    const again = await register(
      env,
      net.slug,
      u,
      form({ name: "伊藤 健", joinYm: "2016-04", leaveYm: "2023-06" }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const res = await post(net, id, "undo", net.operator);
    expect(res.json().error).toMatchObject({
      code: "REGISTRATION_UNDO_TOO_LATE",
      details: { reason: "registered_again" },
    });
  });
});
