// Inquiry attachments: recognised by content, size-limited, metadata-free, attached only by their
// uploader, and downloaded only by the member who opened the inquiry and the operators.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestEnv, makeNetwork, type TestEnv } from "../../test/harness.ts";
import { admitTestMember } from "../members/testing.ts";
import { DIRTY, SECRETS } from "../profiles/testing.ts";
import { displayName } from "./attachments.ts";
import { openTestInquiry, PDF, uploadTestAttachment } from "./testing.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

describe("inquiry attachments", () => {
  it("takes PDF, JPEG and PNG by their content, whatever the name says", async () => {
    const n = await makeNetwork(env);
    const alumna = await admitTestMember(env, n, "alumni");
    const pdf = await uploadTestAttachment(env, n.slug, alumna, PDF, "退職証明書.pdf");
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({
      fileName: "退職証明書.pdf",
      mime: "application/pdf",
      size: PDF.length,
    });
    // A picture named .pdf is a picture: stored and served as PNG, its name saying so.
    const png = await uploadTestAttachment(env, n.slug, alumna, DIRTY.png, "scan.pdf");
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ fileName: "scan.png", mime: "image/png" });
    // A program renamed .pdf is refused.
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(200, 1)]);
    const refused = await uploadTestAttachment(env, n.slug, alumna, exe, "源泉徴収票.pdf");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("ATTACHMENT_TYPE_UNSUPPORTED");
    const webp = await uploadTestAttachment(env, n.slug, alumna, DIRTY.webp, "photo.webp");
    expect(webp.json().error.code).toBe("ATTACHMENT_TYPE_UNSUPPORTED");
    // Not multipart at all.
    const json = await call(env, {
      method: "POST",
      url: `/api/n/${n.slug}/inquiries/attachments`,
      user: alumna,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(400);
  });

  it("refuses a file over 10 MB", async () => {
    const n = await makeNetwork(env);
    const alumna = await admitTestMember(env, n, "alumni");
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const res = await uploadTestAttachment(env, n.slug, alumna, big, "big.pdf");
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("ATTACHMENT_TOO_LARGE");
  });

  it("strips picture metadata, and serves files only to the opener and the operators", async () => {
    const n = await makeNetwork(env);
    const alumna = await admitTestMember(env, n, "alumni");
    const other = await admitTestMember(env, n, "alumni");
    const up = (await uploadTestAttachment(env, n.slug, alumna, DIRTY.jpeg, "receipt.jpg")).json();
    const pdf = (await uploadTestAttachment(env, n.slug, alumna, PDF)).json();
    const opened = await openTestInquiry(env, n.slug, alumna, { attachmentIds: [up.id, pdf.id] });
    const t = (await call(env, { url: `/api/n/${n.slug}/inquiries/${opened.id}`, user: alumna })).json();
    expect(t.messages[0].attachments.map((a: any) => a.fileName)).toEqual(["receipt.jpg", "書類.pdf"]);
    const url = `/api/n/${n.slug}/inquiries/${opened.id}/attachments/${up.id}`;
    for (const user of [alumna, n.operator]) {
      const res = await call(env, { url, user });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("image/jpeg");
      expect(res.headers["content-disposition"]).toMatch(/^attachment;/);
      expect(res.headers["cache-control"]).toContain("no-store");
      const body = res.rawPayload.toString("latin1");
      for (const secret of Object.values(SECRETS)) expect(body).not.toContain(secret);
    }
    expect((await call(env, { url, user: other })).statusCode).toBe(404);
    expect((await call(env, { url })).statusCode).toBe(401);
    const m = await makeNetwork(env);
    expect((await call(env, { url: url.replace(n.slug, m.slug), user: m.operator })).statusCode).toBe(404);
    // Another inquiry's URL with this file's id: not found.
    const second = await openTestInquiry(env, n.slug, other);
    const cross = `/api/n/${n.slug}/inquiries/${second.id}/attachments/${up.id}`;
    expect((await call(env, { url: cross, user: other })).statusCode).toBe(404);
  });

  it("attaches only the uploader's own files that are not sent yet, at most five", async () => {
    const n = await makeNetwork(env);
    const alumna = await admitTestMember(env, n, "alumni");
    const other = await admitTestMember(env, n, "alumni");
    const mine = (await uploadTestAttachment(env, n.slug, alumna, PDF)).json();
    const open = (payload: object, user = other) =>
      call(env, {
        method: "POST",
        url: `/api/n/${n.slug}/inquiries`,
        user,
        payload: { category: "general", subject: "件名", body: "本文", ...payload },
      });
    const stolen = await open({ attachmentIds: [mine.id] });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.code).toBe("ATTACHMENT_NOT_FOUND");
    expect((await open({ attachmentIds: [mine.id] }, alumna)).statusCode).toBe(201);
    // Sent once: it cannot be sent again.
    expect((await open({ attachmentIds: [mine.id] }, alumna)).statusCode).toBe(400);
    const six = [];
    for (let i = 0; i < 6; i++) six.push((await uploadTestAttachment(env, n.slug, alumna, PDF)).json().id);
    expect((await open({ attachmentIds: six }, alumna)).statusCode).toBe(400);
    // A file taken off the form is removed; someone else's is not found.
    const del = (id: string, user = alumna) =>
      call(env, { method: "DELETE", url: `/api/n/${n.slug}/inquiries/attachments/${id}`, user });
    expect((await del(six[0]!, other)).statusCode).toBe(404);
    expect((await del(six[0]!)).statusCode).toBe(204);
    expect((await del(six[0]!)).statusCode).toBe(404);
  });

  it("names files safely", () => {
    const pdf = { ext: "pdf", mime: "application/pdf" } as const;
    expect(displayName("../../etc/passwd", pdf)).toBe("passwd.pdf");
    expect(displayName("C:\\Users\\花子\\源泉徴収票.PDF", pdf)).toBe("源泉徴収票.pdf");
    expect(displayName("a\u0000b\u0007.exe", pdf)).toBe("ab.pdf");
    expect(displayName("", pdf)).toBe("file.pdf");
  });
});
