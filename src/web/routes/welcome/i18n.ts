import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "ようこそ、{{network}} アルムナイネットワークへ",
    subtitle:
      "はじめに簡単なアンケートにご協力ください（すべて任意・約1分）。回答は運営が集計し、ネットワークの企画に役立てます。",
    joinedYear: "入社した年",
    joinedYearHelp: "在籍情報から入力しています。",
    industry: "現在の業種",
    jobType: "現在の職種",
    choose: "選択してください",
    interests: "このネットワークで関心があること（複数選択可）",
    interestOther: "「その他」の内容",
    comment: "ひとことコメント",
    commentPlaceholder: "ネットワークに期待すること、近況など",
    sensitive:
      "健康状態、思想・信条、宗教、病歴など、他人に知られたくない個人情報（要配慮個人情報）は書かないでください。",
    submit: "回答してプロフィールへ進む",
    later: "あとで回答する",
    reminder: "ようこそアンケートにまだ回答していません（約1分）。",
    reminderAction: "アンケートに回答する",
    thanks: "ご回答ありがとうございました。続けてプロフィールを入力しましょう。",
    answered: "アンケートには回答済みです。",
    toProfile: "プロフィールへ",
    yearInvalid: "{{min}}年から今年までの年を入力してください。",
    tooLong: "{{max}}文字以内で入力してください。",
  },
  en: {
    title: "Welcome to the {{network}} alumni network",
    subtitle:
      "Please answer a short survey first (all optional, about a minute). The operators see the totals and use them to plan the network.",
    joinedYear: "Year you joined",
    joinedYearHelp: "Filled in from your employment details.",
    industry: "Current industry",
    jobType: "Current job type",
    choose: "Choose",
    interests: "What interests you in this network (choose any)",
    interestOther: "What else?",
    comment: "A short comment",
    commentPlaceholder: "What you hope for from the network, your news…",
    sensitive:
      "Please do not write sensitive personal information such as health, beliefs, religion or medical history.",
    submit: "Answer and go to my profile",
    later: "Answer later",
    reminder: "You have not answered the welcome survey yet (about a minute).",
    reminderAction: "Answer the survey",
    thanks: "Thank you! Next, fill in your profile.",
    answered: "You have already answered the survey.",
    toProfile: "Go to my profile",
    yearInvalid: "Enter a year between {{min}} and this year.",
    tooLong: "Use at most {{max}} characters.",
  },
};

addStrings("welcome", strings);
