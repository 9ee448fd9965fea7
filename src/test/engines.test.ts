// The Node version README and package.json promise is one every installed package supports: a
// dependency that declares a newer Node (npm's EBADENGINE) fails here, not on a user's machine.
import fs from "node:fs";
import path from "node:path";
import semver from "semver";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const declared = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).engines.node as string;

function* packages(dir: string): Generator<{ name: string; version: string; node: string }> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(".")) continue;
    const p = path.join(dir, entry);
    if (entry.startsWith("@")) {
      yield* packages(p);
      continue;
    }
    const manifest = path.join(p, "package.json");
    if (fs.existsSync(manifest)) {
      const j = JSON.parse(fs.readFileSync(manifest, "utf8"));
      if (typeof j.engines?.node === "string")
        yield { name: j.name, version: j.version, node: j.engines.node };
    }
    yield* packages(path.join(p, "node_modules"));
  }
}

it(`every installed package runs on the oldest Node we declare (${declared})`, () => {
  const oldest = semver.minVersion(declared)!.version;
  const refusing = [...packages(path.join(root, "node_modules"))]
    .filter((p) => !semver.satisfies(oldest, p.node))
    .map((p) => `${p.name}@${p.version} (node ${p.node})`);
  expect(refusing).toEqual([]);
  expect(semver.satisfies(process.version, declared)).toBe(true);
});
