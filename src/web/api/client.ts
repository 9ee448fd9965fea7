// The typed API client: paths, parameters, bodies and responses come from schema.d.ts, which is
// generated from the server's OpenAPI document (`npm run api:types`), so a renamed field or path
// fails the typecheck. Errors become an ApiError whose message is in the UI language.
import i18n from "i18next";
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type { paths } from "./schema";

export type ApiErrorBody = {
  error?: { code: string; message: string; messages?: { ja: string; en: string }; details?: any };
  code?: string;
  message?: string;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: any,
  ) {
    super(message);
  }
}

/** The server's `{error:{code,message,messages}}`, or better-auth's own `{code,message}`. */
export function toApiError(status: number, body: unknown): ApiError {
  const b: ApiErrorBody = body && typeof body === "object" ? (body as ApiErrorBody) : {};
  const lang = i18n.language === "en" ? "en" : "ja";
  if (b.error) {
    return new ApiError(status, b.error.code, b.error.messages?.[lang] ?? b.error.message, b.error.details);
  }
  const code = b.code ?? `HTTP_${status}`;
  const known = i18n.t(`authErrors.${code}` as never, { ns: "common", defaultValue: "" }) as string;
  return new ApiError(
    status,
    code,
    known || b.message || (i18n.t("errors.generic", { ns: "common" }) as string),
  );
}

export const client = createClient<paths>({ credentials: "same-origin" });

type Result<D> = { data?: D; error?: unknown; response: Response };

/**
 * The data of a call, or an ApiError for a non-2xx answer:
 * `await unwrap(client.GET("/api/n/{slug}/segments", { params: { path: { slug } } }))`.
 */
export async function unwrap<D>(call: Promise<Result<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as D;
}

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The JSON a path answers with on success (for the types components take as props). */
export type ResponseOf<P extends keyof paths, M extends Method = "get"> = paths[P] extends {
  [K in M]: { responses: { 200: { content: { "application/json": infer T } } } };
}
  ? T
  : never;

/** The JSON body a path takes. */
export type BodyOf<P extends keyof paths, M extends Method = "post"> = paths[P] extends {
  [K in M]: { requestBody?: { content: { "application/json": infer T } } };
}
  ? T
  : never;
