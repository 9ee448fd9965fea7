// A new conversation: the person from a profile's メッセージを送る (?to=<userId>), or a group
// picked from the directory (only members the viewer can see there), and the first message.
import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { client, unwrap } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { initials } from "../../components/initials.ts";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { getProfile, profileKeys } from "../profile/queries.ts";
import { messageKeys, startConversation } from "./queries.ts";
import "./i18n.ts";

type Picked = { userId: string; name: string; photoUrl: string | null };
const MAX_OTHERS = 9;

function Picker({
  slug,
  myId,
  picked,
  onPick,
}: {
  slug: string;
  myId: string;
  picked: Picked[];
  onPick: (p: Picked) => void;
}) {
  const { t } = useTranslation("messages");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ["directory", slug, "pick", q],
    enabled: q.length > 0,
    queryFn: () =>
      unwrap(client.GET("/api/n/{slug}/directory", { params: { path: { slug }, query: { q, limit: 8 } } })),
  });
  const items = (results.data?.items ?? []).filter(
    (c) => c.userId !== myId && !picked.some((p) => p.userId === c.userId),
  );
  return (
    <Stack gap="xs">
      <TextInput
        label={t("search")}
        description={t("pickHint")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-testid="member-search"
      />
      {q && results.data && !items.length && (
        <Text size="sm" c="dimmed">
          {t("noResults")}
        </Text>
      )}
      {items.map((c) => (
        <Group key={c.userId} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Avatar src={c.photoUrl ?? undefined} radius="xl" color="teal">
              {initials(c.displayName)}
            </Avatar>
            <Text truncate>{c.displayName}</Text>
          </Group>
          <Button
            variant="light"
            mih={44}
            disabled={picked.length >= MAX_OTHERS}
            onClick={() => {
              onPick({ userId: c.userId, name: c.displayName, photoUrl: c.photoUrl ?? null });
              setSearch("");
            }}
          >
            {t("add")}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

function Composer({ slug, myId, to }: { slug: string; myId: string; to: string | null }) {
  const { t } = useTranslation("messages");
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [extra, setExtra] = useState<Picked[]>([]);
  const [removed, setRemoved] = useState(false);
  const [text, setText] = useState("");
  const target = useQuery({
    queryKey: profileKeys.detail(slug, to ?? ""),
    enabled: !!to,
    queryFn: () => getProfile(slug, to!),
    retry: false,
  });
  const fromProfile: Picked[] =
    to && target.data && !removed
      ? [{ userId: to, name: target.data.displayName, photoUrl: target.data.photoUrl ?? null }]
      : [];
  const picked = [...fromProfile, ...extra];
  const start = useMutation({
    mutationFn: () =>
      startConversation(
        slug,
        picked.map((p) => p.userId),
        text,
      ),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: messageKeys.all(slug) });
      navigate(`/n/${slug}/messages/${r.conversationId}`, { replace: true });
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="md">
        <Stack gap={6}>
          <Text fw={500} size="sm">
            {t("to")}
          </Text>
          <Group gap="xs">
            {picked.map((p) => (
              <Group
                key={p.userId}
                gap={4}
                wrap="nowrap"
                pl={4}
                style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: 999 }}
              >
                <Avatar src={p.photoUrl ?? undefined} radius="xl" size={28} color="teal">
                  {initials(p.name)}
                </Avatar>
                <Text size="sm" data-testid="recipient">
                  {p.name}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size={44}
                  aria-label={t("remove", { name: p.name })}
                  onClick={() =>
                    p.userId === to
                      ? setRemoved(true)
                      : setExtra((xs) => xs.filter((x) => x.userId !== p.userId))
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Group>
          {picked.length >= MAX_OTHERS && (
            <Text size="xs" c="dimmed">
              {t("tooMany")}
            </Text>
          )}
        </Stack>
        <Picker slug={slug} myId={myId} picked={picked} onPick={(p) => setExtra((xs) => [...xs, p])} />
        <Textarea
          label={t("firstMessage")}
          placeholder={t("placeholder")}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="composer"
        />
        <ErrorAlert error={start.error} />
        <Group justify="flex-end">
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={!picked.length || !text.trim()}
            mih={44}
          >
            {t("start")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function NewConversationPage() {
  const { t } = useTranslation("messages");
  const { slug = "" } = useParams();
  const [params] = useSearchParams();
  const to = params.get("to");
  return (
    <MemberGate slug={slug}>
      {(n, me) => (
        <Stack gap="sm" maw={760}>
          <Anchor
            component={Link}
            to={`/n/${n.slug}/messages`}
            size="sm"
            mih={44}
            display="flex"
            style={{ alignItems: "center" }}
          >
            ← {t("back")}
          </Anchor>
          <PageTitle title={to ? t("startTitle") : t("groupTitle")} />
          {to === me.user.id ? (
            <Alert color="orange">{t("cannotSend")}</Alert>
          ) : (
            <Composer slug={n.slug} myId={me.user.id} to={to} />
          )}
        </Stack>
      )}
    </MemberGate>
  );
}
