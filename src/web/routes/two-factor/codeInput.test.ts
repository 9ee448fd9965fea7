import { expect, test } from "vitest";
import { normalizeCode } from "./codeInput.ts";

test("a code is six digits, spaces and full-width digits accepted", () => {
  expect(normalizeCode("123456")).toBe("123456");
  expect(normalizeCode(" 123 456 ")).toBe("123456");
  expect(normalizeCode("１２３４５６")).toBe("123456");
  expect(normalizeCode("12345")).toBeNull();
  expect(normalizeCode("12345a")).toBeNull();
  expect(normalizeCode("1234567")).toBeNull();
});
