// Unit tests of the pure roster file reader and validator (no database).
import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, readRosterCsv } from "./csv.ts";
import { parseDate } from "./dates.ts";
import { checkRosterFile } from "./validate.ts";

const TODAY = "2025-06-30";
const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス";
const check = (s: string | Uint8Array) =>
  checkRosterFile(typeof s === "string" ? utf8(s) : s, { today: TODAY });
const codes = (s: string) => check(s).errors.map((e) => [e.line, e.code, e.field ?? null]);

describe("parseDate", () => {
  it.each([
    ["2015/4/1", "2015-04-01"],
    ["2015-04-01", "2015-04-01"],
    ["2015.4.1", "2015-04-01"],
    ["20150401", "2015-04-01"],
    ["2015年4月1日", "2015-04-01"],
    ["２０１５／４／１", "2015-04-01"],
    ["2015/04/01 0:00", "2015-04-01"],
    ["平成27年4月1日", "2015-04-01"],
    ["H27.4.1", "2015-04-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["2016/2/29", "2016-02-29"],
  ])("%s → %s", (input, out) => {
    expect(parseDate(input)).toEqual({ ok: true, value: out });
  });
  it.each([
    ["2015/2/30", "nonexistent"],
    ["2014/2/29", "nonexistent"],
    ["2015/13/1", "nonexistent"],
    ["2015/4/31", "nonexistent"],
    ["20150230", "nonexistent"],
    ["4/1/2015", "format"],
    ["2015/4", "format"],
    ["昨日", "format"],
    ["1899/12/31", "range"],
  ])("rejects %s (%s)", (input, reason) => {
    expect(parseDate(input)).toEqual({ ok: false, reason });
  });
});

describe("decodeCsv", () => {
  it("detects UTF-8 with and without BOM, Shift_JIS and UTF-16", () => {
    const text = `${HEADER}\n`;
    expect(decodeCsv(utf8(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toEqual({
      text,
      encoding: "utf-8-bom",
    });
    expect(decodeCsv(iconv.encode(text, "cp932"))).toEqual({ text, encoding: "shift_jis" });
    expect(decodeCsv(iconv.encode(text, "utf-16le", { addBOM: true }))).toEqual({
      text,
      encoding: "utf-16le",
    });
  });
  it("refuses an Excel workbook", () => {
    expect(decodeCsv(Buffer.from("PK\x03\x04rest-of-zip"))).toMatchObject({ code: "NOT_CSV" });
  });
});

describe("checkRosterFile", () => {
  const good = [
    HEADER,
    "A001,山田 太郎,ヤマダ タロウ,2015/4/1,2020-03-31,営業部,Taro@Example.com",
    "A002,佐藤 花子,,2010年4月1日,20190930,,",
  ].join("\r\n");

  it("reads a valid file with CRLF and normalises the values", () => {
    const r = check(good);
    expect(r.totalErrors).toBe(0);
    expect(r.encoding).toBe("utf-8");
    expect(r.rowCount).toBe(2);
    expect(r.rows[0]).toEqual({
      line: 2,
      employeeNumber: "A001",
      name: "山田 太郎",
      nameKana: "ヤマダ タロウ",
      joinDate: "2015-04-01",
      leaveDate: "2020-03-31",
      department: "営業部",
      email: "taro@example.com",
    });
    expect(r.rows[1]).toMatchObject({ line: 3, nameKana: null, department: null, email: null });
  });

  it("reads Shift_JIS with CRLF exactly as UTF-8", () => {
    const r = check(iconv.encode(good, "cp932"));
    expect(r.encoding).toBe("shift_jis");
    expect(r.rows).toEqual(check(good).rows);
  });

  it("reads a UTF-8 BOM file with English, full-width and spaced headers", () => {
    const text =
      "\ufeffEmployee Number,ＮＡＭＥ,join_date,Leave_Date,E-mail\n1,Alice,2015-4-1,2016-1-1,a@example.jp\n";
    const r = check(text);
    expect(r.encoding).toBe("utf-8-bom");
    expect(r.totalErrors).toBe(0);
    expect(r.columns.sort()).toEqual(["email", "employeeNumber", "joinDate", "leaveDate", "name"]);
  });

  it("ignores blank lines and Excel's empty rows but keeps physical line numbers", () => {
    const text = `${HEADER}\n\nA001,山田,,2015/4/1,2016/4/1,,\n,,,,,,\nA002,"佐藤\n花子",,2015/2/30,2016/4/1,,\nA003,,,2015/4/1,2016/4/1,,\n`;
    expect(codes(text)).toEqual([
      [5, "DATE_NONEXISTENT", "joinDate"],
      [7, "REQUIRED", "name"],
    ]);
  });

  it("reports bad dates, order of dates and future dates per line", () => {
    const text = [
      HEADER,
      "1,a,,2015/2/30,2016/1/1,,",
      "2,b,,2015/4/1,4/1/2016,,",
      "3,c,,2016/4/1,2015/4/1,,",
      "4,d,,2015/4/1,2025/7/1,,",
      "5,e,,2025/7/1,2025/7/2,,",
      "6,f,,2015/4/1,2025/6/30,,",
    ].join("\n");
    expect(codes(text)).toEqual([
      [2, "DATE_NONEXISTENT", "joinDate"],
      [3, "DATE_FORMAT", "leaveDate"],
      [4, "LEAVE_BEFORE_JOIN", "leaveDate"],
      [5, "DATE_IN_FUTURE", "leaveDate"],
      [6, "DATE_IN_FUTURE", "joinDate"],
      [6, "DATE_IN_FUTURE", "leaveDate"],
    ]);
    const e = check(text).errors[0];
    expect(e.messages.ja).toContain("2015/2/30");
    expect(e.messages.ja).toContain("存在しない日付");
    expect(e.messages.en).toContain("does not exist");
  });

  it("reports both lines of a duplicate employee number (after width normalisation)", () => {
    const text = [
      HEADER,
      "A001,a,,2015/4/1,2016/4/1,,",
      "A002,b,,2015/4/1,2016/4/1,,",
      "Ａ００１,c,,2015/4/1,2016/4/1,,",
    ].join("\n");
    const r = check(text);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [2, "DUPLICATE_EMPLOYEE_NUMBER"],
      [4, "DUPLICATE_EMPLOYEE_NUMBER"],
    ]);
    expect(r.errors[0].messages.ja).toContain("2、4行目");
  });

  it("checks required fields, email format, length and extra columns", () => {
    const text = [
      HEADER,
      ",,,,,,",
      "1,a,,2015/4/1,2016/4/1,,not-an-email",
      `2,${"長".repeat(101)},,2015/4/1,2016/4/1,,`,
      "3,c,,2015/4/1,2016/4/1,,,extra",
      "4,d,,2015/4/1,2016/4/1,,,,",
    ].join("\n");
    expect(codes(text)).toEqual([
      [3, "EMAIL_FORMAT", "email"],
      [4, "TOO_LONG", "name"],
      [5, "TOO_MANY_COLUMNS", null],
    ]);
    const missing = [HEADER, "1,,,,2016/4/1,,"].join("\n");
    expect(codes(missing)).toEqual([
      [2, "REQUIRED", "name"],
      [2, "REQUIRED", "joinDate"],
    ]);
  });

  it("rejects an empty file, a header-only file and a wrong header", () => {
    expect(codes("")).toEqual([[1, "EMPTY_FILE", null]]);
    expect(codes("\ufeff\r\n\r\n")).toEqual([[1, "EMPTY_FILE", null]]);
    expect(codes(`${HEADER}\r\n`)).toEqual([[2, "NO_ROWS", null]]);
    const wrong = check("番号,名前,入社,退職\n1,a,2015/4/1,2016/4/1\n");
    expect(wrong.errors.map((e) => e.code)).toEqual(["HEADER_MISSING_COLUMN"]);
    expect(wrong.errors[0].messages.ja).toContain("社員番号、入社日、退職日");
    expect(wrong.errors[0].messages.en).toContain("employee_number, join_date, leave_date");
    expect(codes("A001,山田,2015/4/1,2016/4/1\n")[0][1]).toBe("HEADER_MISSING_COLUMN");
    expect(codes("社員番号,氏名,名前,入社日,退職日\n")[0][1]).toBe("HEADER_DUPLICATE_COLUMN");
  });

  it("reports a malformed CSV at its line", () => {
    expect(codes(`${HEADER}\n1,"a,,2015/4/1,2016/4/1,,\n`)).toEqual([[2, "CSV_MALFORMED", null]]);
  });

  it("caps the reported errors at 500 but counts them all", () => {
    const lines = [HEADER];
    for (let i = 0; i < 700; i++) lines.push(`${i},n,,2015/2/30,2016/4/1,,`);
    const r = check(lines.join("\n"));
    expect(r.errors).toHaveLength(500);
    expect(r.totalErrors).toBe(700);
  });

  it("reads tab-separated UTF-16 text (Excel 'Unicode text')", () => {
    const text = "社員番号\t氏名\t入社日\t退職日\n1\t山田\t2015/4/1\t2016/4/1\n";
    const r = checkRosterFile(iconv.encode(text, "utf-16le", { addBOM: true }), { today: TODAY });
    expect(r.totalErrors).toBe(0);
    expect(r.rows[0].name).toBe("山田");
  });

  it("keeps unknown columns out and knows which optional columns are present", () => {
    const r = readRosterCsv(utf8("社員番号,氏名,入社日,退職日,備考\n1,a,2015/4/1,2016/4/1,メモ\n"));
    expect(r.columns.sort()).toEqual(["employeeNumber", "joinDate", "leaveDate", "name"]);
    expect(r.rows[0].values).toEqual({
      employeeNumber: "1",
      name: "a",
      joinDate: "2015/4/1",
      leaveDate: "2016/4/1",
    });
  });
});

describe("docs/samples/roster-sample.csv", () => {
  it("is a valid roster file (UTF-8, Japanese headers, mixed date formats)", () => {
    const r = checkRosterFile(
      fs.readFileSync(new URL("../../../docs/samples/roster-sample.csv", import.meta.url)),
    );
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe("utf-8");
    expect(r.rows).toHaveLength(5);
  });
});
