// Groups in a real browser: an operator creates a closed group, an alumna asks to join, the
// operator approves her request (she is notified), and she posts in the group from its page.
import { expect, test } from "@playwright/test";
import { ADMIN, adminNetwork, ensureSetup, joinedAlumnus, signInUi } from "./support.ts";

const NET = { name: "株式会社つながりグループ", slug: "e2e-groups" };
const ALUMNA = { name: "参加 陽子", email: "yoko@e2e-groups.example", password: "groups-password-123" };
const GROUP = "新規事業ルーム";

test("an operator creates a closed group, an alumna asks to join, is approved and posts in it", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await joinedAlumnus(baseURL!, admin, NET.slug, ALUMNA);
  await admin.dispose();

  // The operator creates the group from the グループ page.
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/groups`);
  await page.getByTestId("group-create").click();
  const form = page.getByRole("dialog", { name: "グループを作る" });
  await form.getByLabel("グループ名").fill(GROUP);
  await form.getByLabel("説明").fill("社員とアルムナイで新規事業のアイデアを話す場です。");
  await form.getByRole("radio", { name: "承認制" }).check();
  await form.getByRole("button", { name: "グループを作る" }).click();
  await expect(page.getByRole("heading", { name: GROUP })).toBeVisible();

  // The alumna, on a phone, finds it and asks to join.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, ALUMNA.email, ALUMNA.password);
  await phone.goto(`/n/${NET.slug}/groups`);
  const card = phone.getByTestId("group-card").filter({ hasText: GROUP });
  await card.getByRole("button", { name: "参加を申請" }).click();
  await expect(card.getByText("申請中")).toBeVisible();

  // The operator approves the request from the group's 管理 tab.
  await page.reload();
  await page.getByRole("tab", { name: /管理/ }).click();
  await page.getByTestId("request-approve").click();
  await expect(page.getByText(`${ALUMNA.name} さんの参加を承認しました。`)).toBeVisible();

  // She is notified, opens the group from the bell and posts in it.
  await phone.reload();
  await phone
    .getByRole("button", { name: /お知らせ|通知/ })
    .first()
    .click();
  await phone.getByText(`「${GROUP}」への参加申請が承認されました`).click();
  await expect(phone.getByRole("heading", { name: GROUP })).toBeVisible();
  await phone.getByTestId("composer-prompt").click();
  await phone.getByRole("textbox", { name: "本文" }).fill("はじめまして。前職では介護業界にいました。");
  await phone.getByRole("button", { name: "投稿する" }).click();
  await expect(phone.getByTestId("post").filter({ hasText: "はじめまして" })).toBeVisible();
  // Her timeline has it too, labelled with the group.
  await phone.goto(`/n/${NET.slug}/feed`);
  const post = phone.getByTestId("post").filter({ hasText: "はじめまして" });
  await expect(post.getByTestId("post-group")).toHaveText(`グループ: ${GROUP}`);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
