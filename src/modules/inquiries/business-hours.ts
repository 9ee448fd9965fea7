// Time in business hours: how many minutes of the operators' working time lie between two
// instants. Working time is, on each working day in the network's time zone, [start, end) minutes
// after local midnight; working days are the chosen weekdays, less Japanese public holidays
// (振替休日 and 国民の休日 included) when `holidays` is on. Pure: no clock, no database.
import holidayJp from "@holiday-jp/holiday_jp";

export type BusinessHours = {
  /** Minutes after local midnight the day starts (540 = 09:00). */
  start: number;
  /** Minutes after local midnight the day ends (1080 = 18:00), after `start`. */
  end: number;
  /** Working weekdays: 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** IANA time zone, e.g. Asia/Tokyo. */
  timeZone: string;
  /** Japanese public holidays are days off. */
  holidays: boolean;
};

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  start: 9 * 60,
  end: 18 * 60,
  days: [1, 2, 3, 4, 5],
  timeZone: "Asia/Tokyo",
  holidays: true,
};

const HOLIDAYS = holidayJp.holidays as Record<string, unknown>;

/** Whether `ymd` (YYYY-MM-DD) is a Japanese public holiday. */
export function isJapaneseHoliday(ymd: string): boolean {
  return Object.hasOwn(HOLIDAYS, ymd);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is one this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of instant `ms` in `timeZone`. */
function wallClock(ms: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour),
    min: Number(parts.minute),
    s: Number(parts.second),
  };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows day (y, m, d) plus `minutes`. */
function instantOf(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // Two rounds settle the offset (a DST switch between the guess and the answer moves it once).
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Whether the local day (y, m, d) is a working day. */
export function isWorkingDay(y: number, m: number, d: number, hours: BusinessHours): boolean {
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (!hours.days.includes(weekday)) return false;
  return !(hours.holidays && isJapaneseHoliday(`${y}-${pad(m)}-${pad(d)}`));
}

/** Longest span looked at day by day (about five years): beyond it the answer is capped. */
const MAX_DAYS = 5 * 366;

/**
 * Whole business minutes between `from` and `to` (0 when `to` is not after `from`): the sum,
 * over each working day, of the part of [from, to) inside that day's hours.
 */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  const first = wallClock(a, hours.timeZone);
  let total = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = new Date(Date.UTC(first.y, first.m - 1, first.d + i));
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const dayStart = instantOf(y, m, d, 0, hours.timeZone);
    if (dayStart >= b) break;
    if (!isWorkingDay(y, m, d, hours)) continue;
    const open = instantOf(y, m, d, hours.start, hours.timeZone);
    const close = instantOf(y, m, d, hours.end, hours.timeZone);
    const lo = Math.max(a, open);
    const hi = Math.min(b, close);
    if (hi > lo) total += hi - lo;
  }
  return Math.floor(total / 60_000);
}

/** The median of `values` (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
