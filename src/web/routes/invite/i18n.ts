import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "{{network}} アルムナイネットワークへのご招待",
    invalid:
      "この招待リンクは使用できません。有効期限が切れたか、既に使用された可能性があります。お手数ですが、招待元の人事部にお問い合わせください。",
    greeting: "{{name}} さん",
    body: "{{network}} のアルムナイネットワークに招待されています。元同僚とのつながりや、会社からのお知らせ、イベントやお仕事のご案内を受け取れます。",
    expires: "有効期限: {{date}}",
    sentTo: "招待先: {{email}}",
    signedOutHint:
      "参加するには、アカウントを作成するかログインしてください。招待先と異なる個人のメールアドレスでも参加できます。",
    signUp: "新規登録して参加",
    signIn: "ログインして参加",
    signedInAs: "{{email}} として参加します。",
    accept: "同意して参加する",
    alreadyMember: "あなたは既にこのネットワークのメンバーです。",
    goToNetwork: "ネットワークへ",
  },
  en: {
    title: "Invitation to the {{network}} alumni network",
    invalid:
      "This invitation link cannot be used. It may have expired or already been used. Please contact HR at the company that invited you.",
    greeting: "Dear {{name}}",
    body: "You are invited to the {{network}} alumni network: stay in touch with former colleagues, get news from the company, and hear about events and work opportunities.",
    expires: "Valid until {{date}}",
    sentTo: "Sent to {{email}}",
    signedOutHint:
      "To join, create an account or sign in. You may use a personal email address other than the one invited.",
    signUp: "Sign up and join",
    signIn: "Sign in and join",
    signedInAs: "You will join as {{email}}.",
    accept: "Accept and join",
    alreadyMember: "You are already a member of this network.",
    goToNetwork: "Go to the network",
  },
};

addStrings("invite", strings);
