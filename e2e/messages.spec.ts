// Direct messages in a real browser: an alumna on a phone opens a colleague's profile from the
// directory and sends a message with メッセージを送る; he sees the unread badge in the navigation
// and on the conversation, reads it (the badges go) and answers; she sees his answer unread.
import { expect, test } from "@playwright/test";
import { adminNetwork, ensureSetup, joinedAlumnus, shot, signInUi } from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社つながりメッセージ", slug: "e2e-dm" };
const SENDER = { name: "送信 由美", email: "yumi@e2e-dm.example", password: "dm-password-123" };
const READER = { name: "受信 大輔", email: "daisuke@e2e-dm.example", password: "dm-password-456" };
const FIRST = "お久しぶりです！\n来月の交流会、一緒に参加しませんか？";

test("a member messages another from his profile; he sees it unread, reads it and answers", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await joinedAlumnus(baseURL!, admin, NET.slug, SENDER);
  await joinedAlumnus(baseURL!, admin, NET.slug, READER);
  await admin.dispose();

  // The sender, on a phone: directory → his profile → メッセージを送る → the first message.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, SENDER.email, SENDER.password);
  await phone.goto(`/n/${NET.slug}/directory`);
  await phone.getByRole("link", { name: READER.name }).first().click();
  await phone.getByTestId("send-message").click();
  await expect(phone.getByTestId("recipient")).toHaveText(READER.name);
  await phone.getByTestId("composer").fill(FIRST);
  await phone.getByRole("button", { name: "送信して始める" }).click();
  await expect(phone.getByTestId("message").filter({ hasText: "来月の交流会" })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(phone, "messages-phone");

  // The reader: the badge in the navigation and on the conversation.
  await signInUi(page, READER.email, READER.password);
  await page.goto(`/n/${NET.slug}/directory`);
  await expect(page.getByLabel("未読メッセージ 1 件")).toBeVisible();
  await page
    .getByRole("link", { name: /^メッセージ/ })
    .first()
    .click();
  const row = page.getByTestId("conversation-row").filter({ hasText: SENDER.name });
  await expect(row.getByTestId("conversation-unread")).toHaveText("1");
  await row.click();
  // Line breaks kept, plain text.
  await expect(page.getByTestId("message").filter({ hasText: "お久しぶりです！" })).toContainText(
    "来月の交流会、一緒に参加しませんか？",
  );
  await expect(page.getByLabel("未読メッセージ 1 件")).toHaveCount(0);
  await page.getByTestId("composer").fill("ぜひ！当日会場でお会いしましょう。");
  await page.getByRole("button", { name: "送信", exact: true }).click();
  await expect(page.getByTestId("message").filter({ hasText: "当日会場で" })).toBeVisible();
  await page.getByRole("link", { name: /メッセージ一覧へ/ }).click();
  await expect(page.getByTestId("conversation-row").filter({ hasText: SENDER.name })).toBeVisible();
  await expect(page.getByTestId("conversation-unread")).toHaveCount(0);
  await shot(page, "messages-desk");

  // The sender has his answer, unread, in her list.
  await phone.goto(`/n/${NET.slug}/messages`);
  const back = phone.getByTestId("conversation-row").filter({ hasText: READER.name });
  await expect(back.getByTestId("conversation-unread")).toHaveText("1");
  await expect(back).toContainText("当日会場で");
});
