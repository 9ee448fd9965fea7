// Labels for the codes in src/shared/profile.ts (industries, job types, open-to, interests,
// visibility, consent opt-ins), namespace "profileLabels". Import this file, then
// `useTranslation("profileLabels")` → t(`industries.${code}`), t(`jobTypes.${code}`), …
import type { TFunction } from "i18next";
import { INDUSTRIES, JOB_TYPES } from "../../shared/profile.ts";
import { CODE_LABELS } from "../../shared/profile-labels.ts";
import { addStrings } from "../i18n/index.ts";

export const strings = {
  ja: {
    ...CODE_LABELS.ja,
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
  },
  en: {
    ...CODE_LABELS.en,
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
  },
};

addStrings("profileLabels", strings);

type T = TFunction<"profileLabels">;
/** Select options for industries, labelled in the UI language. */
export const industryOptions = (t: T) => INDUSTRIES.map((v) => ({ value: v, label: t(`industries.${v}`) }));
/** Select options for job types, labelled in the UI language. */
export const jobTypeOptions = (t: T) => JOB_TYPES.map((v) => ({ value: v, label: t(`jobTypes.${v}`) }));
