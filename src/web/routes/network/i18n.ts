import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    greeting: "{{name}} さん、ようこそ",
    roleIs: "あなたの役割: {{role}}",
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
    home: {
      unreadLabel: "未読 {{count}} 件",
      announcements: {
        title: "未読のお知らせ",
        more: "タイムラインへ",
        empty: "新しいお知らせはありません。運営からのお知らせや固定された投稿が届くと、ここに表示されます。",
      },
      replies: {
        title: "あなたへの返信・メンション",
        kinds: { reply: "返信", mention: "メンション" },
        empty:
          "未読の返信やメンションはありません。タイムラインで近況や質問を投稿すると、仲間からの返信がここに届きます。",
        emptyAction: "タイムラインで投稿する",
      },
      groups: {
        title: "参加中のグループの動き",
        more: "グループ一覧",
        new: "新着 {{count}}",
        noPosts: "まだ投稿がありません。最初の投稿をしてみましょう。",
        empty:
          "まだグループに参加していません。興味のあるグループに参加すると、新しい投稿がここに表示されます。",
        allMuted: "参加中のグループはすべてミュートしています。",
        emptyAction: "グループを探す",
      },
      newcomersHint: "この {{days}} 日間にネットワークに参加したメンバーです。",
      cohort: {
        title: "{{year}}年入社の同期が参加しました",
        titleNoYear: "新しく参加した同期",
        more: "同期をメンバー名簿で見る",
        noYear:
          "プロフィールに入社年月を入れると、同じ年に入社した同期の新しいメンバーがここに表示されます。",
        noYearAction: "プロフィールを編集する",
        empty:
          "この {{days}} 日間に参加した同期はいません。メンバー名簿で、すでに参加している同期を探せます。",
      },
      department: {
        title: "同じ部署の新しいメンバー",
        more: "同じ部署のメンバーを見る",
        hint: "{{departments}}に在籍していて、この {{days}} 日間に参加したメンバーです。",
        noDepartment: "プロフィールに在籍時の部署を入れると、同じ部署の新しいメンバーがここに表示されます。",
        empty: "この {{days}} 日間に参加した{{departments}}のメンバーはいません。",
      },
      desk: {
        inquiries: "未対応のお問い合わせ",
        unassigned: "うち担当者なし {{count}} 件",
        moderation: "確認待ちの通報",
      },
    },
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
    home: {
      unreadLabel: "{{count}} unread",
      announcements: {
        title: "Unread announcements",
        more: "Open the feed",
        empty: "No new announcements. News from the operators and pinned posts show up here.",
      },
      replies: {
        title: "Replies and mentions",
        kinds: { reply: "Reply", mention: "Mention" },
        empty:
          "No unread replies or mentions. Post news or a question in the feed and your former colleagues' replies arrive here.",
        emptyAction: "Post in the feed",
      },
      groups: {
        title: "Your groups",
        more: "All groups",
        new: "{{count}} new",
        noPosts: "No posts yet. Be the first to post.",
        empty:
          "You have not joined a group yet. Join one you are interested in and its new posts show up here.",
        allMuted: "You muted every group you belong to.",
        emptyAction: "Find groups",
      },
      newcomersHint: "They joined the network in the last {{days}} days.",
      cohort: {
        title: "New from your {{year}} cohort (同期)",
        titleNoYear: "New from your cohort (同期)",
        more: "Your cohort in the directory",
        noYear:
          "Add when you joined the company to your profile, and new members who joined the same year show up here.",
        noYearAction: "Edit your profile",
        empty:
          "Nobody from your cohort joined in the last {{days}} days. Find those already here in the directory.",
      },
      department: {
        title: "New from your department",
        more: "Your department in the directory",
        hint: "They worked in {{departments}} and joined the network in the last {{days}} days.",
        noDepartment:
          "Add your departments at the company to your profile, and new members from them show up here.",
        empty: "Nobody from {{departments}} joined in the last {{days}} days.",
      },
      desk: {
        inquiries: "Open inquiries",
        unassigned: "{{count}} unassigned",
        moderation: "Reports to review",
      },
    },
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
