// Demo direct messages: a few threads between the named accounts (alumni@, employee@, operator@)
// and generated alumni over the last days, some of them unread, so the メッセージ page and its
// badge show a network where members talk to each other.
import { randomUUID } from "node:crypto";
import { and, asc, eq, notInArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  conversation,
  conversationParticipant,
  directMessage,
  member,
  memberConsent,
} from "../db/schema/index.ts";

type Line = { from: number; text: string; daysAgo: number; at: string };
type Thread = {
  people: number[];
  lines: Line[] /** Participants who read the whole thread (else: up to their own last message). */;
  readBy: number[];
};

// People: 0 alumni@, 1 employee@, 2 operator@, 3.. generated alumni.
const THREADS: Thread[] = [
  {
    people: [3, 0],
    readBy: [3],
    lines: [
      {
        from: 3,
        daysAgo: 4,
        at: "20:15",
        text: "お久しぶりです！営業企画で一緒だった者です。\nネットワークでお名前を見つけて連絡しました。",
      },
      {
        from: 0,
        daysAgo: 4,
        at: "21:02",
        text: "わあ、お久しぶりです！お元気そうで何よりです。今はどちらにいらっしゃるんですか？",
      },
      {
        from: 3,
        daysAgo: 3,
        at: "08:40",
        text: "今は SaaS のスタートアップでカスタマーサクセスをやっています。\n実は今度、業務委託で営業支援をお願いできる方を探していて…ご興味ありませんか？",
      },
      {
        from: 3,
        daysAgo: 1,
        at: "12:10",
        text: "週2日・3か月くらいのイメージです。よければ一度オンラインでお話ししましょう！",
      },
    ],
  },
  {
    people: [1, 0],
    readBy: [0, 1],
    lines: [
      {
        from: 1,
        daysAgo: 6,
        at: "10:30",
        text: "先日の交流会ではありがとうございました。人事の社員です。\n新規事業ルームの件、ぜひご意見を伺いたいです。",
      },
      {
        from: 0,
        daysAgo: 6,
        at: "18:45",
        text: "こちらこそありがとうございました！ルームの件、喜んで参加します。",
      },
      { from: 1, daysAgo: 5, at: "09:05", text: "ありがとうございます。来週中にご招待をお送りしますね。" },
    ],
  },
  {
    people: [2, 4, 5],
    readBy: [2, 4],
    lines: [
      {
        from: 2,
        daysAgo: 3,
        at: "11:00",
        text: "アルムナイサポーターのお二人へ。\n12月の交流会の進行について、30分ほど打ち合わせできますか？",
      },
      { from: 4, daysAgo: 3, at: "12:20", text: "もちろんです。木曜の夜なら空いています。" },
      {
        from: 5,
        daysAgo: 2,
        at: "19:30",
        text: "私も木曜20時以降なら大丈夫です！受付のお手伝いもできます。",
      },
      {
        from: 2,
        daysAgo: 0,
        at: "09:15",
        text: "ありがとうございます。では木曜20時にオンラインで。URL は当日お送りします。",
      },
    ],
  },
  {
    people: [6, 1],
    readBy: [6],
    lines: [
      {
        from: 6,
        daysAgo: 2,
        at: "22:10",
        text: "夜分にすみません。再入社（出戻り）を少し考えていて、開発部の今の雰囲気を伺えたら嬉しいです。",
      },
      {
        from: 6,
        daysAgo: 0,
        at: "07:50",
        text: "もちろん急ぎではないので、お時間のあるときにお返事いただければ大丈夫です。",
      },
    ],
  },
];

const at = (today: string, daysAgo: number, hhmm: string) =>
  new Date(new Date(`${today}T${hhmm}:00+09:00`).getTime() - daysAgo * 86_400_000);

export async function seedDemoMessages(
  db: Db,
  o: { networkId: string; today: string; alumnusId: string; employeeId: string; operatorId: string },
) {
  const named = [o.alumnusId, o.employeeId, o.operatorId];
  // Generated alumni listed in the directory, in a stable order.
  const generated = await db
    .select({ userId: member.userId })
    .from(member)
    .innerJoin(
      memberConsent,
      and(eq(memberConsent.networkId, member.organizationId), eq(memberConsent.userId, member.userId)),
    )
    .where(
      and(
        eq(member.organizationId, o.networkId),
        eq(member.role, "alumni"),
        eq(member.status, "active"),
        eq(memberConsent.directory, true),
        notInArray(member.userId, named),
      ),
    )
    .orderBy(asc(member.createdAt), asc(member.userId))
    .limit(4);
  const people = [...named, ...generated.map((g) => g.userId)];
  await db.transaction(async (tx) => {
    for (const t of THREADS) {
      if (t.people.some((p) => !people[p])) continue;
      const ids = t.people.map((p) => people[p]);
      const id = randomUUID();
      const messages = t.lines.map((l) => ({
        id: randomUUID(),
        networkId: o.networkId,
        conversationId: id,
        senderId: people[l.from],
        body: l.text,
        createdAt: at(o.today, l.daysAgo, l.at),
      }));
      const first = messages[0];
      const last = messages[messages.length - 1];
      await tx.insert(conversation).values({
        id,
        networkId: o.networkId,
        kind: ids.length === 2 ? "direct" : "group",
        directKey: ids.length === 2 ? [...ids].sort().join(":") : null,
        createdBy: first.senderId,
        createdAt: first.createdAt,
        lastMessageAt: last.createdAt,
      });
      await tx.insert(directMessage).values(messages);
      await tx.insert(conversationParticipant).values(
        t.people.map((p) => {
          const userId = people[p];
          const own = [...messages].reverse().find((m) => m.senderId === userId);
          const read = t.readBy.includes(p) ? last : own;
          return {
            networkId: o.networkId,
            conversationId: id,
            userId,
            joinedAt: first.createdAt,
            lastReadMessageId: read?.id ?? null,
            lastReadAt: read?.createdAt ?? null,
          };
        }),
      );
    }
  });
}
