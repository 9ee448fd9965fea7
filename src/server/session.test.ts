// The one-statement session read (server/session.ts) must behave exactly like better-auth's:
// forged cookies are anonymous, signing out / suspension / role changes act on the next request,
// expired sessions are cleaned up and old ones refreshed by better-auth itself.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { session } from "../db/schema/index.ts";
import { updateMember } from "../modules/members/index.ts";
import {
  call,
  cookieFrom,
  createTestEnv,
  makeMember,
  makeNetwork,
  setMemberStatus,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../test/harness.ts";
import { verifiedToken } from "./session.ts";

let env: TestEnv;
let net: TestNetwork;
beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
});
afterAll(() => env?.close());

const me = (user: TestUser | null, slug = net.slug) => call(env, { url: `/api/n/${slug}/me`, user });
const tokenOf = (u: TestUser) => decodeURIComponent(u.cookie.split("=")[1]).split(".")[0];
const sessionRow = async (u: TestUser) =>
  (
    await env.ctx.db
      .select()
      .from(session)
      .where(eq(session.token, tokenOf(u)))
  )[0];
const withCookie = (u: TestUser, cookie: string): TestUser => ({ ...u, cookie });

describe("session read on the hot path", () => {
  it("verifies the cookie's signature like better-auth", async () => {
    const secret = (await env.ctx.auth.$context).secret;
    const u = await makeMember(env, net, "alumni");
    const value = decodeURIComponent(u.cookie.split("=")[1]);
    expect(verifiedToken(value, secret)).toBe(tokenOf(u));
    expect(verifiedToken(value, `${secret}x`)).toBeNull();
    expect(verifiedToken(`x${value}`, secret)).toBeNull();
    expect(verifiedToken(value.split(".")[0], secret)).toBeNull();
    expect(verifiedToken("", secret)).toBeNull();
    expect(verifiedToken(`${value.split(".")[0]}.`, secret)).toBeNull();

    expect((await me(u)).statusCode).toBe(200);
    const [name] = u.cookie.split("=");
    // Another token with this token's signature, a bare token, garbage: all anonymous (401). The
    // first character is replaced by another one (a token starting with Z stayed itself: 1 in 62).
    const forged = `${name}=${encodeURIComponent(`${value[0] === "Z" ? "Y" : "Z"}${value.slice(1)}`)}`;
    for (const cookie of [forged, `${name}=${tokenOf(u)}`, `${name}=%%%`]) {
      expect((await me(withCookie(u, cookie))).statusCode).toBe(401);
      expect((await call(env, { url: "/api/me", user: withCookie(u, cookie) })).statusCode).toBe(401);
    }
  });

  it("answers signed-in requests without better-auth's getSession; other cookie forms go to it", async () => {
    const u = await makeMember(env, net, "alumni");
    const spy = vi.spyOn(env.ctx.auth.api, "getSession");
    try {
      expect((await me(u)).statusCode).toBe(200);
      expect((await call(env, { url: "/api/me", user: u })).statusCode).toBe(200);
      expect(spy).not.toHaveBeenCalled();
      const [name] = u.cookie.split("=");
      const value = decodeURIComponent(u.cookie.split("=")[1]);
      // Forms better-auth rejects are not accepted here either: an unpadded or base64url signature.
      const unpadded = `${name}=${encodeURIComponent(value.replace(/=$/, ""))}`;
      const urlsafe = `${name}=${encodeURIComponent(value.replace(/\+/g, "-").replace(/\//g, "_"))}`;
      for (const cookie of [unpadded, urlsafe]) {
        if (cookie === u.cookie) continue;
        expect((await me(withCookie(u, cookie))).statusCode, cookie).toBe(401);
      }
      // A quoted value, which better-auth reads: handed to it, and it signs the user in.
      const quoted = `${name}="${encodeURIComponent(value)}"`;
      expect((await me(withCookie(u, quoted))).statusCode).toBe(200);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it("reads 'remember me: off' sessions in one statement too (better-auth never refreshes them)", async () => {
    const u = await makeMember(env, net, "alumni");
    const res = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: u.email, password: "correct horse battery", rememberMe: false },
    });
    expect(res.statusCode).toBe(200);
    const short = withCookie(u, cookieFrom(res.headers["set-cookie"]));
    expect(short.cookie).toMatch(/dont_remember/);
    const spy = vi.spyOn(env.ctx.auth.api, "getSession");
    try {
      expect((await me(short)).statusCode).toBe(200);
      expect(spy).not.toHaveBeenCalled();
      // A forged "don't remember" cookie is left to better-auth.
      const forged = short.cookie.replace(/(dont_remember=)[^;]*/, "$1true.x");
      expect((await me(withCookie(u, forged))).statusCode).toBe(200);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("answers 404 for another network, a missing one and a suspended member, at once", async () => {
    const u = await makeMember(env, net, "alumni");
    const other = await makeNetwork(env);
    expect((await me(u, other.slug)).statusCode).toBe(404);
    expect((await me(u, "no-such-network")).statusCode).toBe(404);
    await setMemberStatus(env, net.id, u.id, "suspended");
    expect((await me(u)).statusCode).toBe(404);
    await setMemberStatus(env, net.id, u.id, "active");
    expect((await me(u)).statusCode).toBe(200);
  });

  it("applies a role change on the next request", async () => {
    const u = await makeMember(env, net, "operator");
    const segments = () => call(env, { url: `/api/n/${net.slug}/segments`, user: u });
    expect((await segments()).statusCode).toBe(200);
    await env.ctx.db.transaction((tx) => updateMember(tx, net.id, u.id, { role: "alumni" }));
    expect((await segments()).statusCode).toBe(403);
  });

  it("ends with sign-out: the same cookie is anonymous on the next request", async () => {
    const u = await makeMember(env, net, "alumni");
    expect((await me(u)).statusCode).toBe(200);
    const out = await call(env, { method: "POST", url: "/api/auth/sign-out", user: u, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await me(u)).statusCode).toBe(401);
    expect(await sessionRow(u)).toBeUndefined();
  });

  it("follows a locale change on the next request", async () => {
    const u = await makeMember(env, net, "alumni");
    const other = await makeNetwork(env);
    expect((await me(u, other.slug)).json().error.message).toMatch(/ネットワーク/);
    const r = await call(env, {
      method: "POST",
      url: "/api/auth/update-user",
      user: u,
      payload: { locale: "en" },
    });
    expect(r.statusCode).toBe(200);
    expect((await me(u, other.slug)).json().error.message).toMatch(/network/i);
  });

  it("leaves expired sessions to better-auth, which deletes them", async () => {
    const u = await makeMember(env, net, "alumni");
    await env.ctx.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.token, tokenOf(u)));
    expect((await me(u)).statusCode).toBe(401);
    expect(await sessionRow(u)).toBeUndefined();
  });

  it("leaves sessions due for a refresh to better-auth, which extends them", async () => {
    const u = await makeMember(env, net, "alumni");
    const { sessionConfig } = await env.ctx.auth.$context;
    // Issued more than updateAge ago: expiresAt - expiresIn + updateAge is in the past.
    const old = new Date(Date.now() + (sessionConfig.expiresIn - sessionConfig.updateAge - 60) * 1000);
    await env.ctx.db
      .update(session)
      .set({ expiresAt: old })
      .where(eq(session.token, tokenOf(u)));
    expect((await me(u)).statusCode).toBe(200);
    const after = (await sessionRow(u)).expiresAt.getTime();
    expect(after).toBeGreaterThan(old.getTime() + 30_000);
    // Fresh again: later requests take the one-statement path and keep working.
    expect((await me(u)).statusCode).toBe(200);
  });
});
