// Calendar helpers on "YYYY-MM-DD" strings and month numbers (months since year 0), in UTC.

/** Months since year 0: 2015-04 → 2015 * 12 + 3. */
export const monthOf = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
export const ymOf = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
export const firstDay = (m: number) => `${ymOf(m)}-01`;
export function lastDay(m: number): string {
  const y = Math.floor(m / 12);
  const days = new Date(Date.UTC(y, (m % 12) + 1, 0)).getUTCDate();
  return `${ymOf(m)}-${String(days).padStart(2, "0")}`;
}
export const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
