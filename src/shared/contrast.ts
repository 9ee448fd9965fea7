// Text and colour that read on each other (WCAG 2 contrast ratios), for a network's accent colour
// on its pages (web/components/brand.ts) and in its mails (mail/templates.ts).
import chroma from "chroma-js";

export const BLACK = "#000000";
export const WHITE = "#ffffff";
/** WCAG AA for normal text. */
const AA = 4.5;

/** Black or white, whichever has the higher contrast ratio with `background`. */
export function textOn(background: string): "black" | "white" {
  return chroma.contrast(background, BLACK) > chroma.contrast(background, WHITE) ? "black" : "white";
}

/** `color`, mixed with black (on a light page) or white (on a dark one) until it reads on `page` (AA). */
export function readableOn(color: string, page: string): string {
  const towards = textOn(page) === "black" ? BLACK : WHITE;
  for (let t = 0; t < 1; t += 0.05) {
    const c = chroma.mix(color, towards, t, "rgb").hex();
    if (chroma.contrast(c, page) >= AA) return c;
  }
  return towards;
}

/** `color` a little further from its text colour: the hover of a filled button. */
export function hoverOf(color: string): string {
  return chroma.mix(color, textOn(color) === "white" ? BLACK : WHITE, 0.12, "rgb").hex();
}
