import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "{{name}} アルムナイネットワークへの登録",
    notFound: "このネットワークは見つかりません。URL をご確認ください。",
    intro:
      "{{name}} を退職された方のためのネットワークです。登録いただいた内容を会社の従業員名簿と照合し、元社員であることを確認（在籍確認）したうえで参加いただけます。",
    howTitle: "登録の流れ",
    how: {
      account: "個人のメールアドレスでアカウントを作成し、メールアドレスを確認します",
      employment: "在籍時の氏名・入社年月・退職年月などを入力します",
      consent: "プライバシーポリシーを確認し、同意します",
      verify:
        "名簿と照合できればすぐに参加できます。確認が必要な場合は運営が確認し、結果をメールでお知らせします",
    },
    signedOutHint:
      "まずアカウントを作成するか、ログインしてください。退職後も使える個人のメールアドレスをお使いください。",
    signUp: "新規登録して始める",
    signIn: "アカウントをお持ちの方はログイン",
    signedInAs: "{{email}} としてログインしています。",
    alreadyMember: "あなたは既にこのネットワークのメンバーです。",
    goToNetwork: "ネットワークへ",
    steps: { intro: "ご案内", employment: "在籍情報", consent: "同意" },
    start: "登録を始める",
    employmentHelp: "在籍していた当時の情報を入力してください。会社の名簿と照合します。",
    name: "在籍時の氏名",
    namePlaceholder: "山田 花子",
    nameHelp: "姓と名の間にスペースを入れてください。旧姓の方は在籍時の姓で入力してください。",
    nameKana: "在籍時の氏名（フリガナ）",
    nameKanaPlaceholder: "ヤマダ ハナコ",
    joinYm: "入社年月",
    leaveYm: "退職年月",
    department: "最終所属部署",
    departmentPlaceholder: "営業本部 第一営業部",
    employeeNumber: "社員番号（任意）",
    employeeNumberHelp: "わかる場合は入力してください。名簿と照合しやすくなり、確認が早く済みます。",
    required: "入力してください。",
    tooLong: "{{max}}文字以内で入力してください。",
    ymRequired: "年と月を選んでください。",
    ymFuture: "今月より後は選べません。",
    leaveBeforeJoin: "退職年月は入社年月より後にしてください。",
    submit: "登録を申請する",
    statusTitle: "在籍確認中です",
    statusTitleIn: "{{network}}：在籍確認中です",
    pendingBody:
      "登録申請は受け付けられています。ただいま運営（元の勤務先の人事部）が在籍を確認しています。確認が済むと登録したメールアドレスにお知らせが届き、サインインするとネットワークに入れます。申請をやり直す必要はありません。",
    notApprovedTitle: "登録を完了できませんでした",
    notApprovedTitleIn: "{{network}}：登録を完了できませんでした",
    notApprovedBody:
      "申し訳ありませんが、このネットワークへの登録を完了できませんでした。お心当たりがある場合は、元の勤務先の人事部にお問い合わせください。",
    backHome: "トップへ戻る",
  },
  en: {
    title: "Join the {{name}} alumni network",
    notFound: "This network was not found. Please check the address.",
    intro:
      "This network is for people who have left {{name}}. We compare what you enter with the company's employee roster to confirm that you worked there (employment verification) before you join.",
    howTitle: "How it works",
    how: {
      account: "Create an account with a personal email address and confirm it",
      employment: "Enter your name while employed and the months you joined and left",
      consent: "Read and accept the privacy notice",
      verify:
        "If the roster matches, you join at once; otherwise the operators check and we tell you the result by email",
    },
    signedOutHint: "First create an account or sign in. Use a personal email address you keep after leaving.",
    signUp: "Sign up to start",
    signIn: "I have an account — sign in",
    signedInAs: "Signed in as {{email}}.",
    alreadyMember: "You are already a member of this network.",
    goToNetwork: "Go to the network",
    steps: { intro: "Start", employment: "Employment", consent: "Consent" },
    start: "Start",
    employmentHelp:
      "Enter the details from when you worked there. We compare them with the company's roster.",
    name: "Name while employed",
    namePlaceholder: "Hanako Yamada",
    nameHelp: "As it was while you worked there (e.g. your former family name).",
    nameKana: "Name while employed (katakana reading)",
    nameKanaPlaceholder: "ヤマダ ハナコ",
    joinYm: "Joined",
    leaveYm: "Left",
    department: "Last department",
    departmentPlaceholder: "Sales division 1",
    employeeNumber: "Employee number (optional)",
    employeeNumberHelp:
      "If you know it, enter it: it makes matching the roster easier and verification faster.",
    required: "Required.",
    tooLong: "Use at most {{max}} characters.",
    ymRequired: "Choose a year and a month.",
    ymFuture: "Must not be after this month.",
    leaveBeforeJoin: "The month you left must not be before the month you joined.",
    submit: "Apply to join",
    statusTitle: "Your employment is being confirmed",
    statusTitleIn: "{{network}}: your employment is being confirmed",
    pendingBody:
      "Your application was received. The operators (HR at your former employer) are confirming your employment. When they are done you get an email at your registered address, and signing in takes you into the network. There is no need to apply again.",
    notApprovedTitle: "Your registration could not be completed",
    notApprovedTitleIn: "{{network}}: your registration could not be completed",
    notApprovedBody:
      "We are sorry, but your registration for this network could not be completed. If you think this is a mistake, please contact HR at your former employer.",
    backHome: "Back to the start",
  },
};

addStrings("register", strings);
