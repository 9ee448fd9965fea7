import { describe, expect, it } from "vitest";
import { cleanName, foldVariants, KANJI_VARIANTS, nameKey, safeFilename, VARIANTS_SQL } from "./text.ts";
import { isStorable } from "./text-schema.ts";

describe("safeFilename", () => {
  it("removes control characters and lone surrogates, keeps the rest", () => {
    expect(safeFilename("ro\u0000ster\u0007.csv")).toBe("roster.csv");
    expect(safeFilename("名簿\ud800.csv")).toBe("名簿\ufffd.csv");
    expect(isStorable(safeFilename("a\u0000\udc00b"))).toBe(true);
    expect(safeFilename(" 退職者名簿 2026.csv ")).toBe("退職者名簿 2026.csv");
    expect(safeFilename("x".repeat(300))).toHaveLength(255);
    expect(isStorable(safeFilename("😀".repeat(300), 255))).toBe(true);
  });
});

describe("names: stored as written, compared with variants folded", () => {
  it("keeps what was written (only white space is collapsed)", () => {
    expect(cleanName(" 伊藤　①  ")).toBe("伊藤 ①");
    expect(cleanName("ﾔﾏﾀﾞ ﾀﾛｳ")).toBe("ヤマダ タロウ"); // half-width kana only: in full width
    expect(cleanName("髙橋 ＫＥＮ")).toBe("髙橋 ＫＥＮ");
  });
  it("folds the variant kanji of names in keys", () => {
    expect(nameKey("髙橋 一郎")).toBe(nameKey("高橋一郎"));
    expect(nameKey("山﨑 花子")).toBe(nameKey("山崎 花子"));
    expect(nameKey("渡邊")).toBe(nameKey("渡辺"));
    expect(nameKey("渡邉")).toBe(nameKey("渡辺"));
    expect(nameKey("齋藤")).toBe(nameKey("斉藤"));
    expect(nameKey("齊藤")).toBe(nameKey("斎藤"));
    expect(nameKey("澤田")).toBe(nameKey("沢田"));
    expect(nameKey("濱口")).toBe(nameKey("浜口"));
    expect(nameKey("𠮷田")).toBe(nameKey("吉田"));
    expect(nameKey("伊藤 ①")).toBe(nameKey("伊藤1"));
  });
  it("gives SQL translate() one fold per variant, in the same order", () => {
    const from = [...VARIANTS_SQL.from];
    const to = [...VARIANTS_SQL.to];
    expect(from).toHaveLength(Object.keys(KANJI_VARIANTS).length);
    expect(to).toHaveLength(from.length);
    for (const [i, c] of from.entries()) expect(foldVariants(c)).toBe(to[i]);
    expect(new Set(from).size).toBe(from.length);
  });
});
