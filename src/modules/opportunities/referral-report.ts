// The operators' referrals report (リファラル): every referral of a filter (status, the posting's
// type, the day it was made, Japan time) with its outcome and incentive, totals by status and
// outcome, and the same rows as CSV (UTF-8 with a BOM or Shift_JIS; audited with its filter).
import type { ReferralStatus } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { csvFile } from "../../server/csv-export.ts";
import { authorize } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import type { CsvEncoding } from "../../shared/csv-export.ts";
import { opportunitiesPolicy } from "./policy.ts";
import { REFERRALS_MAX, referralViews } from "./referral-queries.ts";
import { presentAll } from "./referrals.ts";
import type { REFERRAL_OUTCOMES, ReferralReportQuery } from "./schemas.ts";

type Outcome = (typeof REFERRAL_OUTCOMES)[number];
const DAY = 86_400_000;

const JST = 9 * 3600_000;
const startOfDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() - JST);

async function reportRows(scope: MemberScope, q: ReferralReportQuery) {
  authorize(scope, opportunitiesPolicy.referrals);
  const rows = await referralViews(
    scope.db,
    scope.network.id,
    {
      status: q.status,
      type: q.type,
      from: q.from ? startOfDay(q.from) : undefined,
      until: q.to ? new Date(startOfDay(q.to).getTime() + DAY) : undefined,
    },
    REFERRALS_MAX + 1,
  );
  return { rows: rows.slice(0, REFERRALS_MAX), truncated: rows.length > REFERRALS_MAX };
}

/** The operators' report: every referral of the filter with its outcome and incentive, and totals. */
export async function referralReport(scope: MemberScope, q: ReferralReportQuery) {
  const { rows, truncated } = await reportRows(scope, q);
  const out = await presentAll(scope, rows);
  const byStatus: Record<ReferralStatus, number> = { asked: 0, applied: 0, declined: 0, withdrawn: 0 };
  const byOutcome: Record<Outcome, number> = { in_progress: 0, hired: 0, not_selected: 0, withdrawn: 0 };
  let eligible = 0;
  let paid = 0;
  for (const r of out.items) {
    byStatus[r.status]++;
    if (r.outcome) byOutcome[r.outcome]++;
    if (r.incentive?.paidAt) paid++;
    else if (r.incentive?.eligible) eligible++;
  }
  return { ...out, totals: { all: out.items.length, byStatus, byOutcome, eligible, paid }, truncated };
}

const CSV_LABELS = {
  ja: {
    header: [
      "推薦日",
      "募集",
      "種別",
      "推薦者",
      "推薦された方",
      "関係",
      "状況",
      "選考結果",
      "報奨対象日",
      "報奨対象",
      "報奨支払日",
    ],
    types: { rehire: "再雇用", freelance: "業務委託" },
    relationships: {
      worked_together: "一緒に働いた",
      same_department: "同じ部署",
      manager: "上司・部下",
      other: "その他",
    },
    statuses: { asked: "回答待ち", applied: "応募済み", declined: "辞退", withdrawn: "取り下げ" },
    outcomes: {
      in_progress: "選考中",
      hired: "採用・契約",
      not_selected: "見送り",
      withdrawn: "応募取り下げ・辞退",
    },
    yes: "対象",
    no: "",
  },
  en: {
    header: [
      "Referred on",
      "Opening",
      "Type",
      "Referrer",
      "Referred",
      "Relationship",
      "Status",
      "Outcome",
      "Eligible from",
      "Eligible",
      "Incentive paid on",
    ],
    types: { rehire: "Rehire", freelance: "Freelance" },
    relationships: {
      worked_together: "Worked together",
      same_department: "Same department",
      manager: "Manager / report",
      other: "Other",
    },
    statuses: { asked: "Asked", applied: "Applied", declined: "Declined", withdrawn: "Withdrawn" },
    outcomes: {
      in_progress: "In progress",
      hired: "Hired / contracted",
      not_selected: "Not selected",
      withdrawn: "Withdrawn",
    },
    yes: "yes",
    no: "",
  },
} as const;

const japanDay = (iso: string | null | undefined) =>
  iso ? new Date(new Date(iso).getTime() + JST).toISOString().slice(0, 10) : "";

/** The report as CSV (UTF-8 with a BOM, or Shift_JIS); audited with its filter and row count. */
export async function exportReferrals(
  scope: MemberScope,
  q: ReferralReportQuery,
  encoding: CsvEncoding,
  lang: "ja" | "en",
) {
  const report = await referralReport(scope, q);
  const l = CSV_LABELS[lang];
  const records: string[][] = [
    [...l.header],
    ...report.items.map((r) => [
      japanDay(r.createdAt),
      r.opportunity.title,
      l.types[r.opportunity.type],
      r.referrer.name,
      r.alumna.name,
      l.relationships[r.relationship] + (r.relationshipNote ? `（${r.relationshipNote}）` : ""),
      l.statuses[r.status],
      r.outcome ? l.outcomes[r.outcome] : "",
      japanDay(r.incentive?.eligibleAt),
      r.incentive?.eligible ? l.yes : l.no,
      japanDay(r.incentive?.paidAt),
    ]),
  ];
  await inTransaction(scope, ({ db: tx }) =>
    audit(tx, {
      networkId: scope.network.id,
      actor: scope.actor,
      action: "opportunity.referrals_exported",
      data: { ...q, rows: report.items.length, encoding },
    }),
  );
  return csvFile(records, encoding, "referrals", scope.network.slug);
}
