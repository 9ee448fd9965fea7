// The product on a phone (390 × 844) and in the dark, in a real browser: the pages fit (nothing
// scrolls sideways), their controls are 44 px to tap, the members list is cards, the registration
// steps stay on one line, the profile's save bar covers no field, a long skill stays in its card,
// signed-out pages are centred, invitations are cards whose resend asks first, a light accent
// colour gets dark text; and the page follows the system's dark setting from the first paint.
// Screenshots of every page go to test-results/ (look at them).
// Data: a network of its own ("e2e-phones") with a two-row roster, an alumna approved at once on
// her employee number, a registrant waiting with a roster candidate, someone only signed up, and
// an invitation.
import {
  type APIRequestContext,
  type Browser,
  expect,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { ADMIN, apiContext, ensureSetup, mailLink, ok, signInApi, signInUi } from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社スマホ", slug: "e2e-phones" };
const PASSWORD = "phones-password-1";
const LONG_SKILL = "大規模分散システムのアーキテクチャ設計と運用改善およびチームの立ち上げ支援";
const ALUMNA = { name: "木村 由佳", kana: "キムラ ユカ", email: "yuka@phones.e2e.example" };
const WAITING = { name: "田中 花子", kana: "タナカ ハナコ", email: "hanako@phones.e2e.example" };
const NEWCOMER = { name: "新井 翼", email: "tsubasa@phones.e2e.example" };
const INVITEE = "invitee@phones.e2e.example";
const ROSTER = [
  "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
  "P001,田中 花子,タナカ ハナコ,2010/4/1,2019/6/30,営業部,",
  "P002,木村 由佳,キムラ ユカ,2012/4/1,2020/3/31,開発部,",
].join("\r\n");
const PHONE = { width: 390, height: 844 };
let invitation = "";

/** Signs up and verifies the address through the mailed link (which signs in). */
async function signUp(baseURL: string, who: { name: string; email: string }): Promise<APIRequestContext> {
  const ctx = await apiContext(baseURL);
  await ok(await ctx.post("/api/auth/sign-up/email", { data: { ...who, password: PASSWORD } }));
  await ok(await ctx.get(await mailLink(who.email, "メールアドレスの確認")));
  return ctx;
}

async function seed(baseURL: string) {
  const admin = await apiContext(baseURL);
  await signInApi(admin, ADMIN.email, ADMIN.password);
  const privacyNotice = {
    body: "ネットワーク運営のために個人情報を利用します。",
    purposes: ["ネットワーク運営"],
  };
  await ok(await admin.post("/api/admin/networks", { data: { ...NET, privacyNotice } }), 201);
  const noticeVersion = (await ok(await admin.get(`/api/networks/${NET.slug}/public`))).privacyNotice.version;
  const file = { name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(ROSTER) };
  await ok(await admin.post(`/api/n/${NET.slug}/roster/import`, { multipart: { file } }));
  const consent = {
    noticeVersion,
    directory: true,
    rehire: true,
    freelance: false,
    events: false,
    surveys: false,
  };
  const register = async (ctx: APIRequestContext, body: Record<string, unknown>) =>
    (await ok(await ctx.post(`/api/n/${NET.slug}/registrations`, { data: { ...body, consent } }), 201))
      .status;

  const alumna = await signUp(baseURL, ALUMNA);
  const employment = { joinYm: "2012-04", leaveYm: "2020-03", department: "開発部" };
  expect(
    await register(alumna, { ...ALUMNA, nameKana: ALUMNA.kana, ...employment, employeeNumber: "P002" }),
  ).toBe("approved");
  await ok(
    await alumna.put(`/api/n/${NET.slug}/profiles/me`, {
      data: { displayName: ALUMNA.name, ...employment, skills: [LONG_SKILL, "TypeScript"] },
    }),
  );
  await ok(
    await alumna.post(`/api/n/${NET.slug}/welcome-survey`, { data: { interests: ["keep_in_touch"] } }),
    201,
  );
  // The roster has her, but the name and months alone do not approve (the strict rule): she waits.
  const waiting = await signUp(baseURL, WAITING);
  const hers = { name: WAITING.name, nameKana: WAITING.kana, joinYm: "2010-04", leaveYm: "2019-06" };
  expect(await register(waiting, hers)).toBe("pending");
  await (await signUp(baseURL, NEWCOMER)).dispose();
  await ok(
    await admin.post(`/api/n/${NET.slug}/invitations`, { data: { invitees: [{ email: INVITEE }] } }),
    201,
  );
  invitation = await mailLink(INVITEE, "ご招待");
  for (const c of [admin, alumna, waiting]) await c.dispose();
}

async function phonePage(browser: Browser, colorScheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: PHONE, hasTouch: true, colorScheme });
  return context.newPage();
}

/** Nothing on the page is wider than the screen. */
async function expectFits(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function expectTapTarget(target: Locator, what: string) {
  const box = await target.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.width, `${what}: width`).toBeGreaterThanOrEqual(44);
  expect(box!.height, `${what}: height`).toBeGreaterThanOrEqual(44);
}

async function phoneShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0)); // else the header is drawn where the page was scrolled to
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await browser.newPage();
  await ensureSetup(page);
  await page.context().close();
  await seed(testInfo.project.use.baseURL!);
});

test("signed-out pages fit a phone, and are centred with no room kept for a sidebar", async ({ browser }) => {
  const page = await phonePage(browser);
  const pages: [string, string, string][] = [
    ["sign-in", "/sign-in", "ログイン"],
    ["sign-up", "/sign-up", "新規登録"],
    ["forgot-password", "/forgot-password", "パスワードの再設定"],
    ["invite", new URL(invitation).pathname, `${NET.name}`],
    ["not-found", "/no-such-page", "ページが見つかりません"],
  ];
  for (const [name, path, text] of pages) {
    await page.goto(path);
    await expect(page.getByText(text).first()).toBeVisible();
    await expectFits(page);
    await phoneShot(page, `phone-${name}`);
  }
  // The password's eye stays 26 px in its input, but a finger within 22 px of its centre hits it.
  await page.goto("/sign-in");
  const eye = page.getByRole("button", { name: "Toggle password visibility" });
  const b = (await eye.boundingBox())!;
  for (const [dx, dy] of [
    [-21, -21],
    [21, 21],
  ]) {
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest("button")?.ariaLabel,
      [b.x + b.width / 2 + dx, b.y + b.height / 2 + dy],
    );
    expect(hit).toBe("Toggle password visibility");
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  const card = page.getByRole("main").locator(".mantine-Paper-root").first();
  await expect(card).toBeVisible();
  const { left, right } = await card.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: document.documentElement.clientWidth - r.right };
  });
  expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
  await page.context().close();
});

test("a member on a phone: the directory, a profile with a long skill, the editor and its save bar", async ({
  browser,
}) => {
  const page = await phonePage(browser);
  await signInUi(page, ALUMNA.email, PASSWORD);
  await page.goto(`/n/${NET.slug}/directory`);
  await expectTapTarget(page.getByRole("button", { name: "メニュー" }), "menu button");
  const card = page.getByTestId("member-card").filter({ hasText: ALUMNA.name });
  const badge = card.locator(`[title="${LONG_SKILL}"]`);
  await expect(badge).toBeVisible();
  const [cardBox, badgeBox] = [(await card.boundingBox())!, (await badge.boundingBox())!];
  expect(badgeBox.x + badgeBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
  await expectFits(page);
  await phoneShot(page, "phone-directory");

  await card.click();
  const whole = page.getByText(LONG_SKILL);
  await expect(whole).toBeVisible();
  expect(await whole.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true); // not cut off
  await expectFits(page);
  await phoneShot(page, "phone-profile");

  await page.goto(`/n/${NET.slug}/profile`);
  await expect(page.getByRole("button", { name: "保存する" })).toBeVisible();
  const visibility = page.getByRole("radiogroup", { name: "「現在の勤務先」の公開範囲" });
  await expectTapTarget(visibility.locator("label", { hasText: "自分のみ" }), "visibility choice");
  // Every field, focused from the top of the page (as a tap or Tab does), comes to rest above the bar.
  const covered = await page.evaluate(async () => {
    const bar = document.querySelector('[data-testid="profile-save-bar"]')!;
    const hidden: string[] = [];
    const fields = "input:not([type=hidden], [type=radio], [type=checkbox], [type=file]), textarea, select";
    for (const el of document.querySelector("form")!.querySelectorAll<HTMLElement>(fields)) {
      window.scrollTo(0, 0);
      el.focus();
      await new Promise((r) => requestAnimationFrame(r));
      if (el.getBoundingClientRect().bottom > bar.getBoundingClientRect().top)
        hidden.push(el.getAttribute("aria-label") ?? el.id);
    }
    return hidden;
  });
  expect(covered).toEqual([]);
  await expectFits(page);
  await phoneShot(page, "phone-profile-editor");
  await page.context().close();
});

test("registering on a phone: the three steps on one line", async ({ browser }) => {
  const page = await phonePage(browser);
  await signInUi(page, NEWCOMER.email, PASSWORD);
  await page.goto(`/n/${NET.slug}/register`);
  await page.getByRole("button", { name: "登録を始める" }).click();
  const steps = await Promise.all(
    ["ご案内", "在籍情報", "同意"].map(
      async (s) => (await page.getByRole("button", { name: s }).boundingBox())!,
    ),
  );
  for (const s of steps) {
    expect(Math.abs(s.y - steps[0].y)).toBeLessThanOrEqual(2);
    expect(s.x + s.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expectFits(page);
  await phoneShot(page, "phone-register");
  await page.context().close();
});

test("an operator on a phone: members as cards with their actions, approvals with whole-row radios", async ({
  browser,
}) => {
  const page = await phonePage(browser);
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/admin/members`);
  const row = page.getByTestId("member-row").filter({ hasText: ALUMNA.name });
  await expect(row.getByText("アルムナイ", { exact: true })).toBeInViewport();
  await expect(row.getByText("利用中")).toBeInViewport();
  const actions = row.getByRole("button", { name: `${ALUMNA.name} さんの操作` });
  await expect(actions).toBeInViewport({ ratio: 1 });
  await expectTapTarget(actions, "操作 button");
  await expectFits(page);
  await phoneShot(page, "phone-members");

  await page.goto(`/n/${NET.slug}/admin/approvals`);
  const candidate = page.getByRole("radio", { name: /紐付ける名簿の行: 田中 花子/ });
  const noLink = page.getByRole("radio", { name: "名簿と紐付けない" });
  await expect(candidate).toBeChecked();
  // The row around the radio (Mantine's Radio body) is the target: a tap at its far corner.
  const rowOf = (radio: Locator) => page.locator(".mantine-Radio-body", { has: radio });
  for (const [radio, what] of [
    [noLink, "名簿と紐付けない"],
    [candidate, "候補 1"],
  ] as const) {
    await expectTapTarget(rowOf(radio), what);
    const box = (await rowOf(radio).boundingBox())!;
    await rowOf(radio).click({ position: { x: box.width - 3, y: 3 } });
    await expect(radio).toBeChecked();
  }
  await expectTapTarget(rowOf(page.getByRole("radio", { name: /緩和/ })), "policy choice");
  await expectFits(page);
  await phoneShot(page, "phone-approvals");
  await page.context().close();
});

test("an operator on a phone: invitations as cards, a resend asks first; a light accent writes dark text", async ({
  browser,
}) => {
  const page = await phonePage(browser);
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/admin/invitations`);
  const cards = page.getByTestId("invitation-card").filter({ hasText: INVITEE });
  await expect(cards).toHaveCount(1);
  const resend = cards.getByRole("button", { name: `${INVITEE} へ招待メールを再送する` });
  await resend.click();
  const dialog = page.getByRole("dialog", { name: "招待メールを再送しますか？" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${INVITEE} に新しいリンクで招待メールを送ります`);
  await phoneShot(page, "phone-invitations-resend-confirm");
  // Cancelled: nothing was sent.
  await dialog.getByRole("button", { name: "キャンセル" }).click();
  await expect(dialog).toBeHidden();
  await expect(cards).toHaveCount(1);
  await resend.click();
  await dialog.getByRole("button", { name: "再送する" }).click();
  await expect(page.getByText(`${INVITEE} に新しいリンクで再送しました`)).toBeVisible();
  await expect(cards).toHaveCount(2); // the new invitation, and the replaced one (取り消し)
  await expectFits(page);

  // A light accent: the filled buttons write black on it, not white.
  const api = await apiContext(new URL(page.url()).origin);
  await signInApi(api, ADMIN.email, ADMIN.password);
  await ok(await api.put(`/api/n/${NET.slug}/branding`, { data: { accentColor: "#f5d90a" } }));
  await page.goto(`/n/${NET.slug}/admin/branding`);
  const preview = page.getByRole("button", { name: "ボタンの例" }).first();
  await expect(preview).toBeVisible();
  const colours = await preview.evaluate((el) => {
    const s = getComputedStyle(el);
    return { text: s.color, background: s.backgroundColor };
  });
  expect(colours).toEqual({ text: "rgb(0, 0, 0)", background: "rgb(245, 217, 10)" });
  await expectFits(page);
  await phoneShot(page, "phone-branding-light-accent");
  await ok(await api.put(`/api/n/${NET.slug}/branding`, { data: { accentColor: null } }));
  await api.dispose();
  await page.context().close();
});

test("the page follows the system's dark setting, from the first paint", async ({ browser }) => {
  const page = await phonePage(browser, "dark");
  const background = () =>
    page.evaluate(() =>
      getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number),
    );
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "ログイン", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");
  expect(Math.max(...(await background()))).toBeLessThan(60);
  await phoneShot(page, "phone-dark-sign-in");
  // The setting changes while the page is open: the page follows.
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "light");
  expect(Math.min(...(await background()))).toBeGreaterThan(200);

  // Before the app's script has run, the page already knows it is dark (no white flash).
  await page.emulateMedia({ colorScheme: "dark" });
  await page.route("**/assets/*.js", (route) => route.abort());
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("data-mantine-color-scheme", "dark");
  await page.context().close();
});
