// Strings of the segment pages and the "save as segment" dialog (namespace "segments").
import "../directory/i18n.ts";
import { addStrings } from "../../i18n/index.ts";

export const strings = {
  ja: {
    title: "セグメント",
    subtitle:
      "メンバー名簿の検索条件に名前を付けて保存したものです。人数は開くたびに今のメンバーで数え直します（利用停止中のメンバーは含みません）。",
    new: "新しいセグメント",
    empty:
      "まだセグメントはありません。メンバー名簿で条件を指定して「この条件をセグメントとして保存」を押すか、ここから作成してください。",
    columns: { name: "名前", conditions: "条件", count: "人数", updated: "更新日", actions: "操作" },
    count: "{{formatted}}人",
    countCapped: "{{formatted}}人以上",
    members: "メンバーを見る",
    edit: "編集",
    delete: "削除",
    openInDirectory: "名簿で開く",
    exportNote:
      "このセグメントのいまのメンバーを、メンバー一覧の書き出しと同じ列で書き出します。書き出しは監査ログに記録されます。",
    back: "セグメント一覧へ",
    deleteTitle: "セグメントを削除しますか？",
    deleteMessage: "「{{name}}」を削除します。メンバーのプロフィールには影響しません。",
    deleted: "セグメント「{{name}}」を削除しました。",
    notFound: "このセグメントは見つかりません（削除された可能性があります）。",
    membersTitle: "該当するメンバー",
    membersEmpty: "今この条件に当てはまるメンバーはいません。",
    editor: {
      newTitle: "新しいセグメント",
      editTitle: "セグメントの編集",
      intro: "条件を変えると、該当する人数がその場で更新されます。",
      conditions: "条件",
      live: "今の該当人数",
      save: "保存する",
      cancel: "キャンセル",
    },
    form: {
      name: "セグメント名",
      namePlaceholder: "例: 2010年代入社のマーケティング職",
      description: "説明（任意）",
      descriptionPlaceholder: "例: 秋の勉強会のご案内先",
      nameRequired: "セグメント名を入力してください。",
      nameTooLong: "100文字以内で入力してください。",
      descriptionTooLong: "500文字以内で入力してください。",
    },
    save: {
      button: "この条件をセグメントとして保存",
      title: "セグメントとして保存",
      intro: "今の検索条件に名前を付けて保存します。人数は保存後も最新のメンバーで数え直されます。",
      conditions: "保存する条件",
      submit: "保存する",
      saved: "セグメント「{{name}}」を保存しました（{{members}}）。",
      open: "セグメント一覧を開く",
    },
    updated: "セグメント「{{name}}」を保存しました。",
  },
  en: {
    title: "Segments",
    subtitle:
      "Directory searches saved under a name. Counts are recomputed from the current members every time (suspended members are not counted).",
    new: "New segment",
    empty:
      "No segments yet. Search the directory and press “Save these filters as a segment”, or create one here.",
    columns: {
      name: "Name",
      conditions: "Filters",
      count: "Members",
      updated: "Updated",
      actions: "Actions",
    },
    count_one: "{{formatted}} member",
    count_other: "{{formatted}} members",
    countCapped: "{{formatted}}+ members",
    members: "View members",
    edit: "Edit",
    delete: "Delete",
    openInDirectory: "Open in the directory",
    exportNote:
      "Exports the segment's members now, with the same columns as the members export. Exports are recorded in the audit log.",
    back: "All segments",
    deleteTitle: "Delete this segment?",
    deleteMessage: "“{{name}}” will be deleted. Members' profiles are not affected.",
    deleted: "Deleted the segment “{{name}}”.",
    notFound: "This segment was not found (it may have been deleted).",
    membersTitle: "Matching members",
    membersEmpty: "No member matches these filters now.",
    editor: {
      newTitle: "New segment",
      editTitle: "Edit segment",
      intro: "The number of matching members updates as you change the filters.",
      conditions: "Filters",
      live: "Matching now",
      save: "Save",
      cancel: "Cancel",
    },
    form: {
      name: "Segment name",
      namePlaceholder: "e.g. Marketing, joined in the 2010s",
      description: "Description (optional)",
      descriptionPlaceholder: "e.g. Invitees for the autumn study session",
      nameRequired: "Enter a name for the segment.",
      nameTooLong: "Use at most 100 characters.",
      descriptionTooLong: "Use at most 500 characters.",
    },
    save: {
      button: "Save these filters as a segment",
      title: "Save as a segment",
      intro:
        "Saves the current search under a name. Its member count is recomputed from the current members every time.",
      conditions: "Filters to save",
      submit: "Save",
      saved: "Saved the segment “{{name}}” ({{members}}).",
      open: "Open segments",
    },
    updated: "Saved the segment “{{name}}”.",
  },
};

addStrings("segments", strings);
