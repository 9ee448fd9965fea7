// Work vocabulary: departments at the company, the job type each usually leads to, skills per
// job type (Japanese and English, a few written in half-width or full-width forms as people
// really type them), and the companies alumni work at now.
import type { INDUSTRIES, JOB_TYPES } from "../shared/profile.ts";
import type { Rng } from "./prng.ts";

export type JobType = (typeof JOB_TYPES)[number];
export type Industry = (typeof INDUSTRIES)[number];

/** Departments at the company, with their share of staff and the job type they train. */
export const DEPARTMENTS: { name: string; weight: number; jobType: JobType }[] = [
  { name: "営業部", weight: 18, jobType: "sales" },
  { name: "法人営業部", weight: 10, jobType: "sales" },
  { name: "開発部", weight: 14, jobType: "engineering" },
  { name: "情報システム部", weight: 4, jobType: "engineering" },
  { name: "マーケティング部", weight: 8, jobType: "marketing" },
  { name: "カスタマーサクセス部", weight: 7, jobType: "customer_success" },
  { name: "人事部", weight: 6, jobType: "hr" },
  { name: "経営企画部", weight: 4, jobType: "management" },
  { name: "事業開発部", weight: 4, jobType: "management" },
  { name: "商品企画部", weight: 5, jobType: "product" },
  { name: "デザイン部", weight: 3, jobType: "design" },
  { name: "経理部", weight: 4, jobType: "finance_accounting" },
  { name: "財務部", weight: 2, jobType: "finance_accounting" },
  { name: "法務部", weight: 2, jobType: "legal" },
  { name: "広報部", weight: 3, jobType: "marketing" },
  { name: "総務部", weight: 4, jobType: "operations" },
  { name: "コンサルティング部", weight: 3, jobType: "consulting" },
  { name: "研究開発部", weight: 2, jobType: "research" },
];

export const JOB_LABELS: Record<JobType, string> = {
  sales: "営業",
  marketing: "マーケター",
  engineering: "エンジニア",
  design: "デザイナー",
  hr: "人事",
  finance_accounting: "経理・財務担当",
  legal: "法務担当",
  consulting: "コンサルタント",
  management: "経営企画",
  product: "プロダクトマネージャー",
  customer_success: "カスタマーサクセス",
  research: "リサーチャー",
  operations: "バックオフィス担当",
  other: "会社員",
};

export const SKILLS: Record<JobType, string[]> = {
  sales: [
    "法人営業",
    "新規開拓",
    "提案営業",
    "営業資料作成",
    "ルート営業",
    "顧客折衝",
    "Salesforce",
    "営業企画",
    "インサイドセールス",
    "代理店営業",
  ],
  marketing: [
    "マーケティング",
    "Webマーケティング",
    "Web広告",
    "SEO",
    "コンテンツマーケティング",
    "SNS運用",
    "Google Analytics",
    "広告運用",
    "ブランディング",
    "市場調査",
    "PR",
    "プレスリリース作成",
  ],
  engineering: [
    "React",
    "TypeScript",
    "JavaScript",
    "SQL",
    "Python",
    "Go",
    "Java",
    "AWS",
    "Docker",
    "Kubernetes",
    "インフラ構築",
    "要件定義",
    "テスト自動化",
    "Ruby on Rails",
    "PostgreSQL",
  ],
  design: [
    "Figma",
    "UI/UXデザイン",
    "Illustrator",
    "Photoshop",
    "デザインシステム",
    "ユーザーリサーチ",
    "Webデザイン",
  ],
  hr: [
    "採用",
    "人事制度設計",
    "労務管理",
    "研修企画",
    "組織開発",
    "新卒採用",
    "中途採用",
    "評価制度",
    "タレントマネジメント",
    "1on1",
  ],
  finance_accounting: [
    "経理",
    "決算",
    "財務分析",
    "予算管理",
    "税務",
    "管理会計",
    "IPO準備",
    "連結決算",
    "Excel",
  ],
  legal: ["契約書レビュー", "コンプライアンス", "知的財産", "労働法", "個人情報保護", "M&A"],
  consulting: ["業務改善", "戦略立案", "プロジェクトマネジメント", "業務コンサルティング", "BPR", "PMO"],
  management: [
    "事業計画",
    "経営企画",
    "予算策定",
    "新規事業開発",
    "M&A",
    "KPI設計",
    "プロジェクトマネジメント",
  ],
  product: [
    "プロダクトマネジメント",
    "要件定義",
    "ユーザーインタビュー",
    "アジャイル",
    "スクラム",
    "データ分析",
  ],
  customer_success: [
    "カスタマーサクセス",
    "オンボーディング",
    "顧客対応",
    "チャーン分析",
    "Zendesk",
    "サポート設計",
  ],
  research: ["データ分析", "統計解析", "市場調査", "論文執筆", "R", "Python", "機械学習"],
  operations: ["総務", "業務改善", "ファシリティ管理", "購買", "BPO管理", "Excel"],
  other: ["Excel", "PowerPoint", "事務"],
};

export const GENERAL_SKILLS = [
  "Excel",
  "PowerPoint",
  "英語",
  "TOEIC 900",
  "中国語",
  "プレゼンテーション",
  "ファシリテーション",
  "マネジメント",
  "コーチング",
  "キャリアコンサルタント",
  "中小企業診断士",
  "簿記2級",
  "社会保険労務士",
];

/** How some people type a skill: half-width katakana, full-width letters. NFKC brings them back. */
export const WIDTH_VARIANTS: Record<string, string> = {
  マーケティング: "ﾏｰｹﾃｨﾝｸﾞ",
  Web広告: "ＷＥＢ広告",
  Webマーケティング: "ＷＥＢマーケティング",
  Excel: "ｴｸｾﾙ",
  SQL: "ＳＱＬ",
  プロジェクトマネジメント: "ﾌﾟﾛｼﾞｪｸﾄﾏﾈｼﾞﾒﾝﾄ",
  カスタマーサクセス: "ｶｽﾀﾏｰｻｸｾｽ",
  AWS: "ＡＷＳ",
};

const KATAKANA_WORDS = [
  "ミライ",
  "ネクスト",
  "グロース",
  "リンク",
  "アーク",
  "ブライト",
  "ソラ",
  "ハーモニー",
  "クレア",
  "エール",
  "ノース",
  "サンライズ",
  "フォレスト",
  "ベイ",
  "テラ",
  "アルファ",
  "ルミナ",
  "コネクト",
];
const KANJI_WORDS = [
  "東和",
  "大和",
  "日本",
  "中央",
  "北斗",
  "青葉",
  "光和",
  "丸の内",
  "新星",
  "瑞穂",
  "富士",
  "三栄",
  "昭栄",
  "関東",
  "西日本",
];

const KATAKANA_SUFFIXES: [string, Industry][] = [
  ["テック", "it"],
  ["システムズ", "it"],
  ["ソフト", "it"],
  ["ラボ", "startup"],
  ["ワークス", "startup"],
  ["パートナーズ", "consulting"],
  ["コンサルティング", "consulting"],
  ["キャリア", "hr_services"],
  ["エージェント", "hr_services"],
  ["マーケティング", "media"],
  ["メディア", "media"],
  ["ヘルスケア", "healthcare"],
  ["ロジスティクス", "logistics"],
  ["リテール", "retail"],
  ["エデュケーション", "education"],
];
const KANJI_SUFFIXES: [string, Industry][] = [
  ["商事", "trading"],
  ["物産", "trading"],
  ["電機", "manufacturing"],
  ["製作所", "manufacturing"],
  ["工業", "manufacturing"],
  ["食品", "manufacturing"],
  ["建設", "construction"],
  ["銀行", "finance"],
  ["証券", "finance"],
  ["生命保険", "finance"],
  ["印刷", "manufacturing"],
  ["運輸", "logistics"],
  ["百貨店", "retail"],
  ["総合研究所", "consulting"],
  ["製薬", "healthcare"],
];

/** Industries most often reached from each job type (the current employer's industry). */
const INDUSTRY_BY_JOB: Partial<Record<JobType, Industry[]>> = {
  engineering: ["it", "it", "startup", "manufacturing"],
  hr: ["hr_services", "hr_services", "it", "manufacturing"],
  consulting: ["consulting", "consulting", "it"],
  finance_accounting: ["finance", "manufacturing", "it"],
  marketing: ["media", "it", "retail", "startup"],
};

export type Employer = { company: string | null; industry: Industry | null; freelance: boolean };

/** The alumnus' current employer (fictitious names), consistent with the industry code. */
export function currentEmployer(rng: Rng, jobType: JobType): Employer {
  const r = rng.float();
  if (r < 0.08)
    return {
      company: null,
      industry: rng.chance(0.5) ? null : rng.pick(INDUSTRY_BY_JOB[jobType] ?? ["other"]),
      freelance: false,
    };
  if (r < 0.18)
    return {
      company: rng.pick(["フリーランス", "個人事業主", "フリーランス（独立）"]),
      industry: "freelance",
      freelance: true,
    };
  if (r < 0.22)
    return {
      company: rng.pick(["地方自治体", "県庁", "独立行政法人"]),
      industry: "public",
      freelance: false,
    };
  const wanted = rng.chance(0.6) ? INDUSTRY_BY_JOB[jobType] : undefined;
  const katakana = rng.chance(0.6);
  const suffixes = katakana ? KATAKANA_SUFFIXES : KANJI_SUFFIXES;
  const fitting = wanted ? suffixes.filter(([, ind]) => wanted.includes(ind)) : [];
  const [suffix, industry] = rng.pick(fitting.length ? fitting : suffixes);
  const stem = rng.pick(katakana ? KATAKANA_WORDS : KANJI_WORDS);
  const legal = rng.chance(0.85) ? "株式会社" : "合同会社";
  const company = rng.chance(0.5) ? `${legal}${stem}${suffix}` : `${stem}${suffix}${legal}`;
  return { company, industry, freelance: false };
}
