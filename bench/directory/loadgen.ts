// One measurement: autocannon against one URL with a list of request paths that every connection
// cycles through. Latencies are collected per response (autocannon's own summary has no p95), per
// request of the list too, and the CPU time of the server process and of the whole machine is
// sampled from /proc around the run.
import fs from "node:fs";
import autocannon, { type Client } from "autocannon";
import { ORIGIN, PASSWORD } from "./data.ts";

export type Percentiles = { p50: number; p95: number; p99: number; mean: number; max: number };

export type Measurement = Percentiles & {
  requests: number;
  seconds: number;
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Per request of the list: name, count, p50, p95. */
  perRequest: ({ name: string; n: number } & Percentiles)[];
  /** Per kind of drawn request (the feed's mix). */
  perKind?: ({ name: string; n: number } & Percentiles)[];
  /** Share of one core the server process used (1 = a whole core). */
  serverCores: number | null;
  /** Share of the machine's CPU time left idle during the run. */
  idle: number | null;
  /** PostgreSQL: statements (transactions) per request, from pg_stat_database. */
  statementsPerRequest?: number;
  /** Share of directory requests the page cache answered (cached runs only). */
  cacheHitRate?: number;
};

export function percentiles(values: number[]): Percentiles {
  if (!values.length) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN, max: 0 };
  const s = Float64Array.from(values).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { p50: at(50), p95: at(95), p99: at(99), mean, max: s[s.length - 1] };
}

const TICK = 100; // USER_HZ on Linux

function processTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]); // utime + stime (fields 14 and 15)
  } catch {
    return null;
  }
}

function machineTicks(): { idle: number; total: number } | null {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: cpu[3] + (cpu[4] ?? 0), total: cpu.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** One autocannon run, raw: samples of several runs of the same requests combine into one Measurement. */
export type Sample = {
  names: string[];
  all: number[];
  per: number[][];
  /** Latencies by the kind of a drawn request. */
  byKind?: Record<string, number[]>;
  ok: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  serverTicks: number | null;
  wallS: number;
  idleTicks: number | null;
  totalTicks: number | null;
  /** PostgreSQL transactions committed during the run (set by the caller). */
  transactions?: number;
  /** Directory page cache hits and misses during the run (set by the caller). */
  cache?: { hits: number; misses: number };
};

export type LoadOptions = {
  url: string;
  /** Paths every connection cycles through; with `draw`, one entry that names the run. */
  requests: { name: string; path: string }[];
  /**
   * The next path to send, shared by all connections (the realistic mix: a seeded sequence that
   * goes on across rounds instead of every connection repeating the same list).
   */
  draw?: () => string | Drawn;
  headers?: Record<string, string>;
  connections: number;
  duration: number;
  serverPid?: number;
  /**
   * Requests per second over all connections (an offered load, below what the server can do):
   * without it, every connection sends its next request as soon as the last was answered.
   */
  overallRate?: number;
};

/** Share of the machine's CPU time in use over `ms` (other work, when nothing of ours runs). */
export async function machineBusy(ms: number): Promise<number | null> {
  const a = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineTicks();
  return a && b ? 1 - (b.idle - a.idle) / Math.max(1, b.total - a.total) : null;
}

/** A drawn request: its path, its own headers (another member's cookie) and what kind it is. */
export type Drawn = { path: string; headers?: Record<string, string>; kind?: string };

const drawn =
  (draw: () => string | Drawn) =>
  (req: { path?: string; headers?: Record<string, string> }, context: Record<string, unknown>) => {
    const d = draw();
    if (typeof d === "string") {
      req.path = d;
      return req;
    }
    req.path = d.path;
    if (d.headers) req.headers = { ...req.headers, ...d.headers };
    context.kind = d.kind;
    return req;
  };

export async function sample(o: LoadOptions): Promise<Sample> {
  const all: number[] = [];
  const per: number[][] = o.requests.map(() => []);
  const byKind: Record<string, number[]> = {};
  const p0 = o.serverPid ? processTicks(o.serverPid) : null;
  const m0 = machineTicks();
  const t0 = performance.now();
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration,
    headers: o.headers,
    timeout: 30,
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
    requests: o.draw
      ? [{ method: "GET", path: o.requests[0].path, setupRequest: drawn(o.draw) }]
      : o.requests.map((r) => ({ method: "GET", path: r.path })),
  });
  // Emitted before the client moves on: its iterator still points at the request just answered.
  instance.on("response", (client: Client, status: number, _bytes: number, ms: number) => {
    if (status < 200 || status > 299) return;
    all.push(ms);
    const i = client.requestIterator?.currentRequestIndex;
    if (i !== undefined && per[i]) per[i].push(ms);
    const kind = (client.requestIterator as { context?: { kind?: string } } | undefined)?.context?.kind;
    if (kind) {
      byKind[kind] ??= [];
      byKind[kind].push(ms);
    }
  });
  const r = await instance;
  const wallS = (performance.now() - t0) / 1000;
  const p1 = o.serverPid ? processTicks(o.serverPid) : null;
  const m1 = machineTicks();
  return {
    names: o.requests.map((x) => x.name),
    all,
    byKind,
    per,
    ok: r["2xx"],
    seconds: r.duration,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    serverTicks: p0 !== null && p1 !== null ? p1 - p0 : null,
    wallS,
    idleTicks: m0 && m1 ? m1.idle - m0.idle : null,
    totalTicks: m0 && m1 ? m1.total - m0.total : null,
  };
}

const sum = (xs: (number | null | undefined)[]) =>
  xs.some((x) => x === null || x === undefined) ? null : xs.reduce<number>((a, b) => a + (b as number), 0);

/** Several samples of the same requests as one measurement (latencies pooled, rates over total time). */
export function combine(samples: Sample[]): Measurement {
  const ok = samples.reduce((a, s) => a + s.ok, 0);
  const seconds = samples.reduce((a, s) => a + s.seconds, 0);
  const non2xx = samples.reduce((a, s) => a + s.non2xx, 0);
  const statusCodes: Record<string, number> = {};
  for (const s of samples)
    for (const [k, v] of Object.entries(s.statusCodes)) statusCodes[k] = (statusCodes[k] ?? 0) + v;
  const serverTicks = sum(samples.map((s) => s.serverTicks));
  const idle = sum(samples.map((s) => s.idleTicks));
  const total = sum(samples.map((s) => s.totalTicks));
  const transactions = sum(samples.map((s) => s.transactions));
  const hits = sum(samples.map((s) => s.cache?.hits));
  const misses = sum(samples.map((s) => s.cache?.misses));
  const names = samples[0]?.names ?? [];
  return {
    ...percentiles(samples.flatMap((s) => s.all)),
    requests: ok,
    seconds,
    rps: ok / seconds,
    non2xx,
    errors: samples.reduce((a, s) => a + s.errors, 0),
    timeouts: samples.reduce((a, s) => a + s.timeouts, 0),
    statusCodes,
    perRequest: names.map((name, i) => {
      const xs = samples.flatMap((s) => s.per[i] ?? []);
      return { name, n: xs.length, ...percentiles(xs) };
    }),
    perKind: [...new Set(samples.flatMap((s) => Object.keys(s.byKind ?? {})))].map((name) => {
      const xs = samples.flatMap((s) => s.byKind?.[name] ?? []);
      return { name, n: xs.length, ...percentiles(xs) };
    }),
    serverCores: serverTicks === null ? null : serverTicks / TICK / samples.reduce((a, s) => a + s.wallS, 0),
    idle: idle === null || total === null ? null : idle / Math.max(1, total),
    ...(transactions === null ? {} : { statementsPerRequest: transactions / Math.max(1, ok + non2xx) }),
    ...(hits === null || misses === null ? {} : { cacheHitRate: hits / Math.max(1, hits + misses) }),
  };
}

export const measure = async (o: LoadOptions) => combine([await sample(o)]);

/** Each request alone (one at a time, `reps` times after two unmeasured ones): latency without queueing. */
export async function sequential(o: {
  url: string;
  requests: { name: string; path: string }[];
  headers?: Record<string, string>;
  reps: number;
}): Promise<({ name: string; n: number } & Percentiles)[]> {
  const out: ({ name: string; n: number } & Percentiles)[] = [];
  for (const r of o.requests) {
    const times: number[] = [];
    for (let i = 0; i < o.reps + 2; i++) {
      const t = performance.now();
      const res = await fetch(o.url + r.path, { headers: o.headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${r.name} (${r.path}) answered ${res.status}`);
      if (i >= 2) times.push(performance.now() - t);
    }
    out.push({ name: r.name, n: times.length, ...percentiles(times) });
  }
  return out;
}

export type WriterResult = { writes: number; failures: number; seconds: number };

/**
 * A member who edits their profile every `intervalMs` through the real API while the runs go on:
 * each save rewrites their directory rows and raises the network's directory version, so cached
 * directory pages go stale as they would in a live network. (The profile is read once and saved
 * again with a changing bio.)
 */
export async function startWriter(o: { url: string; slug: string; cookie: string; intervalMs: number }) {
  const path = `/api/n/${o.slug}/profiles/me`;
  const headers = { cookie: o.cookie, "content-type": "application/json", origin: "http://localhost:3999" };
  const res = await fetch(o.url + path, { headers });
  if (res.status !== 200) throw new Error(`writer: GET ${path} answered ${res.status}`);
  const {
    userId: _u,
    updatedAt: _t,
    photoUrl: _p,
    bio,
    ...fields
  } = (await res.json()) as Record<string, unknown>;
  const out: WriterResult = { writes: 0, failures: 0, seconds: 0 };
  const t0 = performance.now();
  let stopped = false;
  const loop = (async () => {
    for (let i = 1; !stopped; i++) {
      const t = performance.now();
      const r = await fetch(o.url + path, {
        method: "PUT",
        headers,
        body: JSON.stringify({ ...fields, bio: `${String(bio ?? "").slice(0, 200)} (${i})` }),
      }).catch(() => null);
      await r?.arrayBuffer();
      if (r?.status === 200) out.writes++;
      else out.failures++;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, o.intervalMs - (performance.now() - t))),
      );
    }
  })();
  return {
    async stop(): Promise<WriterResult> {
      stopped = true;
      await loop;
      out.seconds = (performance.now() - t0) / 1000;
      return out;
    },
  };
}

/** Signs in through the app's own endpoint (with Origin); returns the session cookie. */
export async function signIn(appUrl: string, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${appUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie;
}

/** GET, JSON: throws unless it answered 200. */
export async function getJson(url: string, cookie?: string): Promise<any> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = await res.json().catch(() => null);
  if (res.status !== 200)
    throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** A seeded sequence as autocannon's `draw`: every connection takes the next request, across runs. */
export function drawer(seq: Drawn[]) {
  const d = { sent: 0, next: () => seq[d.sent++ % seq.length] };
  return d;
}

/**
 * Each variant warmed up (not counted), then measured in `rounds` slices of `duration / rounds`
 * seconds in which the variants take turns — so that other work on the machine, which comes and
 * goes, weighs on the baseline and on the app alike.
 */
export async function takeTurns(
  variants: { key: string; what?: string; load: LoadOptions }[],
  o: { warmup: number; duration: number; rounds: number },
  hooks: {
    /** After the warm-up, before the first round. */
    beforeRounds?: () => Promise<void>;
    /** Around each slice (`run` measures it): what the caller counts besides (cache, transactions). */
    slice?: (v: { key: string; load: LoadOptions }, run: () => Promise<Sample>) => Promise<Sample>;
  } = {},
): Promise<Record<string, Measurement>> {
  if (o.warmup) {
    process.stdout.write(`  warm-up: ${o.warmup} s each… `);
    for (const v of variants) await sample({ ...v.load, duration: o.warmup });
    console.log("done");
  }
  await hooks.beforeRounds?.();
  const slice = o.duration / o.rounds;
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.key, []]));
  for (let round = 1; round <= o.rounds; round++) {
    process.stdout.write(`  round ${round}/${o.rounds} (${slice} s × ${variants.length}):`);
    for (const v of variants) {
      const run = () => sample({ ...v.load, duration: slice });
      const s = hooks.slice ? await hooks.slice(v, run) : await run();
      samples.get(v.key)!.push(s);
      process.stdout.write(` ${v.what ?? v.key} ${Math.round(s.ok / s.seconds)} req/s;`);
    }
    console.log("");
  }
  return Object.fromEntries([...samples].map(([k, s]) => [k, combine(s)]));
}
