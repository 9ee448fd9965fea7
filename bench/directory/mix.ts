// The requests the load generator cycles through: what members type into the directory's search
// box and filters, with words that occur in the generated data (bench/generator/work.ts,
// names.ts, places.ts). Each connection sends them in order, over and over.
export type MixItem = { name: string; query: string };

export const MIX: MixItem[] = [
  { name: "short 人事", query: "q=人事" },
  { name: "short 営業", query: "q=営業" },
  { name: "katakana マーケティング", query: "q=マーケティング" },
  { name: "half-width ﾏｰｹﾃｨﾝｸﾞ", query: "q=ﾏｰｹﾃｨﾝｸﾞ" },
  { name: "english react", query: "q=react" },
  { name: "english Excel", query: "q=Excel" },
  { name: "compound 人事部", query: "q=人事部" },
  { name: "compound 営業資料", query: "q=営業資料" },
  { name: "joined 2010–2019", query: "joinFrom=2010&joinTo=2019" },
  { name: "industry it", query: "industry=it" },
  { name: "job engineering+design", query: "jobType=engineering&jobType=design" },
  { name: "skill TypeScript", query: "skill=TypeScript" },
  { name: "open to freelance", query: "openTo=freelance" },
  { name: "営業 + joined 2005–2015", query: "q=営業&joinFrom=2005&joinTo=2015" },
  { name: "python + engineering", query: "q=python&jobType=engineering" },
  { name: "マーケティング + 東京都", query: "q=マーケティング&location=東京都" },
  { name: "browse by name", query: "sort=name" },
  { name: "browse recent", query: "sort=recent" },
  { name: "name 佐藤", query: "q=佐藤" },
  { name: "department 開発部, recent", query: "department=開発部&sort=recent" },
];

/** The path of a directory request (query values percent-encoded). */
export function directoryPath(slug: string, query: string): string {
  const qs = new URLSearchParams(query).toString();
  return `/api/n/${slug}/directory${qs ? `?${qs}` : ""}`;
}
