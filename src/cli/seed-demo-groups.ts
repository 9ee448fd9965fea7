// Demo groups (rooms) and alumni supporters: 新規事業ルーム (closed: employees and alumni, two
// requests waiting), 子育てと仕事 (open) and 再雇用検討者ルーム (secret: only its members and the
// operators know it), each with members, posts and comments; alumni@ and one generated alumna are
// アルムナイサポーター (alumni@ is an admin of 新規事業ルーム). Deterministic for a network.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  type GroupKind,
  groupMembership,
  member,
  networkGroup,
  post,
  postComment,
  postReaction,
  type Reaction,
} from "../db/schema/index.ts";
import { syncDirectory } from "../modules/directory/index.ts";
import { listedAlumni } from "./seed-demo-people.ts";

type Person = "operator" | "employee" | "alumni" | number; // a number: the n-th generated alumnus
type SeedGroup = {
  name: string;
  kind: GroupKind;
  description: string;
  admins: Person[];
  members: Person[];
  requests: Person[];
  posts: {
    by: Person;
    daysAgo: number;
    title?: string;
    body: string;
    comments: { by: Person; body: string }[];
  }[];
};

const GROUPS: SeedGroup[] = [
  {
    name: "新規事業ルーム",
    kind: "closed",
    description:
      "新規事業開発室の社員とアルムナイが、アイデアの壁打ちや業界の知見を持ち寄る場です。社外秘の話はしないでください。参加は申請制です。",
    admins: ["employee", "alumni"],
    members: ["operator", 0, 1, 2, 3, 4, 5],
    requests: [6, 7],
    posts: [
      {
        by: "employee",
        daysAgo: 20,
        title: "介護×IoT のアイデア、率直な意見をください",
        body: "見守りセンサーを使った在宅介護の支援サービスを検討しています。\n\n- 想定ユーザー: 離れて暮らす家族\n- 課題: 夜間の転倒に気づけない\n\n介護・医療業界にいた方、現場の感覚を教えてください。",
        comments: [
          { by: 0, body: "前職が訪問介護でした。センサーより「誰が駆けつけるか」の方が課題だと感じます。" },
          { by: "employee", body: "まさにそこが知りたかったです。来週 30 分ほどお時間いただけますか？" },
          { by: 0, body: "もちろんです。メッセージで日程を送ります。" },
        ],
      },
      {
        by: "alumni",
        daysAgo: 9,
        title: "スタートアップとの協業、契約まわりの注意点",
        body: "退職後にスタートアップの事業開発をしています。大企業側と PoC を組むときによく揉めるのは知財と検収条件です。経験を共有できる勉強会をここで開きたいのですが、興味ある方いますか？",
        comments: [
          { by: 2, body: "ぜひ参加したいです！" },
          { by: "operator", body: "運営です。会議室の手配などお手伝いします。" },
        ],
      },
      {
        by: 1,
        daysAgo: 2,
        body: "今月の新規事業コンテストの一次審査、通過しました 🎉 アルムナイの皆さんにいただいた意見のおかげです。",
        comments: [{ by: "employee", body: "おめでとうございます！二次審査も応援しています。" }],
      },
    ],
  },
  {
    name: "子育てと仕事",
    kind: "open",
    description:
      "子育てをしながら働くメンバーの情報交換の場です。保育園、時短勤務、フリーランスとしての働き方など、気軽にどうぞ。",
    admins: [8],
    members: ["alumni", "employee", 9, 10, 11, 12, 13],
    requests: [],
    posts: [
      {
        by: 8,
        daysAgo: 30,
        title: "はじめまして、このグループについて",
        body: "サポーターの有志で立ち上げました。在籍中は「子育て中の人がどう働いているか」が見えにくかったので、退職した人も社員も一緒に話せる場にしたいです。",
        comments: [
          { by: 9, body: "ありがたいです！ 3 歳と 0 歳の子がいます。よろしくお願いします。" },
          { by: "employee", body: "社員です。社内の時短制度の最新情報も共有しますね。" },
        ],
      },
      {
        by: 10,
        daysAgo: 6,
        title: "フリーランスで保育園の申込み、どうしてますか？",
        body: "退職してフリーランスになりました。就労証明書を自分で書く必要があって戸惑っています。経験のある方、コツを教えてください。",
        comments: [
          {
            by: "alumni",
            body: "契約書と請求書の控えを添付したら通りました。自治体によって違うので窓口で確認がおすすめです。",
          },
          { by: 10, body: "助かります、確認してみます！" },
        ],
      },
      {
        by: 11,
        daysAgo: 1,
        body: "夏休みの学童、今年は抽選だそうです。情報あれば共有しましょう。",
        comments: [],
      },
    ],
  },
  {
    name: "再雇用検討者ルーム",
    kind: "secret",
    description:
      "再入社（カムバック）を考えているアルムナイと人事だけの非公開ルームです。ここでの相談内容は他のメンバーには見えません。",
    admins: ["operator"],
    members: [14, 15, 16],
    requests: [],
    posts: [
      {
        by: "operator",
        daysAgo: 14,
        title: "再入社制度のご案内",
        body: "人事部です。再入社の選考は通常の中途採用より簡略化しています。\n\n1. 人事との面談（オンライン可）\n2. 配属予定部署との面談\n\n気になることは、このルームか「お問い合わせ」で気軽にどうぞ。",
        comments: [
          { by: 14, body: "ありがとうございます。前の部署以外に応募することもできますか？" },
          { by: "operator", body: "はい、できます。希望を面談で伺います。" },
        ],
      },
      {
        by: 15,
        daysAgo: 4,
        body: "退職して 3 年です。今の会社での経験を活かせる部署があるか、面談で相談してみようと思います。",
        comments: [{ by: "operator", body: "お待ちしています。日程は個別にご連絡します。" }],
      },
    ],
  },
];

export async function seedDemoGroups(
  db: Db,
  opts: { networkId: string; today: string; operatorId: string; employeeId: string; alumnusId: string },
) {
  const { networkId } = opts;
  // Generated alumni listed in the directory, in a stable order (alumni@ is not one of them).
  const generated = await listedAlumni(db, networkId, [opts.alumnusId]);
  if (generated.length < 17) return { groups: 0 };
  const who = (p: Person) =>
    p === "operator"
      ? opts.operatorId
      : p === "employee"
        ? opts.employeeId
        : p === "alumni"
          ? opts.alumnusId
          : generated[p];
  const end = new Date(`${opts.today}T12:00:00+09:00`).getTime();
  const DAY = 86_400_000;
  await db.transaction(async (tx) => {
    // Two supporters: alumni@ and the admin of 子育てと仕事.
    const supporters = [opts.alumnusId, who(8)];
    for (const userId of supporters) {
      await tx
        .update(member)
        .set({ supporterAt: new Date(end - 60 * DAY), supporterBy: opts.operatorId })
        .where(and(eq(member.organizationId, networkId), eq(member.userId, userId)));
    }
    await syncDirectory(tx, networkId, supporters);
    for (const [gi, g] of GROUPS.entries()) {
      const id = randomUUID();
      const created = new Date(end - (90 - gi * 10) * DAY);
      await tx.insert(networkGroup).values({
        id,
        networkId,
        name: g.name,
        description: g.description,
        kind: g.kind,
        createdBy: opts.operatorId,
        createdAt: created,
        updatedAt: created,
      });
      const rows = [
        ...g.admins.map((p) => ({ p, role: "admin" as const, status: "active" as const })),
        ...g.members.map((p) => ({ p, role: "member" as const, status: "active" as const })),
        ...g.requests.map((p) => ({ p, role: "member" as const, status: "requested" as const })),
      ];
      await tx.insert(groupMembership).values(
        rows.map((r, i) => ({
          networkId,
          groupId: id,
          userId: who(r.p),
          status: r.status,
          role: r.role,
          requestedAt: r.status === "requested" ? new Date(end - (i % 3) * DAY - 3_600_000) : null,
          joinedAt: r.status === "active" ? new Date(created.getTime() + i * DAY) : null,
          addedBy: r.status === "active" && g.kind !== "open" ? opts.operatorId : null,
        })),
      );
      for (const [pi, p] of g.posts.entries()) {
        const postId = randomUUID();
        const at = new Date(end - p.daysAgo * DAY - pi * 3_600_000);
        await tx.insert(post).values({
          id: postId,
          networkId,
          authorId: who(p.by),
          kind: "news",
          title: p.title ?? null,
          body: p.body,
          audience: "group",
          groupId: id,
          createdAt: at,
        });
        for (const [ci, c] of p.comments.entries()) {
          await tx.insert(postComment).values({
            id: randomUUID(),
            networkId,
            postId,
            authorId: who(c.by),
            body: c.body,
            createdAt: new Date(at.getTime() + (ci + 1) * 2 * 3_600_000),
          });
        }
        const reactors = [...new Set([...g.admins, ...g.members].map(who))]
          .filter((u) => u !== who(p.by))
          .slice(0, 2 + (pi % 3));
        if (reactors.length) {
          await tx.insert(postReaction).values(
            reactors.map((userId, ri) => ({
              networkId,
              postId,
              userId,
              reaction: (ri % 2 ? "thanks" : "like") as Reaction,
            })),
          );
        }
      }
    }
  });
  return { groups: GROUPS.length };
}
