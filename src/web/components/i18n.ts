// Strings of the shared components in this folder (namespace "ui").
import { addStrings } from "../i18n/index.ts";

export const strings = {
  ja: {
    confirm: "実行する",
    supporter: "サポーター",
    supporterHint: "アルムナイサポーター：ネットワークを盛り上げるボランティアのメンバー",
    cancel: "キャンセル",
    close: "閉じる",
    copy: "コピー",
    copied: "コピーしました",
    loadMore: "さらに読み込む",
    shown: "{{shown}} / {{total}} 件を表示",
    total: "全 {{total}} 件",
    retry: "再読み込み",
    signInRequired: "このページを見るにはログインしてください。",
    operatorsOnly: "このページはこのネットワークの運営メンバーだけが利用できます。",
    adminsOnly: "このページはプラットフォーム管理者だけが利用できます。",
    forbiddenTitle: "アクセスできません",
    goHome: "ホームへ",
    csv: {
      export: "CSV で書き出す",
      utf8: "Excel 用（UTF-8）",
      sjis: "Shift_JIS（古い Excel・人事システム向け）",
      note: "いまの絞り込みの結果を書き出します。書き出しは監査ログに記録されます。",
      exporting: "書き出し中…",
    },
    purposes: {
      label: "利用目的",
      description: "個人情報を利用する目的を1行に1つ書いてください（1〜20件、各200文字以内）。",
      item: "利用目的 {{n}}",
      add: "利用目的を追加",
      remove: "利用目的 {{n}} を削除",
      required: "利用目的を1つ以上入力してください。",
      tooLong: "200文字以内で入力してください。",
    },
    noticeBody: {
      label: "プライバシーポリシー本文",
      description:
        "取得する情報、利用目的、第三者提供、問い合わせ先などを記載してください（20〜20,000文字）。",
      tooShort: "20文字以上で入力してください。",
      tooLong: "20,000文字以内で入力してください。",
    },
  },
  en: {
    supporter: "Supporter",
    supporterHint: "Alumni supporter: a volunteer who helps keep the network alive",
    confirm: "Confirm",
    cancel: "Cancel",
    close: "Close",
    copy: "Copy",
    copied: "Copied",
    loadMore: "Load more",
    shown: "Showing {{shown}} of {{total}}",
    total: "{{total}} in total",
    retry: "Reload",
    signInRequired: "Please sign in to see this page.",
    operatorsOnly: "Only the operators of this network can use this page.",
    adminsOnly: "Only platform administrators can use this page.",
    forbiddenTitle: "Not available",
    goHome: "Go home",
    csv: {
      export: "Export CSV",
      utf8: "For Excel (UTF-8)",
      sjis: "Shift_JIS (older Excel, HR systems)",
      note: "Exports the current filter's results. Exports are recorded in the audit log.",
      exporting: "Exporting…",
    },
    purposes: {
      label: "Purposes of use",
      description: "One purpose for which personal data is used per line (1–20, up to 200 characters each).",
      item: "Purpose {{n}}",
      add: "Add a purpose",
      remove: "Remove purpose {{n}}",
      required: "Enter at least one purpose.",
      tooLong: "Use at most 200 characters.",
    },
    noticeBody: {
      label: "Privacy notice text",
      description:
        "State what is collected, the purposes, sharing with third parties and whom to contact (20–20,000 characters).",
      tooShort: "Use at least 20 characters.",
      tooLong: "Use at most 20,000 characters.",
    },
  },
};

addStrings("ui", strings);
