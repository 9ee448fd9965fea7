// 新しく参加したメンバー: for supporters and operators, who joined in the last 30 days, with a link
// to their profile and メッセージを送る. Nothing is shown to others (the server answers not found).
import { Anchor, Avatar, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";
import { initials } from "../../components/initials.ts";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import { MessageButton } from "../messages/MessageButton.tsx";
import "./i18n.ts";
import { useNewcomers } from "./queries.ts";

export function Newcomers({ slug }: { slug: string }) {
  const { t } = useTranslation("groups");
  const q = useNewcomers(slug);
  const [all, setAll] = useState(false);
  if (!q.data) return null;
  const shown = q.data.items.slice(0, all ? 30 : 3);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-label={t("newcomers.title")}
      data-testid="newcomers"
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {t("newcomers.title")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("newcomers.hint")}
          </Text>
        </div>
        {q.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("newcomers.empty")}
          </Text>
        )}
        {shown.map((p) => (
          <Group key={p.userId} justify="space-between" wrap="wrap" gap="xs">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Avatar src={p.photoUrl} radius="xl" size={36} color="brand">
                {initials(p.name)}
              </Avatar>
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  {p.profile ? (
                    <Anchor component={Link} to={`/n/${slug}/members/${p.userId}`} fw={600} size="sm">
                      {p.name}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {p.name}
                    </Text>
                  )}
                  {p.supporter && <SupporterBadge />}
                </Group>
                <Text size="xs" c="dimmed">
                  {t("newcomers.joinedAt", { date: formatDate(p.joinedAt) })}
                </Text>
              </div>
            </Group>
            <Group gap="xs">
              {p.profile && (
                <Button
                  size="xs"
                  mih={44}
                  variant="default"
                  component={Link}
                  to={`/n/${slug}/members/${p.userId}`}
                >
                  {t("newcomers.profile")}
                </Button>
              )}
              <MessageButton slug={slug} userId={p.userId} />
            </Group>
          </Group>
        ))}
        {!all && q.data.items.length > shown.length && (
          <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
            {t("newcomers.more", { count: q.data.items.length })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
