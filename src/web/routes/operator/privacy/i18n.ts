export const privacy = {
  ja: {
    title: "プライバシーポリシー",
    description:
      "個人情報の利用目的を示すプライバシーポリシーを版ごとに管理します。登録時にどの版に同意したかが記録されます。",
    current: "現在の版（第 {{version}} 版）",
    none: "まだ公開された版がありません。",
    publishedAt: "{{date}} 公開",
    history: "過去の版",
    version: "第 {{version}} 版",
    publish: {
      title: "新しい版を公開",
      start: "新しい版を作成…",
      warning:
        "新しい版を公開すると、すべてのメンバーに次回アクセス時に新しい版への同意を求めます。公開した版は編集・削除できません。",
      button: "新しい版を公開する",
      confirmTitle: "第 {{version}} 版を公開しますか？",
      confirmBody:
        "公開後、メンバー全員に新しいプライバシーポリシーへの同意を求めます。この操作は取り消せません。",
      done: "第 {{version}} 版を公開しました。",
      prefilled: "現在の版の内容を下書きとして入れています。変更してから公開してください。",
    },
  },
  en: {
    title: "Privacy notice",
    description:
      "Versions of the privacy notice that states the purposes of use of personal data. Registration records which version a member accepted.",
    current: "Current version (version {{version}})",
    none: "No version has been published yet.",
    publishedAt: "Published {{date}}",
    history: "Earlier versions",
    version: "Version {{version}}",
    publish: {
      title: "Publish a new version",
      start: "Write a new version…",
      warning:
        "When you publish a new version, every member is asked to accept it the next time they visit. Published versions cannot be edited or deleted.",
      button: "Publish the new version",
      confirmTitle: "Publish version {{version}}?",
      confirmBody: "Every member will then be asked to accept the new privacy notice. This cannot be undone.",
      done: "Version {{version}} published.",
      prefilled: "The current version is filled in as a draft. Edit it before publishing.",
    },
  },
};
