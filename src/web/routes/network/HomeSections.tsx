// The sections of the network's home page, all from one call (GET /home): unread announcements,
// replies and mentions, my groups' activity, newcomers of my cohort (同期) and departments, and
// for operators the desk's counts. An empty section says what to do next, never nothing.
import { Anchor, Avatar, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatDateTime } from "../../components/format.ts";
import { initials } from "../../components/initials.ts";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import { filterToParams } from "../directory/filter.ts";
import "../directory/i18n.ts";
import "../messages/i18n.ts";
import { markRead, notificationKeys } from "../notifications/queries.ts";
import "../feed/i18n.ts";
import "./i18n.ts";
import { type Home, homeKeys } from "./queries.ts";

type Brief = Home["announcements"]["items"][number];

/** A whole-width line to tap (at least 44 px high). */
const ROW = { display: "block", width: "100%", minHeight: 44 } as const;

/** A section: its title, a count badge, its body and a way on. */
function Section({
  title,
  count,
  children,
  more,
  testId,
}: {
  title: string;
  count?: number;
  children: ReactNode;
  more?: { to: string; label: string };
  testId: string;
}) {
  const { t } = useTranslation("network");
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} component="section">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={3} size="h4">
            {title}
          </Title>
          {!!count && (
            <Badge color="red" variant="filled" aria-label={t("home.unreadLabel", { count })}>
              {count > 99 ? "99+" : count}
            </Badge>
          )}
        </Group>
        {children}
        {more && (
          <Group justify="flex-end">
            <Button component={Link} to={more.to} variant="subtle" size="compact-sm">
              {more.label} →
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** What an empty section says, with one thing to do. */
function Empty({ text, action }: { text: string; action?: { to: string; label: string } }) {
  return (
    <Stack gap={6} align="flex-start">
      <Text size="sm" c="dimmed">
        {text}
      </Text>
      {action && (
        <Button component={Link} to={action.to} variant="light" size="xs">
          {action.label}
        </Button>
      )}
    </Stack>
  );
}

function PostLine({ slug, p, extra }: { slug: string; p: Brief; extra?: ReactNode }) {
  const { t } = useTranslation("feed");
  return (
    <Anchor component={Link} to={`/n/${slug}/posts/${p.id}`} c="inherit" underline="never" style={ROW} py={4}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar src={p.author.photoUrl ?? undefined} radius="xl" size={32} color="teal">
          {initials(p.author.name)}
        </Avatar>
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600} lineClamp={2}>
            {p.pinned && (
              <Badge size="xs" variant="light" color="orange" mr={6}>
                {t("post.pinned")}
              </Badge>
            )}
            {p.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t("post.by", { name: p.author.name })} · {formatDateTime(p.createdAt)}
            {extra}
          </Text>
        </Stack>
      </Group>
    </Anchor>
  );
}

export function Announcements({ slug, data }: { slug: string; data: Home["announcements"] }) {
  const { t } = useTranslation("network");
  return (
    <Section
      testId="home-announcements"
      title={t("home.announcements.title")}
      count={data.unread}
      more={{ to: `/n/${slug}/feed`, label: t("home.announcements.more") }}
    >
      {data.items.length === 0 ? (
        <Empty text={t("home.announcements.empty")} />
      ) : (
        data.items.map((p) => <PostLine key={p.id} slug={slug} p={p} />)
      )}
    </Section>
  );
}

export function Replies({ slug, data }: { slug: string; data: Home["replies"] }) {
  const { t } = useTranslation("network");
  const navigate = useNavigate();
  const qc = useQueryClient();
  // Opening one reads it, as in the bell.
  const open = async (n: Home["replies"]["items"][number]) => {
    await markRead(slug, [n.id]).catch(() => undefined);
    qc.invalidateQueries({ queryKey: notificationKeys.all(slug) });
    qc.invalidateQueries({ queryKey: homeKeys.all(slug) });
    navigate(`/n/${slug}${n.path}`);
  };
  return (
    <Section testId="home-replies" title={t("home.replies.title")} count={data.unread}>
      {data.items.length === 0 ? (
        <Empty
          text={t("home.replies.empty")}
          action={{ to: `/n/${slug}/feed`, label: t("home.replies.emptyAction") }}
        />
      ) : (
        data.items.map((n) => (
          <Anchor
            key={n.id}
            component="button"
            type="button"
            onClick={() => open(n)}
            c="inherit"
            underline="never"
            ta="left"
            style={ROW}
            py={4}
          >
            <Text size="sm" fw={600} lineClamp={2}>
              <Badge size="xs" variant="light" mr={6}>
                {t(`home.replies.kinds.${n.kind === "mention" ? "mention" : "reply"}`)}
              </Badge>
              {n.text}
            </Text>
            {n.excerpt && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {n.excerpt}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(n.createdAt)}
            </Text>
          </Anchor>
        ))
      )}
    </Section>
  );
}

export function Groups({ slug, data }: { slug: string; data: Home["groups"] }) {
  const { t } = useTranslation("network");
  const { t: tf } = useTranslation("feed");
  const newTotal = data.items.reduce((n, g) => n + g.newPosts, 0);
  return (
    <Section
      testId="home-groups"
      title={t("home.groups.title")}
      count={newTotal}
      more={data.joined ? { to: `/n/${slug}/groups`, label: t("home.groups.more") } : undefined}
    >
      {data.items.length === 0 ? (
        <Empty
          text={data.joined ? t("home.groups.allMuted") : t("home.groups.empty")}
          action={{ to: `/n/${slug}/groups`, label: t("home.groups.emptyAction") }}
        />
      ) : (
        data.items.map((g) => (
          <Anchor
            key={g.id}
            component={Link}
            to={`/n/${slug}/groups/${g.id}`}
            c="inherit"
            underline="never"
            style={ROW}
            py={4}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={700} truncate>
                {g.name}
              </Text>
              {g.newPosts > 0 && (
                <Badge size="sm" color="red" variant="light" style={{ flexShrink: 0 }}>
                  {t("home.groups.new", { count: g.newPosts })}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {g.latest
                ? `${g.latest.title} · ${tf("post.by", { name: g.latest.author.name })}`
                : t("home.groups.noPosts")}
            </Text>
          </Anchor>
        ))
      )}
    </Section>
  );
}

type Newcomer = Home["newcomers"]["cohort"][number];

/** A newcomer in one line: who, when at the company, where now; メッセージ where they accept it. */
function NewcomerRow({ slug, n }: { slug: string; n: Newcomer }) {
  const { t } = useTranslation("directory");
  const { t: tm } = useTranslation("messages");
  const c = n.card;
  const from = c.joinYm?.slice(0, 4);
  const to = c.leaveYm?.slice(0, 4);
  const period =
    from && to
      ? t("card.period", { from, to })
      : from
        ? t("card.joined", { from })
        : to
          ? t("card.left", { to })
          : null;
  const where = [period, c.departments?.[0], c.currentCompany].filter(Boolean).join(" · ");
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between" data-testid="home-newcomer">
      <Anchor
        component={Link}
        to={`/n/${slug}/members/${c.userId}`}
        c="inherit"
        underline="never"
        style={{ ...ROW, minWidth: 0, flex: 1 }}
        py={4}
      >
        <Group gap="sm" wrap="nowrap">
          <Avatar src={c.photoUrl ?? undefined} radius="xl" size={40} color="teal">
            {initials(c.displayName)}
          </Avatar>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600} truncate>
                {c.displayName}
              </Text>
              {c.supporter && <SupporterBadge />}
            </Group>
            {where && (
              <Text size="xs" c="dimmed" lineClamp={1}>
                {where}
              </Text>
            )}
          </Stack>
        </Group>
      </Anchor>
      {n.canMessage && (
        <Button
          component={Link}
          to={`/n/${slug}/messages/new?to=${encodeURIComponent(c.userId)}`}
          variant="light"
          size="compact-sm"
          mih={32}
          style={{ flexShrink: 0 }}
          aria-label={tm("sendToName", { name: c.displayName })}
        >
          {tm("sendShort")}
        </Button>
      )}
    </Group>
  );
}

export function Newcomers({ slug, data }: { slug: string; data: Home["newcomers"] }) {
  const { t } = useTranslation("network");
  const directory = (f: Parameters<typeof filterToParams>[0]) =>
    `/n/${slug}/directory?${filterToParams(f, "recent")}`;
  const cards = (xs: Newcomer[]) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={4}>
      {xs.map((x) => (
        <NewcomerRow key={x.card.userId} slug={slug} n={x} />
      ))}
    </SimpleGrid>
  );
  const year = data.joinYear;
  return (
    <>
      <Section
        testId="home-cohort"
        title={year ? t("home.cohort.title", { year }) : t("home.cohort.titleNoYear")}
        more={
          year ? { to: directory({ joinFrom: year, joinTo: year }), label: t("home.cohort.more") } : undefined
        }
      >
        {year === null ? (
          <Empty
            text={t("home.cohort.noYear")}
            action={{ to: `/n/${slug}/profile`, label: t("home.cohort.noYearAction") }}
          />
        ) : data.cohort.length === 0 ? (
          <Empty text={t("home.cohort.empty", { days: data.days })} />
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t("home.newcomersHint", { days: data.days })}
            </Text>
            {cards(data.cohort)}
          </>
        )}
      </Section>
      <Section
        testId="home-department"
        title={t("home.department.title")}
        more={
          data.departments.length
            ? { to: directory({ department: data.departments }), label: t("home.department.more") }
            : undefined
        }
      >
        {data.departments.length === 0 ? (
          <Empty
            text={t("home.department.noDepartment")}
            action={{ to: `/n/${slug}/profile`, label: t("home.cohort.noYearAction") }}
          />
        ) : data.department.length === 0 ? (
          <Empty
            text={t("home.department.empty", { days: data.days, departments: data.departments.join("・") })}
          />
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t("home.department.hint", { days: data.days, departments: data.departments.join("・") })}
            </Text>
            {cards(data.department)}
          </>
        )}
      </Section>
    </>
  );
}

/** The operators' desk at a glance: open inquiries and the moderation queue. */
export function Desk({ slug, data }: { slug: string; data: NonNullable<Home["desk"]> }) {
  const { t } = useTranslation("network");
  const tile = (to: string, label: string, n: number, sub?: string) => (
    <Card withBorder radius="md" padding="sm" component={Link} to={to}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} c={n > 0 ? undefined : "dimmed"}>
        {n}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Card>
  );
  return (
    <SimpleGrid cols={2} spacing="xs" data-testid="home-desk">
      {tile(
        `/n/${slug}/admin/inquiries`,
        t("home.desk.inquiries"),
        data.openInquiries,
        t("home.desk.unassigned", { count: data.unassignedInquiries }),
      )}
      {tile(`/n/${slug}/admin/moderation`, t("home.desk.moderation"), data.moderationQueue)}
    </SimpleGrid>
  );
}
