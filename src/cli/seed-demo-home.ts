// What the demo alumna (alumni@) finds new on the network's home page: her last visit to the feed
// four days ago, an announcement since then (unread in everyone's bell), her question with two
// unread replies and an unread mention in another post, and a few members of her cohort (同期:
// the same join year) and of her departments who joined in the last weeks (their membership dates
// moved, the directory rebuilt for them). Her groups' new posts come from seed-demo-groups.ts.
// Deterministic for a network.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { feedVisit, member, notification, post, postComment, profile, user } from "../db/schema/index.ts";
import { labelKey, syncDirectory } from "../modules/directory/index.ts";
import { markdownExcerpt } from "../shared/markdown-text.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const ANNOUNCEMENT = {
  title: "年末のオンライン交流会（12月20日）の参加受付を始めました",
  body: "今年最後のオンライン交流会を開催します。\n\n- 日時: 12月20日（土）20:00〜21:30\n- テーマ: 「この一年の仕事と暮らし」\n- 同期や同じ部署だった方ごとの小部屋もご用意します\n\n参加希望の方はこの投稿にコメントしてください。",
};
const QUESTION = {
  title: "カスタマーサクセスの立ち上げ経験がある方",
  body: "今の会社でカスタマーサクセスのチームを一から立ち上げることになりました。\n\n- 最初の KPI に何を置いたか\n- オンボーディングの型\n\nを経験のある方に伺いたいです。30 分ほどお話しできると嬉しいです。",
};
const REPLIES = [
  "在籍中に CS 部で立ち上げをやりました！ 最初はチャーンより「初回ログインまでの日数」を追いました。",
  "私も興味があります。よければ三人で話しませんか？ メッセージを送りますね。",
];
const MENTION = (name: string, id: string) =>
  `@[${name}](mention:${id}) さん、カスタマーサクセス部にいらしたと伺いました。交流会で少しお話を聞かせてください！`;

export async function seedDemoHome(
  db: Db,
  opts: { networkId: string; today: string; operatorId: string; alumnusId: string; employeeId: string },
) {
  const { networkId, alumnusId, operatorId } = opts;
  const end = new Date(`${opts.today}T12:00:00+09:00`).getTime();
  const at = (daysAgo: number, hours = 0) =>
    new Date(Math.min(end, Date.now()) - daysAgo * DAY + hours * HOUR);
  const names = new Map(
    (
      await db
        .select({ userId: member.userId, name: sql<string>`coalesce(${profile.displayName}, ${user.name})` })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .leftJoin(
          profile,
          and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId)),
        )
        .where(and(eq(member.organizationId, networkId), eq(member.status, "active")))
    ).map((r) => [r.userId, r.name]),
  );
  const [me] = await db
    .select({ joinYm: profile.joinYm, departments: profile.departments })
    .from(profile)
    .where(and(eq(profile.networkId, networkId), eq(profile.userId, alumnusId)));
  const year = me?.joinYm ? Number(me.joinYm.slice(0, 4)) : null;
  const departments = me?.departments ?? [];

  // Members other members may see in the directory, with their join year and departments as shown.
  const listed = (
    await db.execute(sql`
    select user_id as "userId", join_year as "joinYear", departments
      from directory_entry
     where network_id = ${networkId} and audience = 'members' and role = 'alumni' and user_id <> ${alumnusId}
     order by user_id`)
  ).rows as { userId: string; joinYear: number | null; departments: string[] }[];
  const deptKeys = new Set(departments.map(labelKey));
  const cohort = listed.filter((r) => year !== null && r.joinYear === year).slice(0, 3);
  const sameDept = listed
    .filter((r) => !cohort.includes(r) && r.departments.some((d) => deptKeys.has(d)))
    .slice(0, 3);
  const newcomers = [...cohort, ...sameDept];
  const repliers =
    newcomers.length >= 2 ? newcomers.slice(0, 2).map((r) => r.userId) : [operatorId, opts.employeeId];

  await db.transaction(async (tx) => {
    // Newcomers: joined the network 5 to 40 days before now (the home page's window is now's).
    for (const [i, r] of newcomers.entries()) {
      await tx
        .update(member)
        .set({ createdAt: new Date(Date.now() - (5 + i * 7) * DAY) })
        .where(and(eq(member.organizationId, networkId), eq(member.userId, r.userId)));
    }
    if (newcomers.length)
      await syncDirectory(
        tx,
        networkId,
        newcomers.map((r) => r.userId),
      );

    // Her last visit to the feed: four days ago (what came after it is new).
    await tx
      .insert(feedVisit)
      .values({ networkId, userId: alumnusId, seenAt: at(4) })
      .onConflictDoUpdate({ target: [feedVisit.networkId, feedVisit.userId], set: { seenAt: at(4) } });

    // An announcement since, in everyone's bell, unread.
    const annId = randomUUID();
    const annAt = at(1, -2);
    await tx.insert(post).values({
      id: annId,
      networkId,
      authorId: operatorId,
      kind: "announcement",
      title: ANNOUNCEMENT.title,
      body: ANNOUNCEMENT.body,
      createdAt: annAt,
    });
    const everyone = [...names.keys()].filter((u) => u !== operatorId);
    const news = {
      postId: annId,
      title: ANNOUNCEMENT.title,
      actorName: names.get(operatorId),
      excerpt: markdownExcerpt(ANNOUNCEMENT.body),
    };
    for (let i = 0; i < everyone.length; i += 1000) {
      await tx.insert(notification).values(
        everyone.slice(i, i + 1000).map((u) => ({
          id: randomUUID(),
          networkId,
          userId: u,
          kind: "announcement" as const,
          key: `post:${annId}`,
          subject: `post:${annId}`,
          actorId: operatorId,
          data: news,
          createdAt: annAt,
          mailedAt: annAt,
        })),
      );
    }

    // Her question, with two replies she has not read yet.
    const qId = randomUUID();
    await tx.insert(post).values({
      id: qId,
      networkId,
      authorId: alumnusId,
      kind: "question",
      title: QUESTION.title,
      body: QUESTION.body,
      createdAt: at(3),
    });
    for (const [i, by] of repliers.entries()) {
      const commentId = randomUUID();
      const t = at(2 - i, 5);
      await tx.insert(postComment).values({
        id: commentId,
        networkId,
        postId: qId,
        authorId: by,
        body: REPLIES[i],
        createdAt: t,
      });
      await tx.insert(notification).values({
        id: randomUUID(),
        networkId,
        userId: alumnusId,
        kind: "reply",
        key: `comment:${commentId}`,
        subject: `post:${qId}`,
        actorId: by,
        data: {
          postId: qId,
          commentId,
          title: QUESTION.title,
          actorName: names.get(by),
          excerpt: markdownExcerpt(REPLIES[i]),
        },
        createdAt: t,
      });
    }

    // A mention of her in a comment on the announcement, by the employee.
    const mentionId = randomUUID();
    const mentionBody = MENTION(names.get(alumnusId) ?? "", alumnusId);
    const mAt = at(0, -3);
    await tx.insert(postComment).values({
      id: mentionId,
      networkId,
      postId: annId,
      authorId: opts.employeeId,
      body: mentionBody,
      createdAt: mAt,
    });
    await tx.insert(notification).values({
      id: randomUUID(),
      networkId,
      userId: alumnusId,
      kind: "mention",
      key: `mention:${mentionId}`,
      subject: `post:${annId}`,
      actorId: opts.employeeId,
      data: {
        postId: annId,
        commentId: mentionId,
        title: ANNOUNCEMENT.title,
        actorName: names.get(opts.employeeId),
        excerpt: markdownExcerpt(mentionBody),
      },
      createdAt: mAt,
    });
  });
  return { newcomers: newcomers.length, cohort: cohort.length };
}
