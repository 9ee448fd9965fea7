// Errors Fastify, its parsers, multipart and Node's HTTP parser raise leave in our shape
// {error:{code,message,messages:{ja,en}}} with a stable code, never Fastify's own.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart } from "../modules/roster/testing.ts";
import {
  call,
  createTestEnv,
  makeMember,
  makeNetwork,
  type TestEnv,
  type TestNetwork,
} from "../test/harness.ts";

let env: TestEnv;
let net1: TestNetwork;
beforeAll(async () => {
  env = await createTestEnv();
  net1 = await makeNetwork(env);
});
afterAll(() => env?.close());

function expectShape(body: any, code: string) {
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      messages: { ja: expect.any(String), en: expect.any(String) },
    },
  });
  expect(body.error.messages.ja).not.toBe(body.error.messages.en);
}

describe("errors before routing", () => {
  it("a bad percent-encoding in the URL: 400 BAD_URL", async () => {
    const res = await call(env, { url: "/api/n/%E0%A4%A/members", user: net1.operator });
    expect(res.statusCode).toBe(400);
    expectShape(res.json(), "BAD_URL");
  });

  it("a path parameter over the maximum length: 414 PARAM_TOO_LONG", async () => {
    const res = await call(env, { url: `/api/n/${"a".repeat(200)}/members`, user: net1.operator });
    expect(res.statusCode).toBe(414);
    expectShape(res.json(), "PARAM_TOO_LONG");
  });

  it("an unknown API path or method: 404 NOT_FOUND, in English when asked", async () => {
    for (const [method, url] of [
      ["GET", "/api/nothing-here"],
      ["DELETE", `/api/n/${net1.slug}/members`],
    ] as const) {
      const res = await call(env, { method, url, headers: { "accept-language": "en" } });
      expect(res.statusCode).toBe(404);
      const body = res.json();
      expectShape(body, "NOT_FOUND");
      expect(body.error.message).toBe(body.error.messages.en);
    }
  });

  it("headers over Node's limit: 431 HEADERS_TOO_LARGE from the real HTTP server", async () => {
    const address = await env.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      let data = "";
      socket.on("data", (d) => {
        data += d.toString("utf8");
      });
      socket.on("end", () => resolve(data));
      socket.on("close", () => resolve(data));
      socket.on("error", (e) => (data ? resolve(data) : reject(e)));
      socket.write(`GET /api/me HTTP/1.1\r\nHost: localhost\r\nCookie: x=${"a".repeat(40_000)}\r\n\r\n`);
    });
    expect(raw.split("\r\n")[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expectShape(JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)), "HEADERS_TOO_LARGE");
  });
});

describe("bodies the parsers refuse", () => {
  const segments = () => `/api/n/${net1.slug}/segments`;

  it("an unsupported content type: 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await call(env, {
      method: "POST",
      url: segments(),
      user: net1.operator,
      payload: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.statusCode).toBe(415);
    expectShape(res.json(), "UNSUPPORTED_MEDIA_TYPE");
  });

  it("invalid JSON: 400 INVALID_JSON; an empty JSON body: 400 EMPTY_BODY", async () => {
    const bad = await call(env, {
      method: "POST",
      url: segments(),
      user: net1.operator,
      payload: '{"name": "x",',
      headers: { "content-type": "application/json" },
    });
    expect(bad.statusCode).toBe(400);
    expectShape(bad.json(), "INVALID_JSON");
    const empty = await call(env, {
      method: "POST",
      url: segments(),
      user: net1.operator,
      payload: "",
      headers: { "content-type": "application/json" },
    });
    expect(empty.statusCode).toBe(400);
    expectShape(empty.json(), "EMPTY_BODY");
  });

  it("a body over the limit: 413 BODY_TOO_LARGE", async () => {
    const res = await call(env, {
      method: "POST",
      url: segments(),
      user: net1.operator,
      payload: JSON.stringify({ name: "x", description: "a".repeat(3 * 1024 * 1024), filter: {} }),
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(413);
    expectShape(res.json(), "BODY_TOO_LARGE");
  });
});

describe("malformed multipart", () => {
  const broken = (boundary: string) => ({
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n`,
    ),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });

  it("roster import and photo upload answer 400 INVALID_MULTIPART", async () => {
    const alum = await makeMember(env, net1, "alumni");
    for (const [url, user] of [
      [`/api/n/${net1.slug}/roster/import`, net1.operator],
      [`/api/n/${net1.slug}/profiles/me/photo`, alum],
    ] as const) {
      for (const m of [
        broken("xyz"),
        { payload: Buffer.from("not multipart at all"), headers: { "content-type": "multipart/form-data" } },
        broken("b".repeat(300)),
      ]) {
        const res = await call(env, { method: "POST", url, user, ...m });
        expect([url, res.statusCode]).toEqual([url, 400]);
        expectShape(res.json(), "INVALID_MULTIPART");
      }
      // A well-formed upload still reaches the route (its own answer, not INVALID_MULTIPART).
      const ok = multipart("a.csv", "x");
      const res = await call(env, { method: "POST", url, user, ...ok });
      expect(res.json()?.error?.code).not.toBe("INVALID_MULTIPART");
    }
  });
});
