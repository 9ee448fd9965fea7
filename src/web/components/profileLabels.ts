// Labels for the codes in src/shared/profile.ts (industries, job types, open-to, interests,
// visibility, consent opt-ins), namespace "profileLabels". Import this file, then
// `useTranslation("profileLabels")` → t(`industries.${code}`), t(`jobTypes.${code}`), …
import { INDUSTRIES, JOB_TYPES } from "../../shared/profile.ts";
import { addStrings } from "../i18n/index.ts";

addStrings("profileLabels", {
  ja: {
    visibility: { private: "自分のみ", operators: "運営のみ", members: "メンバー全員" },
    consent: {
      directory: {
        label: "メンバー一覧に表示する",
        help: "ネットワークのメンバーがあなたを検索・閲覧できます（項目ごとの公開範囲はプロフィールで選べます）。",
      },
      rehire: { label: "再雇用（再入社）のご案内を受け取る", help: "求人情報などをメールでお知らせします。" },
      freelance: {
        label: "業務委託のご案内を受け取る",
        help: "資料作成や社外メンターなど、お仕事のご相談をお送りします。",
      },
      events: { label: "イベントのご案内を受け取る", help: "交流会・座談会・勉強会などのお知らせです。" },
      surveys: { label: "アンケートに協力する", help: "会社や制度の改善のためのアンケートをお送りします。" },
    },
    industries: {
      it: "IT・通信",
      manufacturing: "製造",
      consulting: "コンサルティング",
      hr_services: "人材サービス",
      finance: "金融・保険",
      trading: "商社",
      retail: "小売・流通",
      media: "広告・メディア",
      healthcare: "医療・福祉",
      education: "教育",
      public: "官公庁・団体",
      construction: "建設・不動産",
      logistics: "運輸・物流",
      startup: "スタートアップ",
      freelance: "フリーランス・個人事業",
      other: "その他",
    },
    jobTypes: {
      sales: "営業",
      marketing: "マーケティング",
      engineering: "エンジニア",
      design: "デザイン",
      hr: "人事",
      finance_accounting: "経理・財務",
      legal: "法務",
      consulting: "コンサルタント",
      management: "経営・管理職",
      product: "企画・プロダクト",
      customer_success: "カスタマーサクセス",
      research: "研究・開発",
      operations: "事務・オペレーション",
      other: "その他",
    },
    openTo: { rehire: "再雇用", freelance: "業務委託", mentoring: "メンタリング", speaking: "登壇・取材" },
    interests: {
      rehire: "再雇用（再入社）",
      freelance: "業務委託のお仕事",
      mentoring: "社外メンター",
      events: "イベント・交流会",
      keep_in_touch: "元同僚とのつながり",
      other: "その他",
    },
  },
  en: {
    visibility: { private: "Only me", operators: "Operators", members: "All members" },
    consent: {
      directory: {
        label: "List me in the member directory",
        help: "Members of the network can find and view you (you choose each profile field's visibility).",
      },
      rehire: { label: "Receive rehire offers", help: "We email you about open positions." },
      freelance: {
        label: "Receive freelance offers",
        help: "Requests for work such as documents or external mentoring.",
      },
      events: {
        label: "Receive event invitations",
        help: "Networking events, round-tables, study sessions.",
      },
      surveys: { label: "Take part in surveys", help: "Surveys that help improve the company." },
    },
    industries: {
      it: "IT / telecom",
      manufacturing: "Manufacturing",
      consulting: "Consulting",
      hr_services: "HR services",
      finance: "Finance / insurance",
      trading: "Trading",
      retail: "Retail / distribution",
      media: "Advertising / media",
      healthcare: "Healthcare / welfare",
      education: "Education",
      public: "Public sector / NPO",
      construction: "Construction / real estate",
      logistics: "Transport / logistics",
      startup: "Startup",
      freelance: "Freelance / self-employed",
      other: "Other",
    },
    jobTypes: {
      sales: "Sales",
      marketing: "Marketing",
      engineering: "Engineering",
      design: "Design",
      hr: "HR",
      finance_accounting: "Finance / accounting",
      legal: "Legal",
      consulting: "Consulting",
      management: "Management",
      product: "Product / planning",
      customer_success: "Customer success",
      research: "Research / development",
      operations: "Operations / administration",
      other: "Other",
    },
    openTo: { rehire: "Rehire", freelance: "Freelance work", mentoring: "Mentoring", speaking: "Speaking" },
    interests: {
      rehire: "Rehire",
      freelance: "Freelance work",
      mentoring: "Mentoring",
      events: "Events",
      keep_in_touch: "Staying in touch",
      other: "Other",
    },
  },
});

type T = (key: string) => string;
/** Select options for industries, labelled in the UI language. */
export const industryOptions = (t: T) => INDUSTRIES.map((v) => ({ value: v, label: t(`industries.${v}`) }));
/** Select options for job types, labelled in the UI language. */
export const jobTypeOptions = (t: T) => JOB_TYPES.map((v) => ({ value: v, label: t(`jobTypes.${v}`) }));
