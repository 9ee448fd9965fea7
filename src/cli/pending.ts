// What a pending registrant typed, derived from a roster row with one realistic difference, so the
// approval queue shows near-misses with candidates (and one person the roster does not know).
import type { GeneratedAlumnus } from "../devdata/index.ts";
import { GIVEN_NAMES, SURNAMES } from "../devdata/names.ts";
import { KANJI_VARIANTS, type PendingCase } from "./demo-content.ts";

const ymShift = (ym: string, months: number) => {
  const m = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + months;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
};

const toHiragana = (s: string) =>
  s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

export type PendingRegistrant = {
  email: string;
  name: string;
  nameKana: string | null;
  joinYm: string;
  leaveYm: string;
  department: string | null;
  employeeNumber: string | null;
};

export function pendingRegistrant(
  p: GeneratedAlumnus,
  change: PendingCase["change"],
  todayYm: string,
): PendingRegistrant {
  const base: PendingRegistrant = {
    email: p.email,
    name: `${p.surname} ${p.givenName}`,
    nameKana: `${toHiragana(p.surnameKana)} ${toHiragana(p.givenNameKana)}`,
    joinYm: p.profile.joinYm,
    leaveYm: p.profile.leaveYm,
    department: p.roster.department,
    employeeNumber: null,
  };
  switch (change) {
    case "leave_month":
      // One month later than the roster, unless that is in the future.
      return { ...base, leaveYm: ymShift(base.leaveYm, ymShift(base.leaveYm, 1) > todayYm ? -1 : 1) };
    case "kanji_variant": {
      const variant = KANJI_VARIANTS[p.surname];
      // No variant for this surname: the given name written in hiragana instead.
      return {
        ...base,
        name: variant ? `${variant} ${p.givenName}` : `${p.surname} ${toHiragana(p.givenNameKana)}`,
      };
    }
    case "married_name": {
      const other = SURNAMES.find((s) => s.kanji !== p.surname && s.kanji.length === 2) ?? SURNAMES[0];
      const given = GIVEN_NAMES.find((g) => g.kanji === p.givenName);
      return {
        ...base,
        name: `${other.kanji} ${p.givenName}`,
        nameKana: `${other.kana} ${given?.kana ?? ""}`.trim(),
      };
    }
    case "employee_number_typo": {
      const n = p.employeeNumber;
      const last = Number(n.at(-1));
      // A digit off, and the leave month remembered one month early.
      return {
        ...base,
        employeeNumber: `${n.slice(0, -1)}${(last + 1) % 10}`,
        leaveYm: ymShift(base.leaveYm, -1),
      };
    }
    case "not_in_roster":
      return { ...base, employeeNumber: null };
  }
}
