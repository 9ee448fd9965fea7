// Browser tests in Debian's Chromium against the real server on a fresh embedded database.
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR =
  process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `tsunagari-e2e-${process.pid}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "ja-JP",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  // One worker runs the files in alphabetical order, project by project. membership.spec.ts goes
  // through first-run setup itself, so it must run before any spec that only needs a set-up
  // installation (those call ensureSetup and work alone too): they live in the second project.
  projects: [
    {
      name: "journeys",
      testIgnore: /(directory|inquiries|phones|feed|groups|home|messages|moderation|events|opportunities|referrals)\.spec\.ts$/,
    },
    {
      name: "after-setup",
      testMatch: /(directory|inquiries|phones|feed|groups|home|messages|moderation|events|opportunities|referrals)\.spec\.ts$/,
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      LOG_LEVEL: "warn",
      AUTH_RATE_LIMIT: "off",
      // As by default: the admin sets up two-factor authentication in membership.spec.ts, and
      // e2e/support.ts answers the code step (or sets it up) whenever an operator signs in.
      REQUIRE_2FA: "on",
      DATABASE_URL: "",
      // Decision mails wait 5 s instead of 30 (undo stays possible; the journeys wait for mails).
      DECISION_MAIL_DELAY_SECONDS: "5",
      // Every journey registers its people from this one address: more than an hour's default 20.
      REGISTRATION_IP_LIMIT: "200",
    },
  },
});
