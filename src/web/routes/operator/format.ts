// Formatting the operator pages need beyond components/dates.ts and components/format.ts.
import i18n from "i18next";
import { formatDate, formatYm } from "../../components/dates.ts";

const isEn = () => i18n.language === "en";

export { formatNumber } from "../../components/format.ts";

/** Like formatDate/formatDateTime/formatYm, with "—" for no value (table cells). */
export const dateCell = (iso: string | null | undefined) => formatDate(iso) || "—";
/** An instant as date and time in Japan: 2024年4月1日 10:05 / Apr 1, 2024, 10:05 AM. */
export function dateTimeCell(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(isEn() ? "en" : "ja-JP", {
    year: "numeric",
    month: isEn() ? "short" : "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
  });
}
export const ymCell = (ym: string | null | undefined) => formatYm(ym) || "—";

/** A calendar date `YYYY-MM-DD` (no time zone shift): 2015年4月1日 / Apr 1, 2015. */
export function formatCalendarDate(ymd: string | null | undefined): string {
  if (!ymd) return "—";
  const [y, m, d] = ymd.split("-").map(Number);
  if (!isEn()) return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}

/** A period of year-months: 2015年4月〜2020年3月 / Apr 2015 – Mar 2020. */
export function formatYmRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return "—";
  return `${ymCell(from)}${isEn() ? " – " : "〜"}${ymCell(to)}`;
}

/** A duration: 850 ミリ秒 / 1.2 秒 (850 ms / 1.2 s). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return isEn() ? `${Math.round(ms)} ms` : `${Math.round(ms)} ミリ秒`;
  const s = ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000).toString();
  return isEn() ? `${s} s` : `${s} 秒`;
}
