// Matching: which alumni fit a posting, and which postings fit an alumna — one scoring, both ways.
//
// A fit is counted from structured facts, never guessed from prose, so that every point has a
// reason the viewer can read ("スキル: Excel, 営業資料 / 元営業本部 / 業務委託に関心あり"):
//   each shared skill 4 (at most 4 count), a former department that fits the posting's 3 (by its
//   core: 第一営業部 fits 営業本部, directory/fit.ts),
//   her current job type the posting's 3, open to what is offered 2, living in the workplace's
//   prefecture 1 (not for remote work), and her years at the company (from when she joined to when
//   she left, as the viewer may see them): 3 years or more 1, for mentoring 5+ years 2 and 10+ 3.
//
// Candidates for a posting are read from the viewer's directory audience (an employee sees what
// members may see, an operator what operators may see), so a hidden skill never matches for a
// viewer who cannot see it; only alumni who opted in to offers of the posting's type are
// candidates (their consent travels in the directory row, filtered in the statement), and for a
// segment's posting only its members.
// The directory ranks a shortlist (directory/fit.ts); years at the company, read from the
// shortlist's cards, refine it.
import { sql } from "drizzle-orm";
import type { OpportunityKind, OpportunityType } from "../../db/schema/index.ts";
import { prefectureOf } from "../../shared/prefectures.ts";
import type { JOB_TYPES, OPEN_TO } from "../../shared/profile.ts";
import {
  departmentFits,
  type FitRow,
  type FitWeights,
  type FitWishes,
  labelKey,
  textArray,
} from "../directory/index.ts";
import type { OpportunityRow } from "./queries.ts";

export const FIT_WEIGHTS: FitWeights = {
  skill: 4,
  skillCap: 4,
  department: 3,
  jobType: 3,
  openTo: 2,
  location: 1,
};

/** How many rows the directory ranks before years at the company refine the order. */
export const SHORTLIST = 150;

type JobType = (typeof JOB_TYPES)[number];
type OpenTo = (typeof OPEN_TO)[number];

export type MatchReason =
  | { kind: "skills"; labels: string[] }
  | { kind: "department"; label: string }
  | { kind: "jobType"; code: JobType }
  | { kind: "openTo"; code: OpenTo }
  | { kind: "location"; label: string }
  | { kind: "tenure"; years: number };

/** What "open to" counts as interest in a posting of this type and kind. */
export function interestOf(type: OpportunityType, kind: OpportunityKind | null): OpenTo[] {
  if (type === "rehire") return ["rehire"];
  return kind === "mentoring" ? ["mentoring"] : ["freelance"];
}

/** The prefecture a posting's work happens in (none when it is fully remote). */
export function workplaceOf(o: Pick<OpportunityRow, "remote" | "location">): string | null {
  return o.remote === "remote" ? null : prefectureOf(o.location);
}

/** What a posting wishes for, as the directory's keys. */
export function wishesOf(o: OpportunityRow): FitWishes {
  const place = workplaceOf(o);
  return {
    skills: o.skillKeys,
    departments: o.departmentKeys,
    jobType: o.jobType,
    openTo: interestOf(o.type, o.kind),
    location: place ? labelKey(place) : null,
  };
}

/** Years at the company, from the card's join and leave months (null when either is hidden). */
export function tenureYears(card: Record<string, unknown>): number | null {
  const from = typeof card.joinYm === "string" ? card.joinYm : null;
  const to = typeof card.leaveYm === "string" ? card.leaveYm : null;
  if (!from || !to) return null;
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  return months >= 0 ? Math.floor(months / 12) : null;
}

export function tenurePoints(years: number | null, kind: OpportunityKind | null): number {
  if (years === null) return 0;
  if (kind === "mentoring") return years >= 10 ? 3 : years >= 5 ? 2 : 0;
  return years >= 3 ? 1 : 0;
}

/** A shortlisted row's score with its years at the company, and the reasons of every point. */
export function explainCandidate(o: OpportunityRow, r: FitRow): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const labelOf = new Map(o.skills.map((s) => [labelKey(s), s]));
  if (r.skills.length) reasons.push({ kind: "skills", labels: r.skills.map((k) => labelOf.get(k) ?? k) });
  if (r.department) {
    const shown = Array.isArray(r.card.departments) ? (r.card.departments as string[]) : [];
    reasons.push({
      kind: "department",
      label: shown.find((d) => labelKey(d) === r.department) ?? r.department,
    });
  }
  if (r.jobType && o.jobType) reasons.push({ kind: "jobType", code: o.jobType as JobType });
  const interest = interestOf(o.type, o.kind);
  if (r.openTo) reasons.push({ kind: "openTo", code: interest[0] });
  const place = workplaceOf(o);
  if (r.location && place) reasons.push({ kind: "location", label: place });
  const years = tenureYears(r.card);
  const extra = tenurePoints(years, o.kind);
  if (extra && years !== null) reasons.push({ kind: "tenure", years });
  return { score: r.score + extra, reasons };
}

// --- Postings for an alumna ("for you") ----------------------------------------------------------

/** What an alumna brings, from her own profile (she ranks with all of it: it is hers). */
export type Seeker = {
  skills: string[];
  departments: string[];
  jobType: string | null;
  openTo: string[];
  prefecture: string | null;
};

export function seekerOf(p: {
  skills: string[] | null;
  departments: string[] | null;
  jobType: string | null;
  openTo: string[] | null;
  location: string | null;
}): Seeker {
  const keys = (xs: string[] | null) => [...new Set((xs ?? []).map(labelKey).filter(Boolean))];
  return {
    skills: keys(p.skills),
    departments: keys(p.departments),
    jobType: p.jobType,
    openTo: p.openTo ?? [],
    prefecture: prefectureOf(p.location),
  };
}

/**
 * A posting's fit for the seeker as SQL over the `opportunity` row, weighed as a candidate's fit
 * (years at the company aside: they are hers, the same for every posting). `departments`: the
 * posting department keys in use that fit hers (`fittingPostingDepartments`), so each row costs
 * plain comparisons only. Her workplace match is left to the reasons (a posting's place is free text).
 */
export function postingFitSql(me: Seeker, departments: string[]) {
  const w = FIT_WEIGHTS;
  const interest = (code: string) => me.openTo.includes(code);
  const skills = me.skills.slice(0, 30);
  const skillCount = skills.length
    ? sql.join(
        skills.map((k) => sql`(opportunity.skill_keys @> ${textArray([k])})::int`),
        sql` + `,
      )
    : sql`0`;
  return sql`(${w.skill} * least(${skillCount}, ${w.skillCap})
    + case when opportunity.department_keys && ${textArray(departments)} then ${w.department} else 0 end
    + case when opportunity.job_type = ${me.jobType} then ${w.jobType} else 0 end
    + case when (opportunity.type = 'rehire' and ${interest("rehire")})
              or (opportunity.type = 'freelance' and opportunity.kind = 'task' and ${interest("freelance")})
              or (opportunity.type = 'freelance' and opportunity.kind = 'mentoring' and ${interest("mentoring")})
      then ${w.openTo} else 0 end)`;
}

/** Of the department keys postings use, those that fit one of hers. */
export const fittingPostingDepartments = (inUse: string[], me: Seeker) =>
  inUse.filter((u) => me.departments.some((d) => departmentFits(d, u)));

/** Why a posting fits her (the reasons of `postingFitSql`'s points, and her prefecture). */
export function explainPosting(o: OpportunityRow, me: Seeker): MatchReason[] {
  const reasons: MatchReason[] = [];
  const mine = new Set(me.skills);
  const shared = o.skills.filter((s) => mine.has(labelKey(s)));
  if (shared.length) reasons.push({ kind: "skills", labels: shared });
  if (o.department && o.departmentKeys.some((u) => me.departments.some((d) => departmentFits(d, u))))
    reasons.push({ kind: "department", label: o.department });
  if (o.jobType && o.jobType === me.jobType) reasons.push({ kind: "jobType", code: o.jobType as JobType });
  const interest = interestOf(o.type, o.kind)[0];
  if (me.openTo.includes(interest)) reasons.push({ kind: "openTo", code: interest });
  const place = workplaceOf(o);
  if (place && place === me.prefecture) reasons.push({ kind: "location", label: place });
  return reasons;
}
