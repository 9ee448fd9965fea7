// A filter in words ("入社 2010年代", "職種: 人事・マーケティング", …) for segment lists and headers.
import type { TFunction } from "i18next";
import { decadeOf, type Filter } from "./filter.ts";

/**
 * One phrase per condition, in the order the filter controls show them; `t` is the "directory"
 * namespace and `tl` the "profileLabels" one. An empty filter gives [summary.all].
 */
export function summarizeFilter(
  f: Filter,
  t: TFunction<"directory">,
  tl: TFunction<"profileLabels">,
): string[] {
  const out: string[] = [];
  const or = (items: string[]) => items.join(t("summary.or"));
  const and = (items: string[]) => items.join(t("summary.and"));
  if (f.q) out.push(t("summary.q", { q: f.q }));
  const decade = decadeOf(f);
  if (decade !== null) out.push(t("summary.decade", { decade }));
  else if (f.joinFrom !== undefined && f.joinTo !== undefined)
    out.push(t("summary.joinRange", { from: f.joinFrom, to: f.joinTo }));
  else if (f.joinFrom !== undefined) out.push(t("summary.joinFrom", { from: f.joinFrom }));
  else if (f.joinTo !== undefined) out.push(t("summary.joinTo", { to: f.joinTo }));
  if (f.department?.length) out.push(t("summary.department", { list: or(f.department) }));
  if (f.industry?.length)
    out.push(t("summary.industry", { list: or(f.industry.map((v) => tl(`industries.${v}`))) }));
  if (f.jobType?.length)
    out.push(t("summary.jobType", { list: or(f.jobType.map((v) => tl(`jobTypes.${v}`))) }));
  if (f.skill?.length) out.push(t("summary.skill", { list: and(f.skill) }));
  if (f.location) out.push(t("summary.location", { value: f.location }));
  if (f.openTo?.length) out.push(t("summary.openTo", { list: and(f.openTo.map((v) => tl(`openTo.${v}`))) }));
  return out.length ? out : [t("summary.all")];
}
