// Two-factor helpers for tests: set up TOTP for a signed-in user through the real endpoints, and
// sign in with password + code.
import { cookieFrom, ORIGIN, type TestEnv, type TestUser } from "./harness.ts";
import { secretOf, totp } from "./totp.ts";

export const PASSWORD = "correct horse battery";

export type TwoFactorSetup = { secret: string; totpURI: string; backupCodes: string[] };

/** Asks for a TOTP secret (password), then confirms it with a code: `user.cookie` is renewed. */
export async function enableTwoFactor(
  env: TestEnv,
  user: TestUser,
  password = PASSWORD,
): Promise<TwoFactorSetup> {
  const enable = await env.app.inject({
    method: "POST",
    url: "/api/auth/two-factor/enable",
    headers: { ...ORIGIN, cookie: user.cookie },
    payload: { password },
  });
  if (enable.statusCode !== 200) throw new Error(`enable failed ${enable.statusCode} ${enable.body}`);
  const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
  const secret = secretOf(totpURI);
  const verify = await env.app.inject({
    method: "POST",
    url: "/api/auth/two-factor/verify-totp",
    headers: { ...ORIGIN, cookie: user.cookie },
    payload: { code: totp(secret) },
  });
  if (verify.statusCode !== 200) throw new Error(`verify failed ${verify.statusCode} ${verify.body}`);
  // Enabling replaces the session (better-auth issues a new one with the updated user).
  user.cookie = cookieFrom(verify.headers["set-cookie"]);
  return { secret, totpURI, backupCodes };
}

/** The first step of a sign-in: the answer and the cookie that carries the pending challenge. */
export async function signInFirstStep(env: TestEnv, email: string, password = PASSWORD) {
  const res = await env.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: ORIGIN,
    payload: { email, password },
  });
  return { res, cookie: cookieFrom(res.headers["set-cookie"]) };
}

/** The second step: a TOTP code (`/verify-totp`) or a backup code (`/verify-backup-code`). */
export function signInSecondStep(
  env: TestEnv,
  challengeCookie: string,
  how: { code: string } | { backupCode: string },
) {
  const backup = "backupCode" in how;
  return env.app.inject({
    method: "POST",
    url: `/api/auth/two-factor/${backup ? "verify-backup-code" : "verify-totp"}`,
    headers: { ...ORIGIN, cookie: challengeCookie },
    payload: backup ? { code: how.backupCode } : { code: how.code },
  });
}
