// Strings of the member-facing shared components (MemberGate, YearMonthInput, ErrorAlert's
// field errors, PrivacyNoticeView, ConsentOptIns), namespace "forms".
import { addStrings } from "../i18n/index.ts";

export const strings = {
  ja: {
    checkField: "この項目を確認してください。",
    yearOf: "{{label}}（年）",
    monthOf: "{{label}}（月）",
    visibilityOf: "「{{field}}」の公開範囲",
    noticeVersion: "第{{version}}版（{{date}}）",
    purposes: "利用目的",
    noticeTitle: "プライバシーポリシー",
    acceptNotice: "プライバシーポリシー（第{{version}}版）を読み、個人情報の取り扱いに同意します（必須）",
    mustAccept: "続けるにはプライバシーポリシーへの同意が必要です。",
    noNotice:
      "このネットワークのプライバシーポリシーがまだ公開されていないため、現在は参加できません。運営にお問い合わせください。",
    optInsTitle: "任意の同意",
    optInsHelp: "それぞれ個別に選べます（任意）。あとから「同意・通知設定」でいつでも変更できます。",
    notMember: {
      title: "このネットワークのメンバーではありません",
      body: "このネットワークに参加していないか、URL が正しくありません。元社員の方は登録ページから参加を申請できます。",
      register: "登録ページへ",
      home: "トップへ戻る",
    },
  },
  en: {
    checkField: "Please check this field.",
    yearOf: "{{label}} (year)",
    monthOf: "{{label}} (month)",
    visibilityOf: "Who can see “{{field}}”",
    noticeVersion: "Version {{version}} ({{date}})",
    purposes: "Purposes of use",
    noticeTitle: "Privacy notice",
    acceptNotice:
      "I have read the privacy notice (version {{version}}) and agree to how my personal data is handled (required)",
    mustAccept: "Please accept the privacy notice to continue.",
    noNotice:
      "This network has not published its privacy notice yet, so you cannot join for now. Please contact the operators.",
    optInsTitle: "Optional consents",
    optInsHelp:
      "Each is separate and optional. You can change them any time under “Consent & notifications”.",
    notMember: {
      title: "You are not a member of this network",
      body: "You have not joined this network, or the address is wrong. Former employees can apply on the registration page.",
      register: "Go to registration",
      home: "Back to the start",
    },
  },
};

addStrings("forms", strings);
