import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    heroTitle: "退職後も、つながり続ける。",
    heroBody:
      "つながりは、会社と元社員（アルムナイ）をつなぐアルムナイネットワークです。元同僚との交流、会社からのお知らせ、再雇用や業務委託のご案内、イベントへの参加ができます。",
    points: {
      verified: "在籍確認済みの元社員と社員だけが参加できる、会社ごとの閉じたネットワーク",
      privacy: "プロフィールの項目ごとに公開範囲を選べます",
      offers: "再雇用・業務委託・イベントのご案内は、同意した方にだけ届きます",
    },
    signIn: "ログイン",
    signUp: "新規登録",
    joinHint: "参加するには、元の勤務先から届いた登録用リンクか招待メールを開いてください。",
    emptyTitle: "まだ参加しているネットワークがありません",
    emptyBody:
      "ネットワークへの参加方法は2つあります。元の勤務先の人事部から案内された登録ページ（/n/会社名/register）で在籍確認を申請するか、届いた招待メールのリンクを開いてください。",
    emptyAdmin: "プラットフォーム管理",
  },
  en: {
    heroTitle: "Stay connected after you leave.",
    heroBody:
      "Tsunagari is an alumni network that connects a company with its former employees: keep in touch with former colleagues, get news from the company, hear about rehire and freelance opportunities, and join events.",
    points: {
      verified: "A closed network per company, only for verified former employees and staff",
      privacy: "You choose who sees each field of your profile",
      offers: "Rehire, freelance and event offers reach only those who opted in",
    },
    signIn: "Sign in",
    signUp: "Sign up",
    joinHint: "To join, open the registration link or the invitation email from your former employer.",
    emptyTitle: "You have not joined a network yet",
    emptyBody:
      "There are two ways to join: apply on the registration page your former employer's HR gave you (/n/<company>/register), or open the link in an invitation email.",
    emptyAdmin: "Platform administration",
  },
};

addStrings("home", strings);
