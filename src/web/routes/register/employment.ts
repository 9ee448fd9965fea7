// The employment-details step: values and validation mirroring the server's registrationInput.
import type { TFunction } from "i18next";
import { isCompleteYm } from "../../components/YearMonthInput.tsx";

export type EmploymentValues = {
  name: string;
  nameKana: string;
  joinYm: string | null;
  leaveYm: string | null;
  department: string;
  employeeNumber: string;
};

export const emptyEmployment: EmploymentValues = {
  name: "",
  nameKana: "",
  joinYm: null,
  leaveYm: null,
  department: "",
  employeeNumber: "",
};

const thisMonth = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7);

export function validateEmployment(
  v: EmploymentValues,
  t: TFunction<"register">,
): Partial<Record<keyof EmploymentValues, string>> {
  const e: Partial<Record<keyof EmploymentValues, string>> = {};
  const len = (s: string) => s.normalize("NFKC").trim().length;
  if (!v.name.trim()) e.name = t("required");
  else if (len(v.name) > 50) e.name = t("tooLong", { max: 50 });
  if (len(v.nameKana) > 50) e.nameKana = t("tooLong", { max: 50 });
  if (len(v.department) > 100) e.department = t("tooLong", { max: 100 });
  if (len(v.employeeNumber) > 50) e.employeeNumber = t("tooLong", { max: 50 });
  for (const k of ["joinYm", "leaveYm"] as const) {
    if (!isCompleteYm(v[k])) e[k] = t("ymRequired");
    else if (v[k]! > thisMonth()) e[k] = t("ymFuture");
  }
  if (!e.joinYm && !e.leaveYm && v.joinYm! > v.leaveYm!) e.leaveYm = t("leaveBeforeJoin");
  return e;
}

/** The request body's employment part ("" → omitted). */
export function employmentBody(v: EmploymentValues) {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    name: v.name.trim(),
    nameKana: opt(v.nameKana),
    joinYm: v.joinYm!,
    leaveYm: v.leaveYm!,
    department: opt(v.department),
    employeeNumber: opt(v.employeeNumber),
  };
}
