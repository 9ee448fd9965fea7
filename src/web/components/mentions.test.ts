import { describe, expect, it } from "vitest";
import { mentionParts, toEditable, toStored, typedMention } from "./mentions.ts";

describe("mentions in the text box", () => {
  it("shows stored mentions as @names and stores picked names again, longest first", () => {
    const stored = "@[坂本 勉](mention:u1) さんと @[坂本](mention:u2) さん";
    const { text, picked } = toEditable(stored);
    expect(text).toBe("@坂本 勉 さんと @坂本 さん");
    expect(toStored(text, picked)).toBe(stored);
    // A name typed by hand without picking it stays text.
    expect(toStored("@青木 さん", picked)).toBe("@青木 さん");
  });

  it("finds the @word before the caret, also after a full-width space", () => {
    expect(typedMention("こんにちは @さか", 9)).toEqual({ start: 6, query: "さか" });
    expect(typedMention("こんにちは　@", 7)).toEqual({ start: 6, query: "" });
    expect(typedMention("mail@example", 12)).toBeNull();
    expect(typedMention("先日の件、@人", 7)).toEqual({ start: 5, query: "人" });
    expect(typedMention("@坂本 勉 です", 9)).toBeNull();
  });

  it("splits stored text into text and mentions", () => {
    expect(mentionParts("a @[B](mention:x1) c")).toEqual([
      { at: 0, text: "a " },
      { at: 2, name: "B", userId: "x1" },
      { at: 18, text: " c" },
    ]);
  });
});
