// The words of a Markdown text without its markup, for mails and notification lines (plain text:
// a link shows its words, an image its alt text; raw HTML is dropped as the web drops it).
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as mdToString } from "mdast-util-to-string";

export function markdownExcerpt(md: string, max = 200): string {
  const tree = fromMarkdown(md);
  const blocks = tree.children
    .filter((n) => n.type !== "html")
    .map((n) => mdToString(n, { includeHtml: false }).replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const text = blocks.join(" / ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
