// The matching rule on its own (pure): what counts as a confident match, and the candidates.
import { describe, expect, it } from "vitest";
import { kanaKey, nameKey } from "../../shared/text.ts";
import {
  claimedRows,
  confidentMatch,
  type MatchPolicy,
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
  email: null,
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

// The rule as it was before the policy existed: the lenient policy, no verified email.
const lenient: MatchPolicy = { policy: "lenient", verifiedEmail: null };
const strict = (verifiedEmail: string | null = null): MatchPolicy => ({ policy: "strict", verifiedEmail });

describe("confident match (lenient policy)", () => {
  it("employee number (width and case ignored) and name", () => {
    expect(confidentMatch(facts({ employeeNumber: "ａ００１", name: "山田　太郎" }), [yamada], lenient)).toBe(
      yamada,
    );
  });
  it("employee number and kana only (name written differently)", () => {
    const f = facts({ employeeNumber: "A001", name: "山田 太朗", nameKana: "やまだ たろう" });
    expect(confidentMatch(f, [yamada], lenient)).toBe(yamada);
  });
  it("name and both months without an employee number", () => {
    expect(confidentMatch(facts({}), [yamada], lenient)).toBe(yamada);
  });
  it("a name written with a variant kanji is the same name (髙橋 = 高橋, 﨑 = 崎)", () => {
    const takahashi = row({ employeeNumber: "B002", name: "髙橋 健", joinDate: "2010-04-01" });
    expect(confidentMatch(facts({ name: "高橋 健" }), [takahashi], lenient)).toBe(takahashi);
    const yamazaki = row({ employeeNumber: "B003", name: "山崎 翼" });
    expect(confidentMatch(facts({ name: "山﨑 翼" }), [yamazaki], lenient)).toBe(yamazaki);
  });
  it.each([
    ["number right, name wrong", facts({ employeeNumber: "A001", name: "山田 花子" })],
    ["number wrong, name and months right", facts({ employeeNumber: "A999" })],
    ["name right, join month wrong", facts({ joinYm: "2010-05" })],
    ["name right, leave month wrong", facts({ leaveYm: "2018-04" })],
    ["kana right but no number", facts({ name: "山田 太朗", nameKana: "ヤマダ タロウ" })],
  ])("not for a near miss: %s", (_, f) => {
    expect(confidentMatch(f, [yamada], lenient)).toBeNull();
  });
  it("not when two rows match", () => {
    const twin = { ...yamada, id: "A009", employeeNumber: "A009" };
    expect(confidentMatch(facts({}), [yamada, twin], lenient)).toBeNull();
  });
  it("not when the only matching row is already linked", () => {
    expect(confidentMatch(facts({}), [{ ...yamada, linkedUserId: "someone" }], lenient)).toBeNull();
  });
});

describe("confident match (strict policy, the default)", () => {
  const withEmail = { ...yamada, email: "Taro.Yamada@Example.com" };
  it("name + both months alone is not enough", () => {
    expect(confidentMatch(facts({}), [yamada], strict())).toBeNull();
    expect(confidentMatch(facts({}), [withEmail], strict("someone@example.com"))).toBeNull();
  });
  it("employee number + name or kana still is", () => {
    expect(confidentMatch(facts({ employeeNumber: "a001" }), [yamada], strict())).toBe(yamada);
    const f = facts({ employeeNumber: "A001", name: "山田 太朗", nameKana: "やまだ たろう" });
    expect(confidentMatch(f, [yamada], strict())).toBe(yamada);
  });
  it("the verified email the roster has (case and spaces ignored) + name or kana, months not needed", () => {
    const f = facts({ joinYm: "2011-04", leaveYm: "2019-03" });
    expect(confidentMatch(f, [withEmail], strict(" taro.yamada@example.com"))).toBe(withEmail);
    const kana = facts({ name: "山田 太朗", nameKana: "ヤマダ タロウ" });
    expect(confidentMatch(kana, [withEmail], strict("taro.yamada@example.com"))).toBe(withEmail);
  });
  it.each([
    ["the email but another name", facts({ name: "山田 花子" }), "taro.yamada@example.com"],
    ["the email with a wrong employee number", facts({ employeeNumber: "A999" }), "taro.yamada@example.com"],
    ["another email", facts({}), "taro@example.org"],
    ["no verified email", facts({}), null],
  ])("not for %s", (_, f, email) => {
    expect(confidentMatch(f, [withEmail], strict(email))).toBeNull();
  });
  it("lenient also approves on the email", () => {
    const f = facts({ joinYm: "2011-04" });
    expect(
      confidentMatch(f, [withEmail], { policy: "lenient", verifiedEmail: "taro.yamada@example.com" }),
    ).toBe(withEmail);
  });
});

describe("rows whose person a registration claims to be (told at their roster address)", () => {
  const ids = (rows: RosterRow[]) => rows.map((r) => r.id);
  it("name with the employee number, both months or the email", () => {
    expect(ids(claimedRows(facts({}), [yamada], null))).toEqual(["A001"]);
    expect(ids(claimedRows(facts({ employeeNumber: "A001", leaveYm: "2019-01" }), [yamada], null))).toEqual([
      "A001",
    ]);
    // A wrong employee number does not make it someone else's claim.
    expect(ids(claimedRows(facts({ employeeNumber: "A999" }), [yamada], null))).toEqual(["A001"]);
    const withEmail = { ...yamada, email: "t@example.com" };
    expect(ids(claimedRows(facts({ leaveYm: "2019-01" }), [withEmail], "T@example.com"))).toEqual(["A001"]);
  });
  it("not a namesake with other months, nor the right number under another name", () => {
    expect(claimedRows(facts({ leaveYm: "2019-01" }), [yamada], null)).toEqual([]);
    expect(claimedRows(facts({ employeeNumber: "A001", name: "山田 花子" }), [yamada], null)).toEqual([]);
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
