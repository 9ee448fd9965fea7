// better-auth's endpoints under /api/auth/* are not in the OpenAPI document (the server hides
// them), so their request and response shapes are declared here by hand — only the fields the web
// uses. Errors become an ApiError like every other call (`authErrors.*` strings for their codes).
import { toApiError } from "./client.ts";

type Locale = "ja" | "en";
type Ok = { status?: boolean };

/** Path → request body and the part of the response the web reads. */
export type AuthEndpoints = {
  "/api/auth/sign-in/email": {
    body: { email: string; password: string; callbackURL?: string; rememberMe?: boolean };
    response: { redirect: boolean; user: { id: string; email: string } };
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
