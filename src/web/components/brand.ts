// A network's accent colour as Mantine's primary colour: the ten shades (generated with
// @mantine/colors-generator) and the variables Mantine's components read, set on an element so
// everything inside it that uses the primary colour takes the network's.
import { generateColors } from "@mantine/colors-generator";
import type { CSSProperties } from "react";

const HEX = /^#[0-9a-f]{6}$/i;
/**
 * The theme's primaryColor (src/web/main.tsx): a palette of its own, teal by default, so that a
 * network's colour replaces it without touching the colours that mean something (teal "done",
 * red "error" …) wherever those are named.
 */
export const PRIMARY = "brand";

export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  if (!accent || !HEX.test(accent)) return undefined;
  const shades = generateColors(accent);
  const vars: Record<string, string> = { "--mantine-color-anchor": shades[6] };
  // Components read the primary colour through both names: "primary" and the palette's own.
  for (const name of ["primary-color", `color-${PRIMARY}`]) {
    shades.forEach((c, i) => {
      vars[`--mantine-${name}-${i}`] = c;
    });
    vars[`--mantine-${name}-filled`] = shades[6];
    vars[`--mantine-${name}-filled-hover`] = shades[7];
    vars[`--mantine-${name}-light`] = `color-mix(in srgb, ${shades[6]} 10%, transparent)`;
    vars[`--mantine-${name}-light-hover`] = `color-mix(in srgb, ${shades[6]} 14%, transparent)`;
    vars[`--mantine-${name}-light-color`] = shades[6];
    vars[`--mantine-${name}-outline`] = shades[6];
    vars[`--mantine-${name}-outline-hover`] = `color-mix(in srgb, ${shades[6]} 5%, transparent)`;
    vars[`--mantine-${name}-text`] = shades[6];
  }
  vars["--mantine-primary-color-contrast"] = "#fff";
  return vars as CSSProperties;
}
