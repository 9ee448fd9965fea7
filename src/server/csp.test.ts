// upgrade-insecure-requests only when the installation is served over https: on plain http (a
// LAN host) the browser would fetch every asset over https and nothing would load.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../test/harness.ts";
import { buildApp } from "./app.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

async function cspFor(baseUrl: string) {
  const app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, baseUrl } });
  try {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    return String(res.headers["content-security-policy"]);
  } finally {
    await app.close();
  }
}

describe("content security policy", () => {
  it("has no upgrade-insecure-requests over plain http", async () => {
    const csp = await cspFor("http://192.168.1.20:3000");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("has upgrade-insecure-requests over https", async () => {
    const csp = await cspFor("https://alumni.example.com");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("upgrade-insecure-requests");
  });
});
