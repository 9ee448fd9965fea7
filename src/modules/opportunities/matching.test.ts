// Matching: the relevance set (21 postings over a fixed set of alumni, each with the candidates it
// must rank first and those it must never show), consent (no opt-in: never a candidate, never
// invited), directory privacy (a hidden skill never matches for a viewer who cannot see it),
// a segment's posting, the one-click invitation, "for you", and who may see any of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
  type TestUser,
} from "../../test/harness.ts";
import { addPeople, type PersonSpec } from "../directory/testing.ts";
import { freelanceBody, makeTestOpportunity, rehireBody } from "./testing.ts";

const F = { freelance: true };
const R = { rehire: true };
const RF = { rehire: true, freelance: true };
const SHOWN = { location: "members", openTo: "members", contactHours: "members" };

/** The alumni of the relevance set (with what they opted in to: `offers`). */
const ALUMNI: PersonSpec[] = (
  [
    {
      key: "suzuki",
      displayName: "鈴木 一郎",
      departments: ["営業部"],
      jobType: "sales",
      skills: ["営業資料", "PowerPoint", "Excel"],
      openTo: ["freelance"],
      joinYm: "2005-04",
      leaveYm: "2019-03",
      location: "東京都港区",
      contactHours: "平日 19時以降",
      offers: RF,
    },
    {
      key: "kobayashi",
      displayName: "小林 優",
      departments: ["営業企画部"],
      jobType: "sales",
      skills: ["営業企画", "Excel"],
      offers: F,
    },
    {
      key: "yamada",
      displayName: "山田 花子",
      departments: ["人事部"],
      jobType: "hr",
      skills: ["採用", "労務管理", "研修"],
      openTo: ["rehire", "mentoring"],
      joinYm: "2000-04",
      leaveYm: "2018-03",
      offers: RF,
    },
    {
      key: "ito",
      displayName: "伊藤 美咲",
      departments: ["人材開発部"],
      jobType: "hr",
      skills: ["研修", "コーチング", "キャリア面談"],
      openTo: ["mentoring"],
      joinYm: "2010-04",
      leaveYm: "2016-09",
      offers: F,
    },
    {
      key: "takahashi",
      displayName: "高橋 翔",
      departments: ["開発部"],
      jobType: "engineering",
      skills: ["React", "TypeScript", "Node.js"],
      openTo: ["freelance"],
      location: "東京都目黒区",
      offers: F,
    },
    {
      key: "yoshida",
      displayName: "吉田 拓也",
      departments: ["情報システム部"],
      jobType: "engineering",
      skills: ["Java", "AWS"],
      openTo: ["rehire"],
      location: "大阪府大阪市",
      offers: R,
    },
    {
      key: "nakamura",
      displayName: "中村 彩",
      departments: ["デザイン部"],
      jobType: "design",
      skills: ["UIデザイン", "Figma"],
      openTo: ["freelance"],
      offers: F,
    },
    {
      key: "tanaka",
      displayName: "田中 誠",
      departments: ["経理部"],
      jobType: "finance_accounting",
      skills: ["経理", "財務分析", "Excel"],
      openTo: ["rehire"],
      location: "東京都中央区",
      offers: R,
    },
    {
      key: "sato",
      displayName: "佐藤 健",
      departments: ["マーケティング部"],
      jobType: "marketing",
      skills: ["Webマーケティング", "SEO", "Google Analytics"],
      openTo: ["freelance"],
      location: "大阪府大阪市",
      offers: F,
    },
    {
      key: "watanabe",
      displayName: "渡辺 愛",
      departments: ["マーケティング部"],
      jobType: "marketing",
      skills: ["広報", "SNS運用"],
      offers: F,
    },
    {
      key: "kato",
      displayName: "加藤 大輔",
      departments: ["研究開発部"],
      jobType: "research",
      skills: ["機械学習", "Python", "データ分析"],
      openTo: ["freelance"],
      offers: F,
    },
    {
      key: "kimura",
      displayName: "木村 直樹",
      departments: ["第一営業部"],
      jobType: "sales",
      skills: ["法人営業"],
      openTo: ["rehire"],
      location: "東京都千代田区",
      offers: R,
    },
    {
      key: "hayashi",
      displayName: "林 由美",
      departments: ["法務部"],
      jobType: "legal",
      skills: ["契約書レビュー", "コンプライアンス"],
      offers: F,
    },
    {
      key: "shimizu",
      displayName: "清水 光",
      departments: ["カスタマーサクセス部"],
      jobType: "customer_success",
      skills: ["オンボーディング", "Salesforce"],
      openTo: ["rehire"],
      offers: RF,
    },
    {
      key: "yamaguchi",
      displayName: "山口 剛",
      departments: ["経営企画部"],
      jobType: "management",
      skills: ["事業計画", "財務分析"],
      openTo: ["mentoring"],
      joinYm: "1995-04",
      leaveYm: "2020-03",
      offers: F,
    },
    {
      key: "mori",
      displayName: "森 健太",
      departments: ["開発部"],
      jobType: "engineering",
      skills: ["Python", "データ分析", "AWS"],
      openTo: ["freelance"],
      offers: F,
    },
    {
      key: "ikeda",
      displayName: "池田 恵",
      departments: ["人事部"],
      jobType: "hr",
      skills: ["採用", "面接"],
      openTo: ["rehire"],
      offers: R,
    },
    {
      key: "hashimoto",
      displayName: "橋本 蓮",
      departments: ["デザイン部"],
      jobType: "design",
      skills: ["Figma", "ブランディング"],
      offers: F,
    },
    // The best fit for the sales material, but no opt-in to any offer: never a candidate.
    {
      key: "matsumoto",
      displayName: "松本 玲奈",
      departments: ["営業部"],
      jobType: "sales",
      skills: ["営業資料", "PowerPoint", "Excel", "提案書"],
      openTo: ["freelance"],
    },
    // Her skills are shown to operators only: an employee's matching never sees them.
    {
      key: "inoue",
      displayName: "井上 咲",
      jobType: "engineering",
      skills: ["営業資料", "PowerPoint"],
      offers: F,
      visibility: { skills: "operators" },
    },
    // Perfect fits who are not candidates: an employee, a suspended alumna.
    {
      key: "staff",
      displayName: "社員 太郎",
      role: "employee",
      departments: ["営業部"],
      jobType: "sales",
      skills: ["営業資料", "PowerPoint"],
      offers: F,
    },
    {
      key: "away",
      displayName: "休止 花",
      status: "suspended",
      departments: ["営業部"],
      jobType: "sales",
      skills: ["営業資料", "PowerPoint"],
      offers: F,
    },
  ] as PersonSpec[]
).map((p) => ({ ...p, visibility: { ...SHOWN, ...p.visibility } }));

type Posting = Record<string, unknown>;
const task = (p: Posting): Posting => ({ ...freelanceBody("task"), department: null, jobType: null, ...p });
const mentoring = (p: Posting): Posting => ({
  ...freelanceBody("mentoring"),
  department: null,
  jobType: null,
  ...p,
});
const rehire = (p: Posting): Posting => ({ ...rehireBody(), department: null, jobType: null, ...p });

/** [posting, the candidates it must rank first (in this order), candidates it must never show]. */
const CASES: [string, Posting, string[], string[]][] = [
  [
    "sales material",
    task({
      title: "営業資料の改訂",
      skills: ["営業資料", "PowerPoint"],
      department: "営業部",
      jobType: "sales",
    }),
    ["suzuki", "kobayashi"],
    ["matsumoto", "inoue", "staff", "away", "kimura"],
  ],
  [
    "corporate sales",
    rehire({
      title: "法人営業",
      skills: ["法人営業"],
      department: "営業部",
      jobType: "sales",
      location: "東京本社（港区）",
    }),
    ["kimura", "suzuki"],
    ["kobayashi", "matsumoto"],
  ],
  [
    "career mentoring",
    mentoring({ title: "キャリア面談", skills: ["キャリア面談", "コーチング", "研修"], jobType: "hr" }),
    ["ito", "yamada"],
    ["ikeda"],
  ],
  [
    "frontend",
    task({ title: "フロントエンド改修", skills: ["React", "TypeScript"], jobType: "engineering" }),
    ["takahashi", "mori"],
    ["yoshida"],
  ],
  [
    "accounting",
    rehire({
      title: "経理",
      skills: ["経理", "Excel"],
      department: "経理部",
      jobType: "finance_accounting",
      location: "東京都中央区",
    }),
    ["tanaka", "suzuki"],
    ["kobayashi"],
  ],
  [
    "seo",
    task({ title: "SEO記事の監修", skills: ["SEO", "Webマーケティング"], jobType: "marketing" }),
    ["sato", "watanabe"],
    [],
  ],
  [
    "data analysis",
    task({ title: "需要予測モデル", skills: ["Python", "データ分析", "機械学習"], jobType: "engineering" }),
    ["kato", "mori"],
    [],
  ],
  [
    "ui design",
    task({ title: "管理画面のUI", skills: ["Figma", "UIデザイン"], jobType: "design" }),
    ["nakamura", "hashimoto"],
    [],
  ],
  [
    "contract review",
    task({ title: "契約書レビュー", skills: ["契約書レビュー"], jobType: "legal" }),
    ["hayashi"],
    [],
  ],
  [
    "customer success",
    rehire({
      title: "カスタマーサクセス",
      skills: ["Salesforce", "オンボーディング"],
      department: "カスタマーサクセス部",
      jobType: "customer_success",
    }),
    ["shimizu"],
    [],
  ],
  [
    "management mentoring",
    mentoring({ title: "事業計画の壁打ち", skills: ["事業計画"], jobType: "management" }),
    ["yamaguchi"],
    [],
  ],
  [
    "recruiter",
    rehire({ title: "採用担当", skills: ["採用", "面接"], department: "人事部", jobType: "hr" }),
    ["ikeda", "yamada"],
    ["ito"],
  ],
  [
    "infrastructure",
    rehire({
      title: "インフラ",
      skills: ["AWS", "Java"],
      jobType: "engineering",
      location: "大阪府大阪市",
      remote: "onsite",
    }),
    ["yoshida"],
    ["mori"],
  ],
  [
    "training",
    task({ title: "新人研修の講師", skills: ["研修"], department: "人事部", jobType: "hr" }),
    ["yamada", "ito"],
    [],
  ],
  ["financial analysis", task({ title: "財務分析の支援", skills: ["財務分析"] }), ["yamaguchi"], ["tanaka"]],
  [
    "backend",
    task({ title: "APIの改修", skills: ["Node.js"], jobType: "engineering" }),
    ["takahashi", "mori"],
    [],
  ],
  [
    "branding (rehire)",
    rehire({ title: "ブランディング", skills: ["ブランディング"], jobType: "design" }),
    [],
    ["hashimoto", "nakamura"],
  ],
  [
    "pr",
    task({ title: "広報の支援", skills: ["広報", "SNS運用"], jobType: "marketing" }),
    ["watanabe", "sato"],
    [],
  ],
  [
    "engineer mentoring",
    mentoring({ title: "若手エンジニアの面談", skills: ["TypeScript"], jobType: "engineering" }),
    ["takahashi"],
    [],
  ],
  [
    "sales planning",
    task({ title: "営業企画の支援", skills: ["営業企画"], department: "営業企画部" }),
    ["kobayashi"],
    ["yamaguchi"],
  ],
  [
    "legal compliance",
    task({ title: "コンプライアンス研修", skills: ["コンプライアンス", "研修"], jobType: "legal" }),
    ["hayashi"],
    ["ikeda"],
  ],
];

let env: TestEnv;
let net: TestNetwork;
let other: TestNetwork;
let employee: TestUser;
let alumna: TestUser;
let ids: Record<string, string>;
let names: Record<string, string>;
const posted: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
  other = await makeNetwork(env);
  employee = await makeMember(env, net, "employee");
  alumna = await makeMember(env, net, "alumni");
  ids = await addPeople(env, net, ALUMNI);
  names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  for (const [name, body] of CASES) posted[name] = (await makeTestOpportunity(env, net, body, employee)).id;
});
afterAll(() => env?.close());

type Match = {
  card: { userId: string; displayName: string };
  score: number;
  reasons: { kind: string; labels?: string[]; label?: string; code?: string; years?: number }[];
  contactHours: string | null;
  invited: boolean;
  applied: boolean;
};

async function matches(id: string, user: TestUser = employee): Promise<Match[]> {
  const res = await call(env, { url: `/api/n/${net.slug}/opportunities/${id}/matches`, user });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const keysOf = (ms: Match[]) => ms.map((m) => names[m.card.userId] ?? m.card.userId);

describe("the relevance set", () => {
  it.each(CASES)("%s", async (name, _body, first, never) => {
    const got = keysOf(await matches(posted[name]));
    expect(got.slice(0, first.length), `${name}: ${got.join(", ")}`).toEqual(first);
    for (const k of never) expect(got, `${name}: ${k} must not appear`).not.toContain(k);
  });

  it("explains every point: shared skills, former department, job type, interest, years, contact hours", async () => {
    const [top] = await matches(posted["sales material"]);
    expect(names[top.card.userId]).toBe("suzuki");
    expect(top.reasons).toEqual([
      { kind: "skills", labels: ["営業資料", "PowerPoint"] },
      { kind: "department", label: "営業部" },
      { kind: "jobType", code: "sales" },
      { kind: "openTo", code: "freelance" },
      { kind: "tenure", years: 13 },
    ]);
    expect(top.score).toBe(4 * 2 + 3 + 3 + 2 + 1);
    expect(top.contactHours).toBe("平日 19時以降");
    // 営業企画部 fits 営業部 by its core (営業); 経営企画部 would not.
    const second = (await matches(posted["sales material"]))[1];
    expect(second.reasons).toContainEqual({ kind: "department", label: "営業企画部" });
    const [kimura] = await matches(posted["corporate sales"]);
    // 第一営業部 contains 営業部; Tokyo is the workplace's prefecture.
    expect(kimura.reasons).toContainEqual({ kind: "department", label: "第一営業部" });
    expect(kimura.reasons).toContainEqual({ kind: "location", label: "東京都" });
  });

  it("a hidden skill matches for an operator (who may see it), never for an employee", async () => {
    expect(keysOf(await matches(posted["sales material"]))).not.toContain("inoue");
    const asOperator = keysOf(await matches(posted["sales material"], net.operator));
    expect(asOperator).toContain("inoue");
    expect(asOperator).not.toContain("matsumoto");
  });

  it("a posting with no skill, department or job type ranks those open to it (all opted in)", async () => {
    const { id } = await makeTestOpportunity(env, net, task({ title: "雑務", skills: [] }), employee);
    const got = await matches(id);
    expect(keysOf(got).sort()).toEqual(["kato", "mori", "nakamura", "sato", "suzuki", "takahashi"]);
    for (const m of got) expect(m.reasons[0]).toEqual({ kind: "openTo", code: "freelance" });
  });
});

describe("a segment's posting and the invitation to apply", () => {
  it("matches only the segment's members and invites them once", async () => {
    const seg = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/segments`,
      user: net.operator,
      payload: { name: "営業職", filter: { jobType: ["sales"] } },
    });
    expect(seg.statusCode, seg.body).toBe(201);
    const { id } = await makeTestOpportunity(env, net, {
      ...task({ title: "Excel集計", skills: ["Excel"] }),
      audience: { type: "segment", segmentId: seg.json().id },
    });
    const got = keysOf(await matches(id, net.operator));
    expect(got).toEqual(["suzuki", "kobayashi"]);

    const invite = (userIds: string[], user: TestUser = net.operator) =>
      call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/opportunities/${id}/invites`,
        user,
        payload: { userIds },
      });
    const outside = await invite([ids.tanaka]);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe("OPPORTUNITY_INVITEE_NO_CONSENT");
    const notInSegment = await invite([ids.takahashi]);
    expect(notInSegment.statusCode).toBe(422);
    expect(notInSegment.json().error.code).toBe("OPPORTUNITY_INVITEE_OUTSIDE_AUDIENCE");
    const ok = await invite([ids.suzuki, ids.kobayashi]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().invited.sort()).toEqual([ids.suzuki, ids.kobayashi].sort());
    const again = await invite([ids.suzuki]);
    expect(again.json()).toEqual({ invited: [], alreadyInvited: [ids.suzuki] });
    const marked = await matches(id, net.operator);
    expect(marked.every((m) => m.invited)).toBe(true);
  });
});

describe("invitations from the matches", () => {
  it("tells each invitee once, and refuses who did not opt in, who is hidden, and a closed posting", async () => {
    const id = posted["sales material"];
    const invite = (userIds: string[], user: TestUser = employee) =>
      call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/opportunities/${id}/invites`,
        user,
        payload: { userIds },
      });
    const refused = await invite([ids.suzuki, ids.matsumoto]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("OPPORTUNITY_INVITEE_NO_CONSENT");
    const notAlumni = await invite([ids.staff]);
    expect(notAlumni.json().error.code).toBe("OPPORTUNITY_INVITEE_NOT_ALUMNI");
    const ok = await invite([ids.suzuki, ids.kobayashi]);
    expect(ok.statusCode, ok.body).toBe(200);
    const bell = await env.ctx.db.execute(
      `select user_id from notification where network_id = '${net.id}' and kind = 'opportunity_offer'
         and key = 'opportunity-invite:${id}'`,
    );
    expect((bell.rows as { user_id: string }[]).map((r) => r.user_id).sort()).toEqual(
      [ids.suzuki, ids.kobayashi].sort(),
    );
    await invite([ids.suzuki]);
    const again = await env.ctx.db.execute(
      `select count(*)::int as n from notification where network_id = '${net.id}' and key = 'opportunity-invite:${id}'`,
    );
    expect((again.rows[0] as { n: number }).n).toBe(2);

    const { id: closed } = await makeTestOpportunity(env, net, task({ title: "閉じた募集" }), employee);
    await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/opportunities/${closed}/close`,
      user: employee,
    });
    const late = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/opportunities/${closed}/invites`,
      user: employee,
      payload: { userIds: [ids.suzuki] },
    });
    expect(late.statusCode).toBe(409);
  });

  it("only the posting's reviewers see matches: alumni 403, another employee 403, another network 404", async () => {
    const id = posted.seo;
    const url = `/api/n/${net.slug}/opportunities/${id}/matches`;
    expect((await call(env, { url, user: alumna })).statusCode).toBe(403);
    const colleague = await makeMember(env, net, "employee");
    expect((await call(env, { url, user: colleague })).statusCode).toBe(403);
    expect((await call(env, { url })).statusCode).toBe(401);
    expect(
      (await call(env, { url: `/api/n/${other.slug}/opportunities/${id}/matches`, user: other.operator }))
        .statusCode,
    ).toBe(404);
  });
});

describe("for you", () => {
  it("ranks an alumna's open postings by her profile, with why, and pages through them all", async () => {
    const signedIn = await makeMember(env, net, "alumni", { name: "高橋 未来" });
    const saved = await call(env, {
      method: "PUT",
      url: `/api/n/${net.slug}/profiles/me`,
      user: signedIn,
      payload: {
        displayName: "高橋 未来",
        departments: ["開発部"],
        jobType: "engineering",
        skills: ["React", "TypeScript"],
        openTo: ["freelance"],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const first = await call(env, {
      url: `/api/n/${net.slug}/opportunities?sort=fit&limit=3`,
      user: signedIn,
    });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items[0].title).toBe("フロントエンド改修");
    expect(page.items[0].fit.reasons).toContainEqual({ kind: "skills", labels: ["React", "TypeScript"] });
    expect(page.items[0].fit.reasons).toContainEqual({ kind: "openTo", code: "freelance" });
    const scores = [...page.items.map((i: { fit: { score: number } }) => i.fit.score)];
    let cursor = page.nextCursor;
    const seen = new Set(page.items.map((i: { id: string }) => i.id));
    while (cursor) {
      const next = await call(env, {
        url: `/api/n/${net.slug}/opportunities?sort=fit&limit=3&cursor=${cursor}`,
        user: signedIn,
      });
      expect(next.statusCode, next.body).toBe(200);
      for (const i of next.json().items) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
        scores.push(i.fit.score);
      }
      cursor = next.json().nextCursor;
    }
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const all = await call(env, { url: `/api/n/${net.slug}/opportunities?limit=50`, user: signedIn });
    expect(seen.size).toBe(all.json().items.length);
    expect(all.json().items[0].fit).toBeNull();
  });
});
