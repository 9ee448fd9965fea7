// A 500 from a failed query is logged with the query but without its parameters (emails, token
// hashes), in the error, its message and stack, and its cause.
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "../test/harness.ts";
import { access } from "./access.ts";
import { buildApp } from "./app.ts";
import { redactErr } from "./log-redact.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const EMAIL = "secret.person@example.com";
const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("error logs", () => {
  it("a failed query's parameters never reach the log", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ level: "info" }, stream);
    const app = await buildApp({ ...env.ctx, log });
    app.get("/api/test-failing-query", { config: { access: access.public("test") } }, async () => {
      // A real driver error: the values are parameters ($1, $2) that cannot be cast.
      await env.ctx.db.execute(sql`select ${EMAIL}::int, ${HASH}::int`);
      return {};
    });
    try {
      const res = await app.inject({ method: "GET", url: "/api/test-failing-query" });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe("INTERNAL");
    } finally {
      await app.close();
    }
    const logged = lines.join("\n");
    expect(logged).toContain("unhandled error");
    expect(logged).toContain("Failed query");
    expect(logged).not.toContain(EMAIL);
    expect(logged).not.toContain(HASH);
  });

  it("drops params and detail at any depth, keeps the rest", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), {
      detail: `Key (email)=(${EMAIL}) already exists.`,
      code: "23505",
    });
    const err = Object.assign(new Error(`Failed query: insert into "user" values ($1)\nparams: ${EMAIL}`), {
      params: [EMAIL],
      query: 'insert into "user" values ($1)',
      cause,
    });
    const out = JSON.stringify(redactErr(err));
    expect(out).not.toContain(EMAIL);
    expect(out).toContain('insert into \\"user\\" values ($1)');
    expect(out).toContain("duplicate key value violates unique constraint");
    expect(out).toContain("params: [redacted]");
  });
});
