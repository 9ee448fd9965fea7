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

test("an unknown address shows a 404 page in Japanese; a signed-out visit logs no console error", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "ログイン" }).first()).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByText("ページが見つかりません")).toBeVisible();
  await page.getByRole("link", { name: "トップへ戻る" }).click();
  await expect(page).not.toHaveURL(/no-such-page/);
  expect(errors).toEqual([]);
  expect((await page.request.get("/favicon.svg")).headers()["content-type"]).toContain("image/svg");
});
