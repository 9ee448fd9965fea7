// JSON bodies are UTF-8 (RFC 8259). Fastify's own parser decodes every body as UTF-8 whatever
// charset it declares and turns invalid bytes into U+FFFD, so a Shift_JIS body was stored as
// mojibake (201 with ����). This parser refuses instead: 415 for a declared charset other than
// UTF-8, 400 for bytes that are not valid UTF-8. It also serves /api/auth/*.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../shared/errors.ts";

export const encodingErrors = {
  charset: (charset: string) =>
    new AppError(415, "UNSUPPORTED_CHARSET", {
      ja: `文字コード ${charset} のデータは受け付けていません。UTF-8 で送信してください。`,
      en: `The charset ${charset} is not supported. Send the JSON body as UTF-8.`,
    }),
  invalidUtf8: () =>
    new AppError(400, "INVALID_UTF8", {
      ja: "送信されたデータが UTF-8 として正しくありません。",
      en: "The request body is not valid UTF-8.",
    }),
};

/** The charset parameter of a Content-Type header, lower case, without quotes. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType ?? "");
  return m ? m[2].toLowerCase() : undefined;
}

const UTF8 = new Set(["utf-8", "utf8"]);

export function registerJsonParser(app: FastifyInstance) {
  // Fastify's own JSON.parse with its prototype-poisoning protection, after our decoding.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer" },
    (req: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      const charset = charsetOf(req.headers["content-type"]);
      if (charset !== undefined && !UTF8.has(charset)) return done(encodingErrors.charset(charset));
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(body);
      } catch {
        return done(encodingErrors.invalidUtf8());
      }
      parseJson(req, text, done);
    },
  );
}
