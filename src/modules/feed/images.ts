// Pictures in posts: JPEG, PNG or WebP recognised by their first bytes (never by the name or the
// declared type), at most 8 MB and 8000 px a side, metadata (Exif GPS, XMP…) removed as from
// profile photos. Uploaded first, attached when the post is sent (at most four), kept in the file
// storage (server/storage.ts) and read only through a route that checks the post's audience.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Db, Tx } from "../../db/client.ts";
import { postImage } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { pendingExpired, putWithRow, removeFiles } from "../../server/storage.ts";
import { AppError, errors } from "../../shared/errors.ts";
import {
  detectImageType,
  imageDimensions,
  PHOTO_MAX_PIXELS,
  PHOTO_MAX_SIDE,
  photoErrors,
  stripImageMetadata,
} from "../profiles/index.ts";

export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
export const IMAGES_MAX = 4;

export const imageErrors = {
  tooLarge: () =>
    new AppError(413, "POST_IMAGE_TOO_LARGE", {
      ja: "画像は 1 枚 8 MB 以下にしてください。",
      en: "Each image must be 8 MB or smaller.",
    }),
  tooMany: () =>
    new AppError(400, "POST_IMAGE_TOO_MANY", {
      ja: `画像は ${IMAGES_MAX} 枚までです。`,
      en: `At most ${IMAGES_MAX} images per post.`,
    }),
  unknown: () =>
    new AppError(400, "POST_IMAGE_NOT_FOUND", {
      ja: "画像が見つかりません。もう一度アップロードしてください。",
      en: "An image was not found. Please upload it again.",
    }),
};

const notFound = () => errors.notFound({ ja: "画像", en: "image" });

/** The picture of a multipart request (field `file`), at most 8 MB. */
export async function uploadedPicture(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw photoErrors.missing();
  const part = await req.file({ limits: { fileSize: IMAGE_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== "file") throw photoErrors.missing();
  try {
    return await part.toBuffer();
  } catch (err: any) {
    if (err?.code === "FST_REQ_FILE_TOO_LARGE") throw imageErrors.tooLarge();
    throw err;
  }
}

export type ImageOut = { id: string; url: string; width: number; height: number };

const pendingUrl = (slug: string, id: string) => `/api/n/${slug}/posts/images/${id}`;
export const imageUrl = (slug: string, postId: string, id: string) =>
  `/api/n/${slug}/posts/${postId}/images/${id}`;

/**
 * An uploaded picture checked by its content (JPEG, PNG or WebP; at most 8000 px a side) and
 * without its metadata: what may be stored (posts' pictures, events' covers).
 */
export function checkedPicture(buf: Buffer) {
  const type = detectImageType(buf);
  if (!type) throw photoErrors.type();
  const size = imageDimensions(type.ext, buf);
  if (!size || size.width < 1 || size.height < 1) throw photoErrors.type();
  if (
    size.width > PHOTO_MAX_SIDE ||
    size.height > PHOTO_MAX_SIDE ||
    size.width * size.height > PHOTO_MAX_PIXELS
  ) {
    throw photoErrors.dimensions(size.width, size.height);
  }
  const content = stripImageMetadata(type.ext, buf);
  if (!content) throw photoErrors.type();
  return { mime: type.mime, width: size.width, height: size.height, content };
}

/** Stores the member's upload (not yet in a post) and returns what the composer shows. */
export async function uploadPostImage(scope: MemberScope, buf: Buffer): Promise<ImageOut> {
  const { mime, width, height, content } = checkedPicture(buf);
  const networkId = scope.network.id;
  const userId = scope.member.userId;
  await removeStaleUploads(scope, userId);
  const id = randomUUID();
  const storageKey = `posts/${networkId}/${id}`;
  await putWithRow(scope.ctx.storage, storageKey, content, mime, () =>
    scope.db.insert(postImage).values({
      id,
      networkId,
      uploadedBy: userId,
      storageKey,
      mime,
      size: content.length,
      width,
      height,
    }),
  );
  return { id, url: pendingUrl(scope.network.slug, id), width, height };
}

async function removeStaleUploads(scope: Scope, userId: string) {
  const stale = await scope.db
    .delete(postImage)
    .where(
      inNetwork(
        postImage,
        scope.network.id,
        eq(postImage.uploadedBy, userId),
        isNull(postImage.postId),
        pendingExpired(postImage.createdAt),
      ),
    )
    .returning({ key: postImage.storageKey });
  await removeFiles(
    scope.ctx.storage,
    stale.map((r) => r.key),
  );
}

/**
 * Makes `ids` (in this order) the pictures of `postId`: the post's own and the uploader's pending
 * uploads may be named; pictures of the post left out are removed. Returns the storage keys to
 * delete once the transaction has committed.
 */
export async function setPostImages(
  tx: Tx,
  networkId: string,
  uploaderId: string,
  postId: string,
  ids: string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length > IMAGES_MAX) throw imageErrors.tooMany();
  const removed = await tx
    .delete(postImage)
    .where(
      inNetwork(
        postImage,
        networkId,
        eq(postImage.postId, postId),
        unique.length ? notInArray(postImage.id, unique) : undefined,
      ),
    )
    .returning({ key: postImage.storageKey });
  for (const [position, id] of unique.entries()) {
    const [row] = await tx
      .update(postImage)
      .set({ postId, position })
      .where(
        byId(
          postImage,
          networkId,
          id,
          sql`(${postImage.postId} = ${postId} or (${postImage.postId} is null and ${postImage.uploadedBy} = ${uploaderId}))`,
        ),
      )
      .returning({ id: postImage.id });
    if (!row) throw imageErrors.unknown();
  }
  return removed.map((r) => r.key);
}

/** The pictures of `postIds`, in order, for the feed. */
export async function imagesOf(db: Db | Tx, slug: string, networkId: string, postIds: string[]) {
  const out = new Map<string, ImageOut[]>();
  if (!postIds.length) return out;
  const rows = await db
    .select({
      id: postImage.id,
      postId: postImage.postId,
      width: postImage.width,
      height: postImage.height,
    })
    .from(postImage)
    .where(inNetwork(postImage, networkId, inArray(postImage.postId, postIds)))
    .orderBy(asc(postImage.postId), asc(postImage.position));
  for (const r of rows) {
    if (!r.postId) continue;
    const list = out.get(r.postId) ?? [];
    list.push({ id: r.id, url: imageUrl(slug, r.postId, r.id), width: r.width, height: r.height });
    out.set(r.postId, list);
  }
  return out;
}

/** The storage keys of a post's pictures (to remove with the post). */
export async function imageKeysOf(tx: Tx, networkId: string, postId: string) {
  const rows = await tx
    .select({ key: postImage.storageKey })
    .from(postImage)
    .where(inNetwork(postImage, networkId, eq(postImage.postId, postId)));
  return rows.map((r) => r.key);
}

/** A picture of post `postId` (the caller has checked the viewer may see the post). */
export async function findPostImage(db: Db | Tx, networkId: string, postId: string, id: string) {
  const [row] = await db
    .select({ storageKey: postImage.storageKey, mime: postImage.mime })
    .from(postImage)
    .where(byId(postImage, networkId, id, eq(postImage.postId, postId)))
    .limit(1);
  return row ?? null;
}

/** One of the member's own pending uploads (the composer's preview). */
export async function findPendingImage(scope: MemberScope, id: string) {
  const [row] = await scope.db
    .select({ storageKey: postImage.storageKey, mime: postImage.mime })
    .from(postImage)
    .where(
      byId(
        postImage,
        scope.network.id,
        id,
        and(isNull(postImage.postId), eq(postImage.uploadedBy, scope.member.userId)),
      ),
    )
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** Removes one of the member's own pending uploads (taken off the composer before sending). */
export async function removePendingImage(scope: MemberScope, id: string) {
  await inTransaction(scope, async ({ db: tx, ctx }) => {
    const [row] = await tx
      .delete(postImage)
      .where(
        byId(
          postImage,
          scope.network.id,
          id,
          and(isNull(postImage.postId), eq(postImage.uploadedBy, scope.member.userId)),
        ),
      )
      .returning({ key: postImage.storageKey });
    if (!row) throw notFound();
    await ctx.storage.delete(row.key).catch(() => {});
  });
}

export { notFound as imageNotFound };
