// Markdown written by members, rendered safely: raw HTML is dropped (never parsed into elements),
// links and images go through react-markdown's URL check (javascript:, vbscript: and data: URLs
// are removed), external links open apart with rel="noopener noreferrer nofollow", and images
// show only from this server's own API (an image from elsewhere would tell a third party who
// read the post, and when).
import { Anchor, Code, Text, Title, Typography } from "@mantine/core";
import ReactMarkdown, { type Components, defaultUrlTransform } from "react-markdown";
import { useParams } from "react-router";
import remarkGfm from "remark-gfm";
import { MentionLink } from "./MentionText.tsx";

/** Whether `url` points at this server (a path, not a scheme or another host). */
const ownPath = (url: string) => url.startsWith("/") && !url.startsWith("//");

/** An @mention as stored: `mention:<member id>` (src/modules/feed/mentions.ts). */
const MENTION = /^mention:([A-Za-z0-9_-]{1,64})$/;
/** `@[名前](mention:id)` in the text: the "@" goes inside the link. */
const MENTIONS = /@\[([^\]\n]{1,80})\]\(mention:([A-Za-z0-9_-]{1,64})\)/g;

const components = (slug: string | undefined): Components => ({
  a: ({ href, children }) => {
    if (!href) return <>{children}</>;
    const mention = MENTION.exec(href);
    if (mention) {
      return slug ? (
        <MentionLink slug={slug} userId={mention[1]}>
          {children}
        </MentionLink>
      ) : (
        <>{children}</>
      );
    }
    const external = !ownPath(href) && !href.startsWith("#");
    return (
      <Anchor
        href={href}
        {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        style={{ overflowWrap: "anywhere" }}
      >
        {children}
      </Anchor>
    );
  },
  img: ({ src, alt }) =>
    typeof src === "string" && ownPath(src) ? (
      <img src={src} alt={alt ?? ""} loading="lazy" style={{ maxWidth: "100%", height: "auto" }} />
    ) : (
      <Text span c="dimmed">
        {alt ?? ""}
      </Text>
    ),
  // Headings inside a post stay smaller than the page's own.
  h1: ({ children }) => (
    <Title order={4} size="h5" mt="sm">
      {children}
    </Title>
  ),
  h2: ({ children }) => (
    <Title order={5} size="h6" mt="sm">
      {children}
    </Title>
  ),
  h3: ({ children }) => (
    <Title order={6} mt="xs">
      {children}
    </Title>
  ),
  code: ({ children }) => <Code>{children}</Code>,
});

export function Markdown({ children }: { children: string }) {
  const { slug } = useParams();
  return (
    <Typography fz="sm" style={{ overflowWrap: "anywhere" }}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={components(slug)}
        urlTransform={(url) => (MENTION.test(url) ? url : defaultUrlTransform(url))}
      >
        {children.replace(MENTIONS, "[@$1](mention:$2)")}
      </ReactMarkdown>
    </Typography>
  );
}
