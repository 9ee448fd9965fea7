// グループ: the groups the member may see (joined first), with join / request buttons and the
// pending state; operators create groups; supporters and operators see the newcomers to welcome.
import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import type { MyNetwork } from "../../session.ts";
import { GroupForm } from "./GroupForm.tsx";
import { JoinButton, KIND_COLOR } from "./JoinButton.tsx";
import { Newcomers } from "./Newcomers.tsx";
import "./i18n.ts";
import { type GroupItem, useGroups } from "./queries.ts";

export function GroupBadges({ group }: { group: GroupItem }) {
  const { t } = useTranslation("groups");
  return (
    <Group gap={6}>
      <Badge size="sm" variant="light" color={KIND_COLOR[group.kind]}>
        {t(`kinds.${group.kind}`)}
      </Badge>
      {group.myStatus === "member" && (
        <Badge size="sm" variant="outline" color="teal">
          {group.myRole === "admin" ? t("admin") : t("joined")}
        </Badge>
      )}
      {group.myStatus === "requested" && (
        <Badge size="sm" variant="outline" color="yellow">
          {t("requested")}
        </Badge>
      )}
      {group.archived && (
        <Badge size="sm" variant="outline" color="gray">
          {t("archived")}
        </Badge>
      )}
      {group.pendingRequests > 0 && (
        <Badge size="sm" color="red">
          {t("pending", { count: group.pendingRequests })}
        </Badge>
      )}
    </Group>
  );
}

function GroupCard({ slug, group }: { slug: string; group: GroupItem }) {
  const { t } = useTranslation("groups");
  return (
    <Card withBorder radius="md" padding="md" data-testid="group-card">
      <Stack gap="xs" h="100%">
        <Anchor component={Link} to={`/n/${slug}/groups/${group.id}`} fw={700} size="lg" c="inherit">
          {group.name}
        </Anchor>
        <GroupBadges group={group} />
        {group.description && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {group.description}
          </Text>
        )}
        <Group justify="space-between" mt="auto" pt="xs">
          <Text size="xs" c="dimmed">
            {t("members", { count: group.memberCount })}
          </Text>
          <Group gap="xs">
            <JoinButton slug={slug} group={group} size="xs" />
            <Button size="xs" variant="subtle" component={Link} to={`/n/${slug}/groups/${group.id}`}>
              {t("open")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

function Groups({ network }: { network: MyNetwork }) {
  const { t } = useTranslation("groups");
  const slug = network.slug;
  const nav = useNavigate();
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim().slice(0, 100), 250);
  const groups = useGroups(slug, archived, q);
  const operator = network.role === "operator";
  const items = [...(groups.data?.items ?? [])].sort(
    (a, b) => Number(b.myStatus === "member") - Number(a.myStatus === "member"),
  );
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageTitle title={t("title")} subtitle={t("subtitle")} />
        {operator && (
          <Button onClick={() => setCreating(true)} data-testid="group-create">
            {t("create")}
          </Button>
        )}
      </Group>
      <Newcomers slug={slug} />
      <Group align="flex-end" gap="md" wrap="wrap">
        <SearchInput
          label={t("search.label")}
          placeholder={t("search.placeholder")}
          value={search}
          onChange={setSearch}
        />
        <Switch
          label={t("showArchived")}
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
          size="sm"
          mb={8}
        />
      </Group>
      {groups.error && <ErrorAlert error={groups.error} />}
      {groups.isLoading ? (
        <PageLoader />
      ) : items.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {items.map((g) => (
            <GroupCard key={g.id} slug={slug} group={g} />
          ))}
        </SimpleGrid>
      ) : (
        <EmptyState
          title={q ? t("search.none", { q }) : t("empty")}
          description={q ? t("search.noneHint") : operator ? t("emptyOperator") : undefined}
        />
      )}
      {creating && (
        <GroupForm
          slug={slug}
          opened
          onClose={() => setCreating(false)}
          onCreated={(id) => nav(`/n/${slug}/groups/${id}`)}
        />
      )}
    </Stack>
  );
}

export default function GroupsPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <Groups network={network} />}</MemberGate>;
}
