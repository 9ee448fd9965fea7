// The realistic directory mix: what many members type, not 20 fixed requests. Thousands of distinct
// queries are built from the generated data itself (names, skills, departments, places, employers,
// industries, job types, join years, "open to" of generated alumni), and requests draw them with
// Zipf-distributed popularity (a few searches are very common, most are rare), from a seeded PRNG:
// the same seed gives the same query universe and the same request sequence, so runs compare.
import { generateAlumni, Rng } from "../../src/devdata/index.ts";
import { INDUSTRIES, JOB_TYPES, OPEN_TO } from "../../src/shared/profile.ts";
import type { Measurement } from "./loadgen.ts";

export type RealisticOptions = {
  seed: number;
  /** Distinct queries in the universe. */
  distinct: number;
  /** Zipf exponent: weight of rank r is 1 / r^s. */
  s: number;
  /** Requests in the drawn sequence (it wraps around when a run sends more). */
  length: number;
};

export const REALISTIC_DEFAULTS: RealisticOptions = { seed: 1, distinct: 5000, s: 1, length: 200_000 };

/** Words and values that occur in the data: drawn from generated alumni of the same generator. */
function vocabulary(seed: number) {
  const people = generateAlumni({ seed: seed + 7919, count: 2000 });
  const set = <T>(xs: T[]) => [...new Set(xs)];
  const p = people.map((a) => a.profile);
  return {
    surnames: set(people.map((a) => a.surname)),
    givenNames: set(people.map((a) => a.givenName)),
    fullNames: set(people.map((a) => `${a.surname} ${a.givenName}`)),
    kanaSurnames: set(people.map((a) => a.surnameKana)),
    skills: set(p.flatMap((x) => x.skills)),
    departments: set(p.flatMap((x) => x.departments)),
    // "東京都渋谷区" and its prefecture alone ("東京都").
    locations: set(
      p.flatMap((x) => (x.location ? [x.location, x.location.replace(/^(.+?[都道府県]).*$/, "$1")] : [])),
    ),
    companies: set(p.flatMap((x) => (x.currentCompany ? [x.currentCompany] : []))),
    joinYears: set(people.map((a) => Number(a.joinDate.slice(0, 4)))).sort((a, b) => a - b),
  };
}

type Params = [string, string][];

/** One random query: free text, filters, both, or browsing (weights: what a search box sees). */
function drawQuery(rng: Rng, v: ReturnType<typeof vocabulary>): Params {
  const out: Params = [];
  const text = (): string => {
    const k = rng.float();
    if (k < 0.25) return rng.pick(v.surnames);
    if (k < 0.35) return rng.pick(v.fullNames);
    if (k < 0.4) return rng.pick(v.kanaSurnames);
    if (k < 0.45) return rng.pick(v.givenNames);
    if (k < 0.7) return rng.pick(v.skills);
    if (k < 0.8) return rng.pick(v.departments).replace(/部$/, rng.chance(0.5) ? "" : "部");
    if (k < 0.9) return rng.pick(v.companies);
    // two words: a skill and a place or a department
    return `${rng.pick(v.skills)} ${rng.chance(0.5) ? rng.pick(v.locations) : rng.pick(v.departments)}`;
  };
  const filter = () => {
    const k = rng.float();
    // joinFrom/joinTo and location take one value: a second draw of them adds nothing.
    const has = (name: string) => out.some(([n]) => n === name);
    if ((k < 0.2 && has("joinFrom")) || (k >= 0.8 && k < 0.92 && has("location"))) return;
    if (k < 0.2) {
      const a = rng.pick(v.joinYears);
      out.push(["joinFrom", String(a)], ["joinTo", String(a + rng.int(0, 10))]);
    } else if (k < 0.35) out.push(["industry", rng.pick(INDUSTRIES)]);
    else if (k < 0.5) out.push(["jobType", rng.pick(JOB_TYPES)]);
    else if (k < 0.65) out.push(["skill", rng.pick(v.skills)]);
    else if (k < 0.8) out.push(["department", rng.pick(v.departments)]);
    else if (k < 0.92) out.push(["location", rng.pick(v.locations)]);
    else out.push(["openTo", rng.pick(OPEN_TO)]);
  };
  const kind = rng.float();
  if (kind < 0.5) out.push(["q", text()]);
  else if (kind < 0.7) {
    out.push(["q", text()]);
    filter();
  } else if (kind < 0.92) {
    filter();
    if (rng.chance(0.3)) filter();
  } else out.push(["sort", rng.chance(0.6) ? "name" : "recent"]);
  if (kind >= 0.7 && kind < 0.92 && rng.chance(0.2)) out.push(["sort", "recent"]);
  return out;
}

const keyOf = (p: Params) => new URLSearchParams(p).toString();

/** `distinct` distinct query strings, in popularity order (rank 1 first). */
export function realisticQueries(o: Pick<RealisticOptions, "seed" | "distinct">): string[] {
  const rng = new Rng(o.seed * 1_000_003 + 17);
  const v = vocabulary(o.seed);
  const seen = new Set<string>();
  const out: string[] = [];
  for (let tries = 0; out.length < o.distinct && tries < o.distinct * 50; tries++) {
    const key = keyOf(drawQuery(rng, v));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out;
}

/** A sequence of `length` query strings drawn from the universe with Zipf(s) popularity. */
export function realisticSequence(o: RealisticOptions): { queries: string[]; sequence: string[] } {
  const queries = realisticQueries(o);
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 1; r <= queries.length; r++) {
    sum += 1 / r ** o.s;
    cumulative.push(sum);
  }
  const rng = new Rng(o.seed * 7_368_787 + 3);
  const sequence: string[] = [];
  for (let i = 0; i < o.length; i++) {
    const x = rng.float() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    sequence.push(queries[lo]);
  }
  return { queries, sequence };
}

/** Distinct queries and the share of requests that repeat one sent before (an unbounded cache's best hit rate). */
export function sequenceStats(sequence: string[]) {
  const seen = new Set(sequence);
  return { distinctSent: seen.size, repeatShare: 1 - seen.size / Math.max(1, sequence.length) };
}

/** What the report says about the realistic runs. */
export type RealisticInfo = {
  distinct: number;
  s: number;
  /** Of the most popular queries, sent once before the runs: how many, with no match, with 500+. */
  checked: number;
  empty: number;
  capped: number;
  /** Requests the cached run sent, distinct queries among them, share of repeats. */
  sent: number;
  distinctSent: number;
  repeatShare: number;
  cached: Measurement;
  uncached: Measurement;
};

/** Sends each query once (to the app without page cache, so the cache starts cold): all must answer 200. */
export async function checkRealistic(url: string, slug: string, cookie: string, queries: string[]) {
  let empty = 0;
  let capped = 0;
  for (const q of queries) {
    const p = `/api/n/${slug}/directory?${q}`;
    const res = await fetch(url + p, { headers: { cookie } });
    const body: any = await res.json().catch(() => null);
    if (res.status !== 200 || !Array.isArray(body?.items)) {
      throw new Error(
        `realistic mix: ${decodeURIComponent(q)} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
    if (body.total === 0) empty++;
    if (body.totalCapped) capped++;
  }
  return { checked: queries.length, empty, capped };
}
