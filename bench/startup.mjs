// Measures time from `npm start` (node scripts/start.mjs) to the first page served, on a fresh
// and on an existing data directory, and the resident memory when idle.
// Usage: node bench/startup.mjs [--port 3300]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const i = process.argv.indexOf("--port");
const port = i > 0 ? Number(process.argv[i + 1]) : 3300;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagari-startup-"));

async function run(label) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    stdio: [
      "ignore",
      fs.openSync(path.join(os.tmpdir(), "tsunagari-startup.log"), "a"),
      fs.openSync(path.join(os.tmpdir(), "tsunagari-startup.log"), "a"),
    ],
  });
  let ms = null;
  while (performance.now() - t0 < 120_000) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok && (await r.text()).includes('<div id="root">')) {
        ms = performance.now() - t0;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
  const rssMb = Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
  const t1 = performance.now();
  child.kill("SIGINT");
  const code = await new Promise((r) => child.on("exit", r));
  const stopMs = performance.now() - t1;
  console.log(
    `${label}: first page ${Math.round(ms)} ms, idle RSS ${Math.round(rssMb)} MB, Ctrl-C exit ${code} in ${Math.round(stopMs)} ms`,
  );
}

await run("fresh data directory   ");
await run("existing data directory");
fs.rmSync(dir, { recursive: true, force: true });
