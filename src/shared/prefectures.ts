// The 47 prefectures, to tell which one a written place is in ("東京本社（港区）" → 東京都): how a
// posting's workplace is compared with where alumni live.
export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;

const SHORT = PREFECTURES.map((p) => (p === "北海道" ? p : p.slice(0, -1)));

/** The prefecture a place is in, by its full name or, failing that, its short name found first. */
export function prefectureOf(place: string | null | undefined): string | null {
  if (!place) return null;
  const s = place.normalize("NFKC");
  const full = PREFECTURES.find((p) => s.includes(p));
  if (full) return full;
  let best: { at: number; i: number } | null = null;
  SHORT.forEach((p, i) => {
    const at = s.indexOf(p);
    if (at >= 0 && (!best || at < best.at || (at === best.at && p.length > SHORT[best.i].length)))
      best = { at, i };
  });
  return best ? PREFECTURES[(best as { i: number }).i] : null;
}
