// Helpers for browser tests: read the emails the server wrote to its outbox, sign in (with the
// second factor operators and admins need: REQUIRE_2FA is on, as by default), screenshots.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, type Page, request } from "@playwright/test";
import PostalMime from "postal-mime";
import { secretOf, totp } from "../src/test/totp.ts";

const dataDir = () => process.env.E2E_DATA_DIR!;
export const ARTIFACTS = path.resolve("e2e/artifacts");

export type Mail = { to: string; subject: string; text: string; file: string };

async function readOutbox(): Promise<Mail[]> {
  const dir = path.join(dataDir(), "mail");
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).sort();
  return Promise.all(
    files.map(async (f) => {
      const email = await PostalMime.parse(fs.readFileSync(path.join(dir, f)));
      return {
        to: email.to?.[0]?.address ?? "",
        subject: email.subject ?? "",
        text: email.text ?? "",
        file: f,
      };
    }),
  );
}

/** Waits for an email to `to` whose subject contains `subject`; returns it. */
export async function mailTo(to: string, subject: string, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = (await readOutbox()).reverse().find((m) => m.to === to && m.subject.includes(subject));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
}

/** Waits for an email to `to` whose subject contains `subject`; returns the first link in it. */
export async function mailLink(to: string, subject: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = (await readOutbox()).reverse().find((m) => m.to === to && m.subject.includes(subject));
    const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
    if (link) return link;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no mail "${subject}" to ${to} within ${timeoutMs} ms`);
}

export async function shot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** An HTTP client of its own (cookies), sending the Origin header the server's writes need. */
export async function apiContext(baseURL: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
}

/** Expects `status`; returns the JSON body, if any. */
export async function ok(res: APIResponse, status = 200) {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(status);
  return (res.headers()["content-type"] ?? "").includes("json") ? res.json() : undefined;
}

export const ADMIN = { name: "管理 太郎", email: "admin@e2e.example", password: "admin-password-123" };
export const NETWORK = { name: "株式会社つながりテスト", slug: "e2e-corp" };

/** Makes sure first-run setup is done (through the API when the setup spec did not run). */
export async function ensureSetup(page: Page) {
  const r = await page.request.get("/api/setup");
  if ((await r.json()).needed) {
    const res = await page.request.post("/api/setup", {
      data: {
        admin: ADMIN,
        network: {
          ...NETWORK,
          privacyNotice: {
            body: "アルムナイネットワークの運営のため、以下の目的で個人情報を利用します。",
            purposes: ["ネットワーク運営", "再雇用・業務委託のご案内"],
          },
        },
      },
    });
    expect(res.status()).toBe(201);
  }
}

// The TOTP secrets of the accounts that set up two-factor authentication in this run, kept next to
// the server's data (specs run in one worker, but each spec file may be the first to need one).
const secretsFile = () => path.join(dataDir(), "e2e-totp-secrets.json");
const secrets = (): Record<string, string> =>
  fs.existsSync(secretsFile()) ? JSON.parse(fs.readFileSync(secretsFile(), "utf8")) : {};
export function saveTotpSecret(email: string, secret: string) {
  fs.writeFileSync(secretsFile(), JSON.stringify({ ...secrets(), [email]: secret }));
}
/** The current code of `email`'s authenticator, as the app would show it. */
export function totpFor(email: string): string {
  const secret = secrets()[email];
  if (!secret) throw new Error(`no TOTP secret saved for ${email}`);
  return totp(secret);
}

/**
 * Signs in through the page; an account with a second factor answers the code step with the
 * saved secret, and an operator or admin without one yet sets it up on the page it is sent to.
 */
export async function signInUi(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page
    .getByLabel(/メールアドレス|Email/)
    .first()
    .fill(email);
  await page
    .getByLabel(/パスワード|Password/)
    .first()
    .fill(password);
  await page.getByRole("button", { name: /^(ログイン|Sign in)$/ }).click();
  const codeField = page.getByLabel("確認コード（6桁）");
  // Either the page moves on, or it asks for the code.
  await expect(async () => {
    if (new URL(page.url()).pathname.startsWith("/sign-in")) expect(await codeField.isVisible()).toBe(true);
  }).toPass();
  if (new URL(page.url()).pathname.startsWith("/sign-in")) {
    await codeField.fill(totpFor(email));
    await page.getByRole("button", { name: "確認してログイン" }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  const me = await (await page.request.get("/api/me")).json();
  if (me.user.twoFactor.required && !me.user.twoFactor.enabled) await setUpTwoFactorUi(page, email, password);
}

/** On the setup page (where the gate sends operators and admins): password, key, code, backup codes. */
export async function setUpTwoFactorUi(page: Page, email: string, password: string) {
  await page.waitForURL((u) => u.pathname === "/two-factor");
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "設定を始める" }).click();
  await expect(page.getByAltText("認証アプリに登録するQRコード")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").locator("code").innerText()).trim();
  saveTotpSecret(email, secret);
  await page.getByLabel("確認コード（6桁）").fill(totp(secret));
  await page.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(page.getByText("バックアップコード", { exact: true })).toBeVisible();
  await expect(page.getByTestId("backup-codes").locator("p")).toHaveCount(10);
  await page.getByRole("button", { name: "保管しました。続ける" }).click();
  await page.waitForURL((u) => u.pathname !== "/two-factor");
}

/**
 * Signs `api` in over HTTP; an account with a second factor answers with the saved secret, and
 * an operator or admin without one sets it up (enable with the password, then a first code).
 */
export async function signInApi(api: APIRequestContext, email: string, password: string) {
  const r = await api.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(r.status()).toBe(200);
  if ((await r.json()).twoFactorRedirect) {
    const v = await api.post("/api/auth/two-factor/verify-totp", { data: { code: totpFor(email) } });
    expect(v.status()).toBe(200);
    return;
  }
  const me = await (await api.get("/api/me")).json();
  if (!me.user.twoFactor.required || me.user.twoFactor.enabled) return;
  const enable = await api.post("/api/auth/two-factor/enable", { data: { password } });
  expect(enable.status()).toBe(200);
  const secret = secretOf((await enable.json()).totpURI);
  saveTotpSecret(email, secret);
  const v = await api.post("/api/auth/two-factor/verify-totp", { data: { code: totp(secret) } });
  expect(v.status()).toBe(200);
}

/**
 * A network of its own, created by the platform admin (its operator), through the HTTP API.
 * Returns the admin's API context (signed in) for further setup.
 */
export async function adminNetwork(baseURL: string, net: { name: string; slug: string }) {
  const admin = await apiContext(baseURL);
  await signInApi(admin, ADMIN.email, ADMIN.password);
  await ok(
    await admin.post("/api/admin/networks", {
      data: {
        ...net,
        privacyNotice: {
          body: "アルムナイネットワークの運営のため、以下の目的で個人情報を利用します。",
          purposes: ["ネットワーク運営"],
        },
      },
    }),
    201,
  );
  return admin;
}

/** Someone who signs up, verifies their address, registers to `slug` and is approved by `admin`. */
export async function joinedAlumnus(
  baseURL: string,
  admin: APIRequestContext,
  slug: string,
  person: { name: string; email: string; password: string },
) {
  const notice = (await ok(await admin.get(`/api/networks/${slug}/public`))).privacyNotice.version;
  const api = await apiContext(baseURL);
  await ok(await api.post("/api/auth/sign-up/email", { data: person }));
  await ok(await api.get(await mailLink(person.email, "メールアドレスの確認")));
  await ok(
    await api.post(`/api/n/${slug}/registrations`, {
      data: {
        name: person.name,
        joinYm: "2015-04",
        leaveYm: "2023-03",
        consent: {
          noticeVersion: notice,
          directory: true,
          rehire: true,
          freelance: true,
          events: true,
          surveys: false,
        },
      },
    }),
    201,
  );
  const queue = await ok(await admin.get(`/api/n/${slug}/registrations?status=pending`));
  const mine = queue.items.find((r: { email: string }) => r.email === person.email) ?? queue.items[0];
  await ok(await admin.post(`/api/n/${slug}/registrations/${mine.id}/approve`));
  await api.dispose();
}
