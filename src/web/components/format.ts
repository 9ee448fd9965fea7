// Number formatting for lists and counts. (Dates: see dates.ts.)
import i18n from "i18next";

/** 1234 → "1,234" in the UI language. */
export function formatNumber(n: number): string {
  return n.toLocaleString(i18n.language === "en" ? "en" : "ja-JP");
}

export { formatDate, formatDateTime, formatYm } from "./dates.ts";
