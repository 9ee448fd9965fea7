import { describe, expect, it } from "vitest";
import { shownNames } from "./names.ts";

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
        nameWhileEmployed: "渡邊　翔太",
        nameKana: "ワタナベ ショウタ",
      }),
    ).toEqual({
      reading: "ワタナベ ショウタ",
      former: null,
      formerReading: null,
    });
  });

  it("prefers the reading given for today's name", () => {
    expect(
      shownNames({
        displayName: "東 夏美",
        displayNameKana: "アズマ ナツミ",
        nameWhileEmployed: "松村 夏美",
        nameKana: "マツムラ ナツミ",
      }).reading,
    ).toBe("アズマ ナツミ");
    // No other name (null): the reading given with the name is today's.
    expect(
      shownNames({ displayName: "金子 純", nameWhileEmployed: null, nameKana: "カネコ ジュン" }).reading,
    ).toBe("カネコ ジュン");
    expect(shownNames({ displayName: "金子 純" })).toEqual({
      reading: null,
      former: null,
      formerReading: null,
    });
  });

  it("does not take a hidden name while employed for today's", () => {
    // The viewer may see the reading of the name while employed, not the name: nothing says it is today's.
    expect(
      shownNames({ displayName: "東 夏美", nameWhileEmployed: undefined, nameKana: "マツムラ ナツミ" }),
    ).toEqual({ reading: null, former: null, formerReading: null });
  });
});
