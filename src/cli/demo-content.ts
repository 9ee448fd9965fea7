// What the demo network 「株式会社サンプル」 contains besides the generated alumni: its privacy
// notice, the named accounts a newcomer signs in with, and the people waiting in the approval queue.

export const DEMO_SLUG = "demo";
export const DEMO_NAME = "株式会社サンプル";
/** Every demo account (named and generated) signs in with this password. Demo data only. */
export const DEMO_PASSWORD = "tsunagari-demo";

export const DEFAULT_PURPOSES = [
  "アルムナイネットワークの運営（会員管理、在籍確認）",
  "お知らせ、イベント、アンケートのご案内",
  "再雇用・業務委託の機会のご案内（同意された方のみ）",
  "サービス改善のための統計的な分析",
];

export function privacyNoticeBody(company: string): string {
  return [
    `${company}（以下「当社」）は、アルムナイネットワークにご登録いただいた方の個人情報を、以下の目的で利用します。`,
    "",
    ...DEFAULT_PURPOSES.map((p, i) => `${i + 1}. ${p}`),
    "",
    "ご登録いただいた情報は、ご本人の同意なく第三者に提供しません。プロフィールの各項目の公開範囲（自分のみ・運営のみ・メンバー全員）はいつでも変更できます。",
    "各種のご案内の受け取り（同意）は設定画面からいつでも変更・撤回でき、変更はただちに反映されます。",
    "開示・訂正・削除のご請求は、ネットワーク内の「運営へのお問い合わせ」からご連絡ください。",
  ].join("\n");
}

export type NamedAccount = {
  key: string;
  role: "operator" | "employee" | "alumni";
  name: string;
  nameKana: string;
  department: string;
  locale?: "ja" | "en";
};

/** Named accounts; e-mail is `${key}@${slug}.example`. */
export const NAMED_ACCOUNTS: NamedAccount[] = [
  { key: "operator", role: "operator", name: "人事 花子", nameKana: "ジンジ ハナコ", department: "人事部" },
  {
    key: "operator2",
    role: "operator",
    name: "採用 太郎",
    nameKana: "サイヨウ タロウ",
    department: "人事部",
  },
  {
    key: "employee",
    role: "employee",
    name: "営業 一郎",
    nameKana: "エイギョウ イチロウ",
    department: "営業部",
  },
  {
    key: "employee2",
    role: "employee",
    name: "開発 美咲",
    nameKana: "カイハツ ミサキ",
    department: "開発部",
  },
  {
    key: "employee3",
    role: "employee",
    name: "Emily Carter",
    nameKana: "エミリー カーター",
    department: "経営企画部",
    locale: "en",
  },
];

/** The demo platform admin (`admin@${slug}.example`), created only when the installation has none. */
export const ADMIN_KEY = "admin";

/** The named alumnus: a registered former employee who has not answered the welcome survey yet. */
export const NAMED_ALUMNUS_KEY = "alumni";

/**
 * Pending registrations, each built from a roster-only leaver (by position in that list):
 * how the registrant's answers differ from the roster row.
 */
export type PendingCase = {
  leaver: number | null;
  note: string;
  change: "leave_month" | "kanji_variant" | "married_name" | "employee_number_typo" | "not_in_roster";
};

export const PENDING_CASES: PendingCase[] = [
  { leaver: 0, change: "leave_month", note: "退職月が名簿と1か月ずれている" },
  { leaver: 1, change: "kanji_variant", note: "姓の漢字が異体字（斎藤/斉藤 など）" },
  { leaver: 2, change: "married_name", note: "現在の姓で登録（旧姓は名簿）" },
  { leaver: 3, change: "employee_number_typo", note: "社員番号の1桁違いと退職月の記憶違い" },
  { leaver: null, change: "not_in_roster", note: "名簿にいない人" },
];

/** Surname variants people type for the same name. */
export const KANJI_VARIANTS: Record<string, string> = {
  斎藤: "斉藤",
  斉藤: "斎藤",
  渡辺: "渡邊",
  渡部: "渡邉",
  高橋: "髙橋",
  山崎: "山﨑",
  菊地: "菊池",
  菊池: "菊地",
};
