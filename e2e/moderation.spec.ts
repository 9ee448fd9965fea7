// Moderation in a real browser: a member on a phone reports a post (通報する, a reason, a
// confirmation); the operator sees it in the queue (a badge in the navigation), hides it with a
// reason; the post is gone from the member's feed.
import { expect, test } from "@playwright/test";
import {
  ADMIN,
  adminNetwork,
  apiContext,
  ensureSetup,
  joinedAlumnus,
  ok,
  shot,
  signInApi,
  signInUi,
} from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社つながりモデレーション", slug: "e2e-mod" };
const AUTHOR = { name: "宣伝 太郎", email: "taro@e2e-mod.example", password: "mod-password-123" };
const MEMBER = { name: "良識 花子", email: "hanako@e2e-mod.example", password: "mod-password-456" };
const TITLE = "スマホだけで月30万円の副業";

test("a member reports a post; the operator hides it from the queue with a reason; it is gone for the member", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await joinedAlumnus(baseURL!, admin, NET.slug, AUTHOR);
  await joinedAlumnus(baseURL!, admin, NET.slug, MEMBER);
  await admin.dispose();
  const author = await apiContext(baseURL!);
  await signInApi(author, AUTHOR.email, AUTHOR.password);
  await ok(
    await author.post(`/api/n/${NET.slug}/posts`, {
      data: { kind: "news", title: TITLE, body: "登録はこちらから！今だけ無料です。" },
    }),
    201,
  );
  await author.dispose();

  // The member, on a phone, reports it from the post's menu.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, MEMBER.email, MEMBER.password);
  await phone.goto(`/n/${NET.slug}/feed`);
  const card = phone.getByTestId("post").filter({ hasText: TITLE });
  await card.getByRole("button", { name: "投稿の操作" }).click();
  await phone.getByRole("menuitem", { name: "通報する" }).click();
  const modal = phone.getByTestId("report-modal");
  await modal.getByLabel("スパム・宣伝").check();
  await modal.getByLabel("詳しい内容（任意）").fill("怪しい副業の勧誘です");
  await shot(phone, "moderation-report-phone");
  await modal.getByRole("button", { name: "通報する" }).click();
  await expect(phone.getByText("運営に通報しました。")).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The operator sees it in the queue (and the badge), and hides it with a reason.
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}`);
  await expect(page.getByTestId("moderation-badge")).toHaveText("1");
  await page.getByRole("link", { name: /通報・モデレーション/ }).click();
  const kase = page.getByTestId("moderation-case").filter({ hasText: TITLE });
  await expect(kase.getByText("スパム・宣伝 × 1")).toBeVisible();
  await expect(kase.getByText(/怪しい副業の勧誘です/)).toBeVisible();
  await kase.getByRole("button", { name: "非表示にする" }).click();
  await page.getByLabel(/理由/).fill("副業の勧誘のため非表示にします");
  await page.getByRole("button", { name: "実行する" }).click();
  await expect(page.getByText("対応しました。")).toBeVisible();
  await expect(page.getByText("未対応の通報はありません。")).toBeVisible();
  await shot(page, "moderation-queue-resolved");

  // Gone for the member.
  await phone.goto(`/n/${NET.slug}/feed`);
  await expect(phone.getByTestId("composer-prompt")).toBeVisible();
  await expect(phone.getByText(TITLE)).toHaveCount(0);
});
