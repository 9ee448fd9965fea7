// An event's cover picture: one per event, checked and stored as posts' pictures are
// (feed/images.ts: JPEG, PNG or WebP by content, at most 8 MB and 8000 px, metadata removed; the
// file storage under a key the server chooses). Uploaded first — pending, only its uploader may
// use or preview it, removed at their next upload after 24 hours — then named in the event form;
// the event row keeps its id (`cover_image_id`) so lists read nothing more. Replaced or removed,
// the old file goes once the transaction has committed. A duplicated event gets its own copy of
// the file (removing one event's cover never touches the other's). Read only through the route
// that checks the viewer may see the event.
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { event, eventImage } from "../../db/schema/index.ts";
import { byId, inNetwork } from "../../db/scoped.ts";
import { inTransaction, type MemberScope, type Scope } from "../../server/scope.ts";
import { type FileStorage, pendingExpired, putWithRow, removeFiles } from "../../server/storage.ts";
import { AppError, errors } from "../../shared/errors.ts";
import { checkedPicture } from "../feed/index.ts";

const coverUnknown = () =>
  new AppError(400, "EVENT_COVER_NOT_FOUND", {
    ja: "カバー画像が見つかりません。もう一度アップロードしてください。",
    en: "The cover picture was not found. Please upload it again.",
  });
export const coverNotFound = () => errors.notFound({ ja: "画像", en: "image" });

export const coverUrl = (slug: string, eventId: string, imageId: string) =>
  `/api/n/${encodeURIComponent(slug)}/events/${eventId}/cover/${imageId}`;
const pendingUrl = (slug: string, id: string) => `/api/n/${encodeURIComponent(slug)}/events/covers/${id}`;

const keyOf = (networkId: string, id: string) => `events/${networkId}/${id}`;

/** Stores the member's upload (not yet an event's cover) and returns what the form shows. */
export async function uploadCover(scope: MemberScope, buf: Buffer) {
  const { mime, width, height, content } = checkedPicture(buf);
  const networkId = scope.network.id;
  const userId = scope.member.userId;
  const stale = await scope.db
    .delete(eventImage)
    .where(
      inNetwork(
        eventImage,
        networkId,
        eq(eventImage.uploadedBy, userId),
        isNull(eventImage.eventId),
        pendingExpired(eventImage.createdAt),
      ),
    )
    .returning({ key: eventImage.storageKey });
  await removeFiles(
    scope.ctx.storage,
    stale.map((r) => r.key),
  );
  const id = randomUUID();
  const storageKey = keyOf(networkId, id);
  await putWithRow(scope.ctx.storage, storageKey, content, mime, () =>
    scope.db.insert(eventImage).values({
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

/**
 * Makes `imageId` (the event's own cover, or one of the uploader's pending uploads) the cover of
 * `eventId`, or removes the cover (null). Under the caller's check that the member may edit the
 * event. Returns the storage keys to delete once the transaction has committed.
 */
export async function setCover(
  tx: Tx,
  networkId: string,
  uploaderId: string,
  eventId: string,
  imageId: string | null,
): Promise<string[]> {
  const removed = await tx
    .delete(eventImage)
    .where(
      inNetwork(
        eventImage,
        networkId,
        eq(eventImage.eventId, eventId),
        imageId ? sql`${eventImage.id} <> ${imageId}` : undefined,
      ),
    )
    .returning({ key: eventImage.storageKey });
  if (imageId) {
    const [row] = await tx
      .update(eventImage)
      .set({ eventId })
      .where(
        byId(
          eventImage,
          networkId,
          imageId,
          sql`(${eventImage.eventId} = ${eventId} or (${eventImage.eventId} is null and ${eventImage.uploadedBy} = ${uploaderId}))`,
        ),
      )
      .returning({ id: eventImage.id });
    if (!row) throw coverUnknown();
  }
  await tx
    .update(event)
    .set({ coverImageId: imageId })
    .where(byId(event, networkId, eventId));
  return removed.map((r) => r.key);
}

/**
 * The copy's own cover: the file copied under a new key (written before the row, and removed again
 * by the caller when the transaction fails: the returned key).
 */
export async function copyCover(
  tx: Tx,
  storage: FileStorage,
  networkId: string,
  from: { id: string; coverImageId: string | null },
  toEventId: string,
  by: string,
): Promise<string | null> {
  if (!from.coverImageId) return null;
  const [src] = await tx
    .select()
    .from(eventImage)
    .where(byId(eventImage, networkId, from.coverImageId, eq(eventImage.eventId, from.id)))
    .limit(1);
  const file = src && (await storage.get(src.storageKey));
  if (!src || !file) return null;
  const chunks: Buffer[] = [];
  for await (const c of file.stream) chunks.push(Buffer.from(c));
  const id = randomUUID();
  const storageKey = keyOf(networkId, id);
  await putWithRow(storage, storageKey, Buffer.concat(chunks), src.mime, async () => {
    await tx.insert(eventImage).values({
      id,
      networkId,
      uploadedBy: by,
      eventId: toEventId,
      storageKey,
      mime: src.mime,
      size: src.size,
      width: src.width,
      height: src.height,
    });
    await tx
      .update(event)
      .set({ coverImageId: id })
      .where(byId(event, networkId, toEventId));
  });
  return storageKey;
}

/** The cover `imageId` of event `eventId` (the caller has checked the viewer may see the event). */
export async function coverFile(scope: Scope, eventId: string, imageId: string) {
  const [row] = await scope.db
    .select({ storageKey: eventImage.storageKey, mime: eventImage.mime })
    .from(eventImage)
    .where(byId(eventImage, scope.network.id, imageId, eq(eventImage.eventId, eventId)))
    .limit(1);
  const file = row && (await scope.ctx.storage.get(row.storageKey));
  if (!row || !file) throw coverNotFound();
  return { ...file, mime: row.mime };
}

const ownPending = (scope: MemberScope, id: string) =>
  byId(
    eventImage,
    scope.network.id,
    id,
    and(isNull(eventImage.eventId), eq(eventImage.uploadedBy, scope.member.userId)),
  );

/** One of the member's own pending uploads (the form's preview). */
export async function pendingCoverFile(scope: MemberScope, id: string) {
  const [row] = await scope.db
    .select({ storageKey: eventImage.storageKey, mime: eventImage.mime })
    .from(eventImage)
    .where(ownPending(scope, id))
    .limit(1);
  const file = row && (await scope.ctx.storage.get(row.storageKey));
  if (!row || !file) throw coverNotFound();
  return { ...file, mime: row.mime };
}

/** Removes one of the member's own pending uploads (taken off the form before saving). */
export async function removePendingCover(scope: MemberScope, id: string) {
  const key = await inTransaction(scope, async ({ db: tx }) => {
    const [row] = await tx
      .delete(eventImage)
      .where(ownPending(scope, id))
      .returning({ key: eventImage.storageKey });
    if (!row) throw coverNotFound();
    return row.key;
  });
  await removeFiles(scope.ctx.storage, [key]);
}
