import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organization } from "../../db/schema/index.ts";
import {
  call,
  cookieFrom,
  createFreshEnv,
  createTestEnv,
  linkIn,
  mailsTo,
  makeMember,
  makeNetwork,
  makeUser,
  ORIGIN,
  type TestEnv,
  uniq,
} from "../../test/harness.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const notice = {
  body: "アルムナイネットワーク運営のため、以下の目的で個人情報を利用します。",
  purposes: ["ネットワーク運営"],
};

describe("health and docs", () => {
  it("reports database and queue status", async () => {
    const res = await call(env, { url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { ok: true }, queue: { ok: true } });
  });
  it("serves OpenAPI generated from the zod schemas", async () => {
    const res = await call(env, { url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain("/api/me");
  });
});

describe("sign-up, email verification, password reset", () => {
  it("requires a verified email, then signs in; reset password works and signs out other sessions", async () => {
    const email = `${uniq("s")}@example.com`;
    const up = await call(env, {
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { email, password: "password-1234", name: "山田 太郎", locale: "ja" },
    });
    expect(up.statusCode).toBe(200);
    const early = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "password-1234" },
    });
    expect(early.statusCode).toBe(403);
    const [verify] = (await mailsTo(env, email)).filter((m) => m.subject.includes("確認"));
    expect(verify.text).toContain("メールアドレスを確認");
    const link = new URL(linkIn(verify.text));
    const v = await env.app.inject({ method: "GET", url: link.pathname + link.search, headers: ORIGIN });
    expect([200, 302]).toContain(v.statusCode);
    const signin = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "password-1234" },
    });
    expect(signin.statusCode).toBe(200);
    const cookie = cookieFrom(signin.headers["set-cookie"]);
    const me = await call(env, { url: "/api/me", headers: { cookie } });
    expect(me.json().user.email).toBe(email);

    const req = await call(env, {
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email, redirectTo: "/reset-password" },
    });
    expect(req.statusCode).toBe(200);
    const reset = (await mailsTo(env, email)).find((m) => m.subject === "パスワードの再設定")!;
    const r = await env.app.inject({
      method: "GET",
      url: new URL(linkIn(reset.text)).pathname + new URL(linkIn(reset.text)).search,
    });
    const token = new URL(r.headers.location as string, "http://x").searchParams.get("token");
    expect(token).toBeTruthy();
    const done = await call(env, {
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "new-password-5678" },
    });
    expect(done.statusCode).toBe(200);
    expect((await call(env, { url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
    const again = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email, password: "new-password-5678" },
    });
    expect(again.statusCode).toBe(200);
  });

  it("names the network a sign-in link leads back to, only while the network is active", async () => {
    const net = await makeNetwork(env, { name: "停止予定商事" });
    const u = await makeUser(env);
    const linkMail = async () => {
      const r = await call(env, {
        method: "POST",
        url: "/api/auth/sign-in/magic-link",
        payload: { email: u.email, callbackURL: `/n/${net.slug}/register` },
      });
      expect(r.statusCode).toBe(200);
      return (await mailsTo(env, u.email)).at(-1)!;
    };
    expect((await linkMail()).subject).toBe("停止予定商事 アルムナイネットワーク：ログイン用リンク");
    await env.ctx.db.update(organization).set({ status: "suspended" }).where(eq(organization.id, net.id));
    const m = await linkMail();
    expect(m.subject).toBe("ログイン用リンク");
    expect(m.from).not.toContain("停止予定商事");
    expect(m.text).not.toContain("停止予定商事");
  });

  it("signs in with a magic link and signs out", async () => {
    const u = await makeUser(env);
    const r = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/magic-link",
      payload: { email: u.email, callbackURL: "/" },
    });
    expect(r.statusCode).toBe(200);
    const m = (await mailsTo(env, u.email)).find((x) => x.subject === "ログイン用リンク")!;
    const link = new URL(linkIn(m.text));
    const v = await env.app.inject({ method: "GET", url: link.pathname + link.search });
    const cookie = cookieFrom(v.headers["set-cookie"]);
    expect((await call(env, { url: "/api/me", headers: { cookie } })).statusCode).toBe(200);
    const out = await call(env, {
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie },
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await call(env, { url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
  });

  it("closes better-auth endpoints the product does not use", async () => {
    const u = await makeUser(env);
    const r = await call(env, {
      method: "POST",
      url: "/api/auth/organization/create",
      user: u,
      payload: { name: "x", slug: uniq("x") },
    });
    expect(r.statusCode).toBe(404);
  });
});

describe("platform admin networks", () => {
  it("anonymous 401, non-admin 403, admin creates, lists and suspends", async () => {
    const admin = await makeUser(env, { platformAdmin: true });
    const someone = await makeUser(env);
    const slug = uniq("net").toLowerCase();
    const body = { name: "株式会社テスト", slug, privacyNotice: notice };
    expect((await call(env, { method: "POST", url: "/api/admin/networks", payload: body })).statusCode).toBe(
      401,
    );
    expect(
      (await call(env, { method: "POST", url: "/api/admin/networks", payload: body, user: someone }))
        .statusCode,
    ).toBe(403);
    expect((await call(env, { url: "/api/admin/networks", user: someone })).statusCode).toBe(403);
    const created = await call(env, {
      method: "POST",
      url: "/api/admin/networks",
      payload: body,
      user: admin,
    });
    expect(created.statusCode).toBe(201);
    const dup = await call(env, { method: "POST", url: "/api/admin/networks", payload: body, user: admin });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("SLUG_TAKEN");
    expect(dup.json().error.messages.ja).toContain("スラッグ");
    const bad = await call(env, {
      method: "POST",
      url: "/api/admin/networks",
      payload: { ...body, slug: "Bad Slug!" },
      user: admin,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");

    const list = await call(env, { url: "/api/admin/networks", user: admin });
    const row = list.json().networks.find((n: any) => n.slug === slug);
    expect(row).toMatchObject({ memberCount: 1, operatorCount: 1, status: "active" });
    const me = await call(env, { url: "/api/me", user: admin });
    expect(me.json().networks.map((n: any) => n.slug)).toContain(slug);

    expect(
      (
        await call(env, {
          method: "PATCH",
          url: `/api/admin/networks/${row.id}`,
          payload: { status: "suspended" },
          user: someone,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(env, {
          method: "PATCH",
          url: `/api/admin/networks/${row.id}`,
          payload: { status: "suspended" },
          user: admin,
        })
      ).statusCode,
    ).toBe(200);
    expect((await call(env, { url: `/api/networks/${slug}/public` })).statusCode).toBe(404);
    const me2 = await call(env, { url: "/api/me", user: admin });
    expect(me2.json().networks.map((n: any) => n.slug)).not.toContain(slug);
  });

  it("a member sees only their own networks", async () => {
    const a = await makeNetwork(env);
    const b = await makeNetwork(env);
    const alum = await makeMember(env, a, "alumni");
    const me = await call(env, { url: "/api/me", user: alum });
    expect(me.json().networks).toEqual([expect.objectContaining({ slug: a.slug, role: "alumni" })]);
    expect(me.json().networks.some((n: any) => n.slug === b.slug)).toBe(false);
  });

  it("public network page shows the current privacy notice", async () => {
    const n = await makeNetwork(env);
    const res = await call(env, { url: `/api/networks/${n.slug}/public` });
    expect(res.json()).toMatchObject({ slug: n.slug, privacyNotice: { version: 1 } });
    expect((await call(env, { url: "/api/networks/does-not-exist/public" })).statusCode).toBe(404);
  });
});

describe("auth errors", () => {
  it("carry a stable code and ja/en messages", async () => {
    const r = await call(env, {
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "nobody@example.com", password: "whatever-123" },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({
      code: "INVALID_EMAIL_OR_PASSWORD",
      message: expect.stringContaining("パスワード"),
    });
    expect(r.json().error.messages.en).toBe("Invalid email or password.");
  });
});

describe("first-run setup", () => {
  it("runs once even when two requests arrive together", async () => {
    // This file's other tests made platform admins already: use a fresh installation.
    const fresh = await createFreshEnv();
    try {
      const body = (n: number) => ({
        admin: { name: "管理者", email: `setup${n}@example.com`, password: "password-1234" },
        network: {
          name: "初期設定株式会社",
          slug: `setup-${n}-${uniq().toLowerCase()}`,
          privacyNotice: notice,
        },
      });
      expect((await call(fresh, { url: "/api/setup" })).json()).toEqual({ needed: true });
      const results = await Promise.all(
        [1, 2, 3].map((n) => call(fresh, { method: "POST", url: "/api/setup", payload: body(n) })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe("SETUP_DONE");
      expect((await call(fresh, { url: "/api/setup" })).json()).toEqual({ needed: false });
    } finally {
      await fresh.close();
    }
  });
});
