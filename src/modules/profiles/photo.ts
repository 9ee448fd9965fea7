// Profile photos: type detection from the file's first bytes, and storage under
// `${dataDir}/uploads/<networkId>/<userId>-<random>.<ext>`. The database keeps the path relative
// to the data directory.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../shared/errors.ts";

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

export type ImageType = { ext: "jpg" | "png" | "webp"; mime: string };

const TYPES: Record<ImageType["ext"], string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" };

/** JPEG, PNG or WebP by magic bytes (the file name and the declared type are ignored). */
export function detectImageType(buf: Buffer): ImageType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) {
    return { ext: "jpg", mime: TYPES.jpg };
  }
  if (
    buf.length >= 8 &&
    buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return { ext: "png", mime: TYPES.png };
  }
  if (
    buf.length >= 12 &&
    buf.subarray(0, 4).toString("latin1") === "RIFF" &&
    buf.subarray(8, 12).toString("latin1") === "WEBP"
  ) {
    return { ext: "webp", mime: TYPES.webp };
  }
  return null;
}

export const photoErrors = {
  missing: () =>
    new AppError(400, "PHOTO_MISSING", {
      ja: "画像ファイルを選択してください（フォームの項目名は file）。",
      en: 'Please choose an image file (form field "file").',
    }),
  type: () =>
    new AppError(400, "PHOTO_TYPE_UNSUPPORTED", {
      ja: "JPEG・PNG・WebP 形式の画像を選択してください。",
      en: "Please choose a JPEG, PNG or WebP image.",
    }),
  tooLarge: () =>
    new AppError(413, "PHOTO_TOO_LARGE", {
      ja: "画像は 2 MB 以下にしてください。",
      en: "The image must be 2 MB or smaller.",
    }),
};

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_");

/** Writes the photo and returns its path relative to the data directory. */
export async function writePhoto(
  dataDir: string,
  networkId: string,
  userId: string,
  type: ImageType,
  buf: Buffer,
): Promise<string> {
  const rel = path.posix.join(
    "uploads",
    safe(networkId),
    `${safe(userId)}-${randomBytes(8).toString("hex")}.${type.ext}`,
  );
  const abs = path.join(dataDir, rel);
  await fs.promises.mkdir(path.dirname(abs), { recursive: true });
  await fs.promises.writeFile(abs, buf, { flag: "wx" });
  return rel;
}

/** Absolute path of a stored photo, refusing anything outside `${dataDir}/uploads`. */
export function photoFile(dataDir: string, rel: string): { abs: string; mime: string } | null {
  const root = path.join(dataDir, "uploads") + path.sep;
  const abs = path.resolve(dataDir, rel);
  if (!abs.startsWith(root)) return null;
  const ext = path.extname(abs).slice(1) as ImageType["ext"];
  const mime = TYPES[ext];
  return mime ? { abs, mime } : null;
}

/** Deletes a stored photo; a file already gone is fine. */
export async function removePhoto(dataDir: string, rel: string | null | undefined) {
  if (!rel) return;
  const f = photoFile(dataDir, rel);
  if (!f) return;
  await fs.promises.rm(f.abs, { force: true });
}
