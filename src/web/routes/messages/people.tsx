// How a conversation is named: the other person, or the others' names for a group.
import { Avatar, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { initials } from "../../components/initials.ts";
import type { Person } from "./queries.ts";
import "./i18n.ts";

export function conversationName(others: Person[]): string {
  return others.map((o) => o.name).join("、") || "—";
}

export function PeopleAvatar({ others, size = 44 }: { others: Person[]; size?: number }) {
  const first = others[0];
  if (others.length <= 1) {
    return (
      <Avatar src={first?.photoUrl ?? undefined} radius="xl" size={size} color="teal">
        {initials(first?.name ?? "")}
      </Avatar>
    );
  }
  return (
    <Avatar.Group spacing={size / 2}>
      {others.slice(0, 2).map((o) => (
        <Avatar key={o.userId} src={o.photoUrl ?? undefined} radius="xl" size={size * 0.75} color="teal">
          {initials(o.name)}
        </Avatar>
      ))}
    </Avatar.Group>
  );
}

export function ConversationHeading({ others, kind }: { others: Person[]; kind: "direct" | "group" }) {
  const { t } = useTranslation("messages");
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <PeopleAvatar others={others} />
      <div style={{ minWidth: 0 }}>
        <Text fw={600} truncate>
          {conversationName(others)}
        </Text>
        {kind === "group" && (
          <Text size="xs" c="dimmed">
            {t("group", { count: others.length + 1 })}
          </Text>
        )}
      </div>
    </Group>
  );
}
