// Markdown from members never becomes script: raw HTML, javascript:/data: links, event handlers.
import { MantineProvider } from "@mantine/core";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter, Route, Routes } from "react-router";
import { expect, test } from "vitest";
import { Markdown } from "./Markdown.tsx";

/** The rendered post, without Mantine's style tags. */
const html = (md: string) => {
  const out = renderToStaticMarkup(
    <MantineProvider>
      <Markdown>{md}</Markdown>
    </MantineProvider>,
  );
  return out.slice(out.lastIndexOf("</style>") + "</style>".length);
};

test.each([
  ["a script tag", "<script>alert(1)</script>こんにちは"],
  ["raw HTML with a handler", '<img src=x onerror="alert(1)">'],
  ["an inline handler in HTML", '<a href="#" onclick="alert(1)">x</a>'],
  ["a javascript: link", "[押して](javascript:alert(1))"],
  ["an encoded javascript: link", "[押して](jav&#x61;script:alert(1))"],
  ["a vbscript: link", "[x](vbscript:msgbox(1))"],
  ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["a data: image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["an image that errors", '![x](/nope" onerror="alert(1))'],
  ["an iframe", '<iframe src="https://evil.example"></iframe>'],
  ["an autolink to javascript:", "<javascript:alert(1)>"],
])("%s renders no script", (_, md) => {
  const out = html(md);
  // No script element, no event-handler attribute, no script or data URL in an attribute (the
  // same words as plain text are harmless).
  expect(out).not.toMatch(/<script|<iframe|<[^>]*\son\w+=|(href|src)="\s*(javascript|vbscript|data):/i);
});

test("ordinary Markdown renders: lists, emphasis, tables, links with rel", () => {
  const out = html(
    "**急募** です\n\n- 期間: 3か月\n- 稼働: 週2日\n\n| 項目 | 内容 |\n| --- | --- |\n| 報酬 | 応相談 |\n\n[詳細](https://example.com/job)",
  );
  expect(out).toContain("<strong>急募</strong>");
  expect(out).toContain("<li>期間: 3か月</li>");
  expect(out).toContain("<table");
  expect(out).toMatch(
    /href="https:\/\/example.com\/job"[^>]*target="_blank"[^>]*rel="noopener noreferrer nofollow"/,
  );
});

test("images show from this server only", () => {
  expect(html("![写真](/api/n/demo/posts/1/images/a.png)")).toContain(
    '<img src="/api/n/demo/posts/1/images/a.png"',
  );
  const foreign = html("![追跡](https://tracker.example/pixel.gif)");
  expect(foreign).not.toContain("<img");
  expect(foreign).toContain("追跡");
});

test("an @mention links to the member's profile; a mention: link with a bad id stays text", () => {
  const out = renderToStaticMarkup(
    <MantineProvider>
      <MemoryRouter initialEntries={["/n/demo/feed"]}>
        <Routes>
          <Route
            path="/n/:slug/feed"
            element={<Markdown>{"@[坂本 勉](mention:u_1) さん、[x](mention:../../admin) も"}</Markdown>}
          />
        </Routes>
      </MemoryRouter>
    </MantineProvider>,
  );
  expect(out).toContain('href="/n/demo/members/u_1"');
  expect(out).toContain(">@坂本 勉</a>");
  expect(out).not.toContain("admin");
});
