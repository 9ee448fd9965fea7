// better-auth answers errors as { code, message } in English. We add our error shape with a
// Japanese message for the codes people meet, keeping better-auth's fields for its clients.
import type { Messages } from "../shared/errors.ts";
import { originRefusedMessages } from "./origins.ts";

const known: Record<string, Messages> = {
  INVALID_EMAIL_OR_PASSWORD: {
    ja: "メールアドレスまたはパスワードが正しくありません。",
    en: "Invalid email or password.",
  },
  USER_ALREADY_EXISTS: {
    ja: "このメールアドレスは既に登録されています。",
    en: "This email address is already registered.",
  },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    ja: "このメールアドレスは既に登録されています。",
    en: "This email address is already registered.",
  },
  EMAIL_NOT_VERIFIED: {
    ja: "メールアドレスの確認が済んでいません。確認メールのリンクを開いてください。",
    en: "Your email address is not verified yet. Open the link in the verification email.",
  },
  PASSWORD_TOO_SHORT: {
    ja: "パスワードは8文字以上にしてください。",
    en: "The password must be at least 8 characters.",
  },
  PASSWORD_TOO_LONG: { ja: "パスワードが長すぎます。", en: "The password is too long." },
  INVALID_TOKEN: {
    ja: "リンクが無効か、有効期限が切れています。",
    en: "The link is invalid or has expired.",
  },
  INVALID_EMAIL: { ja: "メールアドレスの形式が正しくありません。", en: "The email address is not valid." },
  INVALID_PASSWORD: { ja: "パスワードが正しくありません。", en: "The password is wrong." },
  TOO_MANY_REQUESTS: {
    ja: "操作が多すぎます。しばらく待ってから再度お試しください。",
    en: "Too many attempts. Please wait and try again.",
  },
  UNAUTHORIZED: { ja: "ログインしてください。", en: "Please sign in." },
  // two-factor plugin
  INVALID_CODE: {
    ja: "確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。",
    en: "The code is wrong. Enter the 6-digit code your authenticator app shows.",
  },
  INVALID_BACKUP_CODE: {
    ja: "バックアップコードが正しくないか、既に使われています。",
    en: "The backup code is wrong or has already been used.",
  },
  INVALID_TWO_FACTOR_COOKIE: {
    ja: "確認の有効期限が切れました。もう一度メールアドレスとパスワードでログインしてください。",
    en: "The sign-in has expired. Please sign in again with your email address and password.",
  },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: {
    ja: "確認コードの入力に何度も失敗しました。もう一度ログインからやり直してください。",
    en: "Too many wrong codes. Please sign in again.",
  },
  ACCOUNT_TEMPORARILY_LOCKED: {
    ja: "確認コードの失敗が続いたため、一時的にログインできません。15分ほど待ってから再度お試しください。",
    en: "Too many failed codes: sign-in is locked for a while. Please try again in about 15 minutes.",
  },
  TOTP_ALREADY_ENABLED: {
    ja: "二段階認証は既に設定されています。",
    en: "Two-factor authentication is already set up.",
  },
  TOTP_NOT_ENABLED: {
    ja: "二段階認証が設定されていません。",
    en: "Two-factor authentication is not set up.",
  },
};

/** What the request said about itself, for messages that name it (a refused origin). */
export type AuthRequestInfo = { origin?: string; baseUrl: string };

const ORIGIN_CODES = new Set(["INVALID_ORIGIN", "MISSING_OR_NULL_ORIGIN"]);

export function translateAuthError(status: number, body: any, req?: AuthRequestInfo): any {
  if (!body || typeof body !== "object" || body.error) return body;
  const code = String(body.code ?? (status === 429 ? "TOO_MANY_REQUESTS" : `AUTH_${status}`));
  // better-auth says only "Invalid origin": say which one, and that BASE_URL decides.
  const origin = req && ORIGIN_CODES.has(code) ? originRefusedMessages(req.origin, req.baseUrl) : undefined;
  const messages = origin ??
    known[code] ?? {
      ja: "認証でエラーが発生しました。入力内容を確認してください。",
      en: String(body.message ?? "Authentication error."),
    };
  return { ...body, code, error: { code, message: messages.ja, messages } };
}
