// The membership journeys of issue 2, in a real browser against the real server:
// (a) first-run setup; an operator imports a roster; an alumna registers, is verified
//     automatically, answers the welcome survey, edits her profile and hides a field;
// (b) a registrant who does not match lands in the queue, the operator approves them, and
//     they cannot see the field the alumna hid.
import { type Browser, expect, type Page, test } from "@playwright/test";
import iconv from "iconv-lite";
import { totp } from "../src/test/totp.ts";
import { ADMIN, mailLink, NETWORK, saveTotpSecret, shot, signInUi, totpFor } from "./support.ts";

test.describe.configure({ mode: "serial" });

const ALUMNA = {
  name: "佐藤 美咲",
  kana: "サトウ ミサキ",
  email: "misaki.sato@e2e.example",
  password: "misaki-password-1",
};
const LATECOMER = { name: "高橋 健一", email: "kenichi@e2e.example", password: "kenichi-password-1" };
const ROSTER = [
  "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
  "A1001,佐藤 美咲,サトウ ミサキ,2015/4/1,2022/3/31,人事部,",
  "A1002,鈴木 一郎,スズキ イチロウ,2010-04-01,2020-09-30,営業部,ichiro@e2e.example",
  "A1003,田中 花子,タナカ ハナコ,2008年4月1日,2019年6月30日,マーケティング部,",
].join("\r\n");

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "ja-JP" });
  return context.newPage();
}

async function pickYm(page: Page, label: string, year: string, month: string) {
  await page.getByLabel(`${label}（年）`).selectOption(year);
  await page.getByLabel(`${label}（月）`).selectOption(month);
}

/** Signs up from the registration page and comes back to it through the verification link. */
async function signUpForRegistration(page: Page, who: { name: string; email: string; password: string }) {
  await page.goto(`/n/${NETWORK.slug}/register`);
  await expect(page.getByText(`${NETWORK.name} アルムナイネットワークへの登録`)).toBeVisible();
  await page
    .getByRole("link", { name: "新規登録して始める" })
    .or(page.getByRole("button", { name: "新規登録して始める" }))
    .click();
  await page.getByLabel("氏名").fill(who.name);
  await page.getByLabel("メールアドレス").fill(who.email);
  await page.getByLabel("パスワード").fill(who.password);
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page).toHaveURL(/check-email/);
  const link = await mailLink(who.email, "メールアドレスの確認");
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}/register`));
}

async function fillEmployment(
  page: Page,
  v: {
    name: string;
    kana?: string;
    join: [string, string];
    leave: [string, string];
    department: string;
    number?: string;
  },
) {
  await page.getByRole("button", { name: "登録を始める" }).click();
  await page.getByLabel("在籍時の氏名", { exact: false }).first().fill(v.name);
  if (v.kana) await page.getByLabel("在籍時の氏名（フリガナ）").fill(v.kana);
  await pickYm(page, "入社年月", ...v.join);
  await pickYm(page, "退職年月", ...v.leave);
  await page.getByLabel("最終所属部署").fill(v.department);
  if (v.number) await page.getByLabel("社員番号（任意）").fill(v.number);
  await page.getByRole("button", { name: "次へ" }).click();
  await page.getByLabel(/個人情報の取り扱いに同意します/).check();
  await page.getByLabel("メンバー一覧に表示する").check();
}

test("first-run setup creates the platform admin and the first network", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByLabel("氏名").fill(ADMIN.name);
  await page.getByLabel("メールアドレス").fill(ADMIN.email);
  await page.getByLabel("パスワード").fill(ADMIN.password);
  await page.getByLabel("会社名（ネットワーク名）").fill(NETWORK.name);
  await page.getByLabel("URL 用の名前").fill(NETWORK.slug);
  await shot(page, "01-setup");
  await page.getByRole("button", { name: "設定を完了する" }).click();
  // The admin (also the network's operator) must set up two-factor authentication first.
  await expect(page).toHaveURL(/\/two-factor\?next=/);
  await expect(page.getByText("運営者・管理者のアカウントには二段階認証が必要です")).toBeVisible();
  await page.getByLabel("パスワード").fill(ADMIN.password);
  await page.getByRole("button", { name: "設定を始める" }).click();
  await expect(page.getByAltText("認証アプリに登録するQRコード")).toBeVisible();
  await shot(page, "01b-two-factor-setup");
  const secret = (await page.getByTestId("totp-secret").locator("code").innerText()).trim();
  await page.getByLabel("確認コード（6桁）").fill(totp(secret, Date.now(), 10)); // a code of five minutes from now
  await page.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "確認コードが正しくありません" })).toBeVisible();
  await page.getByLabel("確認コード（6桁）").fill(totp(secret));
  await page.getByRole("button", { name: "確認して有効にする" }).click();
  await expect(page.getByTestId("backup-codes").locator("p")).toHaveCount(10);
  saveTotpSecret(ADMIN.email, secret);
  await shot(page, "01c-backup-codes");
  await page.getByRole("button", { name: "保管しました。続ける" }).click();
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}$`));
  // A new network: the first steps, with the notice from setup already done.
  const steps = page.getByTestId("first-steps");
  await expect(steps.getByText("1 / 5 完了")).toBeVisible();
  await expect(steps.getByRole("link", { name: "始める" })).toHaveCount(4);
  await shot(page, "02-operator-home");
});

test("an operator signs in with the code from the authenticator app", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/sign-in");
  await page.getByLabel("メールアドレス").fill(ADMIN.email);
  await page.getByLabel("パスワード").fill(ADMIN.password);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page.getByRole("heading", { name: "確認コードの入力" })).toBeVisible();
  await expect(page.getByRole("button", { name: "バックアップコードを使う" })).toBeVisible();
  await page.getByLabel("確認コード（6桁）").fill(totpFor(ADMIN.email));
  await page.getByRole("button", { name: "確認してログイン" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`/n/${NETWORK.slug}/admin/members`);
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}/admin/members$`));
});

test("an operator imports a Shift_JIS roster: per-line errors first, then a clean import", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NETWORK.slug}/admin/roster`);
  const input = page.locator('input[type="file"]');
  const bad = `${ROSTER}\r\nA1004,山本 太郎,,2015/2/30,2014/1/1,営業部,\r\nA1001,重複 太郎,,2015/4/1,2016/4/1,,`;
  await input.setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: iconv.encode(bad, "Shift_JIS"),
  });
  await expect(page.getByText(/件の誤りがあります。何も取り込んでいません。/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "5", exact: true }).first()).toBeVisible();
  await shot(page, "03-roster-errors");
  await input.setInputFiles({
    name: "roster.csv",
    mimeType: "text/csv",
    buffer: iconv.encode(ROSTER, "Shift_JIS"),
  });
  await expect(page.getByText("3 件を取り込めます")).toBeVisible();
  await page.getByRole("button", { name: "3 件を取り込む" }).click();
  await expect(page.getByText("取り込みが完了しました")).toBeVisible();
  // The name cell (the row's actions button is named after the person too).
  await expect(page.getByRole("cell", { name: "佐藤 美咲 サトウ ミサキ" })).toBeVisible();
  await shot(page, "04-roster-imported");
  await page.goto(`/n/${NETWORK.slug}`);
  await expect(page.getByTestId("first-steps").getByText("2 / 5 完了")).toBeVisible();
  await page.context().close();
});

test("an alumna registers, is verified automatically, answers the welcome survey and hides a profile field", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signUpForRegistration(page, ALUMNA);
  await fillEmployment(page, {
    name: ALUMNA.name,
    kana: ALUMNA.kana,
    join: ["2015", "04"],
    leave: ["2022", "03"],
    department: "人事部",
    number: "A1001",
  });
  await shot(page, "05-register-consent");
  await page.getByRole("button", { name: "登録を申請する" }).click();
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}/welcome`));
  await expect(page.getByText(/要配慮個人情報/)).toBeVisible();
  await expect(page.getByLabel("入社した年")).toHaveValue("2015");
  await page.getByLabel("ひとことコメント").fill("またみなさんとつながれて嬉しいです。");
  await shot(page, "06-welcome-survey");
  await page.getByRole("button", { name: "回答してプロフィールへ進む" }).click();
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}/profile`));
  await page.getByRole("textbox", { name: "現在の勤務先" }).fill("株式会社ミライ");
  await page.getByRole("radiogroup", { name: "「現在の勤務先」の公開範囲" }).getByText("自分のみ").click();
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("プロフィールを保存しました。")).toBeVisible();
  await shot(page, "07-profile-edit");
  const me = await (await page.request.get(`/api/n/${NETWORK.slug}/profiles/me`)).json();
  expect(me).toMatchObject({ currentCompany: "株式会社ミライ", visibility: { currentCompany: "private" } });
  await page.context().close();
});

test("a registrant who does not match waits in the queue; the operator approves; the hidden field stays hidden", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signUpForRegistration(page, LATECOMER);
  await fillEmployment(page, {
    name: LATECOMER.name,
    join: ["2012", "04"],
    leave: ["2018", "12"],
    department: "開発部",
  });
  await page.getByRole("button", { name: "登録を申請する" }).click();
  await expect(page.getByText("在籍確認中です")).toBeVisible();
  await shot(page, "08-register-pending");
  // The network's page does not tell her she is no member and may apply: it says where she stands.
  await page.goto(`/n/${NETWORK.slug}`);
  await expect(page.getByText(`${NETWORK.name}：在籍確認中です`)).toBeVisible();
  await expect(page.getByText("申請をやり直す必要はありません")).toBeVisible();

  const op = await newPage(browser);
  await signInUi(op, ADMIN.email, ADMIN.password);
  await op.goto(`/n/${NETWORK.slug}/admin/approvals`);
  await expect(op.getByText(LATECOMER.name).first()).toBeVisible();
  await shot(op, "09-approval-queue");
  await op.getByRole("button", { name: "承認する" }).first().click();
  await expect(
    op.getByText(`${LATECOMER.name} さんを承認しました。本人にメールで知らせます。`),
  ).toBeVisible();
  await op.context().close();

  const link = await mailLink(LATECOMER.email, "登録が承認されました");
  expect(link).toContain(`/n/${NETWORK.slug}`);
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/n/${NETWORK.slug}/welcome`));
  const alumnaId = await (async () => {
    const p = await newPage(browser);
    await signInUi(p, ALUMNA.email, ALUMNA.password);
    const id = (await (await p.request.get("/api/me")).json()).user.id as string;
    await p.context().close();
    return id;
  })();
  await page.goto(`/n/${NETWORK.slug}/members/${alumnaId}`);
  await expect(page.getByText(ALUMNA.name).first()).toBeVisible();
  await expect(page.getByText("人事部").first()).toBeVisible();
  await expect(page.getByText("株式会社ミライ")).toHaveCount(0);
  await shot(page, "10-profile-as-other-member");
  const seen = await (await page.request.get(`/api/n/${NETWORK.slug}/profiles/${alumnaId}`)).json();
  expect(seen.currentCompany).toBeUndefined();
  await page.context().close();
});

test("the UI switches to English and fits a 375 px phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await signInUi(page, ALUMNA.email, ALUMNA.password);
  await page.goto(`/n/${NETWORK.slug}/profile`);
  await page.getByText("EN", { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "11-profile-en-375");
  await context.close();
});
