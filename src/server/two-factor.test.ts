// Two-factor authentication: required of operators and platform admins (REQUIRE_2FA, on by
// default), set up with password → otpauth URI → a first code, asked for after the password at
// sign-in (a TOTP code or a single-use backup code). Codes come from src/test/totp.ts (RFC 6238).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  cookieFrom,
  createTestEnv,
  linkIn,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  type TestEnv,
  type TestUser,
} from "../test/harness.ts";
import { secretOf, totp } from "../test/totp.ts";
import { enableTwoFactor, PASSWORD, signInFirstStep, signInSecondStep } from "../test/two-factor.ts";
import { loadConfig } from "./config.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ requireTwoFactor: true });
});
afterAll(() => env?.close());

const me = (user: TestUser | null) => call(env, { url: "/api/me", user });
const members = (slug: string, user: TestUser) => call(env, { url: `/api/n/${slug}/members`, user });

function expectTwoFactorRequired(res: { statusCode: number; json: () => any }) {
  expect(res.statusCode).toBe(403);
  const { error } = res.json();
  expect(error.code).toBe("TWO_FACTOR_REQUIRED");
  expect(error.messages.ja).toContain("二段階認証");
  expect(error.messages.en).toContain("two-factor");
}

describe("REQUIRE_2FA", () => {
  it("is on unless set to off", () => {
    expect(loadConfig({}, []).REQUIRE_2FA).toBe("on");
    expect(loadConfig({ REQUIRE_2FA: "off" }, []).REQUIRE_2FA).toBe("off");
    expect(() => loadConfig({ REQUIRE_2FA: "maybe" }, [])).toThrow(/REQUIRE_2FA/);
  });
});

describe("an operator without a second factor", () => {
  it("reaches /api/me (which says 2FA is required) and nothing of the network", async () => {
    const n = await makeNetwork(env);
    const res = await me(n.operator);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.twoFactor).toEqual({ required: true, enabled: false });
    expectTwoFactorRequired(await members(n.slug, n.operator));
    // Routes every member may use are refused too while acting as an operator.
    expectTwoFactorRequired(await call(env, { url: `/api/n/${n.slug}/me`, user: n.operator }));
  });

  it("sets it up: password, otpauth URI, a first code; then operator routes work", async () => {
    const n = await makeNetwork(env);
    const op = n.operator;
    const wrongPassword = await call(env, {
      method: "POST",
      url: "/api/auth/two-factor/enable",
      user: op,
      payload: { password: "not the password" },
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.code).toBe("INVALID_PASSWORD");

    const enable = await call(env, {
      method: "POST",
      url: "/api/auth/two-factor/enable",
      user: op,
      payload: { password: PASSWORD },
    });
    expect(enable.statusCode).toBe(200);
    const { totpURI, backupCodes } = enable.json();
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Tsunagari:/);
    expect(new URL(totpURI).searchParams.get("issuer")).toBe("Tsunagari");
    expect(backupCodes).toHaveLength(10);
    // Not enabled before the first code is verified.
    expectTwoFactorRequired(await members(n.slug, op));

    const secret = secretOf(totpURI);
    const wrong = await call(env, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      user: op,
      payload: { code: totp(secret, Date.now(), 10) },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("INVALID_CODE");
    expect(wrong.json().error.messages.ja).toContain("確認コード");
    expectTwoFactorRequired(await members(n.slug, op));

    const right = await call(env, {
      method: "POST",
      url: "/api/auth/two-factor/verify-totp",
      user: op,
      payload: { code: totp(secret) },
    });
    expect(right.statusCode).toBe(200);
    expect(right.body).not.toContain("token");
    const old = op.cookie;
    op.cookie = cookieFrom(right.headers["set-cookie"]);
    expect((await members(n.slug, op)).statusCode).toBe(200);
    expect((await me(op)).json().user.twoFactor).toEqual({ required: true, enabled: true });
    // The session from before is replaced.
    expect((await call(env, { url: "/api/me", headers: { cookie: old } })).statusCode).toBe(401);
  });
});

describe("signing in with a second factor", () => {
  it("asks for a code after the password; a wrong code is refused, the right one opens a session", async () => {
    const n = await makeNetwork(env);
    const { secret } = await enableTwoFactor(env, n.operator);

    const first = await signInFirstStep(env, n.operator.email);
    expect(first.res.statusCode).toBe(200);
    expect(first.res.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    expect(first.res.body).not.toContain("token");
    // The password alone opens no session.
    expect((await call(env, { url: "/api/me", headers: { cookie: first.cookie } })).statusCode).toBe(401);

    const wrong = await signInSecondStep(env, first.cookie, { code: totp(secret, Date.now(), 10) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("INVALID_CODE");

    const right = await signInSecondStep(env, first.cookie, { code: totp(secret) });
    expect(right.statusCode).toBe(200);
    expect(right.body).not.toContain("token");
    const session = { ...n.operator, cookie: cookieFrom(right.headers["set-cookie"]) };
    expect((await members(n.slug, session)).statusCode).toBe(200);

    // The challenge is used up: the same cookie cannot open a second session.
    const again = await signInSecondStep(env, first.cookie, { code: totp(secret) });
    expect(again.statusCode).toBe(401);
  });

  it("takes a backup code once", async () => {
    const n = await makeNetwork(env);
    const { backupCodes } = await enableTwoFactor(env, n.operator);
    const code = backupCodes[0]!;

    const first = await signInFirstStep(env, n.operator.email);
    const ok = await signInSecondStep(env, first.cookie, { backupCode: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain("token");
    const session = { ...n.operator, cookie: cookieFrom(ok.headers["set-cookie"]) };
    expect((await members(n.slug, session)).statusCode).toBe(200);

    const second = await signInFirstStep(env, n.operator.email);
    const reused = await signInSecondStep(env, second.cookie, { backupCode: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe("INVALID_BACKUP_CODE");
    const other = await signInSecondStep(env, second.cookie, { backupCode: backupCodes[1]! });
    expect(other.statusCode).toBe(200);
  });

  it("sends no magic link to an account with a second factor, and an earlier link opens no session", async () => {
    const n = await makeNetwork(env);
    const op = n.operator;
    // A link asked for before 2FA was enabled…
    await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/magic-link",
      payload: { email: op.email, callbackURL: "/" },
    });
    const earlier = (await mailsTo(env, op.email)).find((m) => m.subject === "ログイン用リンク");
    expect(earlier).toBeDefined();
    await enableTwoFactor(env, op);
    const link = new URL(linkIn(earlier!.text));
    const used = await env.app.inject({ method: "GET", url: link.pathname + link.search });
    const cookie = cookieFrom(used.headers["set-cookie"]);
    expect((await call(env, { url: "/api/me", headers: { cookie } })).statusCode).toBe(401);

    // …and none is mailed now.
    const before = (await mailsTo(env, op.email)).length;
    const ask = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/magic-link",
      payload: { email: op.email, callbackURL: "/" },
    });
    expect(ask.statusCode).toBe(200);
    expect((await mailsTo(env, op.email)).length).toBe(before);
  });
});

describe("platform admins", () => {
  it("need a second factor for admin routes", async () => {
    const admin = await makeUser(env, { platformAdmin: true });
    expect((await me(admin)).json().user.twoFactor).toEqual({ required: true, enabled: false });
    expectTwoFactorRequired(await call(env, { url: "/api/admin/networks", user: admin }));
    const { secret } = await enableTwoFactor(env, admin);
    expect((await call(env, { url: "/api/admin/networks", user: admin })).statusCode).toBe(200);

    const first = await signInFirstStep(env, admin.email);
    expect(first.res.json().twoFactorRedirect).toBe(true);
    const right = await signInSecondStep(env, first.cookie, { code: totp(secret) });
    const session = { ...admin, cookie: cookieFrom(right.headers["set-cookie"]) };
    expect((await call(env, { url: "/api/admin/networks", user: session })).statusCode).toBe(200);
  });
});

describe("alumni and employees", () => {
  it("are not forced, and may enable it", async () => {
    const n = await makeNetwork(env);
    const alum = await makeMember(env, n, "alumni");
    expect((await me(alum)).json().user.twoFactor).toEqual({ required: false, enabled: false });
    expect((await call(env, { url: `/api/n/${n.slug}/me`, user: alum })).statusCode).toBe(200);
    const emp = await makeMember(env, n, "employee");
    expect((await call(env, { url: `/api/n/${n.slug}/me`, user: emp })).statusCode).toBe(200);

    const { secret } = await enableTwoFactor(env, alum);
    expect((await me(alum)).json().user.twoFactor).toEqual({ required: false, enabled: true });
    const first = await signInFirstStep(env, alum.email);
    expect(first.res.json().twoFactorRedirect).toBe(true);
    const right = await signInSecondStep(env, first.cookie, { code: totp(secret) });
    expect(right.statusCode).toBe(200);
  });
});

describe("REQUIRE_2FA=off", () => {
  it("lets operators and admins work with a password only", async () => {
    const n = await makeNetwork(env);
    const admin = await makeUser(env, { platformAdmin: true });
    env.ctx.config.REQUIRE_2FA = "off";
    try {
      expect((await members(n.slug, n.operator)).statusCode).toBe(200);
      expect((await call(env, { url: "/api/admin/networks", user: admin })).statusCode).toBe(200);
      expect((await me(n.operator)).json().user.twoFactor).toEqual({ required: false, enabled: false });
    } finally {
      env.ctx.config.REQUIRE_2FA = "on";
    }
    expectTwoFactorRequired(await members(n.slug, n.operator));
  });
});
