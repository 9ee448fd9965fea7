// The operators' desk in a real browser: an alumna opens an inquiry on お問い合わせ; an operator
// finds it in 問い合わせ窓口, answers with a saved reply, and sees the first response time in
// business hours; the alumna gets the mail and reads the answer in her thread.
// Data: a network of its own ("e2e-desk"), created by the platform admin (its operator), and one
// alumna who signs up, verifies her address and is approved, through the HTTP API.
import { expect, test } from "@playwright/test";
import { ADMIN, adminNetwork, ensureSetup, joinedAlumnus, mailLink, ok, shot, signInUi } from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社まどぐち", slug: "e2e-desk" };
const ALUMNA = { name: "窓口 さくら", email: "sakura@e2e-desk.example", password: "desk-password-123" };
const SAVED = {
  title: "源泉徴収票の再発行",
  body: "源泉徴収票を再発行し、1 週間ほどでご登録の住所へ郵送いたします。",
};
const SUBJECT = "昨年分の源泉徴収票を再発行してください";

test("an alumna asks, an operator answers with a saved reply, the response time shows", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await ok(await admin.post(`/api/n/${NET.slug}/saved-replies`, { data: SAVED }), 201);
  await joinedAlumnus(baseURL!, admin, NET.slug, ALUMNA);
  await admin.dispose();

  // The alumna writes in from the navigation's お問い合わせ.
  await signInUi(page, ALUMNA.email, ALUMNA.password);
  await page.goto(`/n/${NET.slug}`);
  await page.getByRole("link", { name: "お問い合わせ" }).first().click();
  await page.getByRole("button", { name: "お問い合わせを書く" }).click();
  await page.getByRole("combobox", { name: "種類" }).click();
  await page.getByRole("option", { name: "書類の発行依頼" }).click();
  await page.getByRole("combobox", { name: "発行を希望する書類" }).click();
  await page.getByRole("option", { name: "源泉徴収票" }).click();
  await page.getByLabel("件名").fill(SUBJECT);
  await page.getByLabel("内容").fill("確定申告に必要なため、昨年分の源泉徴収票の再発行をお願いします。");
  await page.getByRole("button", { name: "送信する" }).click();
  await page.waitForURL(/\/inquiries\/[^/]+$/);
  await expect(page.getByText("運営事務局の回答待ち")).toBeVisible();
  const threadUrl = page.url();

  // The operator finds it waiting in the desk and answers with the saved reply.
  const opPage = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } })
  ).newPage();
  await signInUi(opPage, ADMIN.email, ADMIN.password);
  await opPage.goto(`/n/${NET.slug}/admin/inquiries`);
  await expect(opPage.getByText("初回応答：まだ回答していません").first()).toBeVisible();
  await opPage.getByRole("link", { name: SUBJECT }).click();
  await opPage.getByRole("combobox", { name: "定型文を挿入" }).click();
  await opPage.getByRole("option", { name: SAVED.title }).click();
  await expect(opPage.getByRole("textbox", { name: "回答する" })).toHaveValue(SAVED.body);
  await opPage.getByRole("button", { name: "回答を送信" }).click();
  await expect(opPage.getByText("回答を送信しました")).toBeVisible();
  await expect(opPage.getByTestId("first-response")).toHaveText(/^初回応答 (\d+時間)?(\d+分)?（営業時間）$/);
  await expect(opPage.getByText("回答済み").first()).toBeVisible();
  await shot(opPage, "inquiries-desk-thread");
  // The inbox lists it with the same response time.
  await opPage.goto(`/n/${NET.slug}/admin/inquiries`);
  await opPage.getByText("すべての状態").click();
  await expect(opPage.getByText(/初回応答 .*（営業時間）/).first()).toBeVisible();

  // The alumna is mailed, and reads the answer in her thread.
  const link = await mailLink(ALUMNA.email, "お問い合わせに回答がありました");
  expect(link).toBe(threadUrl);
  await page.goto(link);
  await expect(page.getByText(SAVED.body)).toBeVisible();
  await expect(page.getByText("回答あり")).toBeVisible();
  await shot(page, "inquiries-member-thread");
});
