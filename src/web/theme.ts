// The Mantine theme. The primary colour is a palette of its own (components/brand.ts): a network's
// accent replaces it inside its pages, and what is written on it — filled buttons and badges, the
// tick of a checkbox, the dot of a radio — takes --mantine-primary-color-contrast, black or white
// by contrast with the accent (white on the default teal).
import {
  Checkbox,
  createTheme,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  Radio,
  type VariantColorsResolver,
} from "@mantine/core";
import { PRIMARY } from "./components/brand.ts";

const CONTRAST = "var(--mantine-primary-color-contrast)";
const isPrimary = (color: string | undefined) => !color || color === PRIMARY;

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  return input.variant === "filled" && isPrimary(input.color) ? { ...colors, color: CONTRAST } : colors;
};

/** A check or dot drawn on the filled primary colour (not outline or light, whose tick is the colour). */
const onFilled = (p: { color?: string; iconColor?: string; variant?: string }) =>
  isPrimary(p.color) && !p.iconColor && (!p.variant || p.variant === "filled");

export const theme = createTheme({
  primaryColor: PRIMARY,
  colors: { [PRIMARY]: DEFAULT_THEME.colors.teal },
  fontFamily: '"Noto Sans JP", "Hiragino Kaku Gothic ProN", "Hiragino Sans", Meiryo, system-ui, sans-serif',
  variantColorResolver,
  components: {
    Checkbox: Checkbox.extend({
      vars: (_theme, p) => ({ root: { "--checkbox-icon-color": onFilled(p) ? CONTRAST : undefined } }),
    }),
    Radio: Radio.extend({
      vars: (_theme, p) => ({ root: { "--radio-icon-color": onFilled(p) ? CONTRAST : undefined } }),
    }),
  },
});
