// The alumni who fit a posting (its reviewers see it under the posting): each with why — shared
// skills, former department, job type, interest, where she lives, years at the company — and when
// she can be reached, and one button that invites her to apply. Only alumni who opted in to offers
// of the posting's type are listed (the server decides; this page says so).
import { Alert, Anchor, Avatar, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { initials } from "../../components/initials.ts";
import "../../components/profileLabels.ts";
import type { JOB_TYPES } from "../../../shared/profile.ts";
import "./i18n.ts";
import { Reasons } from "./parts.tsx";
import { inviteToApply, type Match, matchKeys, type Opportunity, useMatches } from "./queries.ts";

const FIRST = 10;
type JobType = (typeof JOB_TYPES)[number];

function Candidate({ slug, o, m }: { slug: string; o: Opportunity; m: Match }) {
  const { t } = useTranslation("opportunities");
  const { t: tl } = useTranslation("profileLabels");
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = m.card;
  const job = c.jobType ? tl(`jobTypes.${c.jobType as JobType}`) : null;
  const now = [c.currentCompany, job].filter(Boolean).join(" · ");
  const invite = async () => {
    setBusy(true);
    setError(null);
    try {
      await inviteToApply(slug, o.id, [c.userId]);
      notifications.show({ message: t("matches.invited", { name: c.displayName }) });
      await qc.invalidateQueries({ queryKey: matchKeys.of(slug, o.id) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="sm" data-testid="match">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Avatar src={c.photoUrl ?? undefined} radius="xl" color="teal" alt="">
          {initials(c.displayName)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={`/n/${slug}/members/${c.userId}`}
                fw={600}
                data-testid="match-name"
              >
                {c.displayName}
              </Anchor>
              {now && (
                <Text size="xs" c="dimmed" truncate>
                  {now}
                </Text>
              )}
            </div>
            {m.applied ? (
              <Badge color="blue" variant="light" style={{ flexShrink: 0 }}>
                {t("matches.applied")}
              </Badge>
            ) : m.invited ? (
              <Badge color="green" variant="light" style={{ flexShrink: 0 }} data-testid="match-invited">
                {t("matches.invitedBadge")}
              </Badge>
            ) : (
              <Button
                size="xs"
                variant="light"
                loading={busy}
                disabled={o.status !== "open"}
                onClick={invite}
                style={{ flexShrink: 0 }}
                data-testid="match-invite"
              >
                {t("matches.invite")}
              </Button>
            )}
          </Group>
          <Reasons reasons={m.reasons} />
          {m.contactHours && (
            <Text size="xs" c="dimmed">
              {t("matches.contactHours", { hours: m.contactHours })}
            </Text>
          )}
          {error !== null && <ErrorAlert error={error} />}
        </Stack>
      </Group>
    </Card>
  );
}

export function Matches({ slug, o }: { slug: string; o: Opportunity }) {
  const { t } = useTranslation("opportunities");
  const q = useMatches(slug, o.id, true);
  const [all, setAll] = useState(false);
  const consent = o.type === "rehire" ? t("matches.consentRehire") : t("matches.consentFreelance");
  const w = q.data?.wishes;
  const vague = w && !w.skills.length && !w.department && !w.jobType;
  const items = q.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="matches">
      <div>
        <Title order={3} size="h4">
          {t("matches.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {consent}
        </Text>
      </div>
      {o.status !== "open" && (
        <Text size="sm" c="dimmed">
          {t("matches.notOpen")}
        </Text>
      )}
      {vague && <Alert color="yellow">{t("matches.vague")}</Alert>}
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && !items.length && (
        <Text size="sm" c="dimmed">
          {t("matches.none")}
        </Text>
      )}
      {(all ? items : items.slice(0, FIRST)).map((m) => (
        <Candidate key={m.card.userId} slug={slug} o={o} m={m} />
      ))}
      {!all && items.length > FIRST && (
        <Button variant="subtle" onClick={() => setAll(true)}>
          {t("matches.more", { count: items.length - FIRST })}
        </Button>
      )}
    </Stack>
  );
}
