// Every error leaves in one shape, {error:{code,message,messages:{ja,en}}}, with a stable code:
// our AppErrors, zod validation, and what Fastify, its content-type parsers, @fastify/multipart
// (busboy) and Node's HTTP parser produce before any route runs (a bad URL, a too long path
// parameter, too large headers or bodies, a body that is not JSON).
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, errorBody, errors, type Messages } from "../shared/errors.ts";
import { requestLang } from "./context.ts";

type Known = { status: number; code: string; messages: Messages };

const known = (status: number, code: string, ja: string, en: string): Known => ({
  status,
  code,
  messages: { ja, en },
});

const BAD_URL = known(
  400,
  "BAD_URL",
  "URL が正しくありません（不正なパーセントエンコード）。",
  "The URL is not valid (bad percent-encoding).",
);
const PARAM_TOO_LONG = known(
  414,
  "PARAM_TOO_LONG",
  "URL の項目が長すぎます。",
  "A part of the URL is too long.",
);
const INVALID_MULTIPART = known(
  400,
  "INVALID_MULTIPART",
  "アップロードされたデータが正しくありません（multipart/form-data の形式）。もう一度ファイルを選んでください。",
  "The upload is not valid multipart/form-data. Please choose the file again.",
);

/** Fastify's and @fastify/multipart's error codes → ours. */
const BY_CODE: Record<string, Known> = {
  FST_ERR_BAD_URL: BAD_URL,
  FST_ERR_MAX_PARAM_LENGTH: PARAM_TOO_LONG,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: known(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    "この形式のデータは受け付けていません（Content-Type を確認してください）。",
    "This content type is not supported (check the Content-Type header).",
  ),
  FST_ERR_CTP_BODY_TOO_LARGE: known(
    413,
    "BODY_TOO_LARGE",
    "送信されたデータが大きすぎます。",
    "The request body is too large.",
  ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: known(
    400,
    "INVALID_CONTENT_LENGTH",
    "送信されたデータの長さが Content-Length と一致しません。",
    "The request body does not match its Content-Length.",
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: known(
    400,
    "EMPTY_BODY",
    "送信されたデータが空です（JSON が必要です）。",
    "The request body is empty, but JSON was declared.",
  ),
  FST_ERR_CTP_INVALID_JSON_BODY: known(
    400,
    "INVALID_JSON",
    "送信されたデータが JSON として正しくありません。",
    "The request body is not valid JSON.",
  ),
  FST_ERR_NOT_FOUND: known(404, "NOT_FOUND", "ページが見つかりません。", "The page was not found."),
  FST_INVALID_MULTIPART_CONTENT_TYPE: INVALID_MULTIPART,
  FST_PROTO_VIOLATION: INVALID_MULTIPART,
  FST_INVALID_JSON_FIELD_ERROR: INVALID_MULTIPART,
  FST_MP_PREMATURE_CLOSE: INVALID_MULTIPART,
  FST_PARTS_LIMIT: known(
    413,
    "TOO_MANY_PARTS",
    "アップロードの項目が多すぎます。ファイルは1つだけ送ってください。",
    "The upload has too many parts. Send one file.",
  ),
  FST_FILES_LIMIT: known(413, "TOO_MANY_FILES", "ファイルは1つだけ送ってください。", "Send one file only."),
  FST_FIELDS_LIMIT: known(
    413,
    "TOO_MANY_PARTS",
    "アップロードの項目が多すぎます。ファイルは1つだけ送ってください。",
    "The upload has too many parts. Send one file.",
  ),
  FST_REQ_FILE_TOO_LARGE: known(413, "FILE_TOO_LARGE", "ファイルが大きすぎます。", "The file is too large."),
};

/** What busboy throws (a plain Error, no code) for a body that is not multipart as declared. */
const BUSBOY_MESSAGE =
  /^(Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Multipart: Boundary not found|Boundary required|The needle cannot|Unsupported Content-Type|Missing Content-Type)/i;

const toAppError = (k: Known) => new AppError(k.status, k.code, k.messages);

/** The user-facing error for anything a handler, hook or parser threw; null: a server fault. */
export function userError(err: any): AppError | null {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path:
        (v.instancePath || "").replace(/^\//, "").replace(/\//g, ".") ||
        (v.params as any)?.issue?.path?.join("."),
      message: v.message,
    }));
    return errors.validation(details);
  }
  const byCode = typeof err?.code === "string" ? BY_CODE[err.code] : undefined;
  if (byCode) return toAppError(byCode);
  if (err instanceof Error && !("statusCode" in err) && BUSBOY_MESSAGE.test(err.message)) {
    return toAppError(INVALID_MULTIPART);
  }
  if (err?.statusCode === 429) return errors.rateLimited();
  if (err?.statusCode >= 400 && err?.statusCode < 500) {
    return new AppError(err.statusCode, err.code ?? "BAD_REQUEST", {
      ja: "リクエストが不正です。",
      en: err.message ?? "Bad request.",
    });
  }
  return null;
}

const INTERNAL = new AppError(500, "INTERNAL", {
  ja: "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
  en: "Something went wrong on the server. Please try again later.",
});

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = userError(err);
  if (!e) req.log.error({ err }, "unhandled error");
  const out = e ?? INTERNAL;
  return reply.status(out.status).send(errorBody(out, requestLang(req)));
}

/** Fastify's `frameworkErrors`: a bad URL or a too long parameter, before routing. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return errorHandler(err, req, reply);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (431 headers too large, 408, 400)
 * is written to the socket directly, so it gets our shape here, in Japanese (no request to ask).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const k =
    err.code === "HPE_HEADER_OVERFLOW"
      ? known(
          431,
          "HEADERS_TOO_LARGE",
          "リクエストのヘッダーが大きすぎます（Cookie を削除してから再度お試しください）。",
          "The request headers are too large (clear this site's cookies and try again).",
        )
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? known(
            408,
            "REQUEST_TIMEOUT",
            "リクエストが時間内に届きませんでした。",
            "The request did not arrive in time.",
          )
        : known(400, "BAD_REQUEST", "リクエストが不正です。", "The request is malformed.");
  const body = JSON.stringify(errorBody(toAppError(k), "ja"));
  if (socket.writable) {
    const reason = { 400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large" }[
      k.status
    ];
    socket.write(
      `HTTP/1.1 ${k.status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
