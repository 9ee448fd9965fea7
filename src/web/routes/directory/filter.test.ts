import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  cleanFilter,
  decadeOf,
  effectiveSort,
  filterFromParams,
  filterFromRecord,
  filterToParams,
} from "./filter.ts";

describe("directory filter ⇄ URL", () => {
  it("round-trips every kind of condition, lists as repeated keys", () => {
    const f = {
      q: "マーケティング",
      joinFrom: 2010,
      joinTo: 2019,
      department: ["人事部", "営業部"],
      industry: ["it" as const],
      jobType: ["hr" as const, "marketing" as const],
      skill: ["React", "TypeScript"],
      location: "東京",
      openTo: ["freelance" as const],
    };
    const p = filterToParams(f, "recent");
    expect(p.getAll("skill")).toEqual(["React", "TypeScript"]);
    expect(p.get("sort")).toBe("recent");
    expect(filterFromParams(p)).toEqual(f);
  });

  it("drops what the server would refuse: unknown codes, bad years, blanks, too many items", () => {
    const p = new URLSearchParams(
      "q=%20%20&joinFrom=abc&joinTo=1800&industry=nope&industry=it&jobType=hr&openTo=x&skill=%20&" +
        Array.from({ length: 12 }, (_, i) => `skill=s${i}`).join("&"),
    );
    const f = filterFromParams(p);
    expect(f).toEqual({
      industry: ["it"],
      jobType: ["hr"],
      skill: Array.from({ length: 10 }, (_, i) => `s${i}`),
    });
  });

  it("swaps a reversed year range and reads a segment's stored JSON", () => {
    expect(cleanFilter({ joinFrom: 2019, joinTo: 2010 })).toEqual({ joinFrom: 2010, joinTo: 2019 });
    expect(filterFromRecord({ q: "人事", joinFrom: 2010, joinTo: 2019, skill: ["採用"], extra: 1 })).toEqual({
      q: "人事",
      joinFrom: 2010,
      joinTo: 2019,
      skill: ["採用"],
    });
  });

  it("knows the decade chips, the count of active filters and the default sort", () => {
    expect(decadeOf({ joinFrom: 2010, joinTo: 2019 })).toBe(2010);
    expect(decadeOf({ joinFrom: 2011, joinTo: 2019 })).toBeNull();
    expect(decadeOf({ joinFrom: 2010 })).toBeNull();
    expect(activeFilterCount({ q: "x", joinFrom: 2010, skill: ["a", "b"], location: "東京" })).toBe(3);
    expect(effectiveSort({ q: "x" })).toBe("relevance");
    expect(effectiveSort({})).toBe("name");
    expect(effectiveSort({}, "relevance")).toBe("name");
    expect(effectiveSort({ q: "x" }, "recent")).toBe("recent");
  });
});
