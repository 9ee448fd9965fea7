// User-facing errors: a stable code, an HTTP status and a message in Japanese and English.

export type Messages = { ja: string; en: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

export const errors = {
  unauthenticated: () =>
    new AppError(401, "UNAUTHENTICATED", {
      ja: "ログインしてください。",
      en: "Please sign in.",
    }),
  forbidden: () =>
    new AppError(403, "FORBIDDEN", {
      ja: "この操作を行う権限がありません。",
      en: "You do not have permission to do this.",
    }),
  notFound: (what: Messages = { ja: "ページ", en: "page" }) =>
    new AppError(404, "NOT_FOUND", {
      ja: `${what.ja}が見つかりません。`,
      en: `The ${what.en} was not found.`,
    }),
  validation: (details: unknown) =>
    new AppError(
      400,
      "VALIDATION_FAILED",
      { ja: "入力内容を確認してください。", en: "Please check your input." },
      details,
    ),
  conflict: (code: string, messages: Messages) => new AppError(409, code, messages),
  rateLimited: () =>
    new AppError(429, "RATE_LIMITED", {
      ja: "操作が多すぎます。しばらく待ってから再度お試しください。",
      en: "Too many attempts. Please wait a while and try again.",
    }),
  invalidCursor: () =>
    new AppError(400, "INVALID_CURSOR", {
      ja: "ページ指定（cursor）が不正です。最初のページから読み直してください。",
      en: "The page cursor is invalid. Please start again from the first page.",
    }),
  emailNotVerified: () =>
    new AppError(403, "EMAIL_NOT_VERIFIED", {
      ja: "メールアドレスの確認を完了してください。",
      en: "Please verify your email address first.",
    }),
};

export type ErrorBody = {
  error: { code: string; message: string; messages: Messages; details?: unknown };
};

export function errorBody(err: AppError, lang: "ja" | "en"): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.messages[lang],
      messages: err.messages,
      ...(err.details !== undefined ? { details: err.details } : {}),
    },
  };
}
