// Calendar dates as HR systems and Excel export them: 2015/4/1, 2015-04-01, 2015.4.1, 20150401,
// 2015年4月1日, the Japanese eras (平成27年4月1日, H27.4.1), and Excel's "2015/04/01 0:00".
// Pure functions; no time zones (a calendar date is a calendar date).

export type DateParse =
  | { ok: true; value: string }
  | { ok: false; reason: "format" | "nonexistent" | "range" };

const ERAS: Record<string, number> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
  m: 1868,
  t: 1912,
  s: 1926,
  h: 1989,
  r: 2019,
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A valid Gregorian date? (rejects 2015-02-30, 2015-13-01, 2014-02-29). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const GREGORIAN = [
  /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];
const ERA = /^(明治|大正|昭和|平成|令和|[mtshr])\.?(\d{1,2}|元)[年/.-](\d{1,2})[月/.-](\d{1,2})日?$/;

/** Year, month, day as written (not yet checked against the calendar), or null. */
function matchDate(s: string): [number, number, number] | null {
  for (const re of GREGORIAN) {
    const g = s.match(re);
    if (g) return [Number(g[1]), Number(g[2]), Number(g[3])];
  }
  const e = s.match(ERA);
  if (!e) return null;
  const year = ERAS[e[1]] + (e[2] === "元" ? 1 : Number(e[2])) - 1;
  return [year, Number(e[3]), Number(e[4])];
}

/** Parses one cell into `YYYY-MM-DD`. The cell is NFKC-normalised first (full-width digits). */
export function parseDate(input: string): DateParse {
  const s = input
    .normalize("NFKC")
    .trim()
    .replace(/\s+0?0:00(?::00)?$/, "") // Excel adds a midnight time to dates
    .toLowerCase();
  const ymd = matchDate(s);
  if (!ymd) return { ok: false, reason: "format" };
  const [y, m, d] = ymd;
  if (!isRealDate(y, m, d)) return { ok: false, reason: "nonexistent" };
  if (y < 1900) return { ok: false, reason: "range" };
  return { ok: true, value: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
}

/** Today's date in Japan (`YYYY-MM-DD`): rosters are Japanese, and so is "today". */
export function todayInJapan(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
