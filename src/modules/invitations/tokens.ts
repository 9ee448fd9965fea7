// Secrets handed out once (invitation links, API tokens) and the dates written in emails.
import { randomBytes } from "node:crypto";

/** 32 random bytes, base64url: the invitation link secret (only its sha256 hash is stored). */
export const newInvitationToken = () => randomBytes(32).toString("base64url");

/** A network API token: `tsg_` + 32 random bytes (base64url); the prefix is what lists show. */
export function newApiToken() {
  const token = `tsg_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 12) };
}

const formats = {
  ja: new Intl.DateTimeFormat("ja-JP", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }),
  en: new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
  }),
};

/** "2025年7月14日(月) 18:00（日本時間）" / "Mon, July 14, 2025 at 6:00 PM (Japan time)". */
export function formatExpiry(d: Date, locale: "ja" | "en"): string {
  return locale === "ja" ? `${formats.ja.format(d)}（日本時間）` : `${formats.en.format(d)} (Japan time)`;
}
