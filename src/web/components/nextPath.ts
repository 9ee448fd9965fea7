// The `?next=` redirect kept through sign-in, sign-up and email verification. Only paths inside
// this site are accepted (no "//host" or "https://…").
import { useSearchParams } from "react-router";

export function safeNext(raw: string | null | undefined): string | null {
  if (!raw?.startsWith("/")) return null;
  // Browsers drop tabs and newlines in URLs ("/\t/evil.com" is "//evil.com"): refuse control
  // characters and backslashes, then anything that is not a path on this site.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  if (/[\u0000-\u001f\u007f\\]/.test(raw) || raw.startsWith("//")) return null;
  return raw;
}

/** The current page's `next` parameter (validated), or null. */
export function useNext(): string | null {
  const [params] = useSearchParams();
  return safeNext(params.get("next"));
}

/** `path` with `?next=` appended when there is one. */
export function withNext(path: string, next: string | null | undefined): string {
  if (!next) return path;
  return `${path}${path.includes("?") ? "&" : "?"}next=${encodeURIComponent(next)}`;
}

const LAST = "lastNetwork";
export const rememberNetwork = (slug: string) => localStorage.setItem(LAST, slug);
export const lastNetwork = () => localStorage.getItem(LAST);
