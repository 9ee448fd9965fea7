// The matching rule on its own (pure): what counts as a confident match, and the candidates.
import { describe, expect, it } from "vitest";
import { kanaKey, nameKey } from "../../shared/text.ts";
import {
  confidentMatch,
  matchReasons,
  type RegistrationFacts,
  type RosterRow,
  rankCandidates,
} from "./matching.ts";

const row = (v: Partial<RosterRow> & { employeeNumber: string; name: string }): RosterRow => ({
  id: v.employeeNumber,
  nameKana: null,
  joinDate: "2010-04-01",
  leaveDate: "2018-03-31",
  department: null,
  linkedUserId: null,
  ...v,
  nameKey: nameKey(v.name),
  kanaKey: v.nameKana ? kanaKey(v.nameKana) : null,
});

const facts = (v: Partial<RegistrationFacts>): RegistrationFacts => ({
  name: "山田 太郎",
  nameKana: null,
  joinYm: "2010-04",
  leaveYm: "2018-03",
  department: null,
  employeeNumber: null,
  ...v,
});

const yamada = row({
  employeeNumber: "A001",
  name: "山田 太郎",
  nameKana: "ヤマダ タロウ",
  department: "営業部",
});

describe("confident match", () => {
  it("employee number (width and case ignored) and name", () => {
    expect(confidentMatch(facts({ employeeNumber: "ａ００１", name: "山田　太郎" }), [yamada])).toBe(yamada);
  });
  it("employee number and kana only (name written differently)", () => {
    const f = facts({ employeeNumber: "A001", name: "山田 太朗", nameKana: "やまだ たろう" });
    expect(confidentMatch(f, [yamada])).toBe(yamada);
  });
  it("name and both months without an employee number", () => {
    expect(confidentMatch(facts({}), [yamada])).toBe(yamada);
  });
  it.each([
    ["number right, name wrong", facts({ employeeNumber: "A001", name: "山田 花子" })],
    ["number wrong, name and months right", facts({ employeeNumber: "A999" })],
    ["name right, join month wrong", facts({ joinYm: "2010-05" })],
    ["name right, leave month wrong", facts({ leaveYm: "2018-04" })],
    ["kana right but no number", facts({ name: "山田 太朗", nameKana: "ヤマダ タロウ" })],
  ])("not for a near miss: %s", (_, f) => {
    expect(confidentMatch(f, [yamada])).toBeNull();
  });
  it("not when two rows match", () => {
    const twin = { ...yamada, id: "A009", employeeNumber: "A009" };
    expect(confidentMatch(facts({}), [yamada, twin])).toBeNull();
  });
  it("not when the only matching row is already linked", () => {
    expect(confidentMatch(facts({}), [{ ...yamada, linkedUserId: "someone" }])).toBeNull();
  });
});

describe("candidates", () => {
  it("gives the reasons and ranks by them, at most five", () => {
    const f = facts({ employeeNumber: "A001", name: "山田 花子", department: "営業部" });
    expect(matchReasons(f, yamada)).toEqual(["employee_number", "join_month", "leave_month", "department"]);
    const others = Array.from({ length: 6 }, (_, i) =>
      row({ employeeNumber: `B00${i}`, name: `別人 ${i}`, joinDate: "2010-04-01", leaveDate: "2018-03-31" }),
    );
    const namesake = row({
      employeeNumber: "C001",
      name: "山田 花子",
      joinDate: "1999-04-01",
      leaveDate: "2001-03-31",
    });
    const ranked = rankCandidates(f, [...others, namesake, yamada]);
    expect(ranked).toHaveLength(5);
    expect(ranked[0].id).toBe("A001");
    expect(ranked[1].id).toBe("C001");
    expect(ranked[1].reasons).toEqual(["name"]);
    expect(ranked[2].reasons).toEqual(["join_month", "leave_month"]);
  });
  it("leaves out rows that share only one month", () => {
    const onlyJoin = row({ employeeNumber: "D001", name: "別人", leaveDate: "2001-01-31" });
    expect(rankCandidates(facts({ name: "誰か" }), [onlyJoin])).toEqual([]);
  });
});
