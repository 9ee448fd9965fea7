// The outbox: a mail queued in a transaction exists exactly when the transaction commits; a key
// makes a second queueing a no-op; a retried delivery carries the same Message-ID.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, mailsTo, type TestEnv, uniq } from "../test/harness.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const params = { networkName: "テスト株式会社" };

describe("mail outbox", () => {
  it("queues nothing for a rolled-back write, and the mail of a committed one", async () => {
    const lost = `${uniq("rollback")}@example.com`;
    const kept = `${uniq("commit")}@example.com`;
    await expect(
      env.ctx.db.transaction(async (tx) => {
        await env.ctx.mailer.enqueue(lost, "registrationReceived", "ja", params, { tx });
        throw new Error("the write fails after queueing its mail");
      }),
    ).rejects.toThrow(/write fails/);
    await env.ctx.db.transaction(async (tx) => {
      await env.ctx.mailer.enqueue(kept, "registrationReceived", "ja", params, { tx });
    });
    expect(await mailsTo(env, lost)).toHaveLength(0);
    expect(await mailsTo(env, kept)).toHaveLength(1);
  });

  it("comes from the network by name, in the mail's language", async () => {
    const ja = `${uniq("from-ja")}@example.com`;
    const en = `${uniq("from-en")}@example.com`;
    await env.ctx.mailer.enqueue(ja, "registrationReceived", "ja", params);
    await env.ctx.mailer.enqueue(en, "registrationReceived", "en", params);
    const [mja] = await mailsTo(env, ja);
    const [men] = await mailsTo(env, en);
    expect(mja.from).toMatch(/^テスト株式会社 アルムナイネットワーク <.+@.+>$/);
    expect(men.from).toMatch(/^テスト株式会社 Alumni Network <.+@.+>$/);
  });

  it("queues a keyed mail once, however often it is queued", async () => {
    const to = `${uniq("once")}@example.com`;
    const key = uniq("registrationReceived:");
    for (let i = 0; i < 3; i++)
      await env.ctx.mailer.enqueue(to, "registrationReceived", "ja", params, { key });
    expect(await mailsTo(env, to)).toHaveLength(1);
  });

  it("gives a retried delivery the same Message-ID, and another message another one", async () => {
    const to = `${uniq("retry")}@example.com`;
    const job = {
      to,
      template: "registrationReceived" as const,
      locale: "ja" as const,
      params,
      key: uniq("k"),
    };
    await env.ctx.mailer.deliver(job);
    await env.ctx.mailer.deliver(job);
    await env.ctx.mailer.deliver({ ...job, key: uniq("k") });
    const ids = env.ctx.mailer.sent.filter((m) => m.to === to).map((m) => m.messageId);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^<[0-9a-f]{24}@[^>]+>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});
