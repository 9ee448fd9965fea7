// The part of chroma-js (no types of its own) the web uses: WCAG contrast ratios and mixing.
declare module "chroma-js" {
  const chroma: {
    /** The WCAG 2 contrast ratio of two colours (1–21), from their relative luminance. */
    contrast(a: string, b: string): number;
    /** `a` mixed with `b` (ratio 0 = a, 1 = b). */
    mix(a: string, b: string, ratio: number, mode?: "rgb" | "lab" | "lch"): { hex(): string };
  };
  export default chroma;
}
