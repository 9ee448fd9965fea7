// A fixed small directory for tests: people with Japanese and English profiles, varied visibility,
// consent and status, written through the same functions the routes use (so the directory index
// is maintained exactly as in production).
import { randomUUID } from "node:crypto";
import { user } from "../../db/schema/index.ts";
import { sameNameReading } from "../../shared/names.ts";
import { PROFILE_FIELD_DEFAULTS } from "../../shared/profile.ts";
import type { TestEnv, TestNetwork } from "../../test/harness.ts";
import { uniq } from "../../test/harness.ts";
import { saveConsent } from "../consent/index.ts";
import { admitMember, updateMember } from "../members/index.ts";
import { profileInput, replaceProfile } from "../profiles/index.ts";

export type PersonSpec = {
  key: string;
  displayName: string;
  displayNameKana?: string;
  nameWhileEmployed?: string;
  /** The reading of the name while employed (of displayName when no other name is given). */
  nameKana?: string;
  joinYm?: string;
  leaveYm?: string;
  departments?: string[];
  currentCompany?: string;
  industry?: string;
  jobType?: string;
  skills?: string[];
  location?: string;
  bio?: string;
  openTo?: string[];
  contactHours?: string;
  visibility?: Record<string, string>;
  /** Opted in to rehire / freelance offers (default neither). */
  offers?: { rehire?: boolean; freelance?: boolean };
  /** Listed in the directory (default true). */
  directory?: boolean;
  status?: "active" | "suspended";
  role?: "alumni" | "employee" | "operator";
};

/** Adds a member with a profile and consent to the network; returns their user id. */
export async function addPerson(env: TestEnv, network: TestNetwork, p: PersonSpec): Promise<string> {
  const id = randomUUID();
  const input = profileInput.parse({
    displayName: p.displayName,
    // Admission starts today's reading from the same name's (members/admit.ts).
    displayNameKana:
      p.displayNameKana ??
      sameNameReading({ ...p, nameWhileEmployed: p.nameWhileEmployed ?? null }) ??
      undefined,
    nameWhileEmployed: p.nameWhileEmployed,
    nameKana: p.nameKana,
    joinYm: p.joinYm,
    leaveYm: p.leaveYm,
    departments: p.departments,
    currentCompany: p.currentCompany,
    industry: p.industry,
    jobType: p.jobType,
    skills: p.skills,
    location: p.location,
    bio: p.bio,
    openTo: p.openTo,
    contactHours: p.contactHours,
    visibility: p.visibility,
  });
  await env.ctx.db.transaction(async (tx) => {
    await tx
      .insert(user)
      .values({ id, name: p.displayName, email: `${uniq(p.key)}@example.com`, emailVerified: true });
    await admitMember(tx, {
      networkId: network.id,
      userId: id,
      role: p.role ?? "alumni",
      verifiedVia: "operator_added",
      verifiedBy: network.operator.id,
      profile: { displayName: p.displayName },
    });
    await replaceProfile(tx, network.id, id, input, { ...PROFILE_FIELD_DEFAULTS, ...p.visibility });
    await saveConsent(tx, {
      networkId: network.id,
      userId: id,
      noticeVersion: 1,
      accepted: true,
      directory: p.directory ?? true,
      rehire: p.offers?.rehire ?? false,
      freelance: p.offers?.freelance ?? false,
      events: false,
      surveys: false,
    });
    if (p.status === "suspended") await updateMember(tx, network.id, id, { status: "suspended" });
  });
  return id;
}

/** Adds everyone; returns user ids by key. */
export async function addPeople(env: TestEnv, network: TestNetwork, people: PersonSpec[]) {
  const ids: Record<string, string> = {};
  for (const p of people) ids[p.key] = await addPerson(env, network, p);
  return ids;
}

/** Everything visible to members unless a test says otherwise. */
const OPEN = { location: "members", openTo: "members" };

/** The relevance data set (docs/decisions/0003-directory-search.md explains the matching rules). */
export const PEOPLE: PersonSpec[] = [
  {
    key: "yamada",
    displayName: "山田 花子",
    nameKana: "ヤマダ ハナコ",
    joinYm: "2012-04",
    departments: ["人事部"],
    jobType: "hr",
    industry: "hr_services",
    currentCompany: "株式会社ミライ人材",
    skills: ["採用", "労務管理"],
    location: "東京都渋谷区",
    bio: "人事部長として採用と評価制度を担当しました。",
  },
  {
    key: "sato",
    displayName: "佐藤 健",
    nameKana: "さとう けん",
    joinYm: "2015-10",
    departments: ["マーケティング部"],
    jobType: "marketing",
    industry: "media",
    currentCompany: "デジタル広告社",
    skills: ["Webマーケティング", "SEO", "Google Analytics"],
    location: "大阪府大阪市",
    bio: "ＷＥＢ広告の運用とSEOが得意です。",
    visibility: OPEN,
  },
  {
    key: "suzuki",
    displayName: "鈴木 一郎",
    nameKana: "スズキ イチロウ",
    joinYm: "1995-04",
    departments: ["営業部"],
    jobType: "sales",
    industry: "trading",
    currentCompany: "鈴木商事",
    skills: ["法人営業", "提案書作成"],
    bio: "営業資料の作成なら任せてください。",
  },
  {
    key: "takahashi",
    displayName: "高橋 美咲",
    nameKana: "タカハシ ミサキ",
    joinYm: "2019-04",
    departments: ["開発部"],
    jobType: "engineering",
    industry: "it",
    currentCompany: "テックスタート株式会社",
    skills: ["React", "TypeScript", "Node.js"],
    location: "東京都港区",
    bio: "フロントエンドエンジニア。reactとTypeScriptで業務システムを作っています。",
    openTo: ["freelance", "mentoring"],
    visibility: OPEN,
  },
  {
    key: "tanaka",
    displayName: "田中 誠",
    nameKana: "タナカ マコト",
    joinYm: "2003-04",
    departments: ["経理部"],
    jobType: "finance_accounting",
    skills: ["財務分析", "Excel"],
    location: "福岡県",
    bio: "経理と財務のプロフェッショナル。",
    visibility: { joinYm: "private" },
  },
  {
    key: "ito",
    displayName: "伊藤 さくら",
    nameKana: "イトウ サクラ",
    joinYm: "2008-04",
    departments: ["人事総務部"],
    jobType: "hr",
    skills: ["研修企画", "コーチング"],
    bio: "人材開発と研修の企画をしています。",
    openTo: ["mentoring", "speaking"],
    visibility: { joinYm: "operators", openTo: "operators" },
  },
  {
    key: "watanabe",
    displayName: "渡辺 翔太",
    nameKana: "ワタナベ ショウタ",
    joinYm: "2017-04",
    departments: ["マーケティング部"],
    jobType: "marketing",
    industry: "consulting",
    skills: ["ブランド戦略"],
    bio: "ブランドマーケティングのコンサルタントです。",
  },
  {
    key: "nakamura",
    displayName: "中村 ゆい",
    nameKana: "ナカムラ ユイ",
    joinYm: "2021-04",
    departments: ["デザイン室"],
    jobType: "design",
    skills: ["UI/UXデザイン", "Figma"],
    bio: "ＵＩデザイナーとして働いています。",
  },
  {
    key: "kobayashi",
    displayName: "小林 大輔",
    nameKana: "コバヤシ ダイスケ",
    joinYm: "1998-04",
    departments: ["営業企画部"],
    jobType: "product",
    skills: ["事業企画"],
    bio: "新規事業の企画を担当しています。",
  },
  {
    key: "kato",
    displayName: "加藤 恵",
    nameKana: "カトウ メグミ",
    joinYm: "2011-04",
    jobType: "research",
    skills: ["機械学習"],
    bio: "研究開発に携わっています。",
    visibility: { skills: "private" },
  },
  {
    key: "yoshida",
    displayName: "吉田 蓮",
    nameKana: "ヨシダ レン",
    joinYm: "2016-04",
    skills: ["React"],
    bio: "フロントエンド開発。",
    directory: false,
  },
  {
    key: "yamamoto",
    displayName: "山本 拓也",
    nameKana: "ヤマモト タクヤ",
    joinYm: "2013-04",
    skills: ["人事制度"],
    bio: "人事制度の設計。",
    status: "suspended",
  },
  {
    key: "matsumoto",
    displayName: "松本 あおい",
    nameKana: "マツモト アオイ",
    joinYm: "2014-04",
    skills: ["プロジェクトマネジメント"],
    location: "京都市",
    bio: "PMとして複数の案件を担当。",
    visibility: { skills: "operators", location: "private" },
  },
  {
    key: "smith",
    displayName: "John Smith",
    nameKana: "ジョン スミス",
    joinYm: "2010-07",
    departments: ["Global Sales"],
    jobType: "marketing",
    skills: ["Marketing", "Sales"],
    bio: "Marketing lead for APAC.",
  },
];
