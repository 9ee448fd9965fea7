// A network's accent colour as Mantine's primary colour: the ten shades (generated with
// @mantine/colors-generator) and the variables Mantine's components read, set on an element so
// everything inside it that uses the primary colour takes the network's.
import { generateColors } from "@mantine/colors-generator";
import type { CSSProperties } from "react";

const HEX = /^#[0-9a-f]{6}$/i;

export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  if (!accent || !HEX.test(accent)) return undefined;
  const shades = generateColors(accent);
  const vars: Record<string, string> = {};
  shades.forEach((c, i) => {
    vars[`--mantine-primary-color-${i}`] = c;
  });
  return {
    ...vars,
    "--mantine-primary-color-filled": shades[6],
    "--mantine-primary-color-filled-hover": shades[7],
    "--mantine-primary-color-light": `color-mix(in srgb, ${shades[6]} 10%, transparent)`,
    "--mantine-primary-color-light-hover": `color-mix(in srgb, ${shades[6]} 14%, transparent)`,
    "--mantine-primary-color-light-color": shades[6],
    "--mantine-primary-color-contrast": "#fff",
    "--mantine-color-anchor": shades[6],
  } as CSSProperties;
}
