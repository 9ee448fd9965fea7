// A photo's declared pixel size is read from its header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X)
// and refused over the limits with 400 PHOTO_DIMENSIONS, before anything is stored.
import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, makeMember, makeNetwork, type TestEnv } from "../../test/harness.ts";
import { multipartFile } from "../members/testing.ts";
import { imageDimensions, PHOTO_MAX_SIDE } from "./photo.ts";
import { CLEANED, DIRTY, IMAGES } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

/** The 2×2 PNG with its IHDR declaring `width`×`height` (CRC fixed, so it stays a valid PNG). */
function pngSized(width: number, height: number): Buffer {
  const buf = Buffer.from(IMAGES.png);
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)), 29);
  return buf;
}

/** The 2×2 JPEG with its SOF declaring `width`×`height`. */
function jpegSized(width: number, height: number): Buffer {
  const buf = Buffer.from(IMAGES.jpeg);
  const sof = buf.indexOf(Buffer.from([0xff, 0xc0]));
  buf.writeUInt16BE(height, sof + 5);
  buf.writeUInt16BE(width, sof + 7);
  return buf;
}

/** The 2×2 WebP with its VP8X canvas declaring `width`×`height`. */
function webpSized(width: number, height: number): Buffer {
  const buf = Buffer.from(IMAGES.webp);
  buf.writeUIntLE(width - 1, 24, 3);
  buf.writeUIntLE(height - 1, 27, 3);
  return buf;
}

/** A lossless WebP header (VP8L) declaring `width`×`height`. */
function vp8l(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  const data = Buffer.alloc(10);
  data[0] = 0x2f;
  data.writeUInt32LE(bits >>> 0, 1);
  const chunk = Buffer.concat([Buffer.from("VP8L"), Buffer.from([10, 0, 0, 0]), data]);
  return Buffer.concat([Buffer.from("RIFF"), Buffer.from([22, 0, 0, 0]), Buffer.from("WEBP"), chunk]);
}

describe("reading the declared size", () => {
  it("reads every test image as 2×2", () => {
    for (const set of [IMAGES, CLEANED, DIRTY]) {
      expect(imageDimensions("jpg", set.jpeg)).toEqual({ width: 2, height: 2 });
      expect(imageDimensions("png", set.png)).toEqual({ width: 2, height: 2 });
      expect(imageDimensions("webp", set.webp)).toEqual({ width: 2, height: 2 });
    }
  });

  it("reads patched headers of every kind", () => {
    expect(imageDimensions("png", pngSized(100_000, 100_000))).toEqual({ width: 100_000, height: 100_000 });
    expect(imageDimensions("jpg", jpegSized(9000, 300))).toEqual({ width: 9000, height: 300 });
    expect(imageDimensions("webp", webpSized(12_000, 20))).toEqual({ width: 12_000, height: 20 });
    expect(imageDimensions("webp", vp8l(16_384, 3))).toEqual({ width: 16_384, height: 3 });
    expect(imageDimensions("png", Buffer.from("\x89PNG\r\n\x1a\n"))).toBeNull();
  });
});

describe("photo upload", () => {
  it("refuses too many pixels with 400 PHOTO_DIMENSIONS and stores nothing", async () => {
    const net = await makeNetwork(env);
    const m = await makeMember(env, net, "alumni");
    const upload = (file: Buffer) =>
      call(env, {
        method: "POST",
        url: `/api/n/${net.slug}/profiles/me/photo`,
        user: m,
        ...multipartFile(file),
      });
    for (const file of [
      pngSized(100_000, 100_000),
      pngSized(PHOTO_MAX_SIDE + 1, 10),
      pngSized(7000, 7000), // 49 MP: each side allowed, the total is not
      jpegSized(9000, 9000),
      webpSized(12_000, 100),
    ]) {
      const res = await upload(file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("PHOTO_DIMENSIONS");
      expect(res.json().error.messages.en).toContain("pixels");
    }
    const dir = path.join(env.ctx.config.dataDir, "uploads", net.id);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    const me = await call(env, { url: `/api/n/${net.slug}/profiles/me`, user: m });
    expect(me.json().photoUrl).toBeNull();
    // At the limits it is accepted.
    expect((await upload(pngSized(8000, 5000))).statusCode).toBe(200);
  });
});
