// Attachments of inquiry messages: PDF, JPEG or PNG, recognised by their first bytes (never by the
// file name or the declared type), at most 10 MB each; pictures lose their metadata (Exif GPS…)
// as profile photos do. A file is uploaded first and attached when its message is sent; it is
// kept in the file storage (server/storage.ts) and read only through the access-checked route.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db, Tx } from "../../db/client.ts";
import { inquiryAttachment, inquiryMessage } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { pendingExpired, putWithRow, removeFiles } from "../../server/storage.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { hasControl, isWellFormed } from "../../shared/text-schema.ts";
import { detectImageType, stripImageMetadata } from "../profiles/index.ts";
import { ATTACHMENT_MAX_BYTES, MAX_ATTACHMENTS } from "./schemas.ts";

export type AttachmentType = { ext: "pdf" | "jpg" | "png"; mime: string };

/** PDF, JPEG or PNG by magic bytes; null for anything else (an .exe renamed .pdf included). */
export function detectAttachmentType(buf: Buffer): AttachmentType | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString("latin1") === "%PDF-") {
    return { ext: "pdf", mime: "application/pdf" };
  }
  const image = detectImageType(buf);
  if (image?.ext === "jpg" || image?.ext === "png") return { ext: image.ext, mime: image.mime };
  return null;
}

export const attachmentErrors = {
  missing: () =>
    new AppError(400, "ATTACHMENT_MISSING", {
      ja: "ファイルを選択してください（フォームの項目名は file）。",
      en: 'Please choose a file (form field "file").',
    }),
  type: () =>
    new AppError(400, "ATTACHMENT_TYPE_UNSUPPORTED", {
      ja: "添付できるのは PDF・JPEG・PNG のファイルです。",
      en: "Only PDF, JPEG and PNG files can be attached.",
    }),
  tooLarge: () =>
    new AppError(413, "ATTACHMENT_TOO_LARGE", {
      ja: "添付ファイルは 1 つ 10 MB 以下にしてください。",
      en: "Each attachment must be 10 MB or smaller.",
    }),
  unknown: () =>
    new AppError(400, "ATTACHMENT_NOT_FOUND", {
      ja: "添付ファイルが見つかりません。もう一度アップロードしてください。",
      en: "An attachment was not found. Please upload it again.",
    }),
  tooMany: () =>
    new AppError(400, "ATTACHMENT_TOO_MANY", {
      ja: `添付ファイルは ${MAX_ATTACHMENTS} つまでです。`,
      en: `At most ${MAX_ATTACHMENTS} files can be attached.`,
    }),
};

/** The uploaded file of a multipart request (field `file`) with the name it was sent with. */
export async function uploadedFile(req: FastifyRequest): Promise<{ buf: Buffer; name: string }> {
  if (!req.isMultipart()) throw attachmentErrors.missing();
  const part = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== "file") throw attachmentErrors.missing();
  try {
    const buf = await part.toBuffer();
    return { buf, name: part.filename ?? "" };
  } catch (err: any) {
    if (err?.code === "FST_REQ_FILE_TOO_LARGE") throw attachmentErrors.tooLarge();
    throw err;
  }
}

/** The name shown for a file: the sent name without path or control characters, its extension the content's. */
export function displayName(sent: string, type: AttachmentType): string {
  let base = sent.split(/[\\/]/).pop() ?? "";
  base = isWellFormed(base) ? base : "";
  base = [...base]
    .filter((c) => !hasControl(c))
    .join("")
    .trim();
  base = base.replace(/\.[A-Za-z0-9]{1,8}$/, "").slice(0, 150) || "file";
  return `${base}.${type.ext}`;
}

/** Stores an upload of the member (not yet attached to a message) and returns what the form shows. */
export async function uploadAttachment(scope: MemberScope, file: { buf: Buffer; name: string }) {
  const type = detectAttachmentType(file.buf);
  if (!type) throw attachmentErrors.type();
  let content = file.buf;
  if (type.ext !== "pdf") {
    const stripped = stripImageMetadata(type.ext, file.buf);
    if (!stripped) throw attachmentErrors.type();
    content = stripped;
  }
  const networkId = scope.network.id;
  const userId = scope.actor.userId!;
  await removeStaleUploads(scope, userId);
  const id = randomUUID();
  const storageKey = `inquiries/${networkId}/${id}`;
  const fileName = displayName(file.name, type);
  await putWithRow(scope.ctx.storage, storageKey, content, type.mime, () =>
    scope.db.insert(inquiryAttachment).values({
      id,
      networkId,
      uploadedBy: userId,
      storageKey,
      fileName,
      mime: type.mime,
      size: content.length,
    }),
  );
  return { id, fileName, mime: type.mime, size: content.length };
}

async function removeStaleUploads(scope: Scope, userId: string) {
  const stale = await scope.db
    .delete(inquiryAttachment)
    .where(
      inNetwork(
        inquiryAttachment,
        scope.network.id,
        eq(inquiryAttachment.uploadedBy, userId),
        isNull(inquiryAttachment.messageId),
        pendingExpired(inquiryAttachment.createdAt),
      ),
    )
    .returning({ key: inquiryAttachment.storageKey });
  await removeFiles(
    scope.ctx.storage,
    stale.map((r) => r.key),
  );
}

/** Attaches the uploader's own pending uploads `ids` to `messageId`; refuses any other id. */
export async function attachUploads(
  tx: Tx,
  networkId: string,
  uploaderId: string,
  messageId: string,
  ids: string[],
) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  if (unique.length > MAX_ATTACHMENTS) throw attachmentErrors.tooMany();
  const linked = await tx
    .update(inquiryAttachment)
    .set({ messageId })
    .where(
      inNetwork(
        inquiryAttachment,
        networkId,
        inArray(inquiryAttachment.id, unique),
        eq(inquiryAttachment.uploadedBy, uploaderId),
        isNull(inquiryAttachment.messageId),
      ),
    )
    .returning({ id: inquiryAttachment.id });
  if (linked.length !== unique.length) throw attachmentErrors.unknown();
}

/** An attachment of a message of inquiry `inquiryId` (null when it is not one of them). */
export async function findAttachment(db: Db | Tx, networkId: string, inquiryId: string, id: string) {
  const [row] = await db
    .select({
      storageKey: inquiryAttachment.storageKey,
      fileName: inquiryAttachment.fileName,
      mime: inquiryAttachment.mime,
    })
    .from(inquiryAttachment)
    .innerJoin(
      inquiryMessage,
      and(
        eq(inquiryMessage.networkId, inquiryAttachment.networkId),
        eq(inquiryMessage.id, inquiryAttachment.messageId),
      ),
    )
    .where(byId(inquiryAttachment, networkId, id, eq(inquiryMessage.inquiryId, inquiryId)))
    .limit(1);
  return row ?? null;
}

/** Removes one of the member's own pending uploads (a file taken off the form before sending). */
export async function removeUpload(scope: MemberScope, id: string) {
  await inTransaction(scope, async ({ db: tx, ctx }) => {
    const [row] = await tx
      .delete(inquiryAttachment)
      .where(
        byId(
          inquiryAttachment,
          scope.network.id,
          id,
          eq(inquiryAttachment.uploadedBy, scope.actor.userId!),
          isNull(inquiryAttachment.messageId),
        ),
      )
      .returning({ key: inquiryAttachment.storageKey });
    if (!row) throw errors.notFound({ ja: "添付ファイル", en: "attachment" });
    await ctx.storage.delete(row.key).catch(() => {});
  });
}

/** `filename*` for Content-Disposition (RFC 6266 / 5987), with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
