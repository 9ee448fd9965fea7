import { describe, expect, it } from "vitest";
import { safeFilename } from "./text.ts";
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
