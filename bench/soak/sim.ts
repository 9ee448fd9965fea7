// What a simulated member of the soak test does, and how often (weights of its next action).
import fs from "node:fs";

export type Kind =
  | "sign-in"
  | "sign-in (first)"
  | "directory"
  | "profile (other)"
  | "profile (own)"
  | "profile save"
  | "consent";

/**
 * A member mostly searches and looks at people; reads their own profile and consent now and then,
 * saves their profile rarely (each save rewrites their directory rows), and signs in again rarely
 * (a new session: a password hash on the server).
 */
export const ACTIONS: { kind: Kind; weight: number }[] = [
  { kind: "directory", weight: 45 },
  { kind: "profile (other)", weight: 25 },
  { kind: "profile (own)", weight: 10 },
  { kind: "consent", weight: 10 },
  { kind: "profile save", weight: 8 },
  { kind: "sign-in", weight: 2 },
];

export type Tally = { ms: number[]; errors: number; codes: Record<string, number>; samples: string[] };
export const tally = (): Tally => ({ ms: [], errors: 0, codes: {}, samples: [] });

/** Resident set size of a process in MB (VmRSS from /proc), or null. */
export function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
