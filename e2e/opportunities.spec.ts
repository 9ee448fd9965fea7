// Opportunities in a real browser: an employee posts a 業務委託 task project with every item the
// Freelance Act asks for; she sees the alumni who fit it, with why, and invites two in one click
// each; one of them finds it on her phone and applies in one click with a motivation; the employee
// moves her through the board to "contracted", and she sees it.
import { expect, test } from "@playwright/test";
import { adminNetwork, apiContext, ensureSetup, joinedAlumnus, ok, signInApi, signInUi } from "./support.ts";

const NET = { name: "株式会社つながり募集", slug: "e2e-opportunities" };
const EMPLOYEE = {
  name: "募集 一郎",
  email: "ichiro@e2e-opportunities.example",
  password: "opps-password-123",
};
const ALUMNA = {
  name: "応募 花子",
  email: "hanako@e2e-opportunities.example",
  password: "opps-password-456",
};
const SECOND = {
  name: "資料 美香",
  email: "mika@e2e-opportunities.example",
  password: "opps-password-789",
};
const TITLE = "新製品向け営業資料の改訂";

const inDays = (days: number) =>
  new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

test("an employee posts a task project, invites two alumnae who fit it, one applies from her phone, the employee contracts her", async ({
  page,
  browser,
  baseURL,
}) => {
  await ensureSetup(page);
  const admin = await adminNetwork(baseURL!, NET);
  for (const p of [EMPLOYEE, ALUMNA, SECOND]) await joinedAlumnus(baseURL!, admin, NET.slug, p);
  // The two alumnae (who opted in to freelance offers when they registered) fill their profiles.
  for (const [p, skills, departments] of [
    [ALUMNA, ["営業資料", "PowerPoint"], ["営業企画部"]],
    [SECOND, ["営業資料"], ["第一営業部"]],
  ] as const) {
    const api = await apiContext(baseURL!);
    await signInApi(api, p.email, p.password);
    await ok(
      await api.put(`/api/n/${NET.slug}/profiles/me`, {
        data: { displayName: p.name, skills, departments, jobType: "sales", openTo: ["freelance"] },
      }),
    );
    await api.dispose();
  }
  // The first one works at the company: the operator makes her an employee.
  const members = await ok(
    await admin.get(`/api/n/${NET.slug}/members?q=${encodeURIComponent(EMPLOYEE.name)}`),
  );
  const emp = members.items.find((m: { email: string }) => m.email === EMPLOYEE.email);
  await ok(await admin.patch(`/api/n/${NET.slug}/members/${emp.userId}`, { data: { role: "employee" } }));
  await admin.dispose();

  // The employee posts the project from 募集.
  await signInUi(page, EMPLOYEE.email, EMPLOYEE.password);
  await page.goto(`/n/${NET.slug}/opportunities`);
  await page.getByTestId("opportunity-create").click();
  await page.getByTestId("opportunity-title-input").fill(TITLE);
  await page
    .getByTestId("opportunity-description")
    .fill("既存の営業資料を新製品に合わせて改訂していただきます。");
  await page.getByTestId("opportunity-remote").click();
  await page.getByRole("option", { name: "フルリモート" }).click();
  await page.getByTestId("opportunity-period-start").fill(inDays(14));
  await page.getByTestId("opportunity-period-end").fill(inDays(45));
  await page.getByTestId("opportunity-hours").fill("週10時間程度");
  await page.getByTestId("opportunity-fee-min").fill("5000");
  await page.getByTestId("opportunity-fee-unit").click();
  await page.getByRole("option", { name: "時間" }).click();
  await page.getByTestId("opportunity-termination").fill("14日前までの通知で解除できます。");
  await page.getByTestId("opportunity-how").fill("このページから応募してください。");
  await page.getByTestId("opportunity-recruiter").fill("営業企画部 募集 一郎");
  await page.getByTestId("opportunity-contact").fill(EMPLOYEE.email);
  await page.getByTestId("opportunity-skills").fill("営業資料");
  await page.getByTestId("opportunity-skills").press("Enter");
  await page.getByTestId("opportunity-skills").fill("PowerPoint");
  await page.getByTestId("opportunity-skills").press("Enter");
  // The preview shows it as alumni will see it.
  await page.getByTestId("opportunity-preview-tab").click();
  await expect(page.getByTestId("opportunity-preview")).toContainText("契約の解除・不更新");
  await page.getByTestId("opportunity-save").click();
  await expect(page.getByTestId("opportunity-title")).toHaveText(TITLE);
  const postingUrl = page.url().replace(/^https?:\/\/[^/]+/, "");

  // Under it, the alumni who fit it, with why; she invites both, one click each.
  const matches = page.getByTestId("match");
  await expect(matches).toHaveCount(2);
  const first = matches.filter({ hasText: ALUMNA.name });
  await expect(first).toContainText("スキル: 営業資料, PowerPoint");
  await expect(first).toContainText("業務委託に関心あり");
  await expect(matches.filter({ hasText: SECOND.name })).toContainText("スキル: 営業資料");
  for (const m of [first, matches.filter({ hasText: SECOND.name })]) {
    await m.getByTestId("match-invite").click();
    await expect(m.getByTestId("match-invited")).toBeVisible();
  }

  // The alumna, on her phone, finds it and applies in one click.
  const phone = await (
    await browser.newContext({ locale: "ja-JP", viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInUi(phone, ALUMNA.email, ALUMNA.password);
  // She was invited: the bell says so.
  await phone.getByTestId("bell").click();
  await expect(
    phone
      .getByTestId("notification")
      .filter({ hasText: `${EMPLOYEE.name} さんから応募のお誘いが届きました` }),
  ).toBeVisible({ timeout: 15_000 });
  await phone.keyboard.press("Escape");
  await phone.goto(`/n/${NET.slug}/opportunities`);
  const card = phone.getByTestId("opportunity-card").filter({ hasText: TITLE });
  await expect(card).toContainText("5,000円〜 / 時間");
  await card.getByRole("link", { name: TITLE }).click();
  await expect(phone.getByTestId("posting-details")).toContainText("週10時間程度");
  await phone
    .getByTestId("apply-motivation")
    .fill("在籍中は営業企画で資料づくりを担当していました。すぐに着手できます。");
  await phone.getByTestId("apply-submit").click();
  await expect(phone.getByTestId("application-stage")).toHaveText("応募済み");
  const applicationUrl = phone.url().replace(/^https?:\/\/[^/]+/, "");

  // The employee sees her on the board and moves her to contracted.
  await page.goto(postingUrl);
  await expect(page.getByTestId("board-column-applied")).toContainText(ALUMNA.name);
  await page.getByTestId("board-column-applied").getByRole("link", { name: ALUMNA.name }).click();
  for (const [stage, label] of [
    ["screening", "書類選考"],
    ["interview", "面談・面接"],
    ["offered", "オファー"],
    ["contracted", "契約決定"],
  ] as const) {
    await page.getByTestId(`move-${stage}`).click();
    await expect(page.getByTestId("application-stage")).toHaveText(label);
  }
  // One opening, now filled: the posting closed by itself.
  await page.goto(postingUrl);
  await expect(page.getByText("募集人数に達したため締切")).toBeVisible();

  // She sees where she stands.
  await phone.goto(applicationUrl);
  await expect(phone.getByTestId("application-stage")).toHaveText("契約決定");
  await expect(phone.getByTestId("application-notes")).toHaveCount(0);
});
