// Demo opportunities (募集): rehire openings and 業務委託 projects of both kinds, by employee@ and
// operator@ — open ones, one waiting for approval, a draft, one closed as filled, one not
// reconfirmed for a while (flagged) — with applications at every stage from generated alumni who
// opted in to such offers (alumni@ applied to one). Written directly, as the other demo seeds, with
// the search columns the module prepares (postingColumns).
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import {
  type ApplicationStage,
  memberConsent,
  opportunity,
  opportunityApplication,
  opportunityMessage,
  opportunityNote,
  opportunityRevision,
  opportunitySettings,
  opportunityStageChange,
} from "../db/schema/index.ts";
import { type PostingContent, postingColumns } from "../modules/opportunities/index.ts";
import { listedAlumni } from "./seed-demo-people.ts";
import { type SeededPosting, seedDemoReferrals } from "./seed-demo-referrals.ts";

type By = "operator" | "employee";
type Seed = {
  content: Partial<PostingContent> & Pick<PostingContent, "type" | "title" | "description">;
  by: By;
  status: "open" | "pending" | "draft" | "closed";
  closeReason?: "filled";
  /** Days ago it went up / was last confirmed. */
  publishedDaysAgo?: number;
  confirmedDaysAgo?: number;
  closesInDays: number;
  /** Stages of applications from generated alumni, in order. */
  applications?: ApplicationStage[];
  alumnaApplies?: ApplicationStage;
};

const RECRUITER = {
  employee: {
    recruiterName: "営業本部 営業企画部 営業 一郎",
    recruiterContact: "employee@demo.example / 03-1234-5678",
  },
  operator: { recruiterName: "人事部 アルムナイ担当 人事 花子", recruiterContact: "alumni-hr@demo.example" },
};

const SEEDS: Seed[] = [
  {
    by: "employee",
    status: "open",
    publishedDaysAgo: 3,
    closesInDays: 10,
    content: {
      type: "freelance",
      kind: "task",
      title: "新製品向け営業資料の改訂（業務委託）",
      department: "営業本部",
      jobType: "sales",
      description:
        "来春発売の新製品に合わせて、既存の営業資料（PowerPoint 約30枚）を改訂していただきます。\n\n- 製品説明パートの差し替え\n- 導入事例ページの追加（2社分、取材メモあり）\n- 社内レビュー1回\n\n当社の営業スタイルをご存じの方を歓迎します。",
      remote: "remote",
      periodStart: "+14",
      periodEnd: "+45",
      expectedHours: "週10時間程度（合計40時間目安）",
      feeMin: 4000,
      feeMax: 6000,
      feeUnit: "hour",
      terminationTerms:
        "双方とも14日前までの書面（メール可）通知で解除できます。期間満了時の更新はありません。",
      howToApply: "このページの「応募する」から、志望動機を添えて応募してください。",
      skills: ["PowerPoint", "営業資料", "法人営業"],
    },
    applications: ["applied", "applied", "screening", "interview", "declined_by_us"],
    alumnaApplies: "screening",
  },
  {
    by: "employee",
    status: "open",
    publishedDaysAgo: 8,
    closesInDays: 20,
    content: {
      type: "freelance",
      kind: "mentoring",
      title: "若手営業のキャリア面談（メンタリング・月2回）",
      department: "営業本部",
      jobType: "sales",
      description:
        "入社2〜3年目の営業社員4名に、月2回オンラインでキャリア面談をしていただきます。社外で活躍するアルムナイの視点でのアドバイスを期待しています。",
      remote: "remote",
      periodStart: "+7",
      periodEnd: "+190",
      expectedHours: "月4時間程度（1回60分 × 月2回 × 2名）",
      feeMin: 15000,
      feeMax: 15000,
      feeUnit: "hour",
      terminationTerms:
        "1か月前までの通知で解除できます。6か月の期間満了時、双方合意により更新することがあります。",
      howToApply: "応募後、担当者から30分のオンライン面談をご案内します。",
      skills: ["メンタリング", "キャリア支援", "法人営業"],
    },
    applications: ["applied", "interview", "offered", "contracted"],
  },
  {
    by: "operator",
    status: "open",
    publishedDaysAgo: 12,
    closesInDays: 30,
    content: {
      type: "rehire",
      title: "営業企画マネージャー（再雇用・正社員）",
      jobType: "sales",
      description:
        "営業本部の営業企画部で、営業戦略の立案と営業資料・研修の整備をリードしていただきます。アルムナイの方の再入社（出戻り）を歓迎します。",
      department: "営業本部 営業企画部",
      employmentType: "full_time",
      location: "本社（東京都千代田区丸の内1-1-1）",
      remote: "hybrid",
      hours: "9:00〜17:30（フレックスタイム制、コアタイム11:00〜15:00）、休憩60分、土日祝休み",
      salaryMin: 7_000_000,
      salaryMax: 9_500_000,
      salaryNote: "賞与年2回、在籍時の経験を考慮して決定します。",
      trialPeriod: "3か月（期間中の条件変更なし）",
      changeScopeDuties: "雇入れ直後：営業企画業務　変更の範囲：会社の定める業務",
      changeScopeWorkplace: "雇入れ直後：本社　変更の範囲：会社の定める事業所（テレワークを行う場所を含む）",
      howToApply: "このページから応募してください。書類選考のうえ、面接（2回）を行います。",
      skills: ["営業企画", "マネジメント", "Excel"],
      openings: 1,
    },
    applications: ["applied", "screening", "interview", "declined_by_applicant"],
  },
  {
    by: "operator",
    status: "open",
    publishedDaysAgo: 20,
    confirmedDaysAgo: 16,
    closesInDays: 25,
    content: {
      type: "rehire",
      title: "カスタマーサクセス（再雇用・契約社員）",
      jobType: "customer_success",
      description: "既存顧客のオンボーディングと活用支援を担当していただきます。",
      department: "カスタマーサクセス部",
      employmentType: "contract",
      location: "大阪支社",
      remote: "hybrid",
      hours: "10:00〜18:00、休憩60分、土日祝休み",
      salaryMin: 4_800_000,
      salaryMax: 5_600_000,
      trialPeriod: "なし",
      changeScopeDuties: "雇入れ直後：カスタマーサクセス業務　変更の範囲：変更なし",
      changeScopeWorkplace: "雇入れ直後：大阪支社　変更の範囲：変更なし",
      fixedTerm: true,
      renewalBasis:
        "契約期間は1年。更新する場合がある（契約期間満了時の業務量、勤務成績、会社の経営状況により判断）",
      renewalCap: "通算契約期間の上限5年",
      howToApply: "このページから応募してください。",
      skills: ["カスタマーサクセス", "Salesforce"],
      openings: 2,
    },
    applications: ["applied"],
  },
  {
    by: "employee",
    status: "closed",
    closeReason: "filled",
    publishedDaysAgo: 40,
    closesInDays: 5,
    content: {
      type: "freelance",
      kind: "task",
      title: "社内マニュアルの改訂（経費精算）",
      department: "経理部",
      jobType: "finance_accounting",
      description: "経費精算システムの更新に合わせて、社内マニュアルを改訂していただきました。",
      remote: "remote",
      periodStart: "-30",
      periodEnd: "+5",
      expectedHours: "合計20時間程度",
      feeMin: 80_000,
      feeMax: 80_000,
      feeUnit: "project",
      terminationTerms: "納品前であれば7日前までの通知で解除できます（作業済み分は精算）。",
      howToApply: "このページから応募してください。",
      skills: ["マニュアル作成", "経理"],
    },
    applications: ["contracted", "declined_by_us", "withdrawn"],
  },
  {
    by: "operator",
    status: "closed",
    closeReason: "filled",
    publishedDaysAgo: 150,
    closesInDays: -120,
    content: {
      type: "rehire",
      title: "法人営業（再雇用・正社員）",
      description: "首都圏の法人のお客様への提案営業を担当していただきました（2名採用済み）。",
      department: "営業本部 第一営業部",
      employmentType: "full_time",
      location: "本社（東京都千代田区丸の内1-1-1）",
      remote: "hybrid",
      hours: "9:00〜17:30（フレックスタイム制）、休憩60分、土日祝休み",
      salaryMin: 5_500_000,
      salaryMax: 7_500_000,
      trialPeriod: "3か月（期間中の条件変更なし）",
      changeScopeDuties: "雇入れ直後：法人営業　変更の範囲：会社の定める業務",
      changeScopeWorkplace: "雇入れ直後：本社　変更の範囲：会社の定める事業所",
      howToApply: "このページから応募してください。",
      skills: ["法人営業", "提案営業"],
      openings: 2,
    },
    applications: ["hired", "hired"],
  },
  {
    by: "employee",
    status: "pending",
    closesInDays: 21,
    content: {
      type: "freelance",
      kind: "task",
      title: "展示会ブースの運営サポート（2日間）",
      jobType: "marketing",
      description: "2月の展示会で、当社ブースの来場者対応をお手伝いいただきます。",
      remote: "onsite",
      location: "東京ビッグサイト",
      periodStart: "+60",
      periodEnd: "+61",
      expectedHours: "2日間（各日9:00〜18:00）",
      feeMin: 30_000,
      feeMax: 30_000,
      feeUnit: "day",
      terminationTerms: "開催中止の場合は解除し、準備に要した費用を精算します。",
      howToApply: "このページから応募してください。",
      skills: ["展示会", "接客"],
    },
  },
  {
    by: "employee",
    status: "draft",
    closesInDays: 30,
    content: {
      type: "freelance",
      kind: "mentoring",
      title: "新任マネージャー向け 1on1 の壁打ち相手（下書き）",
      jobType: "management",
      description: "新任マネージャー3名の1on1の壁打ち相手を探しています（内容を検討中）。",
      remote: "remote",
      skills: ["マネジメント", "コーチング"],
    },
  },
];

const MOTIVATIONS = [
  "在籍中は営業企画で資料づくりを担当していました。現在はフリーランスで同様の仕事をしており、御社の製品や営業スタイルを理解しているので、すぐに着手できます。",
  "退職後もアルムナイとして御社の動きを追っていました。これまでの経験を活かしてお役に立てれば嬉しいです。",
  "現職で人材育成に携わっています。若手社員の方のキャリアの相談相手として力になりたいと思い応募しました。",
  "週末と平日夜に時間を確保できます。まずはお話を伺えれば幸いです。",
];
const STAGE_PATH: ApplicationStage[] = ["applied", "screening", "interview", "offered"];

export async function seedDemoOpportunities(
  db: Db,
  opts: { networkId: string; today: string; operatorId: string; employeeId: string; alumnusId: string },
) {
  const { networkId } = opts;
  const listed = await listedAlumni(db, networkId, [opts.alumnusId]);
  if (!listed.length) return { opportunities: 0 };
  const consent = await db
    .select({
      userId: memberConsent.userId,
      rehire: memberConsent.rehire,
      freelance: memberConsent.freelance,
    })
    .from(memberConsent)
    .where(and(eq(memberConsent.networkId, networkId), inArray(memberConsent.userId, listed)));
  const willing = (type: "rehire" | "freelance") =>
    consent.filter((c) => (type === "rehire" ? c.rehire : c.freelance)).map((c) => c.userId);
  const DAY = 86_400_000;
  const base = new Date(`${opts.today}T12:00:00+09:00`).getTime();
  const dayOf = (offset: number) => new Date(base + offset * DAY + 9 * 3600_000).toISOString().slice(0, 10);
  const rel = (v: string | null | undefined) => (v && /^[+-]\d+$/.test(v) ? dayOf(Number(v)) : (v ?? null));
  let count = 0;
  const made: SeededPosting[] = [];
  await db.transaction(async (tx) => {
    // The demo network asks operators to approve employees' postings (one waits below).
    await tx
      .insert(opportunitySettings)
      .values({
        networkId,
        approvalRequired: true,
        reconfirmDays: 14,
        referralBonusDays: 90,
        referralIncentive: "紹介報奨金 10万円",
      })
      .onConflictDoNothing();
    let used = 0;
    for (const s of SEEDS) {
      const id = randomUUID();
      const by = s.by === "operator" ? opts.operatorId : opts.employeeId;
      const c = {
        kind: null,
        department: null,
        jobType: null,
        employmentType: null,
        location: null,
        remote: null,
        hours: null,
        salaryMin: null,
        salaryMax: null,
        salaryNote: null,
        trialPeriod: null,
        changeScopeDuties: null,
        changeScopeWorkplace: null,
        fixedTerm: false,
        renewalBasis: null,
        renewalCap: null,
        expectedHours: null,
        feeMin: null,
        feeMax: null,
        feeUnit: null,
        terminationTerms: null,
        howToApply: null,
        openings: 1,
        skills: [],
        ...RECRUITER[s.by],
        ...s.content,
        periodStart: rel(s.content.periodStart),
        periodEnd: rel(s.content.periodEnd),
        closesOn: dayOf(s.closesInDays),
      } as PostingContent;
      const { missing: _, ...cols } = postingColumns(c);
      const published = s.publishedDaysAgo !== undefined ? new Date(base - s.publishedDaysAgo * DAY) : null;
      const confirmed =
        s.confirmedDaysAgo !== undefined ? new Date(base - s.confirmedDaysAgo * DAY) : published;
      const created = new Date((published?.getTime() ?? base) - 2 * DAY);
      const stages = s.applications ?? [];
      const filled = stages.filter((x) => x === "hired" || x === "contracted").length;
      await tx.insert(opportunity).values({
        id,
        networkId,
        ...cols,
        status: s.status,
        closeReason: s.closeReason ?? null,
        // Filled postings are closed; an open one keeps a place free.
        openings: s.closeReason === "filled" ? Math.max(1, filled) : Math.max(c.openings, filled + 1),
        filled,
        createdBy: by,
        createdAt: created,
        updatedAt: confirmed ?? created,
        publishedAt: published,
        confirmedAt: confirmed,
        closedAt: s.status === "closed" ? new Date(base - DAY) : null,
      });
      await tx.insert(opportunityRevision).values({
        networkId,
        opportunityId: id,
        revision: 1,
        content: { ...c, audience: "network", segmentId: null },
        editedBy: by,
        editedAt: created,
      });
      count++;
      const posting: SeededPosting = { id, title: c.title, type: c.type, status: s.status, apps: [] };
      made.push(posting);
      const pool = willing(c.type);
      const applicants: { userId: string; stage: ApplicationStage }[] = stages.map((stage) => ({
        userId: pool[used++ % Math.max(1, pool.length)],
        stage,
      }));
      if (s.alumnaApplies) applicants.push({ userId: opts.alumnusId, stage: s.alumnaApplies });
      const seen = new Set<string>();
      for (const [i, a] of applicants.entries()) {
        if (!a.userId || seen.has(a.userId)) continue;
        seen.add(a.userId);
        const appId = randomUUID();
        const at = new Date((published?.getTime() ?? base) + (i + 1) * 6 * 3600_000);
        const reason =
          a.stage === "declined_by_us"
            ? "今回は稼働できる時間帯が合わず、見送りとさせていただきました。"
            : a.stage === "declined_by_applicant"
              ? "現職の都合により辞退します。"
              : null;
        await tx.insert(opportunityApplication).values({
          id: appId,
          networkId,
          opportunityId: id,
          userId: a.userId,
          motivation: MOTIVATIONS[i % MOTIVATIONS.length],
          profile: {},
          stage: a.stage,
          reason,
          createdAt: at,
          stageChangedAt: new Date(at.getTime() + DAY),
        });
        posting.apps.push({ id: appId, userId: a.userId, stage: a.stage, createdAt: at });
        // The path to its stage, one change a day, by the poster.
        const target = a.stage;
        const path: ApplicationStage[] =
          target === "withdrawn"
            ? ["applied", "withdrawn"]
            : target === "declined_by_us" || target === "declined_by_applicant"
              ? ["applied", "screening", target]
              : target === "hired" || target === "contracted"
                ? [...STAGE_PATH, target]
                : STAGE_PATH.slice(0, STAGE_PATH.indexOf(target) + 1);
        await tx.insert(opportunityStageChange).values(
          path.map((to, k) => ({
            id: randomUUID(),
            networkId,
            applicationId: appId,
            fromStage: k === 0 ? null : path[k - 1],
            toStage: to,
            reason: to === target ? reason : null,
            actorId: k === 0 || to === "withdrawn" || to === "declined_by_applicant" ? a.userId : by,
            at: new Date(at.getTime() + k * DAY),
          })),
        );
        if (i === 0) {
          await tx.insert(opportunityNote).values({
            id: randomUUID(),
            networkId,
            applicationId: appId,
            authorId: by,
            body: "在籍時に営業企画で一緒でした。資料の品質は信頼できます。",
            rating: 5,
            createdAt: new Date(at.getTime() + 2 * 3600_000),
          });
          await tx.insert(opportunityMessage).values({
            id: randomUUID(),
            networkId,
            applicationId: appId,
            authorId: by,
            body: "ご応募ありがとうございます。来週、30分ほどオンラインでお話しできますか？",
            createdAt: new Date(at.getTime() + 3 * 3600_000),
          });
        }
      }
    }
    await seedDemoReferrals(tx, {
      networkId,
      base,
      operatorId: opts.operatorId,
      employeeId: opts.employeeId,
      alumnusId: opts.alumnusId,
      willing,
      postings: made,
    });
  });
  return { opportunities: count };
}
