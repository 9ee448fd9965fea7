// The directory filter in the browser: read from and written to the URL query string (so a search
// can be shared and the back button works), and from a saved segment's `filter` object.
import type { DirectoryFilter, DirectorySort } from "../../../modules/directory/schemas.ts";
import { INDUSTRIES, JOB_TYPES, OPEN_TO } from "../../../shared/profile.ts";

export type { DirectoryCard, DirectorySort } from "../../../modules/directory/schemas.ts";
export type Filter = DirectoryFilter;

export const SORTS = ["relevance", "name", "recent"] as const satisfies readonly DirectorySort[];
/** The join-year cohorts offered as chips (each → joinFrom..joinTo). */
export const DECADES = [1990, 2000, 2010, 2020] as const;

const MIN_YEAR = 1950;
/** Years offered for the join-year range, newest first. */
export const joinYears = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - MIN_YEAR + 1 }, (_, i) => now - i);
};

type ListKey = "department" | "industry" | "jobType" | "skill" | "openTo";
const LISTS: Record<ListKey, { max: number; allowed?: readonly string[] }> = {
  department: { max: 10 },
  industry: { max: 16, allowed: INDUSTRIES },
  jobType: { max: 14, allowed: JOB_TYPES },
  skill: { max: 10 },
  openTo: { max: 4, allowed: OPEN_TO },
};
const LIST_KEYS = Object.keys(LISTS) as ListKey[];

function year(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : undefined;
}

function text(v: unknown, max: number): string | undefined {
  const s = typeof v === "string" ? v.trim().slice(0, max) : "";
  return s || undefined;
}

function list(key: ListKey, values: unknown[]): any[] | undefined {
  const { max, allowed } = LISTS[key];
  const out: string[] = [];
  for (const v of values) {
    const s = text(v, 100);
    if (s && !out.includes(s) && (!allowed || allowed.includes(s))) out.push(s);
  }
  return out.length ? out.slice(0, max) : undefined;
}

/** Drops empty and unknown values; swaps a reversed year range. */
export function cleanFilter(f: Record<string, unknown>): Filter {
  const out: Filter = {};
  const q = text(f.q, 200);
  if (q) out.q = q;
  let from = year(f.joinFrom);
  let to = year(f.joinTo);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  if (from !== undefined) out.joinFrom = from;
  if (to !== undefined) out.joinTo = to;
  for (const k of LIST_KEYS) {
    const raw = f[k];
    const v = list(k, Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]);
    if (v) (out as any)[k] = v;
  }
  const location = text(f.location, 100);
  if (location) out.location = location;
  return out;
}

/** A saved segment's filter (JSON) → a filter. */
export const filterFromRecord = (r: Record<string, unknown>) => cleanFilter(r);

/** `?q=…&skill=a&skill=b` → a filter (unknown values are ignored). */
export function filterFromParams(p: URLSearchParams): Filter {
  const raw: Record<string, unknown> = {
    q: p.get("q") ?? undefined,
    joinFrom: p.get("joinFrom") ?? undefined,
    joinTo: p.get("joinTo") ?? undefined,
    location: p.get("location") ?? undefined,
  };
  for (const k of LIST_KEYS) raw[k] = p.getAll(k);
  return cleanFilter(raw);
}

export function sortFromParams(p: URLSearchParams): DirectorySort | undefined {
  const s = p.get("sort");
  return (SORTS as readonly string[]).includes(s ?? "") ? (s as DirectorySort) : undefined;
}

/** A filter (and sort) → query-string parameters, lists as repeated keys. */
export function filterToParams(f: Filter, sort?: DirectorySort): URLSearchParams {
  const p = new URLSearchParams();
  const c = cleanFilter(f);
  if (c.q) p.set("q", c.q);
  if (c.joinFrom !== undefined) p.set("joinFrom", String(c.joinFrom));
  if (c.joinTo !== undefined) p.set("joinTo", String(c.joinTo));
  for (const k of LIST_KEYS) for (const v of c[k] ?? []) p.append(k, v);
  if (c.location) p.set("location", c.location);
  if (sort) p.set("sort", sort);
  return p;
}

/** How many filters besides the free text are set (for the "Filters (3)" button). */
export function activeFilterCount(f: Filter): number {
  const c = cleanFilter(f);
  let n = c.joinFrom !== undefined || c.joinTo !== undefined ? 1 : 0;
  for (const k of LIST_KEYS) n += c[k]?.length ? 1 : 0;
  return n + (c.location ? 1 : 0);
}

/** The decade a filter's join range is exactly (2010 for 2010–2019), else null. */
export function decadeOf(f: Filter): number | null {
  const { joinFrom: from, joinTo: to } = f;
  return from !== undefined && to === from + 9 && from % 10 === 0 ? from : null;
}

/** The sort the server uses when none is given: relevance with free text, else by name. */
export const effectiveSort = (f: Filter, sort?: DirectorySort): DirectorySort =>
  sort === "relevance" || sort === undefined ? (f.q ? "relevance" : "name") : sort;
