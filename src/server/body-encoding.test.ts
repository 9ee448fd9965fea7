// JSON bodies must be UTF-8: another declared charset is 415, invalid bytes are 400, and nothing
// is stored as mojibake.
import { eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segment } from "../db/schema/index.ts";
import { call, createTestEnv, makeNetwork, type TestEnv, type TestNetwork } from "../test/harness.ts";
import { charsetOf } from "./body-encoding.ts";

let env: TestEnv;
let net: TestNetwork;
beforeAll(async () => {
  env = await createTestEnv();
  net = await makeNetwork(env);
});
afterAll(() => env?.close());

const post = (payload: Buffer, contentType: string, url = `/api/n/${net.slug}/segments`) =>
  call(env, { method: "POST", url, user: net.operator, payload, headers: { "content-type": contentType } });

const names = async () =>
  (await env.ctx.db.select().from(segment).where(eq(segment.networkId, net.id))).map((s) => s.name);

describe("JSON body encoding", () => {
  it("a Shift_JIS body is refused with 415, nothing stored", async () => {
    const body = iconv.encode(JSON.stringify({ name: "人事部の卒業生", filter: {} }), "shift_jis");
    for (const ct of ["application/json; charset=shift_jis", 'application/json; charset="Shift_JIS"']) {
      const res = await post(body, ct);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe("UNSUPPORTED_CHARSET");
      expect(res.json().error.messages.en).toContain("shift_jis");
    }
    expect(await names()).toEqual([]);
  });

  it("bytes that are not UTF-8 are refused with 400 INVALID_UTF8, nothing stored", async () => {
    const body = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0x90, 0x6c, 0x8e, 0x96]),
      Buffer.from('","filter":{}}'),
    ]);
    const res = await post(body, "application/json");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INVALID_UTF8");
    expect(res.json().error.messages).toEqual({ ja: expect.any(String), en: expect.any(String) });
    expect(await names()).toEqual([]);
  });

  it("UTF-8, declared or not, is stored as sent", async () => {
    for (const [ct, name] of [
      ["application/json", "営業部"],
      ["application/json; charset=utf-8", "開発部"],
      ["application/json;charset=UTF-8", "人事部"],
    ]) {
      const res = await post(Buffer.from(JSON.stringify({ name, filter: {} })), ct);
      expect(res.statusCode).toBe(201);
      expect(res.json().name).toBe(name);
    }
    expect((await names()).sort()).toEqual(["人事部", "営業部", "開発部"].sort());
  });

  it("prototype poisoning is still refused", async () => {
    const res = await post(Buffer.from('{"name":"x","filter":{},"__proto__":{"a":1}}'), "application/json");
    expect(res.statusCode).toBe(400);
  });

  it("applies to /api/auth/* too", async () => {
    const res = await post(
      iconv.encode(JSON.stringify({ email: "a@example.com", password: "パスワード12345" }), "latin1"),
      "application/json; charset=iso-8859-1",
      "/api/auth/sign-in/email",
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UNSUPPORTED_CHARSET");
  });

  it("reads the charset parameter", () => {
    expect(charsetOf("application/json")).toBeUndefined();
    expect(charsetOf("application/json; charset=UTF-8")).toBe("utf-8");
    expect(charsetOf('application/json; foo=bar; charset="shift_jis"')).toBe("shift_jis");
  });
});
