// Plain text (comments) with its @mentions as links to the members' profiles.
import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { mentionParts } from "./mentions.ts";

export function MentionLink({
  slug,
  userId,
  children,
}: {
  slug: string;
  userId: string;
  children: ReactNode;
}) {
  return (
    <Anchor component={Link} to={`/n/${slug}/members/${userId}`} fw={600} data-mention={userId}>
      {children}
    </Anchor>
  );
}

export function MentionText({ slug, children }: { slug: string; children: string }) {
  return (
    <>
      {mentionParts(children).map((p) =>
        "text" in p ? (
          p.text
        ) : (
          <MentionLink key={p.at} slug={slug} userId={p.userId}>
            @{p.name}
          </MentionLink>
        ),
      )}
    </>
  );
}
