// CPU profile of the server process during one load run (`--profile`): where its time goes, by
// package (node_modules/<name>), app file (src/…), Node core, and V8's own entries (GC, idle).
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  file: string;
  totalMs: number;
  byArea: { area: string; ms: number; share: number }[];
  topFunctions: { fn: string; ms: number; share: number }[];
};

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const parts = url.slice(nm + "/node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith("node:")) return "node core";
  const src = url.indexOf("/src/");
  if (src >= 0) return `app ${url.slice(src + 1)}`;
  return url.replace(/^file:\/\//, "");
}

export function summarize(p: Profile, file: string): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n) continue;
    total += ms;
    const { functionName, url, lineNumber } = n.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const fn = `${functionName || "(anonymous)"} ${url ? `${area}:${lineNumber + 1}` : ""}`.trim();
    fns.set(fn, (fns.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => ({ k, ms: Math.round(ms), share: ms / Math.max(total, 1) }));
  return {
    file,
    totalMs: Math.round(total),
    byArea: top(areas, 15).map(({ k, ms, share }) => ({ area: k, ms, share })),
    topFunctions: top(fns, 20).map(({ k, ms, share }) => ({ fn: k, ms, share })),
  };
}

/** Starts V8's sampling profiler in this process; the returned function stops it and summarizes. */
export async function startProfile(dir: string, name: string) {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return async (): Promise<ProfileSummary> => {
    const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
    session.disconnect();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    return summarize(profile, file);
  };
}
