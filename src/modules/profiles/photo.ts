// Profile photos: type detection from the file's first bytes, and storage under
// `${dataDir}/uploads/<networkId>/<userId>-<random>.<ext>`. The database keeps the path relative
// to the data directory.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyRequest } from "fastify";
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

/** Larger pictures would take a browser (or a later thumbnailer) gigabytes to decode. */
export const PHOTO_MAX_SIDE = 8000;
export const PHOTO_MAX_PIXELS = 40_000_000;

/**
 * Width and height as the file's header declares them (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X),
 * read without decoding; null when the header cannot be found.
 */
export function imageDimensions(
  ext: ImageType["ext"],
  buf: Buffer,
): { width: number; height: number } | null {
  if (ext === "png") {
    // Signature (8), IHDR length (4) and type (4), then width and height (4 bytes each, big-endian).
    if (buf.length < 24 || buf.toString("latin1", 12, 16) !== "IHDR") return null;
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  if (ext === "jpg") return jpegDimensions(buf);
  return webpDimensions(buf);
}

function jpegDimensions(buf: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 <= buf.length) {
    if (buf[i] !== 0xff) return null;
    const marker = buf[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Markers without a length: TEM, RSTn; SOS starts the entropy-coded data (no SOF before it).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    const len = buf.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision (1), height (2), width (2).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

function webpDimensions(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 30) return null;
  const fourcc = buf.toString("latin1", 12, 16);
  if (fourcc === "VP8X") {
    // Canvas width − 1 and height − 1, 24 bits little-endian each, after flags (4 bytes).
    return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 };
  }
  if (fourcc === "VP8 ") {
    // Frame tag (3), start code 9d 01 2a, then 14-bit width and height (upper 2 bits: scaling).
    if (buf[23] !== 0x9d || buf[24] !== 0x01 || buf[25] !== 0x2a) return null;
    return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff };
  }
  if (fourcc === "VP8L") {
    // Signature 0x2f, then width − 1 and height − 1 in 14 bits each (little-endian bit order).
    if (buf[20] !== 0x2f) return null;
    const bits = buf.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

/** Refuses pictures whose declared size is unreadable or over the limits. */
export function checkPhotoDimensions(type: ImageType, buf: Buffer) {
  const d = imageDimensions(type.ext, buf);
  if (!d || d.width < 1 || d.height < 1) throw photoErrors.type();
  if (d.width > PHOTO_MAX_SIDE || d.height > PHOTO_MAX_SIDE || d.width * d.height > PHOTO_MAX_PIXELS) {
    throw photoErrors.dimensions(d.width, d.height);
  }
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
  dimensions: (width: number, height: number) =>
    new AppError(400, "PHOTO_DIMENSIONS", {
      ja: `画像が大きすぎます（${width}×${height} ピクセル）。縦横 ${PHOTO_MAX_SIDE} ピクセル以下の画像を選択してください。`,
      en: `The image is too large (${width}×${height} pixels). Please choose an image of at most ${PHOTO_MAX_SIDE}×${PHOTO_MAX_SIDE} pixels.`,
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
  // Here, before anything is stored: the service writes the file first, then the database.
  checkPhotoDimensions(type, buf);
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

/** The image of a multipart upload (field `file`, at most 2 MB), for the photo and logo routes. */
export async function uploadedImage(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw photoErrors.missing();
  const part = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
  if (part?.fieldname !== "file") throw photoErrors.missing();
  try {
    return await part.toBuffer();
  } catch (err: any) {
    if (err?.code === "FST_REQ_FILE_TOO_LARGE") throw photoErrors.tooLarge();
    throw err;
  }
}
