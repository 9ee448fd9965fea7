// Profile bios (2–4 natural sentences from templates), contact preferences and welcome-survey
// comments. Written the way alumni write about themselves on such networks.
import type { Rng } from "./prng.ts";

export type BioFacts = {
  department: string;
  joinYear: number;
  leaveYear: number;
  tenureYears: number;
  newGraduate: boolean;
  company: string | null;
  freelance: boolean;
  jobLabel: string;
  currentSkill: string;
  pastSkill: string;
  openTo: string[];
};

const HOBBIES = [
  "キャンプ",
  "ランニング",
  "読書",
  "子どもとの公園巡り",
  "料理",
  "写真",
  "サウナ",
  "登山",
  "将棋",
  "ゴルフ",
  "カフェ巡り",
  "国内旅行",
  "釣り",
  "ヨガ",
];

function intro(rng: Rng, f: BioFacts): string {
  const options = [
    `${f.leaveYear}年まで${f.department}に在籍していました。`,
    `${f.joinYear}年に${f.newGraduate ? "新卒で" : "中途で"}入社し、${f.department}で約${f.tenureYears}年働きました。`,
    `在籍中は${f.department}で${f.pastSkill.normalize("NFKC")}を担当していました。`,
    `${f.joinYear}年から${f.leaveYear}年まで、${f.department}でお世話になりました。`,
  ];
  return rng.pick(options);
}

function now(rng: Rng, f: BioFacts): string {
  const skill = f.currentSkill.normalize("NFKC");
  if (f.freelance) {
    return rng.pick([
      `現在はフリーランスとして${skill}の案件を中心に活動しています。`,
      `退職後に独立し、${skill}の支援をしています。`,
    ]);
  }
  if (!f.company) {
    return rng.pick([
      `現在は${f.jobLabel}として働いています。`,
      "いまは子育てを優先しながら、次のキャリアを考えています。",
    ]);
  }
  return rng.pick([
    `現在は${f.company}で${f.jobLabel}として働いています。`,
    `退職後は${f.company}に転職し、${skill}に取り組んでいます。`,
    `今は${f.company}で${skill}を担当しています。`,
  ]);
}

function offer(rng: Rng, f: BioFacts): string | null {
  if (f.openTo.includes("freelance")) {
    return rng.pick([
      "業務委託でのお手伝いも歓迎です。",
      `${f.currentSkill.normalize("NFKC")}に関する案件があれば、ぜひご相談ください。`,
    ]);
  }
  if (f.openTo.includes("mentoring")) return "社外メンターとして、若手の方のキャリア相談にも乗れます。";
  if (f.openTo.includes("rehire")) return "機会があれば、またご一緒できたら嬉しいです。";
  if (f.openTo.includes("speaking")) return "勉強会や座談会での登壇も可能です。";
  return null;
}

function closing(rng: Rng): string {
  return rng.pick([
    "お気軽にご連絡ください。",
    "同期の皆さん、ぜひつながりましょう！",
    `休日は${rng.pick(HOBBIES)}を楽しんでいます。`,
    `最近は${rng.pick(HOBBIES)}にはまっています。`,
    "当時の先輩や後輩の皆さんと、また情報交換できたら嬉しいです。",
  ]);
}

/** 2–4 sentences. */
export function bio(rng: Rng, f: BioFacts): string {
  const parts = [intro(rng, f), now(rng, f)];
  const o = offer(rng, f);
  if (o && rng.chance(0.8)) parts.push(o);
  if (parts.length < 4 && rng.chance(0.6)) parts.push(closing(rng));
  return parts.join("");
}

export const CONTACT_CHANNELS = [
  "メール",
  "このサイトのメッセージ",
  "LINE",
  "電話",
  "Slack",
  "Facebook Messenger",
];
export const CONTACT_HOURS = [
  "平日夜・土日",
  "平日19時以降",
  "土日のみ",
  "平日日中",
  "いつでも",
  "平日10時〜18時",
  "22時以降",
  "平日昼休み（12時〜13時）",
];

export const SURVEY_COMMENTS = [
  "アルムナイ同士で情報交換できる場があると嬉しいです。",
  "辞めた後も声をかけてもらえるのはありがたいです。",
  "副業の機会があればぜひ参加したいです。",
  "同期と久しぶりに連絡を取りたいと思って登録しました。",
  "会社の近況を知れるのが楽しみです。",
  "オンラインのイベントだと参加しやすいです。",
  "自分の経験が誰かの役に立てば嬉しいです。",
  "子育て中なので、短時間でできる仕事があれば興味があります。",
  "再入社も選択肢として考えています。",
];
export const INTEREST_OTHER = ["共同研究", "新規事業の壁打ち", "地方拠点との交流", "OB・OG訪問の受け入れ"];
