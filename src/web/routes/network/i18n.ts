import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    greeting: "{{name}} さん、ようこそ",
    roleIs: "あなたの役割: {{role}}",
    connect: "メンバーを探す",
    directory: {
      title: "メンバー名簿",
      body: "同じ時期に在籍した仲間や、同じ部署・スキルのメンバーを、名前・キーワード・入社年代などで探せます。",
    },
    yours: "あなたのページ",
    profile: {
      title: "プロフィール",
      body: "経歴やスキル、連絡の取りやすい時間帯などを編集し、項目ごとの公開範囲を選べます。",
    },
    preview: {
      title: "ほかのメンバーからの見え方",
      body: "あなたのプロフィールがメンバーにどう表示されるかを確認できます。",
    },
    consent: {
      title: "同意・通知設定",
      body: "メンバー一覧への表示や、各種ご案内の受け取りをいつでも変更できます。",
    },
    operator: "運営メニュー",
    pending: "承認待ちの登録申請",
    pendingCount: "{{count}} 件",
    openApprovals: "承認待ちを見る",
    links: {
      roster: "名簿の取り込み・検索",
      invitations: "招待の送信",
      members: "メンバー管理",
      segments: "セグメント（保存した検索条件）",
      survey: "ウェルカムアンケート集計",
      privacy: "プライバシーポリシーの改訂",
      apiTokens: "API トークン",
      branding: "ブランド（ロゴ・色）",
    },
    open: "開く",
    steps: {
      title: "はじめの一歩",
      progress: "{{done}} / {{total}} 完了",
      privacy: {
        title: "プライバシーポリシーを公開する",
        body: "登録する人が読んで同意する文書です。自社の内容に合わせて改訂できます。",
        done: "第 {{count}} 版を公開中",
      },
      roster: {
        title: "従業員名簿を取り込む",
        body: "退職者の名簿（CSV・Excel）を取り込むと、登録の在籍確認と招待ができます。",
        done: "{{count}} 人分を取り込み済み",
      },
      invite: {
        title: "最初の退職者を招待する",
        body: "名簿から、またはメールアドレスで招待メールを送ります。",
        done: "{{count}} 件を招待済み",
      },
      brand: {
        title: "ネットワークをブランド化する",
        body: "会社のロゴとアクセントカラーを、画面とメールに表示します。",
        done: "設定済み",
      },
      welcome: {
        title: "ようこそ投稿をする",
        body: "タイムラインに最初のお知らせを投稿します。入ってきたメンバーが最初に目にする言葉です。",
        done: "お知らせ {{count}} 件",
      },
      go: "始める",
      doneLabel: "完了",
    },
  },
  en: {
    greeting: "Welcome, {{name}}",
    roleIs: "Your role: {{role}}",
    connect: "Find members",
    directory: {
      title: "Directory",
      body: "Find former colleagues by name, keywords, department, skills or the years they joined.",
    },
    yours: "Your pages",
    profile: {
      title: "Profile",
      body: "Edit your career, skills and when to contact you, and choose who sees each field.",
    },
    preview: { title: "How others see you", body: "Check how your profile looks to other members." },
    consent: {
      title: "Consent & notifications",
      body: "Change at any time whether you are listed and which offers you receive.",
    },
    operator: "Operator",
    pending: "Registrations awaiting approval",
    pendingCount: "{{count}}",
    openApprovals: "Open approvals",
    links: {
      roster: "Roster import and search",
      invitations: "Send invitations",
      members: "Members",
      segments: "Segments (saved searches)",
      survey: "Welcome survey results",
      privacy: "Revise the privacy notice",
      apiTokens: "API tokens",
      branding: "Branding (logo, colour)",
    },
    open: "Open",
    steps: {
      title: "First steps",
      progress: "{{done}} of {{total}} done",
      privacy: {
        title: "Publish the privacy notice",
        body: "Registrants read and accept it. Adapt it to your company.",
        done: "Version {{count}} published",
      },
      roster: {
        title: "Import the employee roster",
        body: "With the leavers' roster (CSV or Excel), registrations are verified and you can invite.",
        done: "{{count}} people imported",
      },
      invite: {
        title: "Invite the first leavers",
        body: "Send invitation emails from the roster or by address.",
        done: "{{count}} invited",
      },
      brand: {
        title: "Brand the network",
        body: "Show your company's logo and accent colour on the pages and in the emails.",
        done: "Done",
      },
      welcome: {
        title: "Post a welcome",
        body: "Post the first announcement in the feed: the first words new members read.",
        done: "{{count}} announcements",
      },
      go: "Start",
      doneLabel: "Done",
    },
  },
};

addStrings("network", strings);
