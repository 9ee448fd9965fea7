// The requests the load generator cycles through: what members type into the directory's search
// box and filters, with words that occur in the generated data (src/devdata/work.ts,
// names.ts, places.ts). Each connection sends them in order, over and over.
/** `id` names the plan file (bench/plans/<db>-<id>.txt). */
export type MixItem = { id: string; name: string; query: string };

export const MIX: MixItem[] = [
  { id: "short-jinji", name: "short 人事", query: "q=人事" },
  { id: "short-eigyo", name: "short 営業", query: "q=営業" },
  { id: "katakana", name: "katakana マーケティング", query: "q=マーケティング" },
  { id: "half-width", name: "half-width ﾏｰｹﾃｨﾝｸﾞ", query: "q=ﾏｰｹﾃｨﾝｸﾞ" },
  { id: "english-react", name: "english react", query: "q=react" },
  { id: "english-excel", name: "english Excel", query: "q=Excel" },
  { id: "compound-jinjibu", name: "compound 人事部", query: "q=人事部" },
  { id: "compound-eigyoshiryo", name: "compound 営業資料", query: "q=営業資料" },
  { id: "joined", name: "joined 2010–2019", query: "joinFrom=2010&joinTo=2019" },
  { id: "industry", name: "industry it", query: "industry=it" },
  { id: "job-types", name: "job engineering+design", query: "jobType=engineering&jobType=design" },
  { id: "skill", name: "skill TypeScript", query: "skill=TypeScript" },
  { id: "open-to", name: "open to freelance", query: "openTo=freelance" },
  { id: "text-joined", name: "営業 + joined 2005–2015", query: "q=営業&joinFrom=2005&joinTo=2015" },
  { id: "text-job", name: "python + engineering", query: "q=python&jobType=engineering" },
  { id: "text-location", name: "マーケティング + 東京都", query: "q=マーケティング&location=東京都" },
  { id: "browse-name", name: "browse by name", query: "sort=name" },
  { id: "browse-recent", name: "browse recent", query: "sort=recent" },
  { id: "name", name: "name 佐藤", query: "q=佐藤" },
  { id: "department-recent", name: "department 開発部, recent", query: "department=開発部&sort=recent" },
];

/** The path of a directory request (query values percent-encoded). */
export function directoryPath(slug: string, query: string): string {
  const qs = new URLSearchParams(query).toString();
  return `/api/n/${slug}/directory${qs ? `?${qs}` : ""}`;
}
