// better-auth's endpoints under /api/auth/* are not in the OpenAPI document (the server hides
// them), so their request and response shapes are declared here by hand — only the fields the web
// uses. Errors become an ApiError like every other call (`authErrors.*` strings for their codes).
import { toApiError } from "./client.ts";

type Locale = "ja" | "en";
type Ok = { status?: boolean };

/** The answer to a password sign-in of an account with a second factor. */
export type TwoFactorChallenge = { twoFactorRedirect: true; twoFactorMethods: string[] };

export const isTwoFactorChallenge = (r: unknown): r is TwoFactorChallenge =>
  !!r && typeof r === "object" && (r as { twoFactorRedirect?: unknown }).twoFactorRedirect === true;

/** Path → request body and the part of the response the web reads. */
export type AuthEndpoints = {
  "/api/auth/sign-in/email": {
    body: { email: string; password: string; callbackURL?: string; rememberMe?: boolean };
    /** With two-factor authentication on, the password opens no session yet: a code is asked for. */
    response: { redirect: boolean; user: { id: string; email: string } } | TwoFactorChallenge;
  };
  /** Setup, step 1: the password; answers the otpauth URI (QR code) and ten backup codes. */
  "/api/auth/two-factor/enable": {
    body: { password: string };
    response: { totpURI: string; backupCodes: string[] };
  };
  /** Setup step 2 (signed in), or the second step of a sign-in (after TwoFactorChallenge). */
  "/api/auth/two-factor/verify-totp": { body: { code: string }; response: { user: { id: string } } };
  "/api/auth/two-factor/verify-backup-code": { body: { code: string }; response: { user: { id: string } } };
  "/api/auth/two-factor/generate-backup-codes": {
    body: { password: string };
    response: { status: boolean; backupCodes: string[] };
  };
  "/api/auth/sign-in/magic-link": {
    body: { email: string; callbackURL?: string; errorCallbackURL?: string };
    response: Ok;
  };
  "/api/auth/sign-up/email": {
    body: { name: string; email: string; password: string; locale?: Locale; callbackURL?: string };
    response: { user: { id: string; email: string } };
  };
  "/api/auth/send-verification-email": { body: { email: string; callbackURL?: string }; response: Ok };
  "/api/auth/request-password-reset": { body: { email: string; redirectTo?: string }; response: Ok };
  "/api/auth/reset-password": { body: { token: string; newPassword: string }; response: Ok };
  "/api/auth/update-user": { body: { locale?: Locale; name?: string }; response: Ok };
  "/api/auth/sign-out": { body: Record<string, never>; response: { success: boolean } };
};

/** POST to a better-auth endpoint (all the web uses are POSTs with a JSON body). */
export async function authPost<P extends keyof AuthEndpoints>(
  path: P,
  body: AuthEndpoints[P]["body"],
): Promise<AuthEndpoints[P]["response"]> {
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {}
  if (!res.ok) throw toApiError(res.status, json);
  return json as AuthEndpoints[P]["response"];
}

/**
 * Whether this browser has a session (better-auth answers 200 with null when it has none): lets
 * the page ask /api/me only when someone is signed in, so a signed-out visit logs no failed
 * request in the console.
 */
export async function hasSession(): Promise<boolean> {
  const res = await fetch("/api/auth/get-session", { credentials: "same-origin" });
  if (!res.ok) return true; // unsure: let /api/me answer
  const text = await res.text();
  try {
    return !!(text && JSON.parse(text));
  } catch {
    return true;
  }
}
