// Formatting for the inquiry pages: business durations, weekday names, file sizes.
import i18n from "i18next";
import "./i18n.ts";

/** Business minutes as 「1時間20分」 / "1 h 20 min". */
export function formatBusinessMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  const t = (k: "minutes" | "hours" | "hoursMinutes") =>
    i18n.t(`duration.${k}`, { ns: "inquiries", h: h.toLocaleString(), m }) as string;
  if (h === 0) return t("minutes");
  return m === 0 ? t("hours") : t("hoursMinutes");
}

/** 日 月 火 … / Sun Mon Tue … (0 = Sunday). */
export function weekdayName(day: number): string {
  const lang = i18n.language === "en" ? "en" : "ja-JP";
  return new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" }).format(
    Date.UTC(2023, 0, 1 + day),
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const STATUS_COLOR = { open: "orange", answered: "teal", closed: "gray" } as const;
