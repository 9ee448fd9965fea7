import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, makeNetwork, type TestEnv, type TestUser } from "../../test/harness.ts";
import { admitTestMember, multipartFile } from "../members/testing.ts";
import { CLEANED, DIRTY, IMAGES, jpegMarkers, pngChunks, pngOfSize, SECRETS, webpChunks } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

function upload(
  slug: string,
  user: TestUser | null,
  file: Buffer,
  opts: Parameters<typeof multipartFile>[1] = {},
) {
  return call(env, {
    method: "POST",
    url: `/api/n/${slug}/profiles/me/photo`,
    user,
    ...multipartFile(file, opts),
  });
}
const uploadsOf = (networkId: string) => {
  const dir = path.join(env.ctx.config.dataDir, "uploads", networkId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe("photo upload checks the content, not the name", () => {
  it("a PNG named .jpg is stored and served as PNG, privately cached", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    const res = await upload(net.slug, owner, IMAGES.png, { filename: "me.jpg", contentType: "image/jpeg" });
    expect(res.statusCode).toBe(200);
    const files = uploadsOf(net.id);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${owner.id}-[0-9a-f]{16}\\.png$`));
    const got = await call(env, { url: res.json().photoUrl, user: owner });
    expect(got.statusCode).toBe(200);
    expect(got.headers["content-type"]).toBe("image/png");
    expect(got.headers["cache-control"]).toContain("private");
    expect(got.rawPayload.equals(IMAGES.png)).toBe(true);
  });

  it("accepts JPEG and WebP with their own types", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    for (const [img, mime] of [
      [IMAGES.jpeg, "image/jpeg"],
      [IMAGES.webp, "image/webp"],
    ] as const) {
      const res = await upload(net.slug, owner, img, { filename: "photo.png" });
      expect(res.statusCode).toBe(200);
      const got = await call(env, { url: `/api/n/${net.slug}/profiles/${owner.id}/photo`, user: owner });
      expect(got.headers["content-type"]).toBe(mime);
      expect(got.rawPayload.equals(img)).toBe(true);
    }
  });

  it("rejects a text file named .png, a missing file and an empty one with clear codes", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    const text = await upload(net.slug, owner, Buffer.from("not an image at all"), {
      filename: "photo.png",
      contentType: "image/png",
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    expect(text.json().error.messages.ja).toContain("JPEG");
    const svg = await upload(net.slug, owner, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), {
      filename: "a.svg",
    });
    expect(svg.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    const wrongField = await upload(net.slug, owner, IMAGES.png, { field: "photo" });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.code).toBe("PHOTO_MISSING");
    const empty = await upload(net.slug, owner, Buffer.alloc(0));
    expect(empty.json().error.code).toBe("PHOTO_MISSING");
    const json = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/profiles/me/photo`,
      user: owner,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe("PHOTO_MISSING");
    expect(uploadsOf(net.id)).toHaveLength(0);
  });

  it("accepts exactly 2 MB and rejects one byte more with 413", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    const max = 2 * 1024 * 1024;
    expect((await upload(net.slug, owner, pngOfSize(max))).statusCode).toBe(200);
    const tooBig = await upload(net.slug, owner, pngOfSize(max + 1));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe("PHOTO_TOO_LARGE");
    expect(uploadsOf(net.id)).toHaveLength(1);
  });

  it("replacing deletes the old file; DELETE removes the photo", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    const first = await upload(net.slug, owner, IMAGES.png);
    const [firstFile] = uploadsOf(net.id);
    const second = await upload(net.slug, owner, IMAGES.jpeg);
    expect(second.json().photoUrl).not.toBe(first.json().photoUrl);
    const files = uploadsOf(net.id);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(firstFile);
    expect(files[0]).toMatch(/\.jpg$/);

    const del = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/profiles/me/photo`,
      user: owner,
    });
    expect(del.statusCode).toBe(200);
    expect(del.json().photoUrl).toBeNull();
    expect(uploadsOf(net.id)).toHaveLength(0);
    const got = await call(env, { url: `/api/n/${net.slug}/profiles/${owner.id}/photo`, user: owner });
    expect(got.statusCode).toBe(404);
    const again = await call(env, {
      method: "DELETE",
      url: `/api/n/${net.slug}/profiles/me/photo`,
      user: owner,
    });
    expect(again.statusCode).toBe(200);
  });
});

describe("photo metadata (Exif GPS, XMP, IPTC, comments, text chunks) is removed before storing", () => {
  const cases = [
    ["jpeg", "image/jpeg", "jpg"],
    ["png", "image/png", "png"],
    ["webp", "image/webp", "webp"],
  ] as const;

  it.each(cases)(
    "%s: the stored and served file has no metadata and the same image data",
    async (kind, mime, ext) => {
      const net = await makeNetwork(env);
      const owner = await admitTestMember(env, net, "alumni");
      expect(DIRTY[kind].includes(Buffer.from(SECRETS.gps))).toBe(true);
      const res = await upload(net.slug, owner, DIRTY[kind], { filename: `IMG_0001.${ext}` });
      expect(res.statusCode).toBe(200);
      const [file] = uploadsOf(net.id);
      expect(file).toMatch(new RegExp(`\\.${ext}$`));
      const stored = fs.readFileSync(path.join(env.ctx.config.dataDir, "uploads", net.id, file as string));
      for (const [where, secret] of Object.entries(SECRETS)) {
        expect(stored.includes(Buffer.from(secret)), where).toBe(false);
      }
      expect(stored.equals(CLEANED[kind])).toBe(true);
      if (kind === "jpeg") expect(jpegMarkers(stored)).not.toContain("APP1");
      if (kind === "png") expect(pngChunks(stored)).toEqual(["IHDR", "IDAT", "IDAT", "IEND"]);
      if (kind === "webp") expect(webpChunks(stored)).toMatchObject({ riffSizeOk: true, flags: 0x20 });

      const got = await call(env, { url: res.json().photoUrl, user: owner });
      expect(got.statusCode).toBe(200);
      expect(got.headers["content-type"]).toBe(mime);
      expect(got.rawPayload.equals(CLEANED[kind])).toBe(true);
    },
  );

  it("a malformed file with a valid signature is rejected, not stored", async () => {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni");
    for (const kind of ["jpeg", "png", "webp"] as const) {
      const truncated = DIRTY[kind].subarray(0, 200);
      const res = await upload(net.slug, owner, truncated);
      expect(res.statusCode, kind).toBe(400);
      expect(res.json().error.code).toBe("PHOTO_TYPE_UNSUPPORTED");
    }
    expect(uploadsOf(net.id)).toHaveLength(0);
  });
});

describe("who may see the photo", () => {
  async function setup(directory = true) {
    const net = await makeNetwork(env);
    const owner = await admitTestMember(env, net, "alumni", { directory });
    const alumni = await admitTestMember(env, net, "alumni");
    const employee = await admitTestMember(env, net, "employee");
    const other = await makeNetwork(env);
    const outsider = await admitTestMember(env, other, "alumni");
    expect((await upload(net.slug, owner, IMAGES.png)).statusCode).toBe(200);
    const url = `/api/n/${net.slug}/profiles/${owner.id}/photo`;
    const status = async (u: TestUser | null) => (await call(env, { url, user: u })).statusCode;
    const setPhoto = async (photo: string) => {
      const res = await call(env, {
        method: "PUT",
        url: `/api/n/${net.slug}/profiles/me`,
        user: owner,
        payload: { displayName: "写真 太郎", visibility: { photo } },
      });
      expect(res.statusCode).toBe(200);
    };
    return { net, owner, alumni, employee, outsider, status, setPhoto };
  }

  it("follows the photo field's visibility for each viewer", async () => {
    const s = await setup();
    const op = s.net.operator;
    const table: [string, number[]][] = [
      // owner, operator, alumni, employee
      ["private", [200, 404, 404, 404]],
      ["operators", [200, 200, 404, 404]],
      ["members", [200, 200, 200, 200]],
    ];
    for (const [photo, expected] of table) {
      await s.setPhoto(photo);
      const got = [
        await s.status(s.owner),
        await s.status(op),
        await s.status(s.alumni),
        await s.status(s.employee),
      ];
      expect(got, photo).toEqual(expected);
      expect(await s.status(s.outsider)).toBe(404);
      expect(await s.status(null)).toBe(401);
      const view = await call(env, { url: `/api/n/${s.net.slug}/profiles/${s.owner.id}`, user: s.alumni });
      expect("photoUrl" in view.json()).toBe(photo === "members");
    }
  });

  it("is 404 to members when the owner is not in the directory, still shown to operators", async () => {
    const s = await setup(false);
    expect(await s.status(s.alumni)).toBe(404);
    expect(await s.status(s.net.operator)).toBe(200);
  });

  it("upload and delete: anonymous → 401, other network → 404", async () => {
    const s = await setup();
    expect((await upload(s.net.slug, null, IMAGES.png)).statusCode).toBe(401);
    expect((await upload(s.net.slug, s.outsider, IMAGES.png)).statusCode).toBe(404);
    for (const user of [null, s.outsider]) {
      const res = await call(env, { method: "DELETE", url: `/api/n/${s.net.slug}/profiles/me/photo`, user });
      expect(res.statusCode).toBe(user ? 404 : 401);
    }
    expect(uploadsOf(s.net.id)).toHaveLength(1);
  });
});
