// `npm test`: the whole suite — integration tests on embedded PGlite, again on PostgreSQL when
// TEST_DATABASE_URL is set, then the browser tests in Chromium. Stops at the first failure.
import { spawnSync } from "node:child_process";

const steps = [["PGlite", "node_modules/vitest/vitest.mjs", ["run"], { TEST_DATABASE_URL: "" }]];
if (process.env.TEST_DATABASE_URL) {
  steps.push(["PostgreSQL", "node_modules/vitest/vitest.mjs", ["run"], {}]);
} else {
  console.log("TEST_DATABASE_URL is not set: integration tests run on PGlite only.");
}
if (process.env.SKIP_E2E !== "1")
  steps.push(["browser (Chromium)", "node_modules/@playwright/test/cli.js", ["test"], {}]);
else console.log("SKIP_E2E=1: browser tests skipped.");

const results = [];
for (const [name, bin, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  results.push(`${name}: ${r.status === 0 ? "ok" : "FAILED"} (${Math.round((Date.now() - t) / 1000)} s)`);
  if (r.status !== 0) {
    console.log(`\n${results.join("\n")}`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n${results.join("\n")}`);
