// `npm run bench:soak`: 200 simulated members use the app for 10 minutes against PostgreSQL, the
// server in its own process (the directory benchmark's server child, bench/directory/server.ts,
// on the same 100,000-alumni database). Each member signs in, then, with a pause between actions,
// searches the directory (the realistic mix), reads others' profiles (people its searches found),
// reads and saves its own profile, reads its consent, and now and then signs in again. Expected:
// no error; reported: p95 per request kind and the server's RSS over time (the end within 10 % of
// the RSS after warm-up). See bench/README.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateAlumnus, Rng } from "../../src/devdata/index.ts";
import { prepareInChild, serveInChild } from "../directory/child.ts";
import { ORIGIN, PASSWORD, SLUG, type Target } from "../directory/data.ts";
import { machineBusy, percentiles } from "../directory/loadgen.ts";
import { directoryPath } from "../directory/mix.ts";
import { ROOT } from "../directory/options.ts";
import { realisticSequence } from "../directory/realistic.ts";
import { renderSoak, type SoakResult, writeSection } from "./report.ts";
import { ACTIONS, type Kind, rssOf, type Tally, tally } from "./sim.ts";

const HELP = `Soak test / 長時間負荷試験

Usage: npm run bench:soak -- [options]
  --duration <s>     seconds of load after the sign-ins (default 600)
  --warmup <s>       seconds before the RSS reference is taken (default 60; counted in --duration)
  --members <N>      simulated members (default 200)
  --think <ms>       mean pause between a member's actions (default 2000, exponential)
  --size <N>         alumni in the PostgreSQL network (default 100000; the directory benchmark's data)
  --seed <N>         generator seed (default 1)
  --results <file>   report file (default bench/RESULTS.md for the default duration, members and size,
                     else bench/tmp/soak/results.md)
  --pg-admin-url <u> as for npm run bench`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    duration: { type: "string" },
    warmup: { type: "string" },
    members: { type: "string" },
    think: { type: "string" },
    size: { type: "string" },
    seed: { type: "string" },
    results: { type: "string" },
    "pg-admin-url": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const opts = {
  duration: num(values.duration, 600),
  warmup: num(values.warmup, 60),
  members: num(values.members, 200),
  thinkMs: num(values.think, 2000),
  size: num(values.size, 100_000),
  seed: num(values.seed, 1),
  command: ["npm run bench:soak", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(
    " ",
  ),
};
for (const [k, v] of Object.entries(opts)) {
  if (typeof v === "number" && !(Number.isFinite(v) && v >= 0)) throw new Error(`--${k}: not a number ≥ 0`);
}
const isDefault = opts.duration === 600 && opts.members === 200 && opts.size === 100_000;
const resultsFile = path.resolve(
  values.results ??
    (isDefault ? path.join(ROOT, "bench/RESULTS.md") : path.join(ROOT, "bench/tmp/soak/results.md")),
);
const target: Target = {
  kind: "postgres",
  size: opts.size,
  seed: opts.seed,
  pgAdminUrl:
    values["pg-admin-url"] ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
};

const started = new Date();
console.log(
  `== soak: ${opts.members} members, ${opts.duration} s, PostgreSQL ${opts.size.toLocaleString("en-US")} alumni ==`,
);
const prepared = await prepareInChild(target, ["--skip-plans"]);
console.log(`  data ${prepared.reused ? "reused" : "loaded"}`);
const server = await serveInChild(target);
const busyBefore = await machineBusy(3000);
const stats = new Map<Kind, Tally>(ACTIONS.map((a) => [a.kind, tally()]));
stats.set("sign-in", tally());
stats.set("sign-in (first)", tally());
const rss: { t: number; mb: number }[] = [];
const t0 = performance.now();
const elapsed = () => (performance.now() - t0) / 1000;
const rssTimer = setInterval(() => {
  const mb = rssOf(server.pid);
  if (mb !== null) rss.push({ t: elapsed(), mb });
}, 5000);

/** One request, timed and counted under its kind; null when it failed (counted as an error). */
async function call(kind: Kind, p: string, init: RequestInit = {}): Promise<any> {
  const s = stats.get(kind)!;
  const t = performance.now();
  try {
    const res = await fetch(server.appUrl + p, init);
    const body = await res.json().catch(() => null);
    const ms = performance.now() - t;
    if (res.status < 200 || res.status > 299) {
      s.errors++;
      s.codes[res.status] = (s.codes[res.status] ?? 0) + 1;
      if (s.samples.length < 3) s.samples.push(`${res.status} ${p}: ${JSON.stringify(body).slice(0, 200)}`);
      return null;
    }
    s.ms.push(ms);
    return body ?? {};
  } catch (err) {
    s.errors++;
    s.codes.network = (s.codes.network ?? 0) + 1;
    if (s.samples.length < 3) s.samples.push(`${p}: ${String(err)}`);
    return null;
  }
}

async function signIn(email: string, kind: Kind = "sign-in"): Promise<string | null> {
  const s = stats.get(kind)!;
  const t = performance.now();
  const res = await fetch(`${server.appUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  }).catch(() => null);
  await res?.arrayBuffer();
  if (res?.status !== 200) {
    s.errors++;
    s.codes[res?.status ?? "network"] = (s.codes[res?.status ?? "network"] ?? 0) + 1;
    return null;
  }
  s.ms.push(performance.now() - t);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const { sequence } = realisticSequence({ seed: opts.seed, distinct: 5000, s: 1, length: 200_000 });
let drawn = 0;
const nextQuery = () => sequence[drawn++ % sequence.length];
const endAt = t0 + opts.duration * 1000;

/** Member #i of the generated alumni (active ones only): sign in, then act until the end. */
async function member(index: number, email: string) {
  const rng = new Rng(opts.seed * 31 + index);
  // The first sign-ins are spread over most of the warm-up (200 password hashes at once is a stampede, not a soak).
  await new Promise((r) => setTimeout(r, rng.float() * Math.min(45_000, opts.warmup * 750)));
  let cookie = await signIn(email, "sign-in (first)");
  const seen: string[] = [];
  const json = () => ({ cookie: cookie ?? "", "content-type": "application/json", origin: ORIGIN });
  while (performance.now() < endAt) {
    await new Promise((r) => setTimeout(r, -Math.log(1 - rng.float()) * opts.thinkMs));
    if (performance.now() >= endAt) break;
    const headers = { cookie: cookie ?? "" };
    const kind = rng.weighted(
      ACTIONS.map((a) => a.kind),
      ACTIONS.map((a) => a.weight),
    );
    if (kind === "sign-in" || !cookie) {
      cookie = (await signIn(email)) ?? cookie;
    } else if (kind === "directory") {
      const body = await call(kind, directoryPath(SLUG, nextQuery()), { headers });
      for (const it of body?.items?.slice(0, 5) ?? []) if (seen.length < 50) seen.push(it.userId);
    } else if (kind === "profile (other)") {
      const id = seen.length ? rng.pick(seen) : null;
      if (id) await call(kind, `/api/n/${SLUG}/profiles/${id}`, { headers });
    } else if (kind === "profile (own)") {
      await call(kind, `/api/n/${SLUG}/profiles/me`, { headers });
    } else if (kind === "profile save") {
      const me = await call("profile (own)", `/api/n/${SLUG}/profiles/me`, { headers });
      if (me) {
        const { userId: _u, updatedAt: _t, photoUrl: _p, bio, ...fields } = me;
        const text = `${String(bio ?? "").slice(0, 200)} (${Math.floor(elapsed())})`;
        await call(kind, `/api/n/${SLUG}/profiles/me`, {
          method: "PUT",
          headers: json(),
          body: JSON.stringify({ ...fields, bio: text }),
        });
      }
    } else if (kind === "consent") {
      await call(kind, `/api/n/${SLUG}/consent`, { headers });
    }
  }
}

// The members: active generated alumni (#1 and up; #0 is the directory benchmark's searcher).
const people: string[] = [];
for (let i = 1; people.length < opts.members; i++) {
  const a = generateAlumnus(opts.seed, i, { emailTag: SLUG });
  if (a.status === "active") people.push(a.email);
}
let warm: { t: number; mb: number } | null = null;
const warmTimer = setTimeout(() => {
  const mb = rssOf(server.pid);
  warm = mb === null ? null : { t: elapsed(), mb };
  console.log(`  after warm-up (${opts.warmup} s): server RSS ${mb?.toFixed(0)} MB`);
}, opts.warmup * 1000);
const progress = setInterval(() => {
  const n = [...stats.values()].reduce((a, s) => a + s.ms.length, 0);
  const e = [...stats.values()].reduce((a, s) => a + s.errors, 0);
  console.log(
    `  ${Math.round(elapsed())} s: ${n} requests, ${e} errors, RSS ${rss.at(-1)?.mb.toFixed(0)} MB`,
  );
}, 60_000);
await Promise.all(people.map((email, i) => member(i, email)));
clearInterval(rssTimer);
clearInterval(progress);
clearTimeout(warmTimer);
const endMb = rssOf(server.pid);
const seconds = elapsed();
const machineIdle = await machineBusy(1000);
await server.stop();

const result: SoakResult = {
  opts,
  started: started.toISOString(),
  seconds,
  busyBefore,
  busyAfter: machineIdle,
  rss,
  rssWarm: warm,
  rssEnd: endMb,
  kinds: [...stats.entries()].map(([kind, s]) => ({
    kind,
    n: s.ms.length,
    errors: s.errors,
    codes: s.codes,
    samples: s.samples,
    ...percentiles(s.ms),
  })),
};
const report = renderSoak(result);
console.log(`\n${report}`);
writeSection(resultsFile, "bench:soak", report);
fs.mkdirSync(path.join(ROOT, "bench/tmp/soak"), { recursive: true });
fs.appendFileSync(path.join(ROOT, "bench/tmp/soak/runs.ndjson"), `${JSON.stringify(result)}\n`);
console.log(`Report: ${path.relative(process.cwd(), resultsFile)}`);
const errors = result.kinds.reduce((a, k) => a + k.errors, 0);
const rssOk = warm && endMb !== null ? endMb <= (warm as { mb: number }).mb * 1.1 : false;
if (errors || !rssOk) {
  console.error(
    `FAILED: ${errors} errors; RSS end ${endMb?.toFixed(0)} MB vs after warm-up ${(warm as { mb: number } | null)?.mb.toFixed(0)} MB`,
  );
  process.exit(1);
}
