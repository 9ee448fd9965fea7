// The messages of an inquiry, oldest first: the member's on one side, the operators' on the other.
import { Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { dateTimeCell } from "../operator/format.ts";
import { AttachmentLinks } from "./Attachments.tsx";
import type { InquiryThread } from "./queries.ts";

export function ThreadMessages({
  slug,
  thread,
  viewer,
}: {
  slug: string;
  thread: InquiryThread;
  /** Whose page it is: the member sees "you" for their own messages. */
  viewer: "member" | "operator";
}) {
  const { t } = useTranslation("inquiries");
  return (
    <Stack gap="sm">
      {thread.messages.map((m) => {
        const fromOperators = m.authorRole === "operator";
        const who =
          viewer === "member"
            ? fromOperators
              ? t("thread.operator")
              : t("thread.you")
            : fromOperators
              ? `${t("thread.operator")}${m.author ? ` · ${m.author.name}` : ""}`
              : (m.author?.name ?? t("thread.formerMember"));
        return (
          <Paper
            key={m.id}
            withBorder
            radius="md"
            p="sm"
            ml={fromOperators ? 0 : { base: 16, sm: 48 }}
            mr={fromOperators ? { base: 16, sm: 48 } : 0}
            bg={fromOperators ? "var(--mantine-primary-color-light)" : undefined}
            data-testid="inquiry-message"
          >
            <Text size="xs" c="dimmed" mb={4}>
              {who} · {dateTimeCell(m.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {m.body}
            </Text>
            <AttachmentLinks slug={slug} inquiryId={thread.id} files={m.attachments} />
          </Paper>
        );
      })}
    </Stack>
  );
}
