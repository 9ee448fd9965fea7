import { describe, expect, it } from "vitest";
import { INDUSTRIES, JOB_TYPES, OPEN_TO, PROFILE_FIELDS } from "../shared/profile.ts";
import { kanaKey, nameKey } from "../shared/text.ts";
import {
  generateAlumni,
  generateAlumnus,
  mulberry32,
  rosterCsv,
  toHalfWidthKatakana,
  toKatakana,
  toRomaji,
} from "./index.ts";
import { GIVEN_NAMES, SURNAMES } from "./names.ts";

const TODAY = "2025-12-31";

describe("prng", () => {
  it("mulberry32 is deterministic and spreads over [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });
});

describe("kana", () => {
  it("converts readings", () => {
    expect(toKatakana("さとう はるか")).toBe("サトウ ハルカ");
    expect(toHalfWidthKatakana("ゴトウ パン")).toBe("ｺﾞﾄｳ ﾊﾟﾝ");
    expect(toHalfWidthKatakana("ゴトウ パン").normalize("NFKC")).toBe("ゴトウ パン");
    expect(toRomaji("しょうた")).toBe("shouta");
    expect(toRomaji("しょうた", { longVowels: false })).toBe("shota");
    expect(toRomaji("はっとり")).toBe("hattori");
    expect(toRomaji("りゅうのすけ")).toBe("ryuunosuke");
    expect(toRomaji("じゅんいち")).toBe("junichi");
  });
});

describe("name lists", () => {
  it("have at least 150 surnames and 150 given names, each with a hiragana reading", () => {
    expect(SURNAMES.length).toBeGreaterThanOrEqual(150);
    expect(GIVEN_NAMES.length).toBeGreaterThanOrEqual(150);
    for (const n of [...SURNAMES, ...GIVEN_NAMES]) {
      expect(n.kanji.length).toBeGreaterThan(0);
      expect(n.kana).toMatch(/^[\u3041-\u3096ー]+$/);
    }
    expect(new Set(SURNAMES.map((n) => n.kanji)).size).toBe(SURNAMES.length);
  });
});

describe("generateAlumni", () => {
  it("gives the same people for the same seed, and others for another seed", () => {
    const a = generateAlumni({ seed: 7, count: 50, today: TODAY });
    expect(generateAlumni({ seed: 7, count: 50, today: TODAY })).toEqual(a);
    expect(generateAlumni({ seed: 8, count: 50, today: TODAY }).map((p) => p.email)).not.toEqual(
      a.map((p) => p.email),
    );
  });

  it("makes any slice reproducible on its own (startIndex)", () => {
    const all = generateAlumni({ seed: 3, count: 30, today: TODAY });
    expect(generateAlumni({ seed: 3, count: 10, startIndex: 20, today: TODAY })).toEqual(all.slice(20));
    expect(generateAlumnus(3, 5, { today: TODAY })).toEqual(all[5]);
  });

  it("has valid dates: 1990 ≤ join ≤ leave ≤ today, tenure 1–30 years, registered after leaving", () => {
    for (const p of generateAlumni({ seed: 11, count: 5000, today: "2024-06-15" })) {
      expect(p.joinDate).toMatch(/^\d{4}-\d{2}-01$/);
      expect(Number.isNaN(Date.parse(p.leaveDate))).toBe(false);
      expect(new Date(`${p.leaveDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.leaveDate);
      expect(p.joinDate >= "1990-01-01").toBe(true);
      expect(p.leaveDate <= "2024-06-15").toBe(true);
      const years = (Date.parse(p.leaveDate) - Date.parse(p.joinDate)) / (365.25 * 86_400_000);
      expect(years).toBeGreaterThanOrEqual(0.9);
      expect(years).toBeLessThanOrEqual(30);
      expect(p.profile.joinYm).toBe(p.joinDate.slice(0, 7));
      expect(p.profile.leaveYm).toBe(p.leaveDate.slice(0, 7));
      expect(p.registeredAt > p.leaveDate).toBe(true);
      expect(p.registeredAt.slice(0, 10) <= "2024-06-15").toBe(true);
      if (p.lastActiveAt) expect(p.lastActiveAt >= p.registeredAt).toBe(true);
      if (p.welcomeSurvey) {
        expect(p.welcomeSurvey.joinedYear).toBe(Number(p.joinDate.slice(0, 4)));
        expect(p.welcomeSurvey.submittedAt >= p.registeredAt).toBe(true);
      }
    }
  });

  it("keeps names and readings consistent (姓 名; roster variants normalise to the same keys)", () => {
    const surnames = new Map(SURNAMES.map((n) => [n.kanji, toKatakana(n.kana)]));
    const given = new Map(GIVEN_NAMES.map((n) => [n.kanji, toKatakana(n.kana)]));
    for (const p of generateAlumni({ seed: 5, count: 3000, today: TODAY })) {
      expect(surnames.get(p.surname)).toBe(p.surnameKana);
      expect([...given.entries()].some(([k, v]) => k === p.givenName && v === p.givenNameKana)).toBe(true);
      expect(p.profile.nameWhileEmployed).toBe(`${p.surname} ${p.givenName}`);
      expect(p.profile.nameKana).toBe(`${p.surnameKana} ${p.givenNameKana}`);
      expect(p.name).toBe(p.profile.displayName);
      expect(p.name.endsWith(` ${p.givenName}`)).toBe(true);
      expect(nameKey(p.roster.name)).toBe(nameKey(p.profile.nameWhileEmployed));
      if (p.roster.nameKana) expect(kanaKey(p.roster.nameKana)).toBe(kanaKey(p.profile.nameKana));
    }
  });

  it("uses codes and shapes the product accepts", () => {
    const people = generateAlumni({ seed: 9, count: 2000, today: TODAY });
    for (const p of people) {
      expect(
        p.profile.industry === null || (INDUSTRIES as readonly string[]).includes(p.profile.industry),
      ).toBe(true);
      expect((JOB_TYPES as readonly string[]).includes(p.profile.jobType)).toBe(true);
      expect(p.profile.openTo.every((o) => (OPEN_TO as readonly string[]).includes(o))).toBe(true);
      expect(Object.keys(p.profile.visibility).sort()).toEqual([...PROFILE_FIELDS].sort());
      expect(p.profile.visibility.displayName).toBe("members");
      expect(p.profile.skills.length).toBeGreaterThanOrEqual(2);
      expect(p.profile.departments.at(-1)).toBe(p.roster.department);
      if (p.profile.bio) {
        const sentences = p.profile.bio.split("。").filter(Boolean).length;
        expect(sentences).toBeGreaterThanOrEqual(2);
        expect(sentences).toBeLessThanOrEqual(4);
      }
      expect(p.employeeNumber).toBe(p.roster.employeeNumber);
    }
    // The mix a demo needs: some without directory consent, some suspended, some half-width skills.
    const share = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    expect(share((p) => p.consent.directory)).toBeGreaterThan(0.7);
    expect(share((p) => !p.consent.directory)).toBeGreaterThan(0.05);
    expect(share((p) => p.status === "suspended")).toBeGreaterThan(0.002);
    expect(share((p) => p.welcomeSurvey !== null)).toBeCloseTo(0.6, 1);
    expect(share((p) => p.profile.skills.some((s) => s !== s.normalize("NFKC")))).toBeGreaterThan(0.01);
  });

  it("gives 100,000 people unique e-mails and employee numbers", () => {
    const people = generateAlumni({ seed: 1, count: 100_000, today: TODAY });
    expect(new Set(people.map((p) => p.email)).size).toBe(100_000);
    expect(new Set(people.map((p) => p.employeeNumber)).size).toBe(100_000);
    for (const p of people.slice(0, 1000)) expect(p.email).toMatch(/^[a-z0-9._]+@[a-z.]+$/);
    const tagged = generateAlumni({ seed: 1, count: 3, today: TODAY, emailTag: "bench" });
    expect(tagged[0].email).toMatch(/^[a-z0-9._]+\+bench@/);
  });
});

describe("rosterCsv", () => {
  it("writes the roster columns with quoting", () => {
    const rows = generateAlumni({ seed: 2, count: 3, today: TODAY }).map((p) => p.roster);
    rows[0] = { ...rows[0], department: '営業部,"東京"' };
    const csv = rosterCsv(rows);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス");
    expect(lines[1]).toContain('"営業部,""東京"""');
    expect(lines).toHaveLength(5);
  });
});
