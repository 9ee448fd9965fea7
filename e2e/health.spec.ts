import { expect, test } from "@playwright/test";

test("the health report names the database and the queue", async ({ request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({
    status: "ok",
    database: { ok: true, kind: "pglite" },
    queue: { ok: true },
  });
});
