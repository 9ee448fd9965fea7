// Profile rules: editing one's own profile and photo, and opening another member's profile.
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { ALWAYS_VISIBLE, PROFILE_FIELD_DEFAULTS } from "../../shared/profile.ts";
import { detectImageType, photoErrors, photoFile, removePhoto, writePhoto } from "./photo.ts";
import { stripImageMetadata } from "./photo-metadata.ts";
import { fieldVisibleTo, profileOpenTo, type ViewerKind, viewerKind, visibilityOf } from "./policy.ts";
import { ensureProfile, findMemberProfile, lockPhotoPath, replaceProfile, setPhotoPath } from "./queries.ts";
import type { ProfileInput } from "./schemas.ts";

const profileNotFound = () => errors.notFound({ ja: "プロフィール", en: "profile" });

export async function ownProfile(scope: MemberScope) {
  const row = await findMemberProfile(scope.db, scope.network.id, scope.user.id);
  if (!row) throw profileNotFound();
  return row;
}

/** PUT semantics: every editable field is replaced; visibilities not given fall back to their defaults. */
export async function replaceOwnProfile(scope: MemberScope, input: ProfileInput) {
  const visibility = {
    ...PROFILE_FIELD_DEFAULTS,
    ...input.visibility,
    ...Object.fromEntries(ALWAYS_VISIBLE.map((f) => [f, "members"])),
  };
  await inTransaction(scope, async ({ db: tx }) => {
    await replaceProfile(tx, scope.network.id, scope.user.id, input, visibility);
  });
  return ownProfile(scope);
}

/** Another member's profile, or 404 when the viewer may not open it (nothing tells why). */
export async function viewProfile(
  scope: MemberScope,
  userId: string,
): Promise<{ row: NonNullable<Awaited<ReturnType<typeof findMemberProfile>>>; kind: ViewerKind }> {
  const row = await findMemberProfile(scope.db, scope.network.id, userId);
  if (!row) throw profileNotFound();
  const kind = viewerKind(scope.member, row.userId);
  if (!profileOpenTo(kind, row)) throw profileNotFound();
  return { row, kind };
}

/** Stores a new photo without its metadata (replacing and deleting the old file). */
export async function setOwnPhoto(scope: MemberScope, buf: Buffer) {
  if (!buf.length) throw photoErrors.missing();
  const type = detectImageType(buf);
  const clean = type && stripImageMetadata(type.ext, buf);
  if (!type || !clean) throw photoErrors.type();
  const { dataDir } = scope.ctx.config;
  const rel = await writePhoto(dataDir, scope.network.id, scope.user.id, type, clean);
  let old: string | null = null;
  try {
    await inTransaction(scope, async ({ db: tx }) => {
      await ensureProfile(tx, scope.network.id, scope.user.id, scope.user.name);
      old = await lockPhotoPath(tx, scope.network.id, scope.user.id);
      await setPhotoPath(tx, scope.network.id, scope.user.id, rel);
    });
  } catch (err) {
    await removePhoto(dataDir, rel);
    throw err;
  }
  await removePhoto(dataDir, old);
  return ownProfile(scope);
}

export async function deleteOwnPhoto(scope: MemberScope) {
  let old: string | null = null;
  await inTransaction(scope, async ({ db: tx }) => {
    old = await lockPhotoPath(tx, scope.network.id, scope.user.id);
    if (old) await setPhotoPath(tx, scope.network.id, scope.user.id, null);
  });
  await removePhoto(scope.ctx.config.dataDir, old);
  return ownProfile(scope);
}

/** The photo file of `userId`, if there is one and its `photo` field is visible to the viewer. */
export async function visiblePhoto(scope: MemberScope, userId: string) {
  const { row, kind } = await viewProfile(scope, userId);
  const notFound = () => errors.notFound({ ja: "写真", en: "photo" });
  if (!row.photoPath || !fieldVisibleTo(visibilityOf(row.visibility, "photo"), kind)) throw notFound();
  const file = photoFile(scope.ctx.config.dataDir, row.photoPath);
  if (!file) throw notFound();
  return file;
}
