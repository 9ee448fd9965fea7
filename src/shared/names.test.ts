import { describe, expect, it } from "vitest";
import { sameNameReading, shownNames } from "./names.ts";

describe("shownNames", () => {
  it("shows the name while employed only when it is not today's name", () => {
    expect(
      shownNames({ displayName: "東 夏美", nameWhileEmployed: "松村 夏美", nameKana: "マツムラ ナツミ" }),
    ).toEqual({
      reading: null,
      former: "松村 夏美",
      formerReading: "マツムラ ナツミ",
    });
    // Spacing and variant kanji do not make another name.
    expect(
      shownNames({
        displayName: "渡辺 翔太",
        displayNameKana: "ワタナベ ショウタ",
        nameWhileEmployed: "渡邊　翔太",
        nameKana: "ワタナベ ショウタ",
      }),
    ).toEqual({
      reading: "ワタナベ ショウタ",
      former: null,
      formerReading: null,
    });
  });

  it("shows only the reading given for today's name", () => {
    expect(
      shownNames({
        displayName: "東 夏美",
        displayNameKana: "アズマ ナツミ",
        nameWhileEmployed: "松村 夏美",
        nameKana: "マツムラ ナツミ",
      }).reading,
    ).toBe("アズマ ナツミ");
    // Cleared (or never given): no reading, even when the name while employed is the same name.
    for (const displayNameKana of [null, "", undefined]) {
      expect(
        shownNames({
          displayName: "金子 純",
          displayNameKana,
          nameWhileEmployed: "金子 純",
          nameKana: "カネコ ジュン",
        }),
      ).toEqual({ reading: null, former: null, formerReading: null });
    }
    expect(shownNames({ displayName: "金子 純" })).toEqual({
      reading: null,
      former: null,
      formerReading: null,
    });
  });

  it("does not take a hidden name while employed for today's", () => {
    // The viewer may see the reading of the name while employed, not the name: nothing tells it is today's.
    expect(
      shownNames({ displayName: "東 夏美", nameWhileEmployed: undefined, nameKana: "マツムラ ナツミ" }),
    ).toEqual({ reading: null, former: null, formerReading: null });
    expect(
      sameNameReading({ displayName: "東 夏美", nameWhileEmployed: undefined, nameKana: "マツムラ ナツミ" }),
    ).toBe(null);
  });
});

describe("sameNameReading", () => {
  it("is the reading of the name while employed when it is today's name, or there is no other", () => {
    expect(
      sameNameReading({
        displayName: "渡辺 翔太",
        nameWhileEmployed: "渡邊　翔太",
        nameKana: "ワタナベ ショウタ",
      }),
    ).toBe("ワタナベ ショウタ");
    expect(
      sameNameReading({ displayName: "金子 純", nameWhileEmployed: null, nameKana: "カネコ ジュン" }),
    ).toBe("カネコ ジュン");
    expect(
      sameNameReading({ displayName: "金子 純", nameWhileEmployed: "", nameKana: "カネコ ジュン" }),
    ).toBe("カネコ ジュン");
    expect(
      sameNameReading({
        displayName: "東 夏美",
        nameWhileEmployed: "松村 夏美",
        nameKana: "マツムラ ナツミ",
      }),
    ).toBe(null);
    expect(sameNameReading({ displayName: "金子 純", nameWhileEmployed: null, nameKana: "" })).toBe(null);
  });
});
