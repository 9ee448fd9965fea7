// The soak test's Markdown section (between markers in bench/RESULTS.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Percentiles } from "../directory/loadgen.ts";

export type SoakResult = {
  opts: {
    duration: number;
    warmup: number;
    members: number;
    thinkMs: number;
    size: number;
    seed: number;
    command: string;
  };
  started: string;
  seconds: number;
  /** Share of the machine's CPU in use during 3 s before the load (other work). */
  busyBefore: number | null;
  busyAfter: number | null;
  rss: { t: number; mb: number }[];
  rssWarm: { t: number; mb: number } | null;
  rssEnd: number | null;
  kinds: ({
    kind: string;
    n: number;
    errors: number;
    codes: Record<string, number>;
    samples: string[];
  } & Percentiles)[];
};

const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);

export function renderSoak(r: SoakResult): string {
  const L: string[] = [];
  const total = r.kinds.reduce((a, k) => a + k.n, 0);
  const errors = r.kinds.reduce((a, k) => a + k.errors, 0);
  const cpus = os.cpus();
  L.push("## Soak (`npm run bench:soak`)", "");
  L.push(
    `Run ${r.started.replace(/\.\d+Z$/, "Z")}, ${Math.round(r.seconds)} s from the first sign-in to the last answer. Machine: ${cpus.length} × ${cpus[0]?.model ?? "?"}, Node ${process.version}; ` +
      `CPU in use by other work during 3 s before the load: ${pct(r.busyBefore)}, by everything during 1 s after it: ${pct(r.busyAfter)}.`,
    "",
    `- Command: \`${r.opts.command}\` — ${r.opts.members} members, mean pause ${r.opts.thinkMs} ms between a member's actions (exponential), ` +
      `PostgreSQL, ${r.opts.size.toLocaleString("en-US")} alumni, server in its own process; seed ${r.opts.seed}`,
    `- ${total.toLocaleString("en-US")} requests (${(total / Math.max(1, r.seconds)).toFixed(0)}/s), **${errors} errors**`,
    `- Server RSS: ${r.rssWarm ? `${r.rssWarm.mb.toFixed(0)} MB after warm-up (${r.opts.warmup} s)` : "–"}, ` +
      `${r.rssEnd === null ? "–" : `${r.rssEnd.toFixed(0)} MB at the end`}` +
      (r.rssWarm && r.rssEnd !== null
        ? ` (${r.rssEnd <= r.rssWarm.mb * 1.1 ? "within" : "**not within**"} 10 %: ${(((r.rssEnd - r.rssWarm.mb) / r.rssWarm.mb) * 100).toFixed(1)} %)`
        : ""),
    `- RSS every minute (MB): ${r.rss
      .filter((_, i) => i % 12 === 11)
      .map((x) => `${Math.round(x.t)} s ${x.mb.toFixed(0)}`)
      .join(", ")}`,
    "",
    "| request kind | requests | errors | p50 ms | p95 ms | p99 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.kinds.map(
      (k) =>
        `| ${k.kind} | ${k.n.toLocaleString("en-US")} | ${k.errors}${k.errors ? ` ${JSON.stringify(k.codes)}` : ""} | ${f1(k.p50)} | ${f1(k.p95)} | ${f1(k.p99)} | ${f1(k.max)} |`,
    ),
  );
  const samples = r.kinds.flatMap((k) => k.samples.map((s) => `${k.kind}: ${s}`));
  if (samples.length) L.push("", "First errors:", "", ...samples.map((s) => `- \`${s.replace(/`/g, "'")}\``));
  return `${L.join("\n")}\n`;
}

/** Replaces the section between `<!-- name:start -->` and `<!-- name:end -->` (appends it when missing). */
export function writeSection(file: string, name: string, section: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = `${start}\n${section}${end}\n`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n\n";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length + 1);
  else text = `${text.trimEnd()}\n\n${block}`;
  fs.writeFileSync(file, text);
}
