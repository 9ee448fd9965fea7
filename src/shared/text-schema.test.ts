import { describe, expect, it } from "vitest";
import { idParam, safeString, secretString, text } from "./text-schema.ts";

describe("text schema", () => {
  it("refuses lone surrogates and U+0000, keeps paired surrogates (emoji)", () => {
    const t = text({ max: 10 });
    expect(t.safeParse("a\ud800").success).toBe(false);
    expect(t.safeParse("\udc00a").success).toBe(false);
    expect(t.safeParse("a\u0000").success).toBe(false);
    expect(t.parse(" 😀山田 ")).toBe("😀山田");
  });

  it("single line: no control characters at all; multi-line: tab and line breaks only", () => {
    for (const c of ["\t", "\n", "\r", "\u0007", "\u001b", "\u007f", "\u0085"]) {
      expect(safeString().safeParse(`a${c}b`).success).toBe(false);
    }
    const multi = text({ max: 100, multiline: true });
    expect(multi.parse("一行目\r\n\t二行目")).toBe("一行目\r\n\t二行目");
    for (const c of ["\u0000", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u009f"]) {
      expect(multi.safeParse(`a${c}b`).success).toBe(false);
    }
  });

  it("limits count after trimming; ids need 1–100 characters", () => {
    expect(text({ max: 3 }).safeParse("  abc  ").success).toBe(true);
    expect(text({ max: 3, min: 1 }).safeParse("   ").success).toBe(false);
    expect(idParam.safeParse("").success).toBe(false);
    expect(idParam.safeParse("x".repeat(101)).success).toBe(false);
    expect(idParam.safeParse("abc_123").success).toBe(true);
  });

  it("secrets: anything but U+0000 and lone surrogates", () => {
    expect(secretString().safeParse("pass\tword\u0007").success).toBe(true);
    expect(secretString().safeParse("pass\u0000").success).toBe(false);
    expect(secretString().safeParse("pass\ud800").success).toBe(false);
  });
});
