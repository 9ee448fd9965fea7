import { describe, expect, it } from "vitest";
import { safeNext } from "./nextPath.ts";

describe("safeNext", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/n/demo/register")).toBe("/n/demo/register");
    expect(safeNext("/invite/abc?x=1")).toBe("/invite/abc?x=1");
  });
  it("refuses other sites, however disguised", () => {
    for (const bad of [
      "https://evil.com",
      "//evil.com",
      "/\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "evil.com",
      "",
      null,
    ]) {
      expect(safeNext(bad)).toBeNull();
    }
  });
});
