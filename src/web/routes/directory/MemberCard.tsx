// One member in the directory (and in a segment's member list): only the fields the viewer may
// see are in the card, and only those present are shown.

import { Avatar, Badge, Box, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { initials } from "../../components/initials.ts";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import type { Resources } from "../../i18n/resources.ts";
import type { DirectoryCard } from "./filter.ts";
import "./i18n.ts";
import "../messages/i18n.ts";

// The card carries the server's codes as plain strings; they are the label keys.
type Labels = { [K in keyof Resources["profileLabels"]]: keyof Resources["profileLabels"][K] };

const MAX_SKILLS = 5;

function usePeriod(card: DirectoryCard): string | null {
  const { t } = useTranslation("directory");
  const from = card.joinYm?.slice(0, 4);
  const to = card.leaveYm?.slice(0, 4);
  if (from && to) return t("card.period", { from, to });
  if (from) return t("card.joined", { from });
  if (to) return t("card.left", { to });
  return null;
}

/**
 * `canMessage`: the member accepts messages from the viewer (messages/queries.ts useMessageable);
 * the button sits beside the card's link, not inside it (no link within a link).
 */
export function MemberCard({
  slug,
  card,
  canMessage = false,
}: {
  slug: string;
  card: DirectoryCard;
  canMessage?: boolean;
}) {
  const { t } = useTranslation("directory");
  const { t: tl } = useTranslation("profileLabels");
  const { t: tc } = useTranslation();
  const { t: tm } = useTranslation("messages");
  const period = usePeriod(card);
  const work = [
    card.currentCompany,
    card.jobType ? tl(`jobTypes.${card.jobType as Labels["jobTypes"]}`) : null,
  ].filter(Boolean);
  const skills = card.skills ?? [];
  // The server sends the name while employed only when it differs from today's name.
  const formerName = card.nameWhileEmployed
    ? [card.nameWhileEmployed, card.nameKana && `（${card.nameKana}）`].filter(Boolean).join("")
    : null;
  const link = (
    <Card
      withBorder
      radius="md"
      padding="md"
      component={Link}
      to={`/n/${slug}/members/${card.userId}`}
      aria-label={card.displayName}
      data-testid="member-card"
      style={{ height: "100%" }}
    >
      <Stack gap={8}>
        <Group gap="sm" wrap="nowrap" align="flex-start" pr={canMessage ? 96 : 0}>
          <Avatar
            src={card.photoUrl ?? undefined}
            alt={card.photoUrl ? t("card.photo", { name: card.displayName }) : undefined}
            radius="xl"
            size={48}
            color="teal"
          >
            {initials(card.displayName)}
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap">
              <Text fw={600} truncate>
                {card.displayName}
              </Text>
              {card.role !== "alumni" && (
                <Badge size="xs" variant="light" color={card.role === "operator" ? "grape" : "blue"}>
                  {tc(`roles.${card.role}`)}
                </Badge>
              )}
              {card.supporter && <SupporterBadge />}
            </Group>
            {card.displayNameKana && (
              <Text size="xs" c="dimmed" truncate>
                {card.displayNameKana}
              </Text>
            )}
            {formerName && (
              <Text size="xs" c="dimmed" truncate>
                {t("card.whileEmployed", { name: formerName })}
              </Text>
            )}
            {(period || card.location) && (
              <Text size="xs" c="dimmed" truncate>
                {[period, card.location].filter(Boolean).join(" · ")}
              </Text>
            )}
          </Stack>
        </Group>
        {work.length > 0 && (
          <Text size="sm" lineClamp={1}>
            {work.join(" · ")}
          </Text>
        )}
        {!!card.departments?.length && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {card.departments.join("・")}
          </Text>
        )}
        {skills.length > 0 && (
          <Group gap={4}>
            {skills.slice(0, MAX_SKILLS).map((s) => (
              // A long skill ends in "…" inside the card; the whole of it is in its title (and the profile).
              <Badge key={s} size="sm" variant="light" color="gray" tt="none" fw={500} maw="100%" title={s}>
                {s}
              </Badge>
            ))}
            {skills.length > MAX_SKILLS && (
              <Text size="xs" c="dimmed">
                {t("card.more", { count: skills.length - MAX_SKILLS })}
              </Text>
            )}
          </Group>
        )}
        {!!card.openTo?.length && (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t("card.openTo")}
            </Text>
            {card.openTo.map((o) => (
              <Badge key={o} size="sm" variant="outline" color="teal" tt="none" fw={500}>
                {tl(`openTo.${o as Labels["openTo"]}`)}
              </Badge>
            ))}
          </Group>
        )}
        {card.bio && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {card.bio}
          </Text>
        )}
      </Stack>
    </Card>
  );
  if (!canMessage) return link;
  return (
    <Box pos="relative" h="100%">
      {link}
      <Button
        component={Link}
        to={`/n/${slug}/messages/new?to=${encodeURIComponent(card.userId)}`}
        variant="light"
        size="compact-sm"
        pos="absolute"
        top={12}
        right={12}
        mih={32}
        aria-label={tm("sendToName", { name: card.displayName })}
        data-testid="card-send-message"
      >
        {tm("sendShort")}
      </Button>
    </Box>
  );
}
