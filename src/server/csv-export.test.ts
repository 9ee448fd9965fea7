// The CSV file every export writes: CRLF records, a BOM for UTF-8 or Shift_JIS bytes, the file
// name, and cells that would start an Excel formula written as text.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { asText, csvFile } from "./csv-export.ts";

describe("csvFile", () => {
  const records = [
    ["氏名", "メモ"],
    ["山田 太郎", 'a "quoted", value'],
    ['=HYPERLINK("http://evil.example","開く")', "+81 3"],
  ];

  it("writes UTF-8 with a BOM and CRLF, quoting as CSV does, formulas as text", () => {
    const f = csvFile(records, "utf8", "members", "demo");
    expect(f.charset).toBe("utf-8");
    expect(f.filename).toMatch(/^members-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(f.body.toString("utf8")).toBe(
      '\uFEFF氏名,メモ\r\n山田 太郎,"a ""quoted"", value"\r\n"\'=HYPERLINK(""http://evil.example"",""開く"")",\'+81 3\r\n',
    );
  });

  it("writes Shift_JIS bytes without a BOM, and keeps values as they are when asked", () => {
    const f = csvFile(records, "shift_jis", "roster", "demo", { formulas: "keep" });
    expect(f.charset).toBe("Shift_JIS");
    expect([...f.body.subarray(0, 2)]).toEqual([0x8e, 0x81]); // 氏
    expect(iconv.decode(f.body, "Shift_JIS").split("\r\n")[2]).toBe(
      '"=HYPERLINK(""http://evil.example"",""開く"")",+81 3',
    );
  });

  it("neutralises only what Excel would run", () => {
    expect(["=1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].map(asText)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(["山田", "a=b", "2026-12-02T00:00:00.000Z", "taro@example.com", ""].map(asText)).toEqual([
      "山田",
      "a=b",
      "2026-12-02T00:00:00.000Z",
      "taro@example.com",
      "",
    ]);
  });
});
