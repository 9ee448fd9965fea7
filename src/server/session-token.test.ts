// The session token lives only in the HttpOnly cookie: better-auth's JSON answers (sign-in,
// sign-up, get-session, list-sessions) no longer hand it to page scripts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, cookieFrom, createTestEnv, makeUser, type TestEnv, uniq } from "../test/harness.ts";
import { withoutSessionTokens } from "./auth-bridge.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

/** The token inside the signed cookie value ("<token>.<signature>"). */
const tokenOf = (cookie: string) => decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0] as string;

describe("session token in JSON", () => {
  it("sign-in answers the user and the cookie, not the token", async () => {
    const u = await makeUser(env);
    const res = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: u.email, password: "correct horse battery" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = cookieFrom(res.headers["set-cookie"]);
    const token = tokenOf(cookie);
    expect(token.length).toBeGreaterThan(10);
    expect(res.json().user.email).toBe(u.email);
    expect(res.json()).not.toHaveProperty("token");
    expect(res.body).not.toContain(token);
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(res.body));
  });

  it("get-session and list-sessions leave the token out", async () => {
    const u = await makeUser(env);
    const token = tokenOf(u.cookie);
    const session = await call(env, { url: "/api/auth/get-session", user: u });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(u.id);
    expect(session.json().session.userId).toBe(u.id);
    expect(session.json().session).not.toHaveProperty("token");
    expect(session.body).not.toContain(token);
    const list = await call(env, { url: "/api/auth/list-sessions", user: u });
    expect(list.statusCode).toBe(200);
    expect(list.json().length).toBeGreaterThan(0);
    expect(list.body).not.toContain(token);
    for (const s of list.json()) expect(s).not.toHaveProperty("token");
    const anonymous = await call(env, { url: "/api/auth/get-session" });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toBeNull();
  });

  it("sign-up answers without a token", async () => {
    const res = await call(env, {
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { email: `${uniq("s")}@example.com`, password: "correct horse battery", name: "新規 太郎" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).not.toHaveProperty("token");
    expect(res.json().user.name).toBe("新規 太郎");
  });

  it("drops only the token fields", () => {
    expect(withoutSessionTokens({ token: "t", redirect: false, user: { id: "u", token: "keep" } })).toEqual({
      redirect: false,
      user: { id: "u", token: "keep" },
    });
    expect(withoutSessionTokens([{ id: 1, token: "t" }])).toEqual([{ id: 1 }]);
    expect(withoutSessionTokens({ session: { id: "s", token: "t" }, user: null })).toEqual({
      session: { id: "s" },
      user: null,
    });
    expect(withoutSessionTokens(null)).toBeNull();
  });
});
