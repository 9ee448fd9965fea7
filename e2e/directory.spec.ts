// The member directory and operator segments in a real browser:
// (a) a member searches in Japanese (typed through the IME), narrows to the 2010s cohort, sees
//     the total change, shares the URL and opens a profile; the page fits a 375 px phone;
// (b) an operator saves the current search as a segment and finds it, with its count, on the
//     segments page (a duplicate name is refused on the field).
// Data: a network of its own ("e2e-dir"), created by the platform admin, and seven members who
// sign up, verify their address, register and fill in their profile through the HTTP API.
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN, apiContext, ensureSetup, mailLink, ok, shot, signInApi, signInUi } from "./support.ts";

test.describe.configure({ mode: "serial" });

const NET = { name: "株式会社めいぼ", slug: "e2e-dir" };
const PASSWORD = "directory-password-1";

type Person = {
  key: string;
  name: string;
  kana: string;
  join: string;
  leave: string;
  department: string;
  profile: Record<string, unknown>;
};

const PEOPLE: Person[] = [
  {
    key: "rina",
    name: "松本 里奈",
    kana: "マツモト リナ",
    join: "2016-04",
    leave: "2023-03",
    department: "営業部",
    profile: { jobType: "sales", industry: "retail", skills: ["法人営業"], currentCompany: "株式会社ミドリ" },
  },
  {
    key: "hanako",
    name: "山田 花子",
    kana: "ヤマダ ハナコ",
    join: "2012-04",
    leave: "2019-03",
    department: "マーケティング部",
    profile: {
      jobType: "marketing",
      industry: "it",
      currentCompany: "株式会社ハナミズキ",
      skills: ["デジタル広告", "SEO", "Google Analytics"],
      openTo: ["freelance", "mentoring"],
      location: "東京都渋谷区",
      bio: "ウェブ広告の運用と分析が得意です。副業の相談も歓迎します。",
    },
  },
  {
    key: "yumi",
    name: "中村 由美",
    kana: "ナカムラ ユミ",
    join: "2003-04",
    leave: "2011-09",
    department: "マーケティング部",
    profile: {
      jobType: "marketing",
      industry: "media",
      currentCompany: "株式会社アオバ広告",
      skills: ["ブランド戦略", "SEO"],
      openTo: ["speaking"],
      location: "神奈川県横浜市",
    },
  },
  {
    key: "sho",
    name: "伊藤 翔",
    kana: "イトウ ショウ",
    join: "2015-04",
    leave: "2021-06",
    department: "人事部",
    profile: {
      jobType: "hr",
      industry: "hr_services",
      currentCompany: "株式会社キャリアブリッジ",
      skills: ["採用", "労務"],
      openTo: ["rehire"],
      location: "東京都港区",
    },
  },
  {
    key: "sakura",
    name: "加藤 さくら",
    kana: "カトウ サクラ",
    join: "1998-04",
    leave: "2008-03",
    department: "人事部",
    profile: { jobType: "hr", industry: "education", skills: ["研修", "採用"] },
  },
  {
    key: "daisuke",
    name: "小林 大輔",
    kana: "コバヤシ ダイスケ",
    join: "2018-10",
    leave: "2023-03",
    department: "開発部",
    profile: {
      jobType: "engineering",
      industry: "it",
      skills: ["TypeScript", "React"],
      openTo: ["freelance"],
      location: "大阪府大阪市",
    },
  },
  {
    key: "ken",
    name: "佐々木 健",
    kana: "ササキ ケン",
    join: "2021-04",
    leave: "2024-03",
    department: "経理部",
    profile: { jobType: "finance_accounting", skills: ["簿記2級"] },
  },
];
const emailOf = (p: Person) => `${p.key}@dir.e2e.example`;
const SEARCHER = PEOPLE[0];
const HANAKO = PEOPLE[1];

/** Signs up, verifies the address through the mailed link (which signs in) and registers. */
async function register(baseURL: string, p: Person, noticeVersion: number): Promise<APIRequestContext> {
  const ctx = await apiContext(baseURL);
  await ok(
    await ctx.post("/api/auth/sign-up/email", {
      data: { name: p.name, email: emailOf(p), password: PASSWORD },
    }),
  );
  await ok(await ctx.get(await mailLink(emailOf(p), "メールアドレスの確認")));
  const consent = {
    noticeVersion,
    directory: true,
    rehire: true,
    freelance: true,
    events: true,
    surveys: false,
  };
  const body = {
    name: p.name,
    nameKana: p.kana,
    joinYm: p.join,
    leaveYm: p.leave,
    department: p.department,
    consent,
  };
  await ok(await ctx.post(`/api/n/${NET.slug}/registrations`, { data: body }), 201);
  return ctx;
}

/** The network, its operator (the platform admin) and the members, through the HTTP API. */
async function seed(baseURL: string) {
  const admin = await apiContext(baseURL);
  await signInApi(admin, ADMIN.email, ADMIN.password);
  await ok(
    await admin.post("/api/admin/networks", {
      data: {
        ...NET,
        privacyNotice: {
          body: "アルムナイネットワークの運営のため、以下の目的で個人情報を利用します。",
          purposes: ["ネットワーク運営", "再雇用・業務委託のご案内"],
        },
      },
    }),
    201,
  );
  const notice = (await ok(await admin.get(`/api/networks/${NET.slug}/public`))).privacyNotice.version;
  const members: APIRequestContext[] = [];
  for (const p of PEOPLE) members.push(await register(baseURL, p, notice));
  const queue = await ok(await admin.get(`/api/n/${NET.slug}/registrations?status=pending`));
  expect(queue.items).toHaveLength(PEOPLE.length);
  for (const r of queue.items) await ok(await admin.post(`/api/n/${NET.slug}/registrations/${r.id}/approve`));
  for (const [i, p] of PEOPLE.entries()) {
    const profile = {
      displayName: p.name,
      nameWhileEmployed: p.name,
      nameKana: p.kana,
      joinYm: p.join,
      leaveYm: p.leave,
      departments: [p.department],
      ...p.profile,
      visibility: { location: "members", openTo: "members" },
    };
    await ok(await members[i].put(`/api/n/${NET.slug}/profiles/me`, { data: profile }));
    await ok(
      await members[i].post(`/api/n/${NET.slug}/welcome-survey`, { data: { interests: ["keep_in_touch"] } }),
      201,
    );
    await members[i].dispose();
  }
  await admin.dispose();
}

async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: { width, height: 900 } });
  return context.newPage();
}

const total = (page: Page) => page.getByTestId("directory-total");

/** Types Japanese as an IME does: composition updates first, then the committed text. */
async function typeWithIme(page: Page, steps: string[], committed: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps)
    await cdp.send("Input.imeSetComposition", {
      text,
      selectionStart: text.length,
      selectionEnd: text.length,
    });
  // Still composing: nothing is searched yet (the debounce is 350 ms).
  await page.waitForTimeout(700);
  expect(new URL(page.url()).searchParams.get("q")).toBeNull();
  await cdp.send("Input.insertText", { text: committed });
  await cdp.detach();
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL!;
  const page = await newPage(browser);
  await ensureSetup(page);
  await page.context().close();
  await seed(baseURL);
});

test("a member searches in Japanese, narrows to the 2010s, shares the URL and opens a profile", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInUi(page, emailOf(SEARCHER), PASSWORD);
  await page.goto(`/n/${NET.slug}`);
  await page.getByRole("navigation").getByRole("link", { name: "メンバー名簿" }).click();
  await expect(page).toHaveURL(new RegExp(`/n/${NET.slug}/directory$`));
  // The alumni and the operator who runs the network (staff are listed to members by default).
  await expect(total(page)).toContainText(`${PEOPLE.length + 1}人`);

  await page.getByRole("searchbox", { name: "キーワード" }).click();
  await typeWithIme(page, ["ま", "まーけ", "マーケティング"], "マーケティング");
  await expect(page).toHaveURL(/q=%E3%83%9E%E3%83%BC%E3%82%B1%E3%83%86%E3%82%A3%E3%83%B3%E3%82%B0/);
  await expect(total(page)).toContainText("2人");
  const cards = page.getByTestId("member-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: HANAKO.name })).toBeVisible();
  await expect(cards.filter({ hasText: "中村 由美" })).toBeVisible();
  await shot(page, "directory-01-member-search-1280");

  await page.getByText("2010年代", { exact: true }).click();
  await expect(page).toHaveURL(/joinFrom=2010&joinTo=2019/);
  await expect(total(page)).toContainText("1人");
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card).toContainText(HANAKO.name);
  await expect(card).toContainText("2012〜2019年");
  await expect(card).toContainText("株式会社ハナミズキ · マーケティング");
  await expect(card).toContainText("デジタル広告");
  await expect(card).toContainText("業務委託");
  await shot(page, "directory-02-member-cohort-1280");

  // The URL carries the search: a fresh page shows the same result.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.getByRole("searchbox", { name: "キーワード" })).toHaveValue("マーケティング");
  await expect(total(other)).toContainText("1人");
  await other.close();

  await card.click();
  await expect(page).toHaveURL(new RegExp(`/n/${NET.slug}/members/`));
  await expect(page.getByText("株式会社ハナミズキ").first()).toBeVisible();
  await page.goBack();
  await expect(total(page)).toContainText("1人");
  await page.goBack(); // the cohort filter was its own history entry
  await expect(total(page)).toContainText("2人");

  // No match: a sentence, and a way back.
  await page.getByRole("searchbox", { name: "キーワード" }).fill("存在しない言葉");
  await page.keyboard.press("Enter");
  await expect(page.getByText("該当するメンバーはいません")).toBeVisible();
  await page.context().close();
});

test("the directory fits a 375 px phone, with the filters in a drawer", async ({ browser }) => {
  const page = await newPage(browser, 375);
  await signInUi(page, emailOf(SEARCHER), PASSWORD);
  await page.goto(`/n/${NET.slug}/directory?q=${encodeURIComponent("人事")}`);
  await expect(total(page)).toContainText("2人");
  await shot(page, "directory-03-member-375");
  await page.getByRole("button", { name: "絞り込み" }).click();
  await page.getByRole("dialog").getByText("2010年代", { exact: true }).click();
  await expect(page.getByRole("button", { name: "1人を表示" })).toBeVisible();
  await shot(page, "directory-04-filters-375");
  await page.getByRole("button", { name: "1人を表示" }).click();
  await expect(page.getByRole("button", { name: "絞り込み（1）" })).toBeVisible();
  await expect(page.getByTestId("member-card")).toHaveCount(1);
  await expect(page.getByTestId("member-card")).toContainText("伊藤 翔");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});

test("an operator saves the search as a segment and sees its count on the segments page", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/directory`);
  await page.getByRole("searchbox", { name: "キーワード" }).fill("人事");
  await expect(total(page)).toContainText("2人");
  await page.getByText("2010年代", { exact: true }).click();
  await expect(total(page)).toContainText("1人");

  await page.getByRole("button", { name: "この条件をセグメントとして保存" }).click();
  const dialog = page.getByRole("dialog", { name: "セグメントとして保存" });
  await expect(dialog.getByText("キーワード「人事」")).toBeVisible();
  await expect(dialog.getByText("入社 2010年代")).toBeVisible();
  await dialog.getByRole("textbox", { name: "セグメント名" }).fill("2010年代入社の人事");
  await dialog.getByRole("textbox", { name: "説明（任意）" }).fill("人事勉強会のご案内先");
  await shot(page, "directory-05-save-segment-1280");
  await dialog.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByText("セグメント「2010年代入社の人事」を保存しました（1人）。")).toBeVisible();

  // The same name again is refused on the field.
  await page.getByRole("button", { name: "この条件をセグメントとして保存" }).click();
  await dialog.getByRole("textbox", { name: "セグメント名" }).fill("2010年代入社の人事");
  await dialog.getByRole("button", { name: "保存する" }).click();
  await expect(
    dialog.getByText("同じ名前のセグメントが既にあります。別の名前にしてください。"),
  ).toBeVisible();
  await dialog.getByRole("button", { name: "キャンセル" }).click();

  await page.getByRole("navigation").getByRole("link", { name: "セグメント" }).click();
  const row = page.getByTestId("segment-row").filter({ hasText: "2010年代入社の人事" });
  await expect(row).toContainText("1人");
  await expect(row).toContainText("人事勉強会のご案内先");
  await expect(row).toContainText("キーワード「人事」");

  // Its members.
  await row.getByRole("link", { name: "2010年代入社の人事" }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("1人");
  await expect(page.getByTestId("member-card")).toContainText("伊藤 翔");

  // A new segment from the segments page, with the live count as the filter changes.
  await page.getByRole("link", { name: "セグメント一覧へ" }).click();
  await page.getByRole("link", { name: "新しいセグメント" }).click();
  await page.getByRole("textbox", { name: "セグメント名" }).fill("業務委託の相談ができる人");
  await expect(page.getByTestId("live-count")).toHaveText(`${PEOPLE.length + 1}人`); // + the operator
  await page.getByText("業務委託", { exact: true }).click();
  await expect(page.getByTestId("live-count")).toHaveText("2人");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("2人");
  await expect(page.getByTestId("member-card")).toHaveCount(2);

  // Edit it: a skill picked from the suggestions narrows it down.
  await page.getByRole("link", { name: "編集" }).click();
  await expect(page.getByTestId("live-count")).toHaveText("2人");
  await page.getByPlaceholder("スキルを入力").fill("Reac");
  await page.getByRole("option", { name: /^React/ }).click();
  await expect(page.getByTestId("live-count")).toHaveText("1人");
  await page.getByRole("textbox", { name: "セグメント名" }).fill("業務委託OKの React エンジニア");
  await shot(page, "directory-06-segment-editor-1280");
  await page.getByRole("button", { name: "保存する" }).click();
  await expect(page.getByTestId("segment-count")).toHaveText("1人");
  await expect(page.getByTestId("member-card")).toContainText("小林 大輔");

  await page.goto(`/n/${NET.slug}/admin/segments`);
  await expect(page.getByTestId("segment-row")).toHaveCount(2);
  await expect(page.getByTestId("segment-row").filter({ hasText: "React エンジニア" })).toContainText(
    "スキル: React",
  );
  await shot(page, "directory-07-segments-1280");
  await page.context().close();
});

test("the segments page at 375 px", async ({ browser }) => {
  const page = await newPage(browser, 375);
  await signInUi(page, ADMIN.email, ADMIN.password);
  await page.goto(`/n/${NET.slug}/admin/segments`);
  const rows = page.getByTestId("segment-row");
  await expect(rows).toHaveCount(2);
  await expect(
    rows.filter({ hasText: "2010年代入社の人事" }).getByText("1人", { exact: true }),
  ).toBeInViewport();
  await shot(page, "directory-08-segments-375");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});
