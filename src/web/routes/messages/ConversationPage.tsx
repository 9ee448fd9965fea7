// One conversation: the messages (newest at the bottom, earlier ones on demand), the composer, and
// the menu (mute, block / unblock, report a message). Opening it marks it read.
import { ActionIcon, Alert, Anchor, Button, Group, Menu, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { formatDateTime } from "../../components/dates.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { ReportModal } from "../moderation/ReportModal.tsx";
import { ConversationHeading } from "./people.tsx";
import {
  blockMember,
  type Conversation,
  type Message,
  markRead,
  messageKeys,
  sendMessage,
  setMuted,
  unblockMember,
  useConversation,
  useHistory,
} from "./queries.ts";
import "./i18n.ts";

function Bubble({ m, sender, onReport }: { m: Message; sender: string | null; onReport: () => void }) {
  const { t } = useTranslation("messages");
  return (
    <Stack gap={2} align={m.mine ? "flex-end" : "flex-start"} data-testid="message">
      {sender && (
        <Text size="xs" c="dimmed">
          {sender}
        </Text>
      )}
      <Paper
        px="sm"
        py={6}
        radius="lg"
        maw="85%"
        bg={m.mine ? "var(--mantine-color-teal-light)" : "var(--mantine-color-gray-light)"}
      >
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {m.body}
        </Text>
      </Paper>
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          {formatDateTime(m.createdAt)}
        </Text>
        {!m.mine && (
          <Anchor component="button" type="button" size="xs" c="dimmed" onClick={onReport} mih={28} px={4}>
            {t("report")}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}

function DotsIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
      <circle cx="5" cy="12" r="2" />
      <circle cx="12" cy="12" r="2" />
      <circle cx="19" cy="12" r="2" />
    </svg>
  );
}

function ConversationMenu({ slug, c }: { slug: string; c: Conversation }) {
  const { t } = useTranslation("messages");
  const qc = useQueryClient();
  const [blocking, setBlocking] = useState(false);
  const other = c.kind === "direct" ? c.others[0] : undefined;
  const refresh = () => qc.invalidateQueries({ queryKey: messageKeys.all(slug) });
  const mute = useMutation({ mutationFn: () => setMuted(slug, c.id, !c.muted), onSuccess: refresh });
  const block = useMutation({
    mutationFn: () => (c.blockedByMe ? unblockMember(slug, other!.userId) : blockMember(slug, other!.userId)),
    onSuccess: () => {
      setBlocking(false);
      refresh();
    },
  });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={44}
            aria-label={t("menu")}
            data-testid="conversation-menu"
          >
            <DotsIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => mute.mutate()} mih={44}>
            {c.muted ? t("unmute") : t("mute")}
          </Menu.Item>
          {other && (
            <Menu.Item
              color={c.blockedByMe ? undefined : "red"}
              mih={44}
              onClick={() => (c.blockedByMe ? block.mutate() : setBlocking(true))}
            >
              {c.blockedByMe ? t("unblock", { name: other.name }) : t("block", { name: other.name })}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={blocking}
        onClose={() => setBlocking(false)}
        onConfirm={() => block.mutate()}
        loading={block.isPending}
        title={t("blockTitle")}
        message={t("blockBody")}
        confirmLabel={other ? t("block", { name: other.name }) : ""}
        color="red"
      >
        <ErrorAlert error={block.error} />
      </ConfirmModal>
    </>
  );
}

function Thread({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("messages");
  const qc = useQueryClient();
  const conv = useConversation(slug, id);
  const hist = useHistory(slug, id);
  const [text, setText] = useState("");
  const [reporting, setReporting] = useState<Message | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  // Pages come newest first; each page is oldest first.
  const messages = [...(hist.data?.pages ?? [])].reverse().flatMap((p) => p.items);
  const newestId = messages[messages.length - 1]?.id;
  const unread = conv.data?.unread ?? 0;
  useEffect(() => {
    if (!newestId || !unread) return;
    markRead(slug, id, newestId).then(
      () => qc.invalidateQueries({ queryKey: messageKeys.all(slug) }),
      () => undefined,
    );
  }, [newestId, unread, slug, id, qc]);
  useEffect(() => {
    if (newestId) bottom.current?.scrollIntoView({ block: "end" });
  }, [newestId]);
  const send = useMutation({
    mutationFn: () => sendMessage(slug, id, text),
    onSuccess: () => {
      setText("");
      qc.invalidateQueries({ queryKey: messageKeys.all(slug) });
    },
  });
  if (conv.isLoading || hist.isLoading) return <PageLoader />;
  if (conv.error || !conv.data) {
    return conv.error instanceof ApiError && conv.error.status === 404 ? (
      <Alert color="orange">{t("cannotSend")}</Alert>
    ) : (
      <ErrorAlert error={conv.error} />
    );
  }
  const c = conv.data;
  const names = new Map(c.others.map((o) => [o.userId, o.name]));
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <ConversationHeading others={c.others} kind={c.kind} />
        <Group gap={4} wrap="nowrap">
          {c.muted && (
            <Text size="xs" c="dimmed">
              {t("muted")}
            </Text>
          )}
          <ConversationMenu slug={slug} c={c} />
        </Group>
      </Group>
      <Paper withBorder radius="md" p="sm">
        <Stack gap="sm">
          {hist.hasNextPage && (
            <Button
              variant="subtle"
              size="xs"
              mih={44}
              onClick={() => hist.fetchNextPage()}
              loading={hist.isFetchingNextPage}
            >
              {t("older")}
            </Button>
          )}
          {messages.map((m, i) => (
            <Bubble
              key={m.id}
              m={m}
              sender={
                c.kind === "group" && !m.mine && messages[i - 1]?.senderId !== m.senderId
                  ? (names.get(m.senderId) ?? "—")
                  : null
              }
              onReport={() => setReporting(m)}
            />
          ))}
          <div ref={bottom} />
        </Stack>
      </Paper>
      {c.canSend ? (
        <Stack gap="xs">
          <Textarea
            aria-label={t("composerLabel")}
            placeholder={t("placeholder")}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && text.trim()) send.mutate();
            }}
            data-testid="composer"
          />
          <ErrorAlert error={send.error} />
          <Group justify="flex-end">
            <Button
              onClick={() => send.mutate()}
              loading={send.isPending}
              disabled={!text.trim()}
              mih={44}
              miw={96}
            >
              {t("send")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" variant="light">
          {c.blockedByMe ? t("blockedNote") : t("cannotSend")}
        </Alert>
      )}
      <ReportModal
        slug={slug}
        target={reporting ? { type: "message", id: reporting.id, conversationId: id } : null}
        excerpt={reporting?.body}
        onClose={() => setReporting(null)}
      />
    </Stack>
  );
}

export default function ConversationPage() {
  const { t } = useTranslation("messages");
  const { slug = "", id = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n) => (
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
          <Thread slug={n.slug} id={id} />
        </Stack>
      )}
    </MemberGate>
  );
}
