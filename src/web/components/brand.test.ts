import chroma from "chroma-js";
import { describe, expect, it } from "vitest";
import { textOn } from "../../shared/contrast.ts";
import { accentStyle } from "./brand.ts";

const vars = (accent: string) => accentStyle(accent) as Record<string, string>;
/** The light-scheme and dark-scheme colours of a light-dark() value. */
const schemes = (v: string) => /^light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)$/i.exec(v)!.slice(1);

describe("a network's accent colour", () => {
  it("writes black on a light accent and white on a dark one (the higher WCAG contrast)", () => {
    expect(textOn("#f5d90a")).toBe("black");
    expect(textOn("#ffffff")).toBe("black");
    expect(textOn("#003f8e")).toBe("white");
    expect(textOn("#000000")).toBe("white");
    expect(vars("#f5d90a")["--mantine-primary-color-contrast"]).toBe("var(--mantine-color-black)");
    expect(vars("#003f8e")["--mantine-primary-color-contrast"]).toBe("var(--mantine-color-white)");
    // Filled is the accent itself, and its text the one that reads best on it.
    for (const accent of [
      "#f5d90a",
      "#c8102e",
      "#e60012",
      "#f39800",
      "#0068b7",
      "#1d7a46",
      "#5a3d8a",
      "#333333",
    ]) {
      const filled = vars(accent)["--mantine-primary-color-filled"];
      expect(filled).toBe(accent);
      const text = vars(accent)["--mantine-primary-color-contrast"].includes("black") ? "#000" : "#fff";
      const other = text === "#000" ? "#fff" : "#000";
      expect(chroma.contrast(filled, text), accent).toBeGreaterThanOrEqual(chroma.contrast(filled, other));
    }
  });

  it("writes text in the accent darker (lighter in the dark scheme) until it reads on the page", () => {
    for (const accent of ["#f5d90a", "#c8102e", "#0068b7", "#333333", "#ffffff", "#000000", "#00ff00"]) {
      const [onLight, onDark] = schemes(vars(accent)["--mantine-color-anchor"]);
      expect(chroma.contrast(onLight, "#ffffff"), accent).toBeGreaterThanOrEqual(4.5);
      expect(chroma.contrast(onDark, "#242424"), accent).toBeGreaterThanOrEqual(4.5);
      expect(vars(accent)["--mantine-primary-color-light-color"]).toBe(
        vars(accent)["--mantine-color-anchor"],
      );
    }
  });

  it("ignores what is not a #rrggbb colour", () => {
    expect(accentStyle(null)).toBeUndefined();
    expect(accentStyle("red")).toBeUndefined();
    expect(accentStyle("#fff")).toBeUndefined();
  });
});
