// A network's accent colour as Mantine's primary colour, set as the variables Mantine's
// components read on an element, so that everything inside it that uses the primary colour takes
// the network's: filled buttons are the accent itself, with black or white text, whichever
// contrasts more (WCAG); text in the accent colour is darkened (lightened in the dark scheme)
// until it reads on the page — an accent as light as #f5d90a would not.
import { generateColors } from "@mantine/colors-generator";
import type { CSSProperties } from "react";
import { hoverOf, readableOn, textOn, WHITE } from "../../shared/contrast.ts";

const HEX = /^#[0-9a-f]{6}$/i;
/**
 * The theme's primaryColor (src/web/theme.ts): a palette of its own, teal by default, so that a
 * network's colour replaces it without touching the colours that mean something (teal "done",
 * red "error" …) wherever those are named.
 */
export const PRIMARY = "brand";

const DARK_BODY = "#242424"; // the page in the dark colour scheme (--mantine-color-body)

export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  if (!accent || !HEX.test(accent)) return undefined;
  const base = accent.toLowerCase();
  const shades = generateColors(base);
  const hover = hoverOf(base);
  // Text in the accent colour on the page, in the light and in the dark colour scheme.
  const text = `light-dark(${readableOn(base, WHITE)}, ${readableOn(base, DARK_BODY)})`;
  const vars: Record<string, string> = { "--mantine-color-anchor": text };
  // Components read the primary colour through both names: "primary" and the palette's own.
  for (const name of ["primary-color", `color-${PRIMARY}`]) {
    shades.forEach((c, i) => {
      vars[`--mantine-${name}-${i}`] = c;
    });
    vars[`--mantine-${name}-filled`] = base;
    vars[`--mantine-${name}-filled-hover`] = hover;
    vars[`--mantine-${name}-light`] = `color-mix(in srgb, ${base} 12%, transparent)`;
    vars[`--mantine-${name}-light-hover`] = `color-mix(in srgb, ${base} 18%, transparent)`;
    vars[`--mantine-${name}-light-color`] = text;
    vars[`--mantine-${name}-outline`] = text;
    vars[`--mantine-${name}-outline-hover`] = `color-mix(in srgb, ${base} 6%, transparent)`;
    vars[`--mantine-${name}-text`] = text;
  }
  // What filled buttons, badges, ticks … write on the accent (src/web/theme.ts makes them read it).
  vars["--mantine-primary-color-contrast"] = `var(--mantine-color-${textOn(base)})`;
  return vars as CSSProperties;
}
