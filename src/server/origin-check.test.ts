// State-changing API requests with the session cookie must come from BASE_URL's origin (or its
// loopback spellings); API tokens need no origin; better-auth keeps its own check on /api/auth/*.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BASE_URL,
  call,
  createTestEnv,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
} from "../test/harness.ts";
import { trustedOrigins } from "./origins.ts";

let env: TestEnv;
let net: TestNetwork;
beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
});
afterAll(() => env?.close());

/** A segment POST as the operator, with exactly `headers` (no Origin unless given). */
function post(headers: Record<string, string>, name = `s${Math.random().toString(36).slice(2, 8)}`) {
  return env.app.inject({
    method: "POST",
    url: `/api/n/${net.slug}/segments`,
    headers: { cookie: net.operator.cookie, ...headers },
    payload: { name, filter: {} },
  });
}

function expectRejected(res: { statusCode: number; json: () => any }, shown?: string) {
  expect(res.statusCode).toBe(403);
  const body = res.json();
  expect(body.error.code).toBe("ORIGIN_REJECTED");
  expect(body.error.messages.en).toContain("BASE_URL");
  expect(body.error.messages.ja).toContain("BASE_URL");
  if (shown) expect(body.error.messages.en).toContain(shown);
}

describe("origin check", () => {
  it("refuses a wrong origin, naming it", async () => {
    expectRejected(await post({ origin: "https://evil.example" }), "https://evil.example");
    expectRejected(await post({ origin: "null" }));
    expectRejected(await post({ origin: "http://localhost:4000" }), "http://localhost:4000");
  });

  it("refuses a request without Origin unless Fetch Metadata says same-origin", async () => {
    expectRejected(await post({}));
    expectRejected(await post({ "sec-fetch-site": "same-site" }));
    expectRejected(await post({ "sec-fetch-site": "cross-site" }));
    expect((await post({ "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
  });

  it("accepts BASE_URL's origin and its loopback spellings", async () => {
    expect(trustedOrigins(BASE_URL)).toEqual([
      "http://localhost:3999",
      "http://127.0.0.1:3999",
      "http://[::1]:3999",
    ]);
    for (const origin of trustedOrigins(BASE_URL)) expect((await post({ origin })).statusCode).toBe(201);
    expect(trustedOrigins("https://alumni.example.com/")).toEqual(["https://alumni.example.com"]);
  });

  it("checks PUT, PATCH and DELETE too, but not GET", async () => {
    const created = await post({ origin: BASE_URL });
    const id = created.json().id;
    const url = `/api/n/${net.slug}/segments/${id}`;
    const headers = { cookie: net.operator.cookie, origin: "https://evil.example" };
    expectRejected(await env.app.inject({ method: "PUT", url, headers, payload: { name: "x", filter: {} } }));
    expectRejected(await env.app.inject({ method: "DELETE", url, headers }));
    expectRejected(
      await env.app.inject({
        method: "PATCH",
        url: `/api/n/${net.slug}/members/${net.operator.id}`,
        headers,
        payload: { role: "alumni" },
      }),
    );
    expect((await env.app.inject({ method: "GET", url, headers })).statusCode).toBe(200);
  });

  it("an API token needs no origin", async () => {
    const created = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/api-tokens`,
      user: net.operator,
      payload: { name: "CI" },
    });
    expect(created.statusCode).toBeLessThan(300);
    const token = created.json().token as string;
    const res = await env.app.inject({
      method: "POST",
      url: `/api/n/${net.slug}/invitations`,
      headers: { authorization: `Bearer ${token}` },
      payload: { invitees: [{ email: "token-invite@example.com" }] },
    });
    expect(res.statusCode).toBe(201);
  });

  it("requests without the session cookie are not its business (401 from the route)", async () => {
    const res = await env.app.inject({
      method: "POST",
      url: `/api/n/${net.slug}/segments`,
      headers: { origin: "https://evil.example" },
      payload: { name: "x", filter: {} },
    });
    expect(res.statusCode).toBe(401);
  });

  it("better-auth still checks /api/auth/*: a wrong origin is refused with a clear message", async () => {
    const res = await env.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { cookie: net.operator.cookie, origin: "https://evil.example" },
      payload: { email: net.operator.email, password: "correct horse battery" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.messages.en).toContain("https://evil.example");
    expect(res.json().error.messages.en).toContain("BASE_URL");
  });
});
