import fs from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: any) {
    return e.code === "EPERM";
  }
}

/**
 * PGlite does not lock its data directory: hold a lockfile so that a second process on the
 * same directory fails at once with a clear message instead of corrupting data.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "tsunagari.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {}
      };
    } catch (e: any) {
      if (e.code !== "EEXIST") throw e;
      const pid = Number(fs.readFileSync(file, "utf8"));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(
          `The data directory ${dataDir} is already in use by process ${pid}. Stop it first, or set DATA_DIR to another directory.\n` +
            `データディレクトリ ${dataDir} はプロセス ${pid} が使用中です。先に停止するか、DATA_DIR で別のディレクトリを指定してください。`,
        );
      }
      fs.unlinkSync(file); // stale lock from a crashed process
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
