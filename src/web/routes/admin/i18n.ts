// Strings of the platform admin pages (namespace "admin").
import "../../components/i18n.ts";
import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "ネットワーク管理",
    description:
      "このサーバーで運用しているネットワーク（企業ごとのアルムナイネットワーク）の一覧です。作成・利用停止ができます。",
    list: {
      title: "ネットワーク一覧",
      empty: "ネットワークはまだありません。",
      name: "名前",
      slug: "URL",
      status: "状態",
      members: "メンバー",
      operators: "運営",
      created: "作成日",
      actions: "操作",
      open: "開く",
      suspend: "利用停止",
      reactivate: "再開",
      suspendLabel: "{{name}} を利用停止にする",
      reactivateLabel: "{{name}} を再開する",
      suspendTitle: "{{name}} を利用停止にしますか？",
      suspendBody:
        "利用停止中は、運営を含むすべてのメンバーがこのネットワークを開けなくなります。データは残り、いつでも再開できます。",
      reactivateTitle: "{{name}} を再開しますか？",
      reactivateBody: "メンバーが再びこのネットワークを利用できるようになります。",
      suspended: "{{name}} を利用停止にしました。",
      reactivated: "{{name}} を再開しました。",
    },
    statuses: { active: "運用中", suspended: "利用停止" },
    create: {
      title: "ネットワークを作成",
      open: "新しいネットワーク",
      intro:
        "企業ごとに 1 つのネットワークを作成します。最初の運営とプライバシーポリシーを設定してください。",
      name: "会社名（ネットワーク名）",
      namePlaceholder: "株式会社つながり",
      nameDescription: "メールでは「{{example}} アルムナイネットワーク」のように表示されます。",
      slug: "URL に使う名前（スラッグ）",
      slugDescription:
        "半角英小文字・数字・ハイフン（3〜40 文字）。/n/{{slug}} のように使われ、あとから変更できません。",
      operatorEmail: "最初の運営のメールアドレス（任意）",
      operatorEmailDescription:
        "既にアカウントを持っている人のメールアドレス。空欄の場合はあなたが最初の運営になります。",
      noticeSection: "プライバシーポリシー",
      noticeHelp:
        "登録時にアルムナイに表示し、同意を得る文書です。ひな形を自社の内容に合わせて編集してください（あとから運営画面で改訂できます）。",
      submit: "作成する",
      done: "{{name}} を作成しました。",
      errors: {
        name: "名前を入力してください（100 文字以内）。",
        slug: "半角英小文字・数字・ハイフンで 3〜40 文字にしてください（先頭と末尾は英数字）。",
        email: "メールアドレスの形式が正しくありません。",
      },
    },
  },
  en: {
    title: "Networks",
    description:
      "The networks (one alumni network per company) hosted on this server. Create and suspend them.",
    list: {
      title: "All networks",
      empty: "No networks yet.",
      name: "Name",
      slug: "URL",
      status: "Status",
      members: "Members",
      operators: "Operators",
      created: "Created",
      actions: "Actions",
      open: "Open",
      suspend: "Suspend",
      reactivate: "Reactivate",
      suspendLabel: "Suspend {{name}}",
      reactivateLabel: "Reactivate {{name}}",
      suspendTitle: "Suspend {{name}}?",
      suspendBody:
        "While suspended, nobody (operators included) can open this network. Its data is kept and you can reactivate it at any time.",
      reactivateTitle: "Reactivate {{name}}?",
      reactivateBody: "Its members will be able to use the network again.",
      suspended: "{{name}} was suspended.",
      reactivated: "{{name}} was reactivated.",
    },
    statuses: { active: "Active", suspended: "Suspended" },
    create: {
      title: "Create a network",
      open: "New network",
      intro: "Create one network per company, with its first operator and privacy notice.",
      name: "Company name (network name)",
      namePlaceholder: "Tsunagari Inc.",
      nameDescription: "Emails show it as “{{example}} alumni network”.",
      slug: "URL name (slug)",
      slugDescription:
        "Lowercase letters, digits and hyphens (3–40). Used as /n/{{slug}}; it cannot be changed later.",
      operatorEmail: "First operator's email (optional)",
      operatorEmailDescription:
        "The email of someone who already has an account. When empty, you become the first operator.",
      noticeSection: "Privacy notice",
      noticeHelp:
        "Alumni read and accept this when they register. Adapt the template to your company (operators can publish new versions later).",
      submit: "Create",
      done: "{{name}} was created.",
      errors: {
        name: "Enter a name (up to 100 characters).",
        slug: "Use 3–40 lowercase letters, digits and hyphens (starting and ending with a letter or digit).",
        email: "This is not a valid email address.",
      },
    },
  },
};

addStrings("admin", strings);
