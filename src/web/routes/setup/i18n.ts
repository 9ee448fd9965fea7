import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "はじめの設定",
    subtitle:
      "このインストールの管理者アカウントと、最初のアルムナイネットワークを作成します。この画面は最初の一度だけ表示されます。",
    adminSection: "プラットフォーム管理者",
    adminHelp: "ネットワークの作成・停止ができる管理者です。最初のネットワークの運営メンバーにもなります。",
    name: "氏名",
    email: "メールアドレス",
    password: "パスワード",
    passwordHelp: "8文字以上",
    networkSection: "最初のネットワーク",
    networkHelp: "元社員の皆さまが参加する、会社ごとのネットワークです。あとから追加もできます。",
    networkName: "会社名（ネットワーク名）",
    networkNamePlaceholder: "株式会社つながり",
    slug: "URL 用の名前",
    slugHelp: "半角英小文字・数字・ハイフンで3〜40文字（先頭と末尾は英数字）。URL は {{url}} になります。",
    slugInvalid: "半角英小文字・数字・ハイフンで3〜40文字にしてください（先頭と末尾は英数字）。",
    noticeSection: "プライバシーポリシー",
    noticeHelp:
      "登録時にアルムナイに表示し、同意を得る文書です。ひな形を自社の内容に合わせて編集してください（あとから運営画面で改訂できます）。",
    submit: "設定を完了する",
    required: "入力してください。",
    emailInvalid: "メールアドレスの形式が正しくありません。",
    passwordTooShort: "パスワードは8文字以上にしてください。",
    done: "設定は完了しています",
    doneBody: "はじめの設定は既に行われています。ログインしてください。",
    created: "ネットワーク「{{name}}」を作成しました。",
  },
  en: {
    title: "First-run setup",
    subtitle:
      "Create the administrator of this installation and the first alumni network. This page is shown only once.",
    adminSection: "Platform administrator",
    adminHelp: "Can create and suspend networks. Also becomes an operator of the first network.",
    name: "Name",
    email: "Email",
    password: "Password",
    passwordHelp: "At least 8 characters",
    networkSection: "First network",
    networkHelp: "A company's network, which its former employees join. You can add more later.",
    networkName: "Company name (network name)",
    networkNamePlaceholder: "Tsunagari Inc.",
    slug: "Name in the URL",
    slugHelp:
      "3–40 lowercase letters, digits and hyphens (starting and ending with a letter or digit). The URL will be {{url}}.",
    slugInvalid:
      "Use 3–40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.",
    noticeSection: "Privacy notice",
    noticeHelp:
      "Alumni read and accept this when they register. Adapt the template to your company (operators can publish new versions later).",
    submit: "Finish setup",
    required: "Required.",
    emailInvalid: "Enter a valid email address.",
    passwordTooShort: "Use at least 8 characters for the password.",
    done: "Setup is complete",
    doneBody: "First-run setup has already been done. Please sign in.",
    created: "The network “{{name}}” was created.",
  },
};

addStrings("setup", strings);

/** Same rule as the server's slugSchema. */
export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
export const isValidSlug = (s: string) => s.length >= 3 && s.length <= 40 && SLUG_RE.test(s);
