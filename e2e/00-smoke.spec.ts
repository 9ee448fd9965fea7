import { expect, test } from "@playwright/test";
import { shot } from "./support.ts";

test("serves the Japanese UI and a health report", async ({ page, request }) => {
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true, kind: "pglite" } });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByText("つながり").first()).toBeVisible();
  await shot(page, "00-first-page");
});
