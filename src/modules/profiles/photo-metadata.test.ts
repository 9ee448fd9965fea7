import { describe, expect, it } from "vitest";
import { detectImageType, type ImageType } from "./photo.ts";
import { stripImageMetadata } from "./photo-metadata.ts";
import {
  CLEANED,
  DIRTY,
  IMAGES,
  jpegMarkers,
  jpegSegment,
  pngChunk,
  pngChunks,
  riff,
  SECRETS,
  webpChunk,
  webpChunks,
} from "./testing.ts";

const EXT = { jpeg: "jpg", png: "png", webp: "webp" } as const satisfies Record<string, ImageType["ext"]>;
const KINDS = ["jpeg", "png", "webp"] as const;

function strip(kind: (typeof KINDS)[number], buf: Buffer) {
  return stripImageMetadata(EXT[kind], buf);
}

function expectNoSecrets(buf: Buffer) {
  for (const [where, secret] of Object.entries(SECRETS)) {
    expect(buf.includes(Buffer.from(secret)), where).toBe(false);
  }
  for (const word of ["Exif", "GPS", "xmpmeta", "Photoshop", "MPF", "Yamada", "山田"]) {
    expect(buf.includes(Buffer.from(word)), word).toBe(false);
  }
}

describe("stripImageMetadata", () => {
  it("the dirty fixtures really carry the secrets (so the other tests can fail)", () => {
    for (const kind of KINDS) {
      expect(detectImageType(DIRTY[kind])?.ext).toBe(EXT[kind]);
      expect(DIRTY[kind].includes(Buffer.from(SECRETS.gps)), kind).toBe(true);
    }
    expect(jpegMarkers(DIRTY.jpeg)).toContain("APP1");
    expect(pngChunks(DIRTY.png)).toEqual(expect.arrayContaining(["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]));
    expect(webpChunks(DIRTY.webp).chunks).toEqual(["VP8X", "ICCP", "VP8 ", "EXIF", "XMP "]);
  });

  it("JPEG: drops Exif/XMP (APP1), IPTC (APP13), comments, MPF and what follows EOI; keeps JFIF, ICC, Adobe and the image data", () => {
    const out = strip("jpeg", DIRTY.jpeg);
    expect(out).not.toBeNull();
    expectNoSecrets(out as Buffer);
    expect(jpegMarkers(out as Buffer)).toEqual([
      "APP0",
      "APP2:ICC_PROFILE",
      "APP14",
      "db",
      "db",
      "c0",
      "c4",
      "c4",
      "c4",
      "c4",
      "SOS",
      "EOI",
    ]);
    // everything from the quantisation tables through EOI is the original, byte for byte
    expect((out as Buffer).equals(CLEANED.jpeg)).toBe(true);
    const tables = IMAGES.jpeg.indexOf(Buffer.from([0xff, 0xdb]));
    const imageData = IMAGES.jpeg.subarray(tables);
    expect((out as Buffer).subarray(-imageData.length).equals(imageData)).toBe(true);
  });

  it("PNG: drops eXIf, tEXt, iTXt, zTXt, tIME and bytes after IEND; every kept chunk keeps a valid CRC", () => {
    const out = strip("png", DIRTY.png) as Buffer;
    expectNoSecrets(out);
    expect(pngChunks(out)).toEqual(["IHDR", "IDAT", "IDAT", "IEND"]);
    expect(out.equals(IMAGES.png)).toBe(true);
  });

  it("WebP: drops EXIF and XMP chunks, clears their VP8X flags (keeps the ICC flag) and fixes the RIFF size", () => {
    const before = Buffer.from(DIRTY.webp);
    expect(webpChunks(DIRTY.webp).flags).toBe(0x2c);
    const out = strip("webp", DIRTY.webp) as Buffer;
    expectNoSecrets(out);
    expect(webpChunks(out)).toEqual({ riffSizeOk: true, flags: 0x20, chunks: ["VP8X", "ICCP", "VP8 "] });
    expect(out.equals(IMAGES.webp)).toBe(true);
    expect(DIRTY.webp.equals(before)).toBe(true); // the input is not modified
  });

  it("leaves a clean image exactly as it is", () => {
    for (const kind of KINDS) {
      expect(strip(kind, IMAGES[kind])?.equals(IMAGES[kind]), kind).toBe(true);
      expect(strip(kind, CLEANED[kind])?.equals(CLEANED[kind]), kind).toBe(true);
    }
  });

  it("rejects every truncation of a real image", () => {
    for (const kind of KINDS) {
      for (let n = 0; n < IMAGES[kind].length; n++) {
        expect(strip(kind, IMAGES[kind].subarray(0, n)), `${kind} cut at ${n}`).toBeNull();
      }
    }
  });

  it("rejects malformed structures", () => {
    const jpeg = IMAGES.jpeg;
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const png = IMAGES.png;
    const badJpeg = {
      "magic only": Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      "no scan": Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      "segment longer than the file": Buffer.concat([
        jpeg.subarray(0, 2),
        Buffer.from([0xff, 0xe1, 0xff, 0xff, 0]),
      ]),
      "length below 2": Buffer.concat([
        jpeg.subarray(0, 2),
        Buffer.from([0xff, 0xfe, 0, 1]),
        jpeg.subarray(2),
      ]),
      "garbage between segments": Buffer.concat([jpeg.subarray(0, 20), Buffer.from("x"), jpeg.subarray(20)]),
      "second SOI": Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0xff, 0xd8]), jpeg.subarray(sos)]),
    };
    for (const [name, buf] of Object.entries(badJpeg)) expect(strip("jpeg", buf), name).toBeNull();

    const ihdr = png.subarray(8, 33);
    const sig = png.subarray(0, 8);
    const wrongCrc = Buffer.from(png);
    wrongCrc[40] = (wrongCrc[40] as number) ^ 1; // inside the first IDAT
    const badPng = {
      "wrong CRC": wrongCrc,
      "IHDR not first": Buffer.concat([sig, pngChunk("tEXt", "a\0b"), png.subarray(8)]),
      "no IDAT": Buffer.concat([sig, ihdr, pngChunk("IEND", "")]),
      "no IEND": png.subarray(0, png.length - 12),
      "chunk type not letters": Buffer.concat([sig, ihdr, pngChunk("ID1T", "x"), png.subarray(33)]),
      "length beyond the file": Buffer.concat([sig, ihdr, Buffer.from([0x7f, 0, 0, 0]), Buffer.from("IDAT")]),
    };
    for (const [name, buf] of Object.entries(badPng)) expect(strip("png", buf), name).toBeNull();

    const vp8 = IMAGES.webp.subarray(12 + 20 + 8 + 456);
    const oversize = riff([vp8]);
    oversize.writeUInt32LE(oversize.readUInt32LE(4) + 2, 4);
    const chunkTooBig = riff([webpChunk("VP8 ", "abcd")]);
    chunkTooBig.writeUInt32LE(99, 16);
    const badWebp = {
      "RIFF size beyond the file": oversize,
      "chunk beyond the RIFF": chunkTooBig,
      "EXIF first": riff([webpChunk("EXIF", "MM"), vp8]),
      "VP8X without image": riff([IMAGES.webp.subarray(12, 32)]),
      "no chunks": riff([]),
      "half a chunk header": riff([vp8, Buffer.from("VP8")]),
    };
    for (const [name, buf] of Object.entries(badWebp)) expect(strip("webp", buf), name).toBeNull();
  });

  it("a JPEG with several scans (progressive) keeps every scan and drops a comment between them", () => {
    const sos = IMAGES.jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const scan = IMAGES.jpeg.subarray(sos, -2);
    const head = IMAGES.jpeg.subarray(0, sos);
    const eoi = Buffer.from([0xff, 0xd9]);
    const withComment = Buffer.concat([head, scan, jpegSegment(0xfe, SECRETS.comment), scan, eoi]);
    const out = strip("jpeg", withComment) as Buffer;
    expect(out.equals(Buffer.concat([head, scan, scan, eoi]))).toBe(true);
  });
});
