// Readings: hiragana → katakana (フリガナ as HR systems export it), → half-width katakana (what
// old systems and Excel sometimes produce), and → rōmaji for e-mail addresses.

export const toKatakana = (s: string) =>
  s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

const HALF: Record<string, string> = {};
{
  const full =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
  const half = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";
  for (let i = 0; i < full.length; i++) HALF[full[i]] = half[i];
  const voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
  const voicedBase = "カキクケコサシスセソタチツテトハヒフヘホ";
  for (let i = 0; i < voiced.length; i++) HALF[voiced[i]] = `${HALF[voicedBase[i]]}ﾞ`;
  const semi = "パピプペポ";
  const semiBase = "ハヒフヘホ";
  for (let i = 0; i < semi.length; i++) HALF[semi[i]] = `${HALF[semiBase[i]]}ﾟ`;
  HALF["　"] = " ";
}

/** Full-width katakana → half-width (ｻﾄｳ ﾊﾙｶ). NFKC turns it back. */
export const toHalfWidthKatakana = (s: string) => s.replace(/./gu, (c) => HALF[c] ?? c);

const ROMAJI: Record<string, string> = {};
{
  const rows: [string, string[]][] = [
    ["あいうえお", ["a", "i", "u", "e", "o"]],
    ["かきくけこ", ["ka", "ki", "ku", "ke", "ko"]],
    ["さしすせそ", ["sa", "shi", "su", "se", "so"]],
    ["たちつてと", ["ta", "chi", "tsu", "te", "to"]],
    ["なにぬねの", ["na", "ni", "nu", "ne", "no"]],
    ["はひふへほ", ["ha", "hi", "fu", "he", "ho"]],
    ["まみむめも", ["ma", "mi", "mu", "me", "mo"]],
    ["やゆよ", ["ya", "yu", "yo"]],
    ["らりるれろ", ["ra", "ri", "ru", "re", "ro"]],
    ["わを", ["wa", "o"]],
    ["がぎぐげご", ["ga", "gi", "gu", "ge", "go"]],
    ["ざじずぜぞ", ["za", "ji", "zu", "ze", "zo"]],
    ["だぢづでど", ["da", "ji", "zu", "de", "do"]],
    ["ばびぶべぼ", ["ba", "bi", "bu", "be", "bo"]],
    ["ぱぴぷぺぽ", ["pa", "pi", "pu", "pe", "po"]],
  ];
  for (const [kana, roma] of rows) for (let i = 0; i < kana.length; i++) ROMAJI[kana[i]] = roma[i];
}
const SMALL: Record<string, string> = { ゃ: "ya", ゅ: "yu", ょ: "yo" };

/**
 * Hepburn rōmaji of a hiragana reading: しょうた → shouta, はっとり → hattori; `longVowels: false`
 * drops the long "u" after o (さとう → sato), as many people write their name in an address.
 */
export function toRomaji(hira: string, opts: { longVowels?: boolean } = {}): string {
  let out = "";
  for (let i = 0; i < hira.length; i++) {
    const c = hira[i];
    const next = hira[i + 1];
    if (c === "っ") {
      const following = toRomaji(hira.slice(i + 1, i + 2));
      out += following.startsWith("ch") ? "t" : (following[0] ?? "");
      continue;
    }
    if (c === "ん") {
      out += "n";
      continue;
    }
    let r = ROMAJI[c] ?? "";
    if (next && SMALL[next]) {
      const base = r.slice(0, -1); // き → k, し → sh, ち → ch, じ → j
      const y = SMALL[next];
      r = base === "sh" || base === "ch" || base === "j" ? base + y.slice(1) : base + y;
      i++;
    }
    out += r;
  }
  if (opts.longVowels === false) out = out.replace(/ou/g, "o").replace(/uu/g, "u");
  return out;
}
