// Test helpers for opportunities: complete postings of each type (published unless told otherwise)
// made through the API, and an alumnus's offers consent.
import { record } from "../../server/events.ts";
import { call, type TestEnv, type TestNetwork, type TestUser } from "../../test/harness.ts";
import { saveConsent } from "../consent/index.ts";

/** YYYY-MM-DD, `days` from today (Japan). */
export const dayIn = (days: number) =>
  new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Every item a rehire opening must state. */
export const rehireBody = () => ({
  type: "rehire",
  title: "営業企画（再雇用）",
  description: "法人営業の企画と営業資料づくりを担当します。",
  department: "営業本部",
  employmentType: "full_time",
  location: "東京本社（港区）",
  remote: "hybrid",
  hours: "9:00〜18:00（フレックス、コアタイム11:00〜15:00）",
  salaryMin: 6_000_000,
  salaryMax: 8_000_000,
  trialPeriod: "3か月（条件の変更なし）",
  changeScopeDuties: "会社の定める業務",
  changeScopeWorkplace: "会社の定める事業所（リモートを含む）",
  howToApply: "この画面から応募してください。",
  recruiterName: "人事部 採用担当 山田",
  recruiterContact: "recruit@example.com",
  closesOn: dayIn(30),
  skills: ["営業", "Excel"],
  publish: true,
});

/** Every item a 業務委託 project must state (a task unless told otherwise). */
export const freelanceBody = (kind: "task" | "mentoring" = "task") => ({
  type: "freelance",
  kind,
  title: kind === "task" ? "営業資料の改訂（業務委託）" : "若手社員のキャリア面談（メンタリング）",
  description: "既存の営業資料を新製品に合わせて改訂していただきます。",
  remote: "remote",
  periodStart: dayIn(14),
  periodEnd: dayIn(60),
  expectedHours: "週10時間程度",
  feeMin: 4_000,
  feeMax: 6_000,
  feeUnit: "hour",
  terminationTerms: "14日前までの書面通知で解除できます。期間満了時の更新はありません。",
  howToApply: "この画面から応募してください。",
  recruiterName: "マーケティング部 佐藤",
  recruiterContact: "marketing@example.com",
  closesOn: dayIn(10),
  skills: ["PowerPoint", "営業資料"],
  publish: true,
});

export async function makeTestOpportunity(
  env: TestEnv,
  net: TestNetwork,
  body: Record<string, unknown> = {},
  by: TestUser = net.operator,
): Promise<{ id: string; title: string; status: string }> {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/opportunities`,
    user: by,
    payload: { ...(body.type === "rehire" ? rehireBody() : freelanceBody()), ...body },
  });
  if (res.statusCode !== 201) throw new Error(`opportunity not created: ${res.body}`);
  return res.json();
}

/** The alumnus's consent to rehire and/or freelance offers (as the consent form records it). */
export async function consentToOffers(
  env: TestEnv,
  net: TestNetwork,
  u: TestUser,
  offers: { rehire?: boolean; freelance?: boolean },
) {
  await env.ctx.db.transaction(async (tx) => {
    await saveConsent(tx, {
      networkId: net.id,
      userId: u.id,
      noticeVersion: 1,
      accepted: true,
      directory: true,
      rehire: offers.rehire ?? false,
      freelance: offers.freelance ?? false,
      events: true,
      surveys: false,
    });
    await record(tx, { type: "member.changed", networkId: net.id, userIds: [u.id] });
  });
}
