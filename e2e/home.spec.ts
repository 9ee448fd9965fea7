// The network home in a real browser, on a phone: a returning alumna sees the operators' new
// announcement and the reply to her question, opens the reply (it is read), and her home no
// longer lists it.
import { expect, test } from "@playwright/test";
import { adminNetwork, apiContext, ensureSetup, joinedAlumnus, ok, signInApi, signInUi } from "./support.ts";

const NET = { name: "株式会社つながりホーム", slug: "e2e-home" };
const ALUMNA = { name: "帰郷 真央", email: "mao@e2e-home.example", password: "home-password-123" };

test("a returning alumna sees what is new for her on the home page and opens the reply", async ({
  page,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  await joinedAlumnus(baseURL!, admin, NET.slug, ALUMNA);

  // She asked a question some time ago; an operator answered it and posted an announcement.
  const alumna = await apiContext(baseURL!);
  await signInApi(alumna, ALUMNA.email, ALUMNA.password);
  const question = await ok(
    await alumna.post(`/api/n/${NET.slug}/posts`, {
      data: { kind: "question", title: "経理のクラウド移行", body: "経験のある方はいませんか?" },
    }),
    201,
  );
  await alumna.dispose();
  await ok(
    await admin.post(`/api/n/${NET.slug}/posts/${question.id}/comments`, {
      data: { body: "情報システム部で担当していた者がいます。ご紹介しますね。" },
    }),
    201,
  );
  await ok(
    await admin.post(`/api/n/${NET.slug}/posts`, {
      data: { kind: "announcement", title: "年末のオンライン交流会", body: "12月20日に開催します。" },
    }),
    201,
  );
  await admin.dispose();

  // On her phone, the network's home shows both.
  await page.setViewportSize({ width: 390, height: 844 });
  await signInUi(page, ALUMNA.email, ALUMNA.password);
  await page.goto(`/n/${NET.slug}`);
  // A newcomer is first asked the welcome survey; she answers it later.
  await page.getByRole("button", { name: "あとで回答する" }).click();
  const announcements = page.getByTestId("home-announcements");
  await expect(announcements.getByText("年末のオンライン交流会")).toBeVisible();
  const replies = page.getByTestId("home-replies");
  await expect(replies.getByText("情報システム部で担当していた者がいます", { exact: false })).toBeVisible();

  // Opening the reply leads to her post with the answer, and reads it.
  await replies.getByRole("button", { name: /経理のクラウド移行/ }).click();
  await expect(page.getByText("情報システム部で担当していた者がいます。ご紹介しますね。")).toBeVisible();
  await page.goto(`/n/${NET.slug}`);
  await expect(
    page.getByTestId("home-replies").getByText("未読の返信やメンションはありません", { exact: false }),
  ).toBeVisible();
});
