// Network API tokens: an HR system invites leavers; a token is shown once, is bound to its
// network and to the invitation route only, and stops working as soon as it is revoked.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiToken, auditLog } from "../../db/schema/index.ts";
import {
  call,
  createTestEnv,
  mailsTo,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  uniq,
} from "../../test/harness.ts";
import { uploadRoster } from "../roster/testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

async function makeToken(net: TestNetwork, name = "人事システム") {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/api-tokens`,
    user: net.operator,
    payload: { name },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const invite = (slug: string, token: string, payload: unknown) =>
  call(env, { method: "POST", url: `/api/n/${slug}/invitations`, headers: bearer(token), payload });

describe("API tokens", () => {
  it("are shown once, listed by prefix, stored as a hash", async () => {
    const net = await makeNetwork(env);
    const { id, token } = await makeToken(net);
    expect(token).toMatch(/^tsg_[A-Za-z0-9_-]{43}$/);
    const list = (await call(env, { url: `/api/n/${net.slug}/api-tokens`, user: net.operator })).json();
    expect(list.items).toEqual([
      {
        id,
        name: "人事システム",
        prefix: token.slice(0, 12),
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(token);
    const [row] = await env.ctx.db.select().from(apiToken).where(eq(apiToken.id, id));
    expect(row.tokenHash).not.toContain(token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const bad = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/api-tokens`,
      user: net.operator,
      payload: { name: "" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("let an HR system invite leavers by email and from the roster; the audit names the token", async () => {
    const net = await makeNetwork(env, { name: "人事連携株式会社" });
    const p = uniq("hr");
    await uploadRoster(
      env,
      net.slug,
      net.operator,
      `社員番号,氏名,入社日,退職日,メールアドレス\nH1,中村 翔太,2018/4/1,2024/12/31,${p}-h1@example.com\n`,
    );
    const { token } = await makeToken(net, "SmartHR 連携");
    const res = await invite(net.slug, token, {
      invitees: [
        { email: `${p}-h1-personal@example.com`, name: "中村 翔太", employeeNumber: "H1" },
        { email: `${p}-other@example.com` },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().created).toHaveLength(2);
    const [mail] = await mailsTo(env, `${p}-h1-personal@example.com`);
    expect(mail.text).toContain("/invite/");
    const list = (await call(env, { url: `/api/n/${net.slug}/invitations`, user: net.operator })).json();
    expect(list.items.map((i: any) => i.createdVia)).toEqual(["api", "api"]);
    const roster = (await call(env, { url: `/api/n/${net.slug}/roster`, user: net.operator })).json().items;
    expect(list.items.find((i: any) => i.email === `${p}-h1-personal@example.com`).rosterEntryId).toBe(
      roster[0].id,
    );
    expect(roster[0].state).toBe("invited");
    const logs = await env.ctx.db.select().from(auditLog).where(eq(auditLog.networkId, net.id));
    const entry = logs.find((l) => l.action === "invitation.create");
    expect(entry).toMatchObject({ actorUserId: null, actorLabel: "api-token:SmartHR 連携" });
    const tokens = (await call(env, { url: `/api/n/${net.slug}/api-tokens`, user: net.operator })).json();
    expect(tokens.items[0].lastUsedAt).not.toBeNull();
  });

  it("do not work on another network (404) nor on any other route (401)", async () => {
    const a = await makeNetwork(env);
    const b = await makeNetwork(env);
    const { token } = await makeToken(a);
    const cross = await invite(b.slug, token, { invitees: [{ email: "x@example.com" }] });
    expect(cross.statusCode).toBe(404);
    expect(cross.body).not.toContain(b.slug);
    const others = [
      { url: `/api/n/${a.slug}/invitations` },
      { url: `/api/n/${a.slug}/roster` },
      { url: `/api/n/${a.slug}/roster/imports` },
      { url: `/api/n/${a.slug}/api-tokens` },
      { method: "POST" as const, url: `/api/n/${a.slug}/api-tokens`, payload: { name: "escalate" } },
      { url: "/api/me" },
      { url: "/api/admin/networks" },
    ];
    for (const o of others) {
      const r = await call(env, { ...o, headers: bearer(token) });
      expect(r.statusCode).toBe(401);
    }
    const forged = await invite(a.slug, `${token.slice(0, -2)}xx`, {
      invitees: [{ email: "x@example.com" }],
    });
    expect(forged.statusCode).toBe(401);
  });

  it("stop working at once when revoked; revoking is audited and bound to the network", async () => {
    const a = await makeNetwork(env);
    const b = await makeNetwork(env);
    const { id, token } = await makeToken(a);
    expect(
      (await invite(a.slug, token, { invitees: [{ email: `${uniq("x")}@example.com` }] })).statusCode,
    ).toBe(201);
    const cross = await call(env, {
      method: "DELETE",
      url: `/api/n/${b.slug}/api-tokens/${id}`,
      user: b.operator,
    });
    expect(cross.statusCode).toBe(404);
    const del = await call(env, {
      method: "DELETE",
      url: `/api/n/${a.slug}/api-tokens/${id}`,
      user: a.operator,
    });
    expect(del.json()).toEqual({ ok: true });
    const after = await invite(a.slug, token, { invitees: [{ email: `${uniq("x")}@example.com` }] });
    expect(after.statusCode).toBe(401);
    const list = (await call(env, { url: `/api/n/${a.slug}/api-tokens`, user: a.operator })).json();
    expect(list.items[0].revokedAt).not.toBeNull();
    const logs = await env.ctx.db.select().from(auditLog).where(eq(auditLog.networkId, a.id));
    expect(logs.map((l) => l.action)).toEqual(
      expect.arrayContaining(["api_token.create", "api_token.revoke"]),
    );
    expect(
      (await call(env, { method: "DELETE", url: `/api/n/${a.slug}/api-tokens/nope`, user: a.operator }))
        .statusCode,
    ).toBe(404);
  });
});
