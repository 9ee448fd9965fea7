// The demo network's community: posts by alumni, employees and the operators over the last
// months, with comments, replies and reactions, so that a newcomer sees a network that talks.
// Deterministic for a seed (the same network every time).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  member,
  notification,
  post,
  postComment,
  postImage,
  postReaction,
  profile,
  REACTIONS,
  user,
} from "../db/schema/index.ts";
import { mulberry32 } from "../devdata/index.ts";
import { imageDimensions } from "../modules/profiles/index.ts";
import type { FileStorage } from "../server/storage.ts";
import { markdownExcerpt } from "../shared/markdown-text.ts";

type Kind = "announcement" | "question" | "help_wanted" | "news";
type Seeded = {
  kind: Kind;
  by: "operator" | "employee" | "alumni";
  title?: string;
  body: string;
  pin?: boolean;
  /** Pictures from src/cli/demo-images. */
  images?: string[];
};

const POSTS: Seeded[] = [
  {
    kind: "announcement",
    by: "operator",
    pin: true,
    title: "ようこそ、サンプル アルムナイネットワークへ",
    body: "人事部の人事 花子です。退職後もつながり続けられる場所として、このネットワークを開設しました。\n\n- 近況や転職のご報告\n- お仕事の相談・募集（業務委託・副業も歓迎）\n- 交流会や勉強会のお知らせ\n\nを気軽に投稿してください。運営チームも毎日見ています。ご質問は「お問い合わせ」からどうぞ。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "SaaS の営業支援ができる方を探しています",
    body: "こういう案件の相談に乗れる人はいませんか？\n\n- BtoB SaaS のインサイドセールス立ち上げ\n- 期間: 3か月（延長あり）\n- 稼働: 週2日、リモート可\n\n営業部にいた方だと話が早いです。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "ご無沙汰しています。4月から地元の福岡で家業を継ぎました。出張で来られる方がいたら、ぜひ声をかけてください 🍜",
  },
  {
    kind: "question",
    by: "alumni",
    title: "退職後の企業年金の手続き",
    body: "退職して半年になります。企業年金の移換の手続きをまだしていないのですが、皆さんはどうされましたか？ iDeCo に移した方の話を聞きたいです。",
  },
  {
    kind: "announcement",
    by: "operator",
    title: "12月のオンライン交流会のお知らせ",
    images: ["event-slide.jpg"],
    body: "12月12日（土）20時から、オンラインで交流会を開きます。今回のテーマは「退職後のキャリア」。\n\n参加は自由、途中の出入りも歓迎です。詳細は追ってお知らせします。",
  },
  {
    kind: "help_wanted",
    by: "employee",
    title: "【社員より】新規事業のアイデア壁打ち相手を募集",
    body: "新規事業開発室の社員です。介護×IoT の新規事業を検討中で、業界経験のあるアルムナイの方に 1 時間ほどお話を伺えないでしょうか。謝礼あり（業務委託契約）です。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "転職して 1 年、データ分析チームのリーダーになりました。在籍中に経理の仕事で鍛えられた Excel 力が今でも役立っています。皆さんに感謝です。",
  },
  {
    kind: "question",
    by: "alumni",
    body: "在籍中にお世話になった研修講師の方の連絡先をご存じの方いますか？ 今の会社でも研修をお願いしたくて。",
  },
  {
    kind: "news",
    by: "employee",
    body: "本社の 5 階がリニューアルして、カフェスペースができました。近くに来たら寄ってください（受付で名前を言えば入れます）☕",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "経理の業務委託（月末月初のみ）",
    body: "知人の会社で、月末月初の 5 日間だけ経理を手伝える方を探しています。freee の経験があると助かります。報酬は応相談。",
  },
  {
    kind: "announcement",
    by: "operator",
    title: "再雇用（カムバック採用）の窓口を開設しました",
    body: "もう一度一緒に働きたいと思ってくださる方のために、カムバック採用の専用窓口を開設しました。\n\n**ブランクは気にしません。** まずは人事とカジュアルにお話ししましょう。「お問い合わせ」で「再雇用の相談」を選んでください。",
  },
  {
    kind: "question",
    by: "alumni",
    title: "育休からの復帰後の働き方",
    body: "今の職場で育休から復帰予定です。時短勤務とフレックス、どちらが良かったか経験者の方の意見を聞かせてください。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "独立してデザイン事務所を開きました。ロゴや資料デザインのご相談があれば気軽にどうぞ。元同僚割引あります 😊",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "Python が書ける方、短期でお手伝いをお願いできませんか",
    body: "社内の集計作業を自動化したいのですが、社内に書ける人がいません。2 週間ほど、週 10 時間くらいでお願いできる方を探しています。",
  },
  {
    kind: "news",
    by: "operator",
    title: "アルムナイ登録が 150 名を超えました",
    images: ["members-chart.jpg"],
    body: "開設から 3 か月で、登録いただいた方が 150 名を超えました。ありがとうございます！ 同期の方にもぜひ声をかけてください。",
  },
  {
    kind: "question",
    by: "employee",
    body: "【社員です】営業部で新人研修を担当しています。アルムナイの皆さんが新人の頃に「これを教えてほしかった」ということはありますか？",
  },
  {
    kind: "news",
    by: "alumni",
    body: "名古屋支社にいた皆さん、今度名古屋で集まりませんか？ 1 月下旬を考えています。興味ある方コメントください。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "社外メンターを探しています",
    body: "今の会社でマネージャーになったばかりです。月 1 回、30 分ほど相談に乗ってくださる先輩を探しています（有償でお願いします）。",
  },
  {
    kind: "announcement",
    by: "operator",
    title: "源泉徴収票・退職証明書の発行について",
    body: "年末調整の時期になりました。源泉徴収票や退職証明書の再発行は、「お問い合わせ」から「書類の発行依頼」を選んでご依頼ください。通常 3 営業日で郵送します。",
  },
  {
    kind: "question",
    by: "alumni",
    body: "副業で業務委託を受けるときの契約書、皆さんはどうしていますか？ フリーランス新法で何が変わったのか、わかりやすい資料があれば教えてください。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "大阪でカフェを始めて 2 年になりました。先日、元上司が偶然来てくれて感激しました。こういうつながりは本当にありがたいです。",
  },
  {
    kind: "help_wanted",
    by: "employee",
    title: "【社員より】採用面接の面接官をお願いできる方",
    body: "中途採用の二次面接で、現場目線の面接官をお願いできるアルムナイの方を探しています。1 回 1 時間・オンライン、謝礼あり。",
  },
  {
    kind: "question",
    by: "alumni",
    title: "MBA に行った方いますか",
    body: "働きながら国内 MBA を検討しています。経験者の方、仕事との両立について話を聞かせてもらえませんか？",
  },
  {
    kind: "news",
    by: "employee",
    body: "今年の社員旅行は沖縄でした。アルムナイの皆さんとも、いつか一緒に行けたらいいですね 🌺",
  },
  {
    kind: "announcement",
    by: "operator",
    title: "プロフィールの公開範囲を見直しましょう",
    body: "プロフィールの項目ごとに、公開範囲（メンバー全員・運営のみ・非公開）を選べます。連絡の取りやすい時間帯を入れておくと、声をかけてもらいやすくなります。",
  },
  {
    kind: "question",
    by: "alumni",
    body: "在籍時に使っていた社内の業務マニュアルのような、汎用的なノウハウを今の職場でも共有したいのですが、どこまで許されるものでしょうか。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "英文契約書のレビュー",
    body: "海外の取引先との英文契約書をレビューしていただける方を探しています。法務部出身の方がいたらお願いしたいです。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "マラソンを始めて 3 年、ついにフルマラソンでサブ 4 を達成しました！ 会社のランニング部で走っていた頃が懐かしいです 🏃",
  },
  {
    kind: "question",
    by: "alumni",
    title: "IT 業界に転職した方へ",
    body: "製造業から IT 業界への転職を考えています。同じルートで転職した方、最初の 1 年で苦労したことを教えてください。",
  },
  {
    kind: "news",
    by: "operator",
    body: "先日の交流会には 40 名の方にご参加いただきました。アンケートでは「同期と 10 年ぶりに話せた」という声が多く、運営としても嬉しいです。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    body: "子ども向けのプログラミング教室でボランティア講師を募集しています。月 1 回土曜日、都内です。一緒にやりませんか？",
  },
  {
    kind: "question",
    by: "employee",
    body: "【社員です】社内報でアルムナイの方のインタビュー記事を始めたいと考えています。協力してもよいという方はいらっしゃいますか？",
  },
  {
    kind: "news",
    by: "alumni",
    body: "地方移住して 1 年。フルリモートで前職のスキルを活かせています。移住に興味のある方、何でも聞いてください。",
  },
  {
    kind: "question",
    by: "alumni",
    title: "人事制度の設計について",
    body: "今の会社で評価制度を作ることになりました。在籍時の制度のどこが良かったか、皆さんの意見を聞いてみたいです。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "写真撮影（イベント）",
    body: "来月の自社イベントで写真を撮ってくださる方を探しています。趣味レベルでも大歓迎、謝礼あります。",
  },
  {
    kind: "news",
    by: "alumni",
    body: "本を出版しました！ 在籍中に担当した物流改善の経験をもとにした内容です。皆さんに読んでいただけたら嬉しいです 📚",
  },
  {
    kind: "announcement",
    by: "operator",
    title: "年末年始の窓口について",
    body: "12月28日から1月4日まで、お問い合わせへの返信はお休みします。1月5日から順にお返事します。よいお年をお迎えください。",
  },
  {
    kind: "question",
    by: "alumni",
    body: "在籍時の同期で、今も連絡を取り合っている方はどのくらいいますか？ 久しぶりに同期会をやりたいなと思っています。",
  },
  {
    kind: "news",
    by: "employee",
    body: "新しい福利厚生として、社員向けの語学研修が始まりました。アルムナイの方も講師として参加いただけるかもしれません。",
  },
  {
    kind: "help_wanted",
    by: "alumni",
    title: "Web サイトのリニューアル相談",
    body: "小さな会社の Web サイトをリニューアルしたいです。制作会社の選び方から相談に乗っていただける方いませんか？",
  },
];

const COMMENTS = [
  "私でよければお話しできます！ 後ほどメッセージしますね。",
  "興味あります。詳細を教えてください。",
  "懐かしいですね。私も同じことを考えていました。",
  "おめでとうございます！ 🎉",
  "知り合いに当たってみます。",
  "とても参考になります。ありがとうございます。",
  "私も経験あります。最初は大変でしたが、慣れると楽になりますよ。",
  "ぜひ参加したいです！",
  "運営です。ご投稿ありがとうございます。社内にも共有しますね。",
  // {mention}: a member the commenter names (an @mention, with its notification).
  "同じ部署にいた{mention} さんが詳しいと思います。",
  "応援しています！",
  "これは助かる情報です。",
];

const REPLIES = [
  "ありがとうございます！ 助かります。",
  "ぜひお願いします 🙏",
  "了解です、連絡します。",
  "よろしくお願いします！",
];

const IMAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo-images");

export async function seedFeed(
  db: Db,
  storage: FileStorage,
  opts: { networkId: string; seed: number; today: string; operatorId: string },
) {
  const { networkId } = opts;
  const rnd = mulberry32(opts.seed * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows = await db
    .select({
      userId: member.userId,
      role: member.role,
      name: sql<string>`coalesce(${profile.displayName}, ${user.name})`,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .leftJoin(profile, and(eq(profile.networkId, member.organizationId), eq(profile.userId, member.userId)))
    .where(and(eq(member.organizationId, networkId), eq(member.status, "active")))
    .orderBy(asc(member.userId));
  const byRole = (r: string) => rows.filter((m) => m.role === r).map((m) => m.userId);
  const people = { operator: byRole("operator"), employee: byRole("employee"), alumni: byRole("alumni") };
  if (!people.operator.length || !people.alumni.length) return { posts: 0, comments: 0, reactions: 0 };
  if (!people.employee.length) people.employee = people.operator;
  const everyone = rows.map((m) => m.userId);
  const nameOf = new Map(rows.map((m) => [m.userId, m.name]));
  // The bell as it would be: replies to the authors, announcements to everyone; read when older
  // than two weeks.
  const bell: (typeof notification.$inferInsert)[] = [];
  const readIfOld = (at: number) => (at < Date.now() - 14 * 86_400_000 ? new Date(at + 3_600_000) : null);

  const end = new Date(`${opts.today}T12:00:00+09:00`).getTime();
  const DAY = 86_400_000;
  const counts = { posts: 0, comments: 0, reactions: 0 };
  await db.transaction(async (tx) => {
    // The oldest first: the welcome 120 days ago, the newest a few hours ago.
    for (let i = 0; i < POSTS.length; i++) {
      const p = POSTS[i];
      const at = new Date(end - (120 - (i * 118) / POSTS.length) * DAY + Math.floor(rnd() * 10) * 3_600_000);
      // The welcome is signed by the operator it names; other posts by anyone of the role.
      const authorId = p.pin ? opts.operatorId : pick(people[p.by]);
      const id = randomUUID();
      await tx.insert(post).values({
        id,
        networkId,
        authorId,
        kind: p.kind,
        title: p.title ?? null,
        body: p.body,
        createdAt: at,
        pinnedAt: p.pin ? at : null,
        pinnedBy: p.pin ? authorId : null,
      });
      for (const [position, file] of (p.images ?? []).entries()) {
        const imageId = randomUUID();
        const buf = fs.readFileSync(path.join(IMAGES_DIR, file));
        const size = imageDimensions("jpg", buf) ?? { width: 1200, height: 800 };
        const storageKey = `posts/${networkId}/${imageId}`;
        await storage.put(storageKey, buf, "image/jpeg");
        await tx.insert(postImage).values({
          id: imageId,
          networkId,
          uploadedBy: authorId,
          postId: id,
          position,
          storageKey,
          mime: "image/jpeg",
          size: buf.length,
          ...size,
        });
      }
      counts.posts++;
      const news = { postId: id, title: p.title ?? markdownExcerpt(p.body, 40) };
      if (p.kind === "announcement") {
        for (const u of everyone) {
          if (u === authorId) continue;
          bell.push({
            id: randomUUID(),
            networkId,
            userId: u,
            kind: "announcement",
            key: `post:${id}`,
            subject: `post:${id}`,
            actorId: authorId,
            data: { ...news, actorName: nameOf.get(authorId), excerpt: markdownExcerpt(p.body) },
            createdAt: at,
            readAt: readIfOld(at.getTime()),
            mailedAt: at,
          });
        }
      }
      const others = everyone.filter((u) => u !== authorId);
      const nComments = Math.floor(rnd() * (p.kind === "help_wanted" || p.kind === "question" ? 6 : 3));
      let t = at.getTime();
      for (let c = 0; c < nComments; c++) {
        t += Math.floor(rnd() * 20 + 1) * 3_600_000;
        if (t > Date.now()) break;
        const commentId = randomUUID();
        const by = pick(others);
        let body = pick(COMMENTS);
        if (body.includes("{mention}")) {
          const named = pick(people.alumni.filter((u) => u !== by && u !== authorId));
          body = body.replace("{mention}", `@[${nameOf.get(named)}](mention:${named})`);
          bell.push({
            id: randomUUID(),
            networkId,
            userId: named,
            kind: "mention",
            key: `mention:${commentId}`,
            subject: `post:${id}`,
            actorId: by,
            data: { ...news, commentId, actorName: nameOf.get(by), excerpt: markdownExcerpt(body) },
            createdAt: new Date(t),
            readAt: readIfOld(t),
            mailedAt: new Date(t),
          });
        }
        await tx.insert(postComment).values({
          id: commentId,
          networkId,
          postId: id,
          authorId: by,
          body,
          createdAt: new Date(t),
        });
        counts.comments++;
        bell.push({
          id: randomUUID(),
          networkId,
          userId: authorId,
          kind: "reply",
          key: `comment:${commentId}`,
          subject: `post:${id}`,
          actorId: by,
          data: { ...news, commentId, actorName: nameOf.get(by), excerpt: markdownExcerpt(body) },
          createdAt: new Date(t),
          readAt: readIfOld(t),
          mailedAt: new Date(t),
        });
        if (rnd() < 0.4 && t + 3_600_000 < Date.now()) {
          await tx.insert(postComment).values({
            id: randomUUID(),
            networkId,
            postId: id,
            parentId: commentId,
            authorId,
            body: pick(REPLIES),
            createdAt: new Date(t + 3_600_000),
          });
          counts.comments++;
        }
      }
      // Picked among the others (not by removing the author afterwards): as many draws whoever
      // the author is, so that a seed always makes the same counts.
      const fans = new Set<string>();
      const nReactions = Math.floor(rnd() * (p.kind === "announcement" ? 25 : 12));
      for (let r = 0; r < nReactions; r++) fans.add(pick(others));
      for (const userId of fans) {
        const reaction = p.kind === "news" && rnd() < 0.6 ? "celebrate" : pick([...REACTIONS]);
        await tx
          .insert(postReaction)
          .values({ networkId, postId: id, userId, reaction })
          .onConflictDoNothing();
        counts.reactions++;
      }
    }
    for (let i = 0; i < bell.length; i += 1000) await tx.insert(notification).values(bell.slice(i, i + 1000));
  });
  return counts;
}
