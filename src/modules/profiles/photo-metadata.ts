// Removing personal metadata (Exif with GPS position, XMP, IPTC, comments, text chunks, capture time)
// from uploaded photos before they are stored. Only the container is rewritten: whole segments or
// chunks are dropped and the image data is copied byte for byte, so nothing is re-encoded.
// A file whose structure does not parse gives null (the caller rejects it as an unsupported type).
import { crc32 } from "node:zlib";
import type { ImageType } from "./photo.ts";

/** The file without its metadata, or null when its structure is malformed. */
export function stripImageMetadata(ext: ImageType["ext"], buf: Buffer): Buffer | null {
  if (ext === "jpg") return stripJpeg(buf);
  if (ext === "png") return stripPng(buf);
  return stripWebp(buf);
}

// JPEG: markers are 0xFF <code>; all but SOI, EOI, TEMn and RSTn carry a 2-byte big-endian length
// that counts itself. Entropy-coded data follows each SOS; inside it 0xFF is followed by 0x00
// (stuffing) or RSTn, so the next other marker ends the scan. Everything after EOI is dropped: phones
// append further images there (MPF depth maps and thumbnails, each with its own Exif) and trailers.
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
const ICC = Buffer.from("ICC_PROFILE\0", "latin1");

/** APP0 (JFIF), APP2 only when it is an ICC profile, APP14 (Adobe colour transform); every other
 * APPn (Exif/XMP in APP1, IPTC/Photoshop in APP13, MPF, maker data…) and COM is dropped. */
function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > 0xef) return true;
  if (marker === APP0 || marker === APP14) return true;
  return marker === APP2 && payload.subarray(0, ICC.length).equals(ICC);
}

function stripJpeg(buf: Buffer): Buffer | null {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== SOI) return null;
  const out: Buffer[] = [buf.subarray(0, 2)];
  let pos = 2;
  let sawScan = false;
  for (;;) {
    if (pos >= buf.length) return null; // no EOI: a truncated file
    if (buf[pos] !== 0xff) return null;
    while (pos < buf.length && buf[pos] === 0xff) pos++; // fill bytes
    if (pos >= buf.length) return null;
    const marker = buf[pos] as number;
    const start = pos - 1;
    pos++;
    if (marker === 0x00 || marker === SOI) return null;
    if (marker === EOI) {
      if (!sawScan) return null;
      out.push(buf.subarray(start, pos));
      return Buffer.concat(out);
    }
    if (marker === 0x01 || isRst(marker)) {
      out.push(buf.subarray(start, pos));
      continue;
    }
    if (pos + 2 > buf.length) return null;
    const len = buf.readUInt16BE(pos);
    const end = pos + len;
    if (len < 2 || end > buf.length) return null;
    if (keepJpegSegment(marker, buf.subarray(pos + 2, end))) out.push(buf.subarray(start, end));
    pos = end;
    if (marker === SOS) {
      sawScan = true;
      pos = scanEnd(buf, pos);
      out.push(buf.subarray(end, pos));
    }
  }
}

/** Offset of the first marker after entropy-coded data starting at `pos` (or the end of the buffer). */
function scanEnd(buf: Buffer, pos: number): number {
  let i = pos;
  for (;;) {
    i = buf.indexOf(0xff, i);
    if (i < 0 || i + 1 >= buf.length) return buf.length;
    const next = buf[i + 1] as number;
    if (next === 0x00 || isRst(next)) i += 2;
    else if (next === 0xff) i += 1;
    else return i;
  }
}

// PNG: signature, then chunks of length (4, big-endian) + type (4) + data + CRC (4) over type and
// data. Dropping whole chunks leaves every other CRC valid. Bytes after IEND are dropped.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]);
const letters = /^[A-Za-z]{4}$/;

function stripPng(buf: Buffer): Buffer | null {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const out: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let first = true;
  let sawData = false;
  while (pos + 12 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (len > 0x7fffffff || end > buf.length || !letters.test(type)) return null;
    if (buf.readUInt32BE(end - 4) !== crc32(buf.subarray(pos + 4, end - 4))) return null;
    if (first && (type !== "IHDR" || len !== 13)) return null;
    first = false;
    if (type === "IDAT") sawData = true;
    if (!PNG_DROP.has(type)) out.push(buf.subarray(pos, end));
    pos = end;
    if (type === "IEND") return sawData ? Buffer.concat(out) : null;
  }
  return null; // no IEND
}

// WebP: "RIFF" + size (4, little-endian, counts from "WEBP") + "WEBP", then chunks of FourCC +
// size (4, little-endian) + data + one pad byte when the size is odd. The extended format starts with
// VP8X whose first byte holds flags, among them "has Exif" and "has XMP", cleared here.
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;
const WEBP_DROP = new Set(["EXIF", "XMP "]);
const WEBP_FIRST = new Set(["VP8 ", "VP8L", "VP8X"]);

function stripWebp(buf: Buffer): Buffer | null {
  if (
    buf.length < 20 ||
    buf.toString("latin1", 0, 4) !== "RIFF" ||
    buf.toString("latin1", 8, 12) !== "WEBP"
  ) {
    return null;
  }
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) return null;
  const chunks: Buffer[] = [];
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) return null;
    const fourcc = buf.toString("latin1", pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const end = pos + 8 + size + (size % 2);
    if (end > riffEnd) return null;
    if (chunks.length === 0 && !WEBP_FIRST.has(fourcc)) return null;
    if (!WEBP_DROP.has(fourcc.toUpperCase())) chunks.push(buf.subarray(pos, end));
    pos = end;
  }
  const [head] = chunks;
  if (!head) return null;
  if (head.toString("latin1", 0, 4) === "VP8X") {
    if (head.readUInt32LE(4) < 10 || chunks.length < 2) return null;
    const copy = Buffer.from(head); // never write into the caller's buffer
    copy[8] = (copy[8] as number) & ~(VP8X_EXIF | VP8X_XMP);
    chunks[0] = copy;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4 + body.length, 4);
  header.write("WEBP", 8, "latin1");
  return Buffer.concat([header, body]);
}
