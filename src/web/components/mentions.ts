// @mentions as stored (`@[名前](mention:<user id>)`, see src/modules/feed/mentions.ts) and as
// written: the text box shows "@名前", and the names picked from the list are turned back into
// stored mentions when the text is sent.

const STORED = /@\[([^\]\n]{1,80})\]\(mention:([A-Za-z0-9_-]{1,64})\)/g;

/** Picked names → member ids. */
export type Picked = Map<string, string>;

/** The stored text as the text box shows it, with the names it mentions. */
export function toEditable(stored: string): { text: string; picked: Picked } {
  const picked: Picked = new Map();
  const text = stored.replace(STORED, (_, name: string, id: string) => {
    picked.set(name, id);
    return `@${name}`;
  });
  return { text, picked };
}

/** The written text with every "@名前" of a picked name as a stored mention (longest names first). */
export function toStored(text: string, picked: Picked): string {
  const names = [...picked.keys()].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  if (!names.length) return text;
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`@(${names.map(escapeRe).join("|")})`, "g");
  return text.replace(re, (_, name: string) => `@[${name}](mention:${picked.get(name)})`);
}

/** The "@…" being typed just before the caret (null when the caret is not in one). */
export function typedMention(text: string, caret: number): { start: number; query: string } | null {
  // After anything but the characters of an email address's local part ("、@" starts one).
  const m = /(^|[^A-Za-z0-9._%+-])@([^\s　@[\]()]{0,20})$/.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

/** Splits stored text into plain parts and mentions (for text shown without Markdown). */
export type MentionPart = { at: number } & ({ text: string } | { name: string; userId: string });

export function mentionParts(stored: string): MentionPart[] {
  const out: MentionPart[] = [];
  let last = 0;
  for (const m of stored.matchAll(STORED)) {
    if (m.index > last) out.push({ at: last, text: stored.slice(last, m.index) });
    out.push({ at: m.index, name: m[1], userId: m[2] });
    last = m.index + m[0].length;
  }
  if (last < stored.length) out.push({ at: last, text: stored.slice(last) });
  return out;
}
