// Text no column can hold (U+0000, lone surrogates) and control characters are refused with 400
// VALIDATION_FAILED in every body, query string and path parameter, and nothing is written.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkInvitation, registration, segment } from "../db/schema/index.ts";
import { CONSENT } from "../modules/registration/testing.ts";
import { call, createTestEnv, makeMember, makeNetwork, makeUser, type TestEnv } from "../test/harness.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const NUL = "山田\u0000太郎";
const SURROGATE = "山田\ud800太郎";

function expectValidation(res: { statusCode: number; json: () => any }) {
  expect(res.statusCode).toBe(400);
  const body = res.json();
  expect(body.error.code).toBe("VALIDATION_FAILED");
  expect(body.error.messages).toEqual({ ja: expect.any(String), en: expect.any(String) });
  expect(body.error.message).toBe(body.error.messages.ja);
}

describe("bodies", () => {
  it("invitations: NUL, lone surrogates and control characters in a name are refused, nothing written", async () => {
    const net = await makeNetwork(env);
    for (const name of [NUL, SURROGATE, "山田\u0007太郎", "山田\n太郎"]) {
      const res = await call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/invitations`,
        user: net.operator,
        payload: { invitees: [{ email: "a@example.com", name }] },
      });
      expectValidation(res);
    }
    const rows = await env.ctx.db
      .select()
      .from(networkInvitation)
      .where(eq(networkInvitation.networkId, net.id));
    expect(rows).toEqual([]);
    // The same request with a clean name works (the checks above are about the text).
    const ok = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      user: net.operator,
      payload: { invitees: [{ email: "a@example.com", name: "山田 太郎" }] },
    });
    expect(ok.statusCode).toBe(201);
  });

  it("api tokens: a NUL in the name", async () => {
    const net = await makeNetwork(env);
    const res = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/api-tokens`,
      user: net.operator,
      payload: { name: `CI${"\u0000"}` },
    });
    expectValidation(res);
  });

  it("welcome survey: NUL refused, line breaks kept in the comment", async () => {
    const net = await makeNetwork(env);
    const alum = await makeMember(env, net, "alumni");
    const url = `/api/n/${net.slug}/welcome-survey`;
    for (const comment of [NUL, SURROGATE, "a\u001bb"]) {
      expectValidation(
        await call(env, { method: "POST", url, user: alum, payload: { interests: [], comment } }),
      );
    }
    const ok = await call(env, {
      method: "POST",
      url,
      user: alum,
      payload: { interests: [], comment: "一行目\n\t二行目" },
    });
    expect(ok.statusCode).toBeLessThan(300);
  });

  it("profiles: NUL in the bio, a lone surrogate in the name or a skill", async () => {
    const net = await makeNetwork(env);
    const m = await makeMember(env, net, "alumni");
    const url = `/api/n/${net.slug}/profiles/me`;
    for (const payload of [
      { displayName: "山田", bio: NUL },
      { displayName: SURROGATE },
      { displayName: "山田", skills: ["React", SURROGATE] },
      { displayName: "山田", links: [{ label: NUL, url: "https://example.com" }] },
    ]) {
      expectValidation(await call(env, { method: "PUT", url, user: m, payload }));
    }
  });

  it("segments: NUL in the name, a lone surrogate in the stored filter, nothing written", async () => {
    const net = await makeNetwork(env);
    const url = `/api/n/${net.slug}/segments`;
    for (const payload of [
      { name: NUL, filter: {} },
      { name: "A群", filter: { q: SURROGATE } },
      { name: "A群", filter: { skill: [NUL] } },
      { name: "A群", description: SURROGATE, filter: {} },
    ]) {
      expectValidation(await call(env, { method: "POST", url, user: net.operator, payload }));
    }
    const rows = await env.ctx.db.select().from(segment).where(eq(segment.networkId, net.id));
    expect(rows).toEqual([]);
  });

  it("registrations: NUL and lone surrogates, nothing written", async () => {
    const net = await makeNetwork(env);
    const u = await makeUser(env);
    for (const extra of [{ name: NUL }, { department: SURROGATE }, { employeeNumber: "A\u0000" }]) {
      const res = await call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/registrations`,
        user: u,
        payload: { name: "山田 太郎", joinYm: "2010-04", leaveYm: "2018-03", consent: CONSENT, ...extra },
        headers: { "x-forwarded-for": "198.51.100.201" },
      });
      expectValidation(res);
    }
    const rows = await env.ctx.db.select().from(registration).where(eq(registration.networkId, net.id));
    expect(rows).toEqual([]);
  });

  it("sign-in: a NUL in the email never reaches better-auth", async () => {
    const res = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "a\u0000@example.com", password: "whatever-123" },
    });
    expectValidation(res);
  });
});

describe("path parameters and query strings", () => {
  it("%00 as an id answers 400 on every id route", async () => {
    const net = await makeNetwork(env);
    const admin = await makeUser(env, { platformAdmin: true });
    const s = net.slug;
    const routes: [string, string, unknown?][] = [
      ["POST", `/api/n/${s}/invitations/%00/revoke`],
      ["DELETE", `/api/n/${s}/api-tokens/%00`],
      ["PATCH", `/api/n/${s}/members/%00`, { role: "alumni" }],
      ["GET", `/api/n/${s}/profiles/%00`],
      ["GET", `/api/n/${s}/profiles/%00/photo`],
      ["GET", `/api/n/${s}/segments/%00`],
      ["GET", `/api/n/${s}/segments/%00/members`],
      ["POST", `/api/n/${s}/registrations/%00/approve`],
      ["POST", `/api/n/${s}/registrations/%00/reject`],
      ["GET", `/api/n/%00/members`],
      ["GET", "/api/networks/%00/public"],
      ["GET", "/api/invitations/%00%00%00%00%00%00%00%00%00%00"],
    ];
    for (const [method, url, payload] of routes) {
      const res = await call(env, { method: method as any, url, user: net.operator, payload });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expectValidation(res);
    }
    const res = await call(env, {
      method: "PATCH",
      url: "/api/admin/networks/%00",
      user: admin,
      payload: { status: "active" },
    });
    expectValidation(res);
  });

  it("?q=%00 on the roster, members and the directory", async () => {
    const net = await makeNetwork(env);
    for (const url of [
      `/api/n/${net.slug}/roster?q=%00`,
      `/api/n/${net.slug}/members?q=%00`,
      `/api/n/${net.slug}/directory?q=%00`,
      `/api/n/${net.slug}/directory?q=a&skill=%00`,
      `/api/n/${net.slug}/directory/suggest?field=skill&q=%00`,
      `/api/n/${net.slug}/members?cursor=%00`,
    ]) {
      const res = await call(env, { url, user: net.operator });
      expect([url, res.statusCode]).toEqual([url, 400]);
      expectValidation(res);
    }
  });
});
