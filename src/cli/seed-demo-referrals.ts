// Demo referrals (リファラル), written with the demo opportunities: one at each status — asked
// (alumni@ when she opted in to rehire offers), declined with a reason, withdrawn, applied with the
// application in progress, contracted recently (the incentive not due yet), hired long enough ago
// to be eligible, and one whose incentive was paid. Only alumni who opted in to offers of the
// posting's type are ever referred (the rule the service enforces).
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client.ts";
import { type ApplicationStage, type OpportunityType, opportunityReferral } from "../db/schema/index.ts";

export type SeededPosting = {
  id: string;
  title: string;
  type: OpportunityType;
  status: string;
  apps: { id: string; userId: string; stage: ApplicationStage; createdAt: Date }[];
};

const WHY = {
  asked:
    "営業企画部で3年間一緒に働きました。資料づくりと研修の両方に強く、この役割にぴったりだと思います。ぜひ一度話を聞いてみてください。",
  declined: "在籍中に若手の面倒見がとても良かった方です。メンターとして力を貸していただけると嬉しいです。",
  withdrawn: "カスタマーサクセスの立ち上げを一緒に経験しました。",
  applied: "営業資料の改訂なら、当時いちばん頼りにしていた方です。",
  contracted: "新人研修の講師を一緒に務めました。面談の進め方が上手な方です。",
  hired: "同じ営業チームでした。お客様からの信頼が厚く、再入社を歓迎したい方です。",
};

export async function seedDemoReferrals(
  tx: Tx,
  o: {
    networkId: string;
    base: number;
    operatorId: string;
    employeeId: string;
    alumnusId: string;
    willing: (type: OpportunityType) => string[];
    postings: SeededPosting[];
  },
) {
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(o.base - days * DAY);
  const find = (title: string) => o.postings.find((p) => p.title.startsWith(title));
  const rows: (typeof opportunityReferral.$inferInsert)[] = [];
  const add = (
    p: SeededPosting,
    v: Omit<typeof opportunityReferral.$inferInsert, "id" | "networkId" | "opportunityId">,
  ) => rows.push({ id: randomUUID(), networkId: o.networkId, opportunityId: p.id, ...v });
  /** A willing alumna who did not apply to `p` (nor is referred for it already). */
  const free = (p: SeededPosting, prefer?: string) => {
    const taken = new Set([
      ...p.apps.map((a) => a.userId),
      ...rows.filter((r) => r.opportunityId === p.id).map((r) => r.userId),
    ]);
    const pool = o.willing(p.type).filter((u) => !taken.has(u));
    return prefer && pool.includes(prefer) ? prefer : pool.find((u) => u !== o.alumnusId);
  };

  const manager = find("営業企画マネージャー");
  const asked = manager && free(manager, o.alumnusId);
  if (manager && asked)
    add(manager, {
      userId: asked,
      referrerId: o.employeeId,
      why: WHY.asked,
      relationship: "worked_together",
      relationshipNote: "営業企画部（2016〜2019年）",
      createdAt: ago(2),
    });
  const mentoring = find("若手営業のキャリア面談");
  const declined = mentoring && free(mentoring);
  if (mentoring && declined)
    add(mentoring, {
      userId: declined,
      referrerId: o.employeeId,
      why: WHY.declined,
      relationship: "manager",
      status: "declined",
      declineReason: "いまは本業が忙しく、時間を確保できないため。",
      createdAt: ago(6),
      answeredAt: ago(5),
    });
  const cs = find("カスタマーサクセス");
  const withdrawn = cs && free(cs);
  if (cs && withdrawn)
    add(cs, {
      userId: withdrawn,
      referrerId: o.operatorId,
      why: WHY.withdrawn,
      relationship: "same_department",
      status: "withdrawn",
      createdAt: ago(10),
      answeredAt: ago(9),
    });
  // Referrals she answered by applying: linked to her application, made the day before it.
  const applied = (p: SeededPosting | undefined, stage: ApplicationStage, why: string, paid?: boolean) => {
    const a = p?.apps.find((x) => x.stage === stage && !rows.some((r) => r.applicationId === x.id));
    if (!p || !a) return;
    add(p, {
      userId: a.userId,
      referrerId: o.employeeId,
      why,
      relationship: "worked_together",
      status: "applied",
      applicationId: a.id,
      createdAt: new Date(a.createdAt.getTime() - DAY),
      answeredAt: a.createdAt,
      ...(paid ? { incentivePaidAt: ago(20), incentivePaidBy: o.operatorId } : {}),
    });
  };
  applied(find("新製品向け営業資料"), "screening", WHY.applied);
  applied(mentoring, "contracted", WHY.contracted);
  const sales = find("法人営業");
  applied(sales, "hired", WHY.hired);
  applied(sales, "hired", WHY.hired, true);
  if (rows.length) await tx.insert(opportunityReferral).values(rows);
  return rows.length;
}
