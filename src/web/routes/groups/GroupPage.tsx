// One group: its header (name, description, kind, members), and tabs — 投稿 (the group's own feed
// with the composer fixed to it), メンバー, and 管理 for its admins and the operators (requests to
// decide, members to invite). A secret group outside it, or a group that does not exist: 404.
import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Menu,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, client, unwrap } from "../../api/client.ts";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { initials } from "../../components/initials.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import type { MyNetwork } from "../../session.ts";
import { NotFoundPage } from "../errors/ErrorPages.tsx";
import { Composer } from "../feed/Composer.tsx";
import { PostCard } from "../feed/PostCard.tsx";
import { feedKeys, useFeed } from "../feed/queries.ts";
import { GroupForm } from "./GroupForm.tsx";
import { GroupBadges } from "./GroupsPage.tsx";
import { JoinButton } from "./JoinButton.tsx";
import "./i18n.ts";
import {
  decideRequest,
  type GroupItem,
  type GroupMember,
  groupKeys,
  inviteMember,
  removeMember,
  setAdmin,
  setWatch,
  useGroup,
  useGroupMembers,
  useGroupRequests,
  useGroupWatch,
} from "./queries.ts";

function PersonLine({
  slug,
  p,
  children,
}: {
  slug: string;
  p: {
    userId: string;
    name: string;
    photoUrl: string | null;
    role: string;
    supporter: boolean;
    profile: boolean;
  };
  children?: React.ReactNode;
}) {
  const { t: tc } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="group-person">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Avatar src={p.photoUrl} radius="xl" size={36} color="brand">
          {initials(p.name)}
        </Avatar>
        <Group gap={6} miw={0}>
          {p.profile ? (
            <Anchor component={Link} to={`/n/${slug}/members/${p.userId}`} fw={600} size="sm">
              {p.name}
            </Anchor>
          ) : (
            <Text fw={600} size="sm">
              {p.name}
            </Text>
          )}
          {p.role !== "alumni" && (
            <Badge size="xs" variant="light" color={p.role === "operator" ? "brand" : "gray"}>
              {tc(`roles.${p.role as "operator" | "employee" | "alumni"}`)}
            </Badge>
          )}
          {p.supporter && <SupporterBadge />}
        </Group>
      </Group>
      {children}
    </Group>
  );
}

function Posts({ network, group }: { network: MyNetwork; group: GroupItem }) {
  const { t } = useTranslation("groups");
  const { t: tf } = useTranslation("feed");
  const slug = network.slug;
  const feed = useFeed(slug, null, group.id, group.can.read);
  if (!group.can.read)
    return (
      <Alert color="gray" variant="light">
        {t("notMember")} {group.kind === "closed" && group.myStatus === "none" ? t("notMemberClosed") : ""}
      </Alert>
    );
  const items = (feed.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <Stack gap="md">
      {group.can.post && (
        <Composer
          slug={slug}
          operator={network.role === "operator"}
          groupId={group.id}
          groupName={group.name}
        />
      )}
      {feed.error && <ErrorAlert error={feed.error} />}
      {feed.isLoading ? (
        <PageLoader />
      ) : (
        <>
          {items.map((p) => (
            <PostCard key={p.id} slug={slug} post={p} inGroup />
          ))}
          {!items.length && <EmptyState title={t("groupEmpty")} />}
          {feed.hasNextPage && (
            <Button variant="default" onClick={() => feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
              {tf("loadMore")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function Members({ network, group, myId }: { network: MyNetwork; group: GroupItem; myId: string }) {
  const { t } = useTranslation("groups");
  const slug = network.slug;
  const qc = useQueryClient();
  const members = useGroupMembers(slug, group.id, true);
  const [removing, setRemoving] = useState<GroupMember | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: groupKeys.all(slug) });
  const act = async (task: () => Promise<unknown>, message?: string) => {
    setError(null);
    try {
      await task();
      if (message) notifications.show({ color: "teal", message });
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  if (members.error) return <ErrorAlert error={members.error} />;
  if (members.isLoading) return <PageLoader />;
  const me = myId;
  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      {(members.data?.items ?? []).map((m) => {
        const canRemove =
          group.can.moderate && m.userId !== me && (m.groupRole !== "admin" || group.can.manage);
        const canAdmin = group.can.manage && (m.groupRole === "admin" || m.canBeAdmin);
        return (
          <PersonLine key={m.userId} slug={slug} p={m}>
            <Group gap={6} wrap="nowrap">
              {m.groupRole === "admin" && (
                <Badge size="sm" variant="outline" color="teal">
                  {t("admin")}
                </Badge>
              )}
              {(canRemove || canAdmin) && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="compact-xs" variant="default" aria-label={m.name}>
                      ⋯
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {canAdmin && (
                      <Menu.Item
                        onClick={() => act(() => setAdmin(slug, group.id, m.userId, m.groupRole !== "admin"))}
                      >
                        {m.groupRole === "admin" ? t("manage.unmakeAdmin") : t("manage.makeAdmin")}
                      </Menu.Item>
                    )}
                    {canRemove && (
                      <Menu.Item color="red" onClick={() => setRemoving(m)}>
                        {t("manage.remove")}
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </PersonLine>
        );
      })}
      {group.can.manage && (
        <Text size="xs" c="dimmed">
          {t("manage.adminHint")}
        </Text>
      )}
      <ConfirmModal
        opened={!!removing}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          const m = removing;
          if (!m) return;
          await act(() => removeMember(slug, group.id, m.userId), t("manage.removed", { name: m.name }));
          setRemoving(null);
        }}
        title={t("manage.remove")}
        message={removing ? t("manage.removeConfirm", { name: removing.name }) : ""}
        confirmLabel={t("manage.remove")}
      />
    </Stack>
  );
}

function Invite({ slug, group }: { slug: string; group: GroupItem }) {
  const { t } = useTranslation("groups");
  const qc = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const [error, setError] = useState<unknown>(null);
  const members = useGroupMembers(slug, group.id, true);
  const results = useQuery({
    queryKey: ["directory", slug, "group-pick", q],
    enabled: q.length > 0,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/directory", { params: { path: { slug }, query: { q, limit: 8 } } })),
  });
  const inGroup = new Set((members.data?.items ?? []).map((m) => m.userId));
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("manage.invite")}
      </Title>
      <TextInput
        label={t("manage.search")}
        description={t("manage.inviteHint")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="group-invite-search"
      />
      <ErrorAlert error={error} />
      {q && results.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("manage.noResults")}
        </Text>
      )}
      {(results.data?.items ?? []).map((c) => (
        <Group key={c.userId} justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500}>
            {c.displayName}
          </Text>
          {inGroup.has(c.userId) ? (
            <Text size="xs" c="dimmed">
              {t("manage.inGroup")}
            </Text>
          ) : (
            <Button
              size="compact-sm"
              onClick={async () => {
                setError(null);
                try {
                  await inviteMember(slug, group.id, c.userId);
                  notifications.show({
                    color: "teal",
                    message: t("manage.invited", { name: c.displayName }),
                  });
                  await qc.invalidateQueries({ queryKey: groupKeys.all(slug) });
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t("manage.add")}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function Manage({ slug, group }: { slug: string; group: GroupItem }) {
  const { t } = useTranslation("groups");
  const qc = useQueryClient();
  const requests = useGroupRequests(slug, group.id, true);
  const [error, setError] = useState<unknown>(null);
  const decide = async (userId: string, name: string, approve: boolean) => {
    setError(null);
    try {
      await decideRequest(slug, group.id, userId, approve);
      notifications.show({
        color: "teal",
        message: approve ? t("manage.approved", { name }) : t("manage.declined", { name }),
      });
      await qc.invalidateQueries({ queryKey: groupKeys.all(slug) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="lg">
      {group.kind !== "secret" && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("manage.requests")}
          </Title>
          <ErrorAlert error={error || requests.error} />
          {requests.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("manage.noRequests")}
            </Text>
          )}
          {(requests.data?.items ?? []).map((r) => (
            <PersonLine key={r.userId} slug={slug} p={r}>
              <Group gap={6} wrap="nowrap">
                <Button
                  size="compact-sm"
                  onClick={() => decide(r.userId, r.name, true)}
                  data-testid="request-approve"
                >
                  {t("manage.approve")}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => decide(r.userId, r.name, false)}>
                  {t("manage.decline")}
                </Button>
              </Group>
            </PersonLine>
          ))}
        </Stack>
      )}
      {!group.archived && <Invite slug={slug} group={group} />}
    </Stack>
  );
}

function WatchSelect({ slug, group }: { slug: string; group: GroupItem }) {
  const { t } = useTranslation("groups");
  const qc = useQueryClient();
  const watch = useGroupWatch(slug, group.id, group.can.read);
  if (!group.can.read || !watch.data) return null;
  return (
    <Select
      size="xs"
      w={170}
      aria-label={t("watch.label")}
      value={watch.data.level}
      allowDeselect={false}
      data={(["watch", "normal", "mute"] as const).map((l) => ({ value: l, label: t(`watch.${l}`) }))}
      onChange={async (v) => {
        if (!v) return;
        await setWatch(slug, group.id, v as "watch" | "normal" | "mute");
        await qc.invalidateQueries({ queryKey: groupKeys.watch(slug, group.id) });
      }}
    />
  );
}

function GroupView({ network, id, myId }: { network: MyNetwork; id: string; myId: string }) {
  const { t } = useTranslation("groups");
  const slug = network.slug;
  const qc = useQueryClient();
  const q = useGroup(slug, id);
  const [tab, setTab] = useState<string | null>("posts");
  const [editing, setEditing] = useState(false);
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageLoader />;
  const group = q.data;
  return (
    <Stack gap="md" maw={760}>
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <PageTitle title={group.name} />
            {group.can.manage && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t("edit")}
              </Button>
            )}
          </Group>
          <GroupBadges group={group} />
          {group.description && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {group.description}
            </Text>
          )}
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" c="dimmed" data-testid="group-member-count">
              {t("members", { count: group.memberCount })}
            </Text>
            <Group gap="xs" wrap="wrap">
              <WatchSelect slug={slug} group={group} />
              <JoinButton slug={slug} group={group} />
            </Group>
          </Group>
        </Stack>
      </Card>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="posts">{t("tabs.posts")}</Tabs.Tab>
          {(group.can.read || group.kind === "open") && (
            <Tabs.Tab value="members">{t("tabs.members")}</Tabs.Tab>
          )}
          {group.can.moderate && (
            <Tabs.Tab
              value="manage"
              rightSection={
                group.pendingRequests ? (
                  <Badge size="xs" color="red" circle>
                    {group.pendingRequests}
                  </Badge>
                ) : undefined
              }
            >
              {t("tabs.manage")}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="posts" pt="md">
          <Posts network={network} group={group} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <Members network={network} group={group} myId={myId} />
        </Tabs.Panel>
        {group.can.moderate && (
          <Tabs.Panel value="manage" pt="md">
            <Manage slug={slug} group={group} />
          </Tabs.Panel>
        )}
      </Tabs>
      {editing && (
        <GroupForm
          slug={slug}
          group={group}
          opened
          onClose={() => {
            setEditing(false);
            qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
          }}
        />
      )}
    </Stack>
  );
}

export default function GroupPage() {
  const { slug = "", id = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(network, me) => <GroupView network={network} id={id} myId={me.user.id} />}
    </MemberGate>
  );
}
