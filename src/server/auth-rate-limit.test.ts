// Sign-in rate limiting cannot be dodged by a client writing its own X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, makeUser, type TestEnv } from "../test/harness.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ rateLimit: true, trustProxy: false });
});
afterAll(() => env?.close());

describe("sign-in rate limit", () => {
  it("counts attempts per real client address, whatever X-Forwarded-For says", async () => {
    const u = await makeUser(env);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await call(env, {
        method: "POST",
        url: "/api/auth/sign-in/email",
        payload: { email: u.email, password: "wrong-password-x" },
        headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
    expect(codes.slice(0, 1)).toEqual([401]);
  });
});
