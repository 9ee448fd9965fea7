// Dates in Japanese conventions (2024年4月) or English (Apr 2024).
import i18n from "i18next";

const lang = () => (i18n.language === "en" ? "en" : "ja");

/** "2015-04" → "2015年4月" / "Apr 2015"; null → "". */
export function formatYm(ym: string | null | undefined): string {
  if (!ym) return "";
  const [y, m] = ym.split("-").map(Number);
  if (lang() === "en") {
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString("en", {
      year: "numeric",
      month: "short",
      timeZone: "UTC",
    });
  }
  return `${y}年${m}月`;
}

/** ISO timestamp → "2024年4月1日" / "Apr 1, 2024". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleDateString(lang() === "en" ? "en" : "ja-JP", {
    year: "numeric",
    month: lang() === "en" ? "short" : "long",
    day: "numeric",
    timeZone: "Asia/Tokyo",
  });
}

/** ISO timestamp → date and time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(lang() === "en" ? "en" : "ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Tokyo",
  });
}
