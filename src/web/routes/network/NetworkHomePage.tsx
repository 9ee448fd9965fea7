import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { Me, MyNetwork } from "../../session.ts";
import { listRegistrations, registrationKeys } from "../operator/approvals/queries.ts";
import "../welcome/i18n.ts";
import { getWelcomeSurvey, welcomeSurveyKeys } from "../welcome/queries.ts";
import { surveySkipped } from "../welcome/skip.ts";
import { Announcements, Desk, Groups, Newcomers, Replies } from "./HomeSections.tsx";
import "./i18n.ts";
import { getHome, getOnboarding, homeKeys, onboardingKeys } from "./queries.ts";

/** What is new for the member, from one call; each section says what to do when it is empty. */
function WhatsNew({ slug }: { slug: string }) {
  const home = useQuery({ queryKey: homeKeys.all(slug), queryFn: () => getHome(slug) });
  if (home.error) return <ErrorAlert error={home.error} />;
  const d = home.data;
  if (!d) return <PageLoader />;
  return (
    <Stack gap="md" data-testid="home-whats-new">
      {d.desk && <Desk slug={slug} data={d.desk} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Announcements slug={slug} data={d.announcements} />
        <Replies slug={slug} data={d.replies} />
      </SimpleGrid>
      <Groups slug={slug} data={d.groups} />
      <Newcomers slug={slug} data={d.newcomers} />
    </Stack>
  );
}

function LinkCard({ to, title, body }: { to: string; title: string; body: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component={Link} to={to}>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {body}
      </Text>
    </Card>
  );
}

const STEP_PATHS = {
  privacy: "admin/privacy",
  roster: "admin/roster",
  invite: "admin/invitations",
  brand: "admin/branding",
  welcome: "feed?compose=welcome",
} as const;

/** The operators' first steps, each answered by the data; hidden once all are done. */
function FirstSteps({ slug }: { slug: string }) {
  const { t } = useTranslation("network");
  const steps = useQuery({ queryKey: onboardingKeys.all(slug), queryFn: () => getOnboarding(slug) });
  const d = steps.data;
  if (steps.error) return <ErrorAlert error={steps.error} />;
  if (!d || d.done === d.total) return null;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="first-steps">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t("steps.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("steps.progress", { done: d.done, total: d.total })}
          </Text>
        </Group>
        <Progress
          value={(d.done / d.total) * 100}
          aria-label={t("steps.progress", { done: d.done, total: d.total })}
        />
        <Stack gap={0}>
          {d.steps.map((s) => (
            <Group key={s.key} justify="space-between" wrap="nowrap" py="xs" gap="sm">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon
                  radius="xl"
                  size={24}
                  variant={s.done ? "filled" : "light"}
                  color={s.done ? "teal" : "gray"}
                  aria-label={s.done ? t("steps.doneLabel") : undefined}
                >
                  {s.done ? "✓" : ""}
                </ThemeIcon>
                <div>
                  <Text
                    fw={600}
                    size="sm"
                    td={s.done ? "line-through" : undefined}
                    c={s.done ? "dimmed" : undefined}
                  >
                    {t(`steps.${s.key}.title`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.done ? t(`steps.${s.key}.done`, { count: s.count ?? 0 }) : t(`steps.${s.key}.body`)}
                  </Text>
                </div>
              </Group>
              {!s.done && (
                <Button component={Link} to={`/n/${slug}/${STEP_PATHS[s.key]}`} size="xs" variant="light">
                  {t("steps.go")}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function OperatorPanel({ slug }: { slug: string }) {
  const { t } = useTranslation(["network", "common"]);
  const pending = useQuery({
    queryKey: registrationKeys.list(slug, "pending"),
    queryFn: () => listRegistrations(slug, "pending"),
  });
  const base = `/n/${slug}/admin`;
  const count = pending.data?.items.length ?? 0;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t("operator")}
      </Title>
      <FirstSteps slug={slug} />
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text size="sm" c="dimmed">
              {t("pending")}
            </Text>
            {pending.error ? (
              <ErrorAlert error={pending.error} />
            ) : (
              <Text fz={28} fw={700} aria-live="polite">
                {pending.isLoading ? "…" : t("pendingCount", { count })}
              </Text>
            )}
          </div>
          <Button component={Link} to={`${base}/approvals`} variant={count > 0 ? "filled" : "light"}>
            {t("openApprovals")}
          </Button>
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        {(
          [
            "roster",
            "invitations",
            "members",
            "segments",
            "survey",
            "privacy",
            "branding",
            "apiTokens",
          ] as const
        ).map((k) => (
          <Anchor
            key={k}
            component={Link}
            to={`${base}/${k === "apiTokens" ? "api-tokens" : k}`}
            size="sm"
            className="tsu-tap-row"
          >
            {t(`links.${k}`)} →
          </Anchor>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Home({ network, me }: { network: MyNetwork; me: Me }) {
  const { t } = useTranslation(["network", "common"]);
  const { t: tw } = useTranslation("welcome");
  const survey = useQuery({
    queryKey: welcomeSurveyKeys.detail(network.slug),
    queryFn: () => getWelcomeSurvey(network.slug),
  });
  if (survey.isLoading) return <PageLoader />;
  const surveyDue = !!survey.data?.needed;
  if (surveyDue && !surveySkipped(network.slug))
    return <Navigate to={`/n/${network.slug}/welcome`} replace />;
  const base = `/n/${network.slug}`;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageTitle
          title={network.name}
          subtitle={
            <Group gap="xs" component="span">
              <span>{t("greeting", { name: me.user.name })}</span>
              <Badge variant="light" aria-label={t("roleIs", { role: t(`common:roles.${network.role}`) })}>
                {t(`common:roles.${network.role}`)}
              </Badge>
            </Group>
          }
        />
      </div>
      {surveyDue && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{tw("reminder")}</Text>
            <Button component={Link} to={`${base}/welcome`} size="sm" variant="light">
              {tw("reminderAction")}
            </Button>
          </Group>
        </Alert>
      )}
      <WhatsNew slug={network.slug} />
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("yours")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <LinkCard to={`${base}/directory`} title={t("directory.title")} body={t("directory.body")} />
          <LinkCard to={`${base}/profile`} title={t("profile.title")} body={t("profile.body")} />
          <LinkCard
            to={`${base}/members/${me.user.id}`}
            title={t("preview.title")}
            body={t("preview.body")}
          />
          <LinkCard to={`${base}/settings/consent`} title={t("consent.title")} body={t("consent.body")} />
        </SimpleGrid>
      </Stack>
      {network.role === "operator" && <OperatorPanel slug={network.slug} />}
    </Stack>
  );
}

export default function NetworkHomePage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network, me) => <Home network={network} me={me} />}</MemberGate>;
}
