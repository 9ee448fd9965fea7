// Sign-in works from every loopback spelling of BASE_URL (http://127.0.0.1:PORT while BASE_URL
// says localhost), and a refused origin is named, with what to set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, makeUser, type TestEnv } from "../test/harness.ts";
import { loadConfig } from "./config.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const signIn = (email: string, origin: string) =>
  env.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    // Any cookie on the host (here an old one) makes better-auth check the origin, as a browser's would.
    headers: { origin, "accept-language": "en", cookie: "theme=dark" },
    payload: { email, password: "correct horse battery" },
  });

describe("loopback origins", () => {
  it("signs in from localhost, 127.0.0.1 and [::1] alike", async () => {
    const u = await makeUser(env);
    for (const origin of ["http://localhost:3999", "http://127.0.0.1:3999", "http://[::1]:3999"]) {
      const res = await signIn(u.email, origin);
      expect([origin, res.statusCode]).toEqual([origin, 200]);
    }
  });

  it("a refused origin is named in the message, with BASE_URL to set", async () => {
    const u = await makeUser(env);
    const res = await env.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: "http://192.168.1.5:3999", cookie: u.cookie, "accept-language": "en" },
      payload: { email: u.email, password: "correct horse battery" },
    });
    expect(res.statusCode).toBe(403);
    const body = res.json();
    expect(body.error.code).toBe("INVALID_ORIGIN");
    expect(body.error.message).toBe(body.error.messages.en);
    expect(body.error.messages.en).toContain("http://192.168.1.5:3999");
    expect(body.error.messages.en).toContain("BASE_URL");
    expect(body.error.messages.ja).toContain("http://192.168.1.5:3999");
  });

  it("the default BASE_URL spells loopback as localhost and brackets other IPv6 hosts", () => {
    const base = (HOST: string) => loadConfig({ HOST, PORT: "3100" }, []).baseUrl;
    expect(base("127.0.0.1")).toBe("http://localhost:3100");
    expect(base("::1")).toBe("http://localhost:3100");
    expect(base("0.0.0.0")).toBe("http://localhost:3100");
    expect(base("fd00::5")).toBe("http://[fd00::5]:3100");
    expect(base("192.168.1.5")).toBe("http://192.168.1.5:3100");
  });
});
