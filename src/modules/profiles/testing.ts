// Test images for profile photos: real 2×2 pictures (encoded by Chromium's canvas, so browsers
// display them), the same pictures with personal metadata planted in every place it can hide, and
// small structure readers to check what a stored file contains.
import { crc32, deflateSync } from "node:zlib";

const b64 = (lines: string[]) => Buffer.from(lines.join(""), "base64");
const bytes = (data: Buffer | string) => (typeof data === "string" ? Buffer.from(data) : data);

/** Clean images: JPEG (JFIF + ICC profile), PNG, WebP (VP8X + ICC profile + lossy VP8). */
export const IMAGES = {
  jpeg: b64([
    "/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA",
    "AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA",
    "ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA",
    "AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA",
    "AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA",
    "AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4M",
    "ChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8a",
    "Gi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEB",
    "AxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/",
    "xAAYEQADAQEAAAAAAAAAAAAAAAAAAQIxMv/aAAwDAQACEQMRAD8AgAErWUU8o//Z",
  ]),
  png: b64([
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAGElEQVR4AWIyTjvz/4yx8X+mmWfTGUAAAAAA//+epcSjAAAA",
    "BklEQVQDAEmlBmcKQbAvAAAAAElFTkSuQmCC",
  ]),
  webp: b64([
    "UklGRhICAABXRUJQVlA4WAoAAAAgAAAAAQAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAA",
    "AABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAA",
    "ABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAA",
    "AAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAA",
    "AAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAA",
    "AABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggJAAAAHAB",
    "AJ0BKgIAAgACwEwloAJ0AUAAAP7o1W5v/cH6g/iCeAAAAA==",
  ]),
};

/** Strings planted in the metadata of `DIRTY`; none may be left in a stored file. */
export const SECRETS = {
  gps: "GPSLatitude 35.681236 N GPSLongitude 139.767125 E",
  xmp: "<dc:creator>山田 花子</dc:creator>",
  iptc: "IPTC By-line: Yamada Hanako",
  comment: "Phone 090-1234-5678",
  mpf: "MPF second image GPS 35.0 N",
  trailer: "after the end: Tokyo home",
  text: "Author: 山田 花子",
};

export function jpegSegment(marker: number, payload: Buffer | string): Buffer {
  const data = bytes(payload);
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

export function pngChunk(type: string, data: Buffer | string): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), bytes(data)]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length - 4);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function webpChunk(fourcc: string, data: Buffer | string): Buffer {
  const d = bytes(data);
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, "latin1");
  head.writeUInt32LE(d.length, 4);
  return Buffer.concat([head, d, Buffer.alloc(d.length % 2)]);
}

export function riff(chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(body.length + 4, 4);
  head.write("WEBP", 8, "latin1");
  return Buffer.concat([head, body]);
}

const exif = (text: string) =>
  Buffer.concat([Buffer.from("MM\0*\0\0\0\x08\0\x01", "latin1"), Buffer.from(text)]);
const JPEG_APP0_END = 2 + 2 + 16; // SOI, then the JFIF APP0 segment
const JPEG_ICC_END = JPEG_APP0_END + 2 + 472; // then the ICC profile in APP2
const ADOBE = jpegSegment(0xee, Buffer.from([...Buffer.from("Adobe"), 0, 0x64, 0, 0, 0, 0, 1]));
const PNG_IHDR_END = 8 + 12 + 13;
const WEBP_VP8X_END = 12 + 8 + 10;

function webpWithFlags(flags: number, extra: Buffer[]): Buffer {
  const vp8x = Buffer.from(IMAGES.webp.subarray(12, WEBP_VP8X_END));
  vp8x[8] = flags;
  return riff([vp8x, IMAGES.webp.subarray(WEBP_VP8X_END), ...extra]);
}

/** What the server must store for each `DIRTY` image: the clean image, byte for byte (the JPEG keeps
 * an Adobe APP14 segment, which is not metadata). */
export const CLEANED = {
  jpeg: Buffer.concat([IMAGES.jpeg.subarray(0, JPEG_ICC_END), ADOBE, IMAGES.jpeg.subarray(JPEG_ICC_END)]),
  png: IMAGES.png,
  webp: IMAGES.webp,
};

export const DIRTY = {
  jpeg: Buffer.concat([
    IMAGES.jpeg.subarray(0, JPEG_APP0_END),
    jpegSegment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "latin1"), exif(SECRETS.gps)])),
    jpegSegment(0xe1, `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${SECRETS.xmp}</x:xmpmeta>`),
    IMAGES.jpeg.subarray(JPEG_APP0_END, JPEG_ICC_END),
    jpegSegment(0xe2, `MPF\0${SECRETS.mpf}`),
    jpegSegment(0xed, `Photoshop 3.0\x008BIM\x04\x04${SECRETS.iptc}`),
    jpegSegment(0xfe, SECRETS.comment),
    ADOBE,
    IMAGES.jpeg.subarray(JPEG_ICC_END),
    // a second picture after EOI, as phones append (MPF): it carries its own Exif
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe1, Buffer.concat([Buffer.from("Exif\0\0", "latin1"), exif(SECRETS.trailer)])),
    Buffer.from([0xff, 0xd9]),
  ]),
  png: Buffer.concat([
    IMAGES.png.subarray(0, PNG_IHDR_END),
    pngChunk("eXIf", exif(SECRETS.gps)),
    pngChunk("tEXt", `Author\0${SECRETS.iptc}`),
    pngChunk("iTXt", Buffer.concat([Buffer.from("Author\0\0\0ja\0\0"), Buffer.from(SECRETS.text)])),
    pngChunk("zTXt", Buffer.concat([Buffer.from("Comment\0\0"), deflateSync(SECRETS.comment)])),
    pngChunk("tIME", Buffer.from([0x07, 0xe8, 4, 1, 9, 30, 0])),
    IMAGES.png.subarray(PNG_IHDR_END),
    Buffer.from(SECRETS.trailer),
  ]),
  webp: webpWithFlags((IMAGES.webp[20] as number) | 0x08 | 0x04, [
    webpChunk("EXIF", exif(SECRETS.gps)), // odd length: padded
    webpChunk("XMP ", `<x:xmpmeta>${SECRETS.xmp}</x:xmpmeta>`),
  ]),
};

/** A PNG of exactly `total` bytes (the clean one with a tEXt chunk of filler). */
export function pngOfSize(total: number): Buffer {
  const filler = Buffer.alloc(total - IMAGES.png.length - 12, 0x41);
  return Buffer.concat([
    IMAGES.png.subarray(0, PNG_IHDR_END),
    pngChunk("tEXt", filler),
    IMAGES.png.subarray(PNG_IHDR_END),
  ]);
}

/** JPEG markers before the first scan (APP2 with its signature), "SOS", and "EOI" if the file ends with it. */
export function jpegMarkers(buf: Buffer): string[] {
  const names: string[] = [];
  let pos = 2;
  while (buf[pos] === 0xff && buf[pos + 1] !== 0xda) {
    const m = buf[pos + 1] as number;
    const name = m >= 0xe0 && m <= 0xef ? `APP${m - 0xe0}` : m === 0xfe ? "COM" : m.toString(16);
    names.push(m === 0xe2 ? `${name}:${buf.toString("latin1", pos + 4, pos + 15)}` : name);
    pos += 2 + buf.readUInt16BE(pos + 2);
  }
  names.push(buf[pos + 1] === 0xda ? "SOS" : "?");
  names.push(buf.subarray(-2).equals(Buffer.from([0xff, 0xd9])) ? "EOI" : "no EOI at the end");
  return names;
}

/** PNG chunk types in order (a "!" marks a wrong CRC), then "+N bytes" if anything follows IEND. */
export function pngChunks(buf: Buffer): string[] {
  const types: string[] = [];
  let pos = 8;
  while (pos + 12 <= buf.length && types.at(-1) !== "IEND") {
    const len = buf.readUInt32BE(pos);
    const crcOk = buf.readUInt32BE(pos + 8 + len) === crc32(buf.subarray(pos + 4, pos + 8 + len));
    types.push(buf.toString("latin1", pos + 4, pos + 8) + (crcOk ? "" : "!"));
    pos += 12 + len;
  }
  if (pos < buf.length) types.push(`+${buf.length - pos} bytes`);
  return types;
}

/** WebP: RIFF size check, VP8X flags (if any) and chunk FourCCs. */
export function webpChunks(buf: Buffer): { riffSizeOk: boolean; flags: number | null; chunks: string[] } {
  const chunks: string[] = [];
  for (let pos = 12; pos + 8 <= buf.length; ) {
    chunks.push(buf.toString("latin1", pos, pos + 4));
    const size = buf.readUInt32LE(pos + 4);
    pos += 8 + size + (size % 2);
  }
  const riffSizeOk = buf.readUInt32LE(4) === buf.length - 8;
  return { riffSizeOk, flags: chunks[0] === "VP8X" ? (buf[20] as number) : null, chunks };
}
