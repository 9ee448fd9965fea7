// The bell in the header: the unread count, and a list to open (each notification leads to what it
// is about and is marked read; "mark all read"; a link to the settings).
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDateTime } from "../../components/format.ts";
import "./i18n.ts";
import { markRead, type NotificationItem, notificationKeys, useNotifications, useUnread } from "./queries.ts";

function BellIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useTranslation("notifications");
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnread(slug).data?.unread ?? 0;
  const list = useNotifications(slug, opened);
  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all(slug) });
  async function open(n: NotificationItem) {
    setOpened(false);
    if (!n.read) await markRead(slug, [n.id]).then(refresh, () => undefined);
    navigate(
      n.conversationId
        ? `/n/${slug}/messages/${n.conversationId}`
        : n.postId
          ? `/n/${slug}/posts/${n.postId}`
          : `/n/${slug}`,
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? "99+" : unread} disabled={!unread} size={18} color="red" offset={6}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t("bellUnread", { count: unread }) : t("bell")}
            data-testid="bell"
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" px={4} pb={4}>
          <Text fw={700} size="sm">
            {t("title")}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            disabled={!unread}
            onClick={() => markRead(slug).then(refresh)}
          >
            {t("markAll")}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {list.error && <ErrorAlert error={list.error} />}
            {list.data?.items.length === 0 && (
              <Text size="sm" c="dimmed" p="sm">
                {t("empty")}
              </Text>
            )}
            {list.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                p="xs"
                data-testid="notification"
                style={{
                  borderRadius: 8,
                  background: n.read ? undefined : "var(--mantine-primary-color-light)",
                  minHeight: 44,
                }}
              >
                <Text size="sm" fw={n.read ? 400 : 600}>
                  {n.text}
                </Text>
                {n.excerpt && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.excerpt}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Anchor
          component={Link}
          to={`/n/${slug}/settings/notifications`}
          size="sm"
          onClick={() => setOpened(false)}
          className="tsu-tap-row"
          px={4}
        >
          {t("settings")} →
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
