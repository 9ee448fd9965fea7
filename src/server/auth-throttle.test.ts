// Per-account limits that many client addresses cannot dodge: failed sign-ins per email address,
// and reset / magic-link / verification mails per recipient (the answer stays the same).
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimit, user } from "../db/schema/index.ts";
import { call, createTestEnv, mailsTo, type TestEnv, uniq } from "../test/harness.ts";
import { createVerifiedUser } from "./accounts.ts";
import { THROTTLE } from "./auth-throttle.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ rateLimit: true });
});
afterAll(() => env?.close());

let ip = Math.floor(Math.random() * 250);
/** A new client address each call (better-auth's per-address limit is not what is tested). */
const nextIp = () => `198.18.${ip++ % 250}.${Math.floor(Math.random() * 250) + 1}`;

/** A verified account (not signed in: the harness signs in from one address, which better-auth limits). */
async function newUser() {
  const email = `${uniq("u")}@example.com`;
  const u = await createVerifiedUser(env.ctx, {
    name: "テスト 太郎",
    email,
    password: "correct horse battery",
  });
  return { id: u.id, email };
}

const signIn = (email: string, password: string, address = nextIp()) =>
  call(env, {
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password },
    headers: { "x-forwarded-for": address },
  });

describe("failed sign-ins per account", () => {
  it("30 wrong passwords from 10 addresses lock the account, even for the right password", async () => {
    const u = await newUser();
    const codes: number[] = [];
    for (let a = 0; a < 10; a++) {
      const address = nextIp();
      for (let i = 0; i < 3; i++) codes.push((await signIn(u.email, "wrong-password-x", address)).statusCode);
    }
    expect(codes.slice(0, THROTTLE.signInFailures)).toEqual(Array(THROTTLE.signInFailures).fill(401));
    expect(codes.slice(THROTTLE.signInFailures).every((c) => c === 429)).toBe(true);
    const right = await signIn(u.email.toUpperCase(), "correct horse battery");
    expect(right.statusCode).toBe(429);
    expect(right.headers["retry-after"]).toBeDefined();
    expect(right.json().error.code).toBe("SIGN_IN_LOCKED");
    expect(right.json().error.messages.en).toContain("reset your password");
    // Another account is not affected.
    const other = await newUser();
    expect((await signIn(other.email, "correct horse battery")).statusCode).toBe(200);
  });

  it("a successful sign-in forgets the failures", async () => {
    const u = await newUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < THROTTLE.signInFailures - 1; i++) {
        expect((await signIn(u.email, "wrong-password-x")).statusCode).toBe(401);
      }
      expect((await signIn(u.email, "correct horse battery")).statusCode).toBe(200);
    }
  });

  it("the lock ends a window after the last failure", async () => {
    const u = await newUser();
    for (let i = 0; i < THROTTLE.signInFailures; i++) await signIn(u.email, "wrong-password-x");
    expect((await signIn(u.email, "correct horse battery")).statusCode).toBe(429);
    await env.ctx.db
      .update(rateLimit)
      .set({ lastRequest: Date.now() - THROTTLE.signInWindowMs - 1000 })
      .where(eq(rateLimit.key, `acct:sign-in:${u.email}`));
    expect((await signIn(u.email, "correct horse battery")).statusCode).toBe(200);
  });
});

describe("mails per recipient", () => {
  const post = (url: string, payload: unknown) =>
    call(env, { method: "POST", url, payload, headers: { "x-forwarded-for": nextIp() } });

  it("at most 3 reset mails per window; the answer stays the same", async () => {
    const u = await newUser();
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const r = await post("/api/auth/request-password-reset", {
        email: u.email,
        redirectTo: "/reset-password",
      });
      answers.push([r.statusCode, r.body]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0][0]).toBe(200);
    const mails = (await mailsTo(env, u.email)).filter((m) => m.subject === "パスワードの再設定");
    expect(mails).toHaveLength(THROTTLE.mails);
  });

  it("at most 3 magic links per window, for an address with or without an account", async () => {
    const u = await newUser();
    const stranger = `nobody-${Date.now()}@example.com`;
    for (const email of [u.email, stranger]) {
      for (let i = 0; i < 5; i++) {
        expect((await post("/api/auth/sign-in/magic-link", { email, callbackURL: "/" })).statusCode).toBe(
          200,
        );
      }
      expect(await mailsTo(env, email)).toHaveLength(THROTTLE.mails);
    }
  });

  it("at most 3 verification mails per window", async () => {
    const u = await newUser();
    await env.ctx.db.update(user).set({ emailVerified: false }).where(eq(user.id, u.id));
    for (let i = 0; i < 5; i++) {
      const r = await post("/api/auth/send-verification-email", { email: u.email, callbackURL: "/" });
      expect(r.statusCode).toBe(200);
    }
    const mails = (await mailsTo(env, u.email)).filter((m) => m.subject === "メールアドレスの確認");
    expect(mails).toHaveLength(THROTTLE.mails);
    const counters = await env.ctx.db
      .select()
      .from(rateLimit)
      .where(like(rateLimit.key, `mail:%${u.email}`));
    expect(counters.map((c) => c.key)).toEqual([`mail:verifyEmail:${u.email}`]);
  });
});
