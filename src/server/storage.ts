// Files people upload (inquiry attachments; later feed images), behind one small interface so the
// data directory can give way to object storage (S3) without touching the modules. Keys are
// chosen by the caller ("inquiries/<networkId>/<id>"), never by a client; nothing here is served
// by URL: every download goes through a route that checks who may read the file.
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { type AnyColumn, lt, type SQL, sql } from "drizzle-orm";

export type StoredFile = {
  /** The content as a stream (read it once). */
  stream: Readable;
  mime: string;
  size: number;
};

export interface FileStorage {
  /** Stores `buf` under `key` (replacing nothing: a key that exists already is an error). */
  put(key: string, buf: Buffer, mime: string): Promise<void>;
  /** The file under `key`, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; a key that is already gone is fine. */
  delete(key: string): Promise<void>;
}

// --- Uploads waiting for what uses them (the modules' pending files share these rules) -----------

/** Uploads not yet used (a form left open) are kept this long, then removed at the uploader's next upload. */
export const PENDING_UPLOAD_HOURS = 24;

/** An upload older than that, by its `created_at`. */
export const pendingExpired = (createdAt: AnyColumn): SQL =>
  lt(createdAt, sql`now() - make_interval(hours => ${PENDING_UPLOAD_HOURS})`);

/** The file first, then its row (`insert`): a failed insert removes the file again. */
export async function putWithRow<T>(
  storage: FileStorage,
  key: string,
  buf: Buffer,
  mime: string,
  insert: () => Promise<T>,
): Promise<T> {
  await storage.put(key, buf, mime);
  try {
    return await insert();
  } catch (err) {
    await storage.delete(key).catch(() => {});
    throw err;
  }
}

/** Removes the files of rows that are gone (after their transaction committed); failures are left behind. */
export async function removeFiles(storage: FileStorage, keys: readonly string[]) {
  for (const key of keys) await storage.delete(key).catch(() => {});
}

/** Keys are paths of safe segments: letters, digits, `_`, `-` and `.` (no `..`), joined by `/`. */
const KEY = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 500) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}

/**
 * Files under `root` (`DATA_DIR/files`): the content at `<key>`, its type beside it at
 * `<key>.type` (written after the content, so a file without its type was never completed).
 */
export function localFileStorage(root: string): FileStorage {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split("/"));
  return {
    async put(key, buf, mime) {
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(file, buf, { flag: "wx" });
      await fs.promises.writeFile(`${file}.type`, mime, { flag: "wx" });
    },
    async get(key) {
      const file = fileOf(key);
      const mime = await fs.promises.readFile(`${file}.type`, "utf8").catch(() => null);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!mime || !stat?.isFile()) return null;
      return { stream: fs.createReadStream(file), mime: mime.trim(), size: stat.size };
    },
    async delete(key) {
      const file = fileOf(key);
      await fs.promises.rm(`${file}.type`, { force: true });
      await fs.promises.rm(file, { force: true });
    },
  };
}
