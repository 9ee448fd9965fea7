// Referrals in a real browser: an employee refers an alumna for an opening with a reason; she sees
// the referral on her phone, applies through the posting's application box, and the employee sees
// "応募済み" (nothing else of her application).
import { expect, test } from "@playwright/test";
import { adminNetwork, ensureSetup, joinedAlumnus, ok, signInUi } from "./support.ts";

const NET = { name: "株式会社つながり推薦", slug: "e2e-referrals" };
const EMPLOYEE = {
  name: "推薦 一郎",
  email: "ichiro@e2e-referrals.example",
  password: "refer-password-123",
};
const ALUMNA = {
  name: "推薦 花子",
  email: "hanako@e2e-referrals.example",
  password: "refer-password-456",
};
const TITLE = "営業企画（再雇用・正社員）";
const WHY = "在籍中に同じチームで営業資料を作っていました。この役割にぴったりです。";

const inDays = (days: number) =>
  new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

test("an employee refers an alumna, she applies from her phone, the employee sees she applied", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  for (const p of [EMPLOYEE, ALUMNA]) await joinedAlumnus(baseURL!, admin, NET.slug, p);
  const members = await ok(
    await admin.get(`/api/n/${NET.slug}/members?q=${encodeURIComponent(EMPLOYEE.name)}`),
  );
  const emp = members.items.find((m: { email: string }) => m.email === EMPLOYEE.email);
  await ok(await admin.patch(`/api/n/${NET.slug}/members/${emp.userId}`, { data: { role: "employee" } }));
  // The operator's rehire opening, complete and open.
  const posting = await ok(
    await admin.post(`/api/n/${NET.slug}/opportunities`, {
      data: {
        type: "rehire",
        title: TITLE,
        description: "営業戦略の立案と営業資料の整備を担当していただきます。",
        employmentType: "full_time",
        location: "東京本社",
        remote: "hybrid",
        hours: "9:00〜18:00（フレックス）",
        salaryMin: 6_000_000,
        trialPeriod: "3か月",
        changeScopeDuties: "会社の定める業務",
        changeScopeWorkplace: "会社の定める事業所",
        howToApply: "このページから応募してください。",
        recruiterName: "人事部 採用担当",
        recruiterContact: "recruit@e2e-referrals.example",
        closesOn: inDays(30),
        publish: true,
      },
    }),
    201,
  );
  await admin.dispose();
  const postingUrl = `/n/${NET.slug}/opportunities/${posting.id}`;

  // The employee refers her from the posting's page.
  await signInUi(page, EMPLOYEE.email, EMPLOYEE.password);
  await page.goto(postingUrl);
  const box = page.getByTestId("referral-box");
  await box.getByTestId("referral-search").fill("推薦 花子");
  await box.getByTestId("referral-pick").first().click();
  await expect(box.getByTestId("referral-picked")).toHaveText(ALUMNA.name);
  await box.getByTestId("referral-why").fill(WHY);
  await box.getByTestId("referral-submit").click();
  await expect(box.getByTestId("my-referrals")).toContainText(ALUMNA.name);
  await expect(box.getByTestId("referral-status")).toHaveText("回答待ち");

  // She, on her phone, is told, sees who referred her and why, and applies.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, ALUMNA.email, ALUMNA.password);
  await phone.goto(postingUrl);
  const invite = phone.getByTestId("referral-invite");
  await expect(invite).toContainText(`${EMPLOYEE.name}さんがあなたをこの募集に推薦しました`);
  await expect(invite).toContainText(WHY);
  await invite.getByTestId("referral-apply").click();
  await expect(phone.getByTestId("apply-motivation")).toBeFocused();
  await phone.getByTestId("apply-motivation").fill("推薦をいただき、ぜひ挑戦したいと思い応募しました。");
  await phone.getByTestId("apply-submit").click();
  await expect(phone.getByTestId("application-stage")).toHaveText("応募済み");

  // The employee sees that she applied, and the application's coarse outcome only.
  await page.goto(`/n/${NET.slug}/opportunities?tab=referrals`);
  const card = page.getByTestId("referral-card").filter({ hasText: TITLE });
  await expect(card.getByTestId("referral-status")).toHaveText("応募済み");
  await expect(card).toContainText("選考中");
  await expect(card).not.toContainText("ぜひ挑戦したい");
});
