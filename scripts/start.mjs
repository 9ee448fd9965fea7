// `npm start`: builds the web UI when it is missing or older than its sources, then runs the
// server in this same process (so Ctrl-C reaches it directly).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const index = path.join(root, "dist/web/index.html");

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const stale =
  !fs.existsSync(index) ||
  fs.statSync(index).mtimeMs <
    Math.max(newest(path.join(root, "src/web")), newest(path.join(root, "src/shared")));
if (stale) {
  console.log("Building the web UI (first start or changed sources)… / 画面をビルドしています…");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
    { cwd: root, stdio: "inherit" },
  );
}
const { register } = await import("tsx/esm/api");
register();
await import("../src/server/main.ts");
