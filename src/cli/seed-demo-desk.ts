// Demo content of the operators' desk: business hours, saved replies, and a handful of inquiries
// over the last weeks — answered ones (with their response times in business hours) and ones still
// waiting — written through the desk's own services, with the times they would have happened at.
import { and, asc, eq, inArray } from "drizzle-orm";
import { member, user } from "../db/schema/index.ts";
import {
  assignInquiry,
  changeStatus,
  createSavedReply,
  followUp,
  openInquiry,
  replyToInquiry,
  setBusinessHours,
} from "../modules/inquiries/index.ts";
import type { NetworkRole } from "../server/auth.ts";
import type { AppContext } from "../server/context.ts";
import { loadNetworkScope } from "../server/guards.ts";
import type { MemberScope } from "../server/scope.ts";

const SAVED_REPLIES = [
  {
    title: "源泉徴収票の再発行",
    body: "お問い合わせありがとうございます。人事部の人事です。\n源泉徴収票を再発行し、ご登録の住所へ 1 週間ほどで郵送いたします。送付先が変わっている場合は、このお問い合わせにご返信ください。",
  },
  {
    title: "退職証明書の発行",
    body: "お問い合わせありがとうございます。\n退職証明書を発行いたします。記載をご希望の項目（在籍期間・業務の種類・地位・退職の事由など）があればお知らせください。発行まで 3 営業日ほどいただきます。",
  },
  {
    title: "再雇用のご相談（面談のご案内）",
    body: "ご相談ありがとうございます。再雇用について、まずは 30 分ほどオンラインでお話しできればと思います。ご都合のよい日時を 2〜3 候補お知らせください。",
  },
];

type Step =
  | { kind: "open"; day: number; at: string }
  | { kind: "member"; day: number; at: string; body: string }
  | { kind: "reply"; day: number; at: string; body: string; close?: boolean }
  | { kind: "close"; day: number; at: string };

type DemoInquiry = {
  author: number;
  category: "general" | "rehire" | "freelance" | "document";
  documentKind?: "separation_certificate" | "withholding_slip" | "pension_insurance";
  subject: string;
  body: string;
  assign?: boolean;
  steps: Step[];
};

// `day`: weekdays before today; `at`: the time in Tokyo.
const INQUIRIES: DemoInquiry[] = [
  {
    author: 0,
    category: "document",
    documentKind: "withholding_slip",
    subject: "昨年分の源泉徴収票の再発行をお願いします",
    body: "2024年3月に退職した者です。確定申告のため、昨年分の源泉徴収票を再発行していただけますでしょうか。引っ越したため、送付先は新しい住所でお願いしたいです。",
    steps: [
      { kind: "open", day: 20, at: "09:40" },
      { kind: "reply", day: 20, at: "11:00", body: SAVED_REPLIES[0]!.body },
      {
        kind: "member",
        day: 20,
        at: "12:10",
        body: "ありがとうございます。新しい住所は東京都世田谷区〇〇1-2-3 です。",
      },
      {
        kind: "reply",
        day: 20,
        at: "14:30",
        body: "承知しました。新しいご住所へ本日発送いたします。",
        close: true,
      },
    ],
  },
  {
    author: 1,
    category: "rehire",
    subject: "再雇用の可能性について相談したいです",
    body: "退職して3年になります。現職でプロダクトマネジメントの経験を積んだので、また御社で働くことに関心があります。まずはカジュアルにお話を伺えますか。",
    assign: true,
    steps: [
      { kind: "open", day: 13, at: "20:15" },
      { kind: "reply", day: 12, at: "10:05", body: SAVED_REPLIES[2]!.body },
      {
        kind: "member",
        day: 12,
        at: "18:40",
        body: "ありがとうございます。来週火曜の午後か木曜の午前はいかがでしょうか。",
      },
      {
        kind: "reply",
        day: 11,
        at: "09:30",
        body: "木曜 10:00 からでお願いします。招待 URL を別途お送りします。",
      },
    ],
  },
  {
    author: 2,
    category: "freelance",
    subject: "業務委託の条件について",
    body: "アルムナイ向けの業務委託（営業資料の作成）の募集を拝見しました。報酬の目安と、稼働時間（週何時間程度か）、契約期間を教えていただけますか。",
    steps: [
      { kind: "open", day: 8, at: "16:50" },
      {
        kind: "reply",
        day: 7,
        at: "10:20",
        body: "ご関心ありがとうございます。報酬は時間単価 4,000〜6,000 円、週 5〜10 時間、契約は 3 か月ごとの更新です。詳細は面談でご説明します。",
      },
    ],
  },
  {
    author: 3,
    category: "document",
    documentKind: "separation_certificate",
    subject: "退職証明書の発行について",
    body: "転職先から退職証明書の提出を求められました。在籍期間と最終の役職を記載したものを発行していただけますか。",
    steps: [
      { kind: "open", day: 4, at: "11:30" },
      { kind: "reply", day: 4, at: "15:10", body: SAVED_REPLIES[1]!.body },
      {
        kind: "member",
        day: 1,
        at: "09:15",
        body: "記載は在籍期間と最終の役職（営業部 課長）のみでお願いします。",
      },
    ],
  },
  {
    author: 4,
    category: "document",
    documentKind: "pension_insurance",
    subject: "雇用保険被保険者証の再交付",
    body: "雇用保険被保険者証を紛失しました。会社経由で再交付の手続きをお願いできますか。それともハローワークで自分で手続きするべきでしょうか。",
    steps: [{ kind: "open", day: 0, at: "08:50" }],
  },
  {
    author: 0,
    category: "general",
    subject: "アルムナイ交流会の開催予定はありますか",
    body: "以前の同僚と再会できる機会があればうれしいです。今年の交流会の予定が決まっていたら教えてください。",
    steps: [{ kind: "open", day: 1, at: "21:30" }],
  },
];

/** The instant `days` weekdays before `today` (Saturdays and Sundays skipped) at `hhmm` in Tokyo. */
function tokyo(today: string, days: number, hhmm: string): Date {
  const [y, m, d] = today.split("-").map(Number);
  const [h, min] = hhmm.split(":").map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!));
  for (let left = days; left > 0; ) {
    day.setUTCDate(day.getUTCDate() - 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left--;
  }
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h! - 9, min!));
}

async function memberScopeOf(ctx: AppContext, networkId: string, userId: string): Promise<MemberScope> {
  const base = await loadNetworkScope(ctx, { id: networkId });
  const [u] = await ctx.db
    .select({ id: user.id, email: user.email, name: user.name, role: member.role, memberId: member.id })
    .from(user)
    .innerJoin(member, and(eq(member.userId, user.id), eq(member.organizationId, networkId)))
    .where(eq(user.id, userId));
  if (!u) throw new Error(`no member ${userId}`);
  return {
    ...base,
    actor: { userId: u.id, label: u.email },
    member: { id: u.memberId, role: u.role as NetworkRole, status: "active", userId: u.id },
    user: {
      id: u.id,
      email: u.email,
      name: u.name,
      emailVerified: true,
      platformAdmin: false,
      locale: "ja",
      twoFactorEnabled: false,
    },
  };
}

/** Fills the desk of the demo network; `authors` are members who write in (the first is the named alumnus). */
export async function seedDemoDesk(
  ctx: AppContext,
  o: { networkId: string; operatorId: string; authors: string[]; today: string },
) {
  const operator = await memberScopeOf(ctx, o.networkId, o.operatorId);
  await setBusinessHours(operator, {
    start: "09:00",
    end: "18:00",
    days: [1, 2, 3, 4, 5],
    timeZone: "Asia/Tokyo",
    holidays: true,
  });
  for (const r of SAVED_REPLIES) await createSavedReply(operator, r);
  // Authors: the given members first, then the network's earliest alumni.
  const more = await ctx.db
    .select({ userId: member.userId })
    .from(member)
    .where(and(eq(member.organizationId, o.networkId), inArray(member.role, ["alumni"])))
    .orderBy(asc(member.createdAt))
    .limit(5);
  const authors = [...new Set([...o.authors, ...more.map((m) => m.userId)])];
  for (const q of INQUIRIES) {
    const authorId = authors[q.author % authors.length]!;
    const author = await memberScopeOf(ctx, o.networkId, authorId);
    let id = "";
    for (const s of q.steps) {
      const at = tokyo(o.today, s.day, s.at);
      if (at.getTime() > Date.now()) break; // the demo is seeded early in the morning: no future
      if (s.kind === "open") {
        id = await openInquiry(
          author,
          {
            category: q.category,
            documentKind: q.documentKind,
            subject: q.subject,
            body: q.body,
            attachmentIds: [],
          },
          at,
        );
        if (q.assign) await assignInquiry(operator, id, o.operatorId, new Date(at.getTime() + 60_000));
      } else if (s.kind === "member") {
        await followUp(author, id, { body: s.body, attachmentIds: [] }, at);
      } else if (s.kind === "reply") {
        await replyToInquiry(
          operator,
          id,
          { body: s.body, attachmentIds: [], status: s.close ? "closed" : "answered" },
          at,
        );
      } else {
        await changeStatus(operator, id, "closed", at);
      }
    }
  }
}
