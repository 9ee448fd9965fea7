// Helpers for browser tests: read the emails the server wrote to its outbox, sign in, screenshots.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import PostalMime from "postal-mime";

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
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}
