// The community feed in a real browser: an alumnus on a phone asks for help; another member reads
// it (marked new), comments; the first sees the bell, opens the notification to the comment, and
// has the mail. The phone-width feed has no sideways scroll.
import { expect, test } from "@playwright/test";
import { adminNetwork, ensureSetup, joinedAlumnus, mailLink, shot, signInUi } from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社つながりフィード", slug: "e2e-feed" };
const ASKER = { name: "依頼 健太", email: "kenta@e2e-feed.example", password: "feed-password-123" };
const HELPER = { name: "支援 美穂", email: "miho@e2e-feed.example", password: "feed-password-456" };
const TITLE = "SaaS の営業支援ができる方を探しています";

test("an alumnus asks for help, another member comments, the bell and the mail tell him", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await joinedAlumnus(baseURL!, admin, NET.slug, ASKER);
  await joinedAlumnus(baseURL!, admin, NET.slug, HELPER);
  await admin.dispose();

  // The asker, on a phone at night, posts from the feed.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, ASKER.email, ASKER.password);
  await phone.goto(`/n/${NET.slug}/feed`);
  await phone.getByTestId("composer-prompt").click();
  const composer = phone.getByRole("region", { name: "投稿する" });
  await composer.locator("label", { hasText: "募集・お願い" }).click();
  await expect(composer.getByRole("radio", { name: "募集・お願い" })).toBeChecked();
  await phone.getByLabel("タイトル（任意）").fill(TITLE);
  await phone
    .getByRole("textbox", { name: "本文" })
    .fill("こういう案件の相談に乗れる人はいませんか？\n\n- 期間: 3か月\n- 稼働: 週2日");
  await phone.getByRole("tab", { name: "プレビュー" }).click();
  await expect(phone.getByRole("listitem").filter({ hasText: "期間: 3か月" })).toBeVisible();
  await phone.getByRole("button", { name: "投稿する" }).click();
  await expect(phone.getByText("投稿しました")).toBeVisible();
  const card = phone.getByTestId("post").filter({ hasText: TITLE });
  await expect(card).toBeVisible();
  await expect(card.getByText("募集・お願い")).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await shot(phone, "feed-phone");

  // The helper sees it new in her feed (and in the navigation's badge), opens it and comments.
  await signInUi(page, HELPER.email, HELPER.password);
  await page.goto(`/n/${NET.slug}/directory`);
  await expect(page.getByLabel("新着 1 件")).toBeVisible();
  await page
    .getByRole("link", { name: /タイムライン/ })
    .first()
    .click();
  const seen = page.getByTestId("post").filter({ hasText: TITLE });
  await expect(seen.getByText("新着")).toBeVisible();
  await seen.getByRole("button", { name: "いいね" }).click();
  await expect(seen.getByRole("button", { name: "いいねを取り消す" })).toBeVisible();
  await seen.getByRole("link", { name: "コメントする" }).click();
  await page
    .getByRole("textbox", { name: "コメントを書く" })
    .fill("知り合いに SaaS 営業の経験者がいます。ご紹介できます！");
  await page.getByRole("button", { name: "送信" }).click();
  await expect(page.getByTestId("comment").getByText("ご紹介できます")).toBeVisible();

  // The asker's bell counts it; the notification leads to the comment.
  await phone.reload();
  const bell = phone.getByTestId("bell");
  await expect(bell).toHaveAccessibleName("通知（未読 1 件）", { timeout: 15_000 });
  await bell.click();
  const item = phone.getByTestId("notification").first();
  await expect(item).toContainText(`${HELPER.name} さんが「${TITLE}」にコメントしました`);
  await shot(phone, "feed-bell-phone");
  await item.click();
  await expect(phone.getByTestId("comment").getByText("ご紹介できます")).toBeVisible();
  await expect(bell).toHaveAccessibleName("通知", { timeout: 15_000 });

  // And the mail, with the link to the post.
  const link = await mailLink(ASKER.email, "コメントしました");
  expect(link).toBe(phone.url());
});
