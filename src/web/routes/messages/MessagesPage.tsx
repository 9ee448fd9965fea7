// メッセージ: the member's conversations, the most recently active first, with unread badges.
import { Badge, Button, Card, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { conversationName, PeopleAvatar } from "./people.tsx";
import { type ConversationSummary, useConversations } from "./queries.ts";
import "./i18n.ts";

function Row({ slug, c }: { slug: string; c: ConversationSummary }) {
  const { t } = useTranslation("messages");
  const excerpt = c.lastMessage ? `${c.lastMessage.mine ? `${t("you")}: ` : ""}${c.lastMessage.excerpt}` : "";
  return (
    <UnstyledButton
      component={Link}
      to={`/n/${slug}/messages/${c.id}`}
      data-testid="conversation-row"
      aria-label={`${conversationName(c.others)}${c.unread ? ` (${t("unread", { count: c.unread })})` : ""}`}
      style={{ display: "block", minHeight: 44 }}
      p="sm"
    >
      <Group gap="sm" wrap="nowrap" align="center">
        <PeopleAvatar others={c.others} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text fw={c.unread ? 700 : 500} truncate>
              {conversationName(c.others)}
            </Text>
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              {formatDateTime(c.lastMessageAt)}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" c={c.unread ? undefined : "dimmed"} truncate>
              {excerpt}
            </Text>
            {c.unread > 0 && (
              <Badge color="red" size="sm" circle={c.unread < 10} data-testid="conversation-unread">
                {c.unread > 99 ? "99+" : c.unread}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

function List({ slug }: { slug: string }) {
  const { t } = useTranslation("messages");
  const q = useConversations(slug);
  if (q.isLoading) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (!items.length) return <Text c="dimmed">{t("empty")}</Text>;
  return (
    <Card withBorder padding={0} radius="md">
      <Stack gap={0} style={{ borderTop: 0 }}>
        {items.map((c) => (
          <Row key={c.id} slug={slug} c={c} />
        ))}
      </Stack>
      {q.hasNextPage && (
        <Button variant="subtle" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage} mih={44}>
          {t("more")}
        </Button>
      )}
    </Card>
  );
}

export default function MessagesPage() {
  const { t } = useTranslation("messages");
  const { slug = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n) => (
        <Stack maw={760} gap="sm">
          <PageTitle title={t("title")} subtitle={t("subtitle")} />
          <Group gap="sm">
            <Button component={Link} to={`/n/${n.slug}/messages/new`} mih={44}>
              {t("newGroup")}
            </Button>
            <Button component={Link} to={`/n/${n.slug}/messages/settings`} variant="default" mih={44}>
              {t("settings")}
            </Button>
          </Group>
          <List slug={n.slug} />
        </Stack>
      )}
    </MemberGate>
  );
}
