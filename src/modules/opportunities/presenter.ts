// A posting as it leaves the server. Everyone who may see it sees its content (the recruitment
// information is public to its audience); who was invited and how many applied only its managers
// and reviewers.
import type { ApplicationStage } from "../../db/schema/index.ts";
import { HIDE_AFTER_DAYS, type OpportunityRow, type Settings } from "./queries.ts";
import type { OpportunityInput, OpportunityOut } from "./schemas.ts";

const JST = 9 * 3600_000;
const DAY = 86_400_000;

/** The closing day (Japan) of a posting that closes at `closesAt` (the end of that day). */
export function closingDay(closesAt: Date | null): string | null {
  if (!closesAt) return null;
  return new Date(closesAt.getTime() - 1 + JST).toISOString().slice(0, 10);
}

/** The end (Japan, midnight after) of day `d` (YYYY-MM-DD). */
export function endOfDay(d: string): Date {
  return new Date(new Date(`${d}T00:00:00+09:00`).getTime() + DAY);
}

/** Today in Japan, YYYY-MM-DD. */
export const todayInJapan = () => new Date(Date.now() + JST).toISOString().slice(0, 10);

/**
 * The same as queries.ts `current` on a row already read, and past its closing day (Japan): whether it takes
 * applications now (applying and referring check it).
 */
export function takesApplications(
  o: { status: string; closesAt: Date | null; confirmedAt: Date | null },
  reconfirmDays: number,
): boolean {
  const day = closingDay(o.closesAt);
  return (
    o.status === "open" &&
    !(day !== null && day < todayInJapan()) &&
    !(o.closesAt && o.closesAt <= new Date()) &&
    (o.confirmedAt?.getTime() ?? 0) >= Date.now() - (reconfirmDays + HIDE_AFTER_DAYS) * 86_400_000
  );
}

/** A posting's content, as an input has it. */
export type Content = Omit<OpportunityInput, "publish" | "audience" | "closesOn"> & {
  closesOn: string | null;
};

/** The row's content as an input (what a revision keeps and an edit starts from). */
export function contentOf(o: OpportunityRow): Content {
  return {
    type: o.type,
    kind: o.kind,
    title: o.title,
    description: o.description,
    department: o.department,
    jobType: o.jobType as Content["jobType"],
    employmentType: o.employmentType,
    location: o.location,
    remote: o.remote,
    hours: o.hours,
    salaryMin: o.salaryMin,
    salaryMax: o.salaryMax,
    salaryNote: o.salaryNote,
    trialPeriod: o.trialPeriod,
    changeScopeDuties: o.changeScopeDuties,
    changeScopeWorkplace: o.changeScopeWorkplace,
    fixedTerm: o.fixedTerm,
    renewalBasis: o.renewalBasis,
    renewalCap: o.renewalCap,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    expectedHours: o.expectedHours,
    feeMin: o.feeMin,
    feeMax: o.feeMax,
    feeUnit: o.feeUnit,
    terminationTerms: o.terminationTerms,
    howToApply: o.howToApply,
    recruiterName: o.recruiterName,
    recruiterContact: o.recruiterContact,
    closesOn: closingDay(o.closesAt),
    openings: o.openings,
    skills: o.skills,
  };
}

export type PresentExtras = {
  manage: boolean;
  review: boolean;
  postedBy: { userId: string; name: string };
  segmentName: string | null;
  invited: { userId: string; name: string }[] | null;
  myApplication: { id: string; stage: ApplicationStage } | null;
  applications: number | null;
  fit: OpportunityOut["fit"];
};

export function presentOpportunity(o: OpportunityRow, s: Settings, x: PresentExtras): OpportunityOut {
  const confirmed = o.confirmedAt?.getTime() ?? null;
  const now = Date.now();
  const open = o.status === "open";
  return {
    ...contentOf(o),
    id: o.id,
    status: o.status,
    closeReason: o.closeReason,
    returnReason: x.manage ? o.returnReason : null,
    filled: o.filled,
    audience: {
      type: o.audience,
      segmentId: o.segmentId,
      segmentName: x.segmentName,
      invited: x.manage ? x.invited : null,
    },
    postedBy: x.postedBy,
    revision: o.revision,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    publishedAt: o.publishedAt?.toISOString() ?? null,
    confirmedAt: o.confirmedAt?.toISOString() ?? null,
    closedAt: o.closedAt?.toISOString() ?? null,
    stale: open && confirmed !== null && confirmed < now - s.reconfirmDays * DAY,
    hiddenAsStale: open && confirmed !== null && confirmed < now - (s.reconfirmDays + HIDE_AFTER_DAYS) * DAY,
    manage: x.manage,
    review: x.review,
    myApplication: x.myApplication,
    applications: x.review ? x.applications : null,
    fit: x.fit,
  };
}
