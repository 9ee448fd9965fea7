// One inquiry at the desk (operators): the thread, response times, assignee, status buttons, and
// the reply box with saved replies.
import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useMe } from "../../session.ts";
import { dateTimeCell } from "../operator/format.ts";
import { AttachmentPicker, type Uploaded } from "./Attachments.tsx";
import { useSavedReplies } from "./DeskSettings.tsx";
import { STATUS_COLOR } from "./format.ts";
import { CategoryLabel } from "./MyInquiriesPage.tsx";
import {
  getThread,
  type InquiryThread,
  inquiryKeys,
  operatorsOf,
  replyTo,
  setAssignee,
  setStatus,
} from "./queries.ts";
import { ResponseTimes } from "./ResponseTimes.tsx";
import { ThreadMessages } from "./ThreadMessages.tsx";
import "./i18n.ts";

function Sidebar({ slug, thread, me }: { slug: string; thread: InquiryThread; me: string }) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const operators = useQuery({ queryKey: ["operators", slug], queryFn: () => operatorsOf(slug) });
  const done = (data: InquiryThread) => {
    qc.setQueryData(inquiryKeys.thread(slug, thread.id), data);
    qc.invalidateQueries({ queryKey: inquiryKeys.all(slug) });
  };
  const assign = useMutation({
    mutationFn: (id: string | null) => setAssignee(slug, thread.id, id),
    onSuccess: (d) => {
      done(d);
      notifications.show({ color: "teal", message: t("reply.assigned") });
    },
  });
  const status = useMutation({
    mutationFn: (s: "open" | "answered" | "closed") => setStatus(slug, thread.id, s),
    onSuccess: (d) => {
      done(d);
      notifications.show({
        color: "teal",
        message: t("reply.statusChanged", { status: t(`status.${d.status}`) }),
      });
    },
  });
  const options = (operators.data?.items ?? []).map((o) => ({
    value: o.userId,
    label: o.displayName || o.name,
  }));
  return (
    <Stack gap="sm">
      <Card withBorder padding="sm">
        <Text size="sm" fw={600} mb={4}>
          {t("reply.responseTitle")}
        </Text>
        <ResponseTimes inquiry={thread} size="sm" />
      </Card>
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Select
            label={t("reply.assignee")}
            data={options}
            value={thread.assignee?.userId ?? null}
            placeholder={t("desk.unassigned")}
            clearable
            onChange={(v) => assign.mutate(v)}
            disabled={assign.isPending}
          />
          {thread.assignee?.userId !== me && (
            <Button variant="default" onClick={() => assign.mutate(me)} loading={assign.isPending}>
              {t("reply.assignMe")}
            </Button>
          )}
          <ErrorAlert error={assign.error} />
        </Stack>
      </Card>
      <Card withBorder padding="sm">
        <Group gap="xs">
          {thread.status === "open" && (
            <Button variant="default" onClick={() => status.mutate("answered")} loading={status.isPending}>
              {t("reply.markAnswered")}
            </Button>
          )}
          {thread.status !== "closed" ? (
            <Button variant="default" onClick={() => status.mutate("closed")} loading={status.isPending}>
              {t("reply.markClosed")}
            </Button>
          ) : (
            <Button variant="default" onClick={() => status.mutate("open")} loading={status.isPending}>
              {t("reply.reopen")}
            </Button>
          )}
        </Group>
        <ErrorAlert error={status.error} />
      </Card>
    </Stack>
  );
}

function ReplyBox({ slug, thread }: { slug: string; thread: InquiryThread }) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const saved = useSavedReplies(slug);
  const [text, setText] = useState("");
  const [files, setFiles] = useState<Uploaded[]>([]);
  const send = useMutation({
    mutationFn: (status: "answered" | "closed") =>
      replyTo(
        slug,
        thread.id,
        text,
        files.map((f) => f.id),
        status,
      ),
    onSuccess: (d) => {
      setText("");
      setFiles([]);
      qc.setQueryData(inquiryKeys.thread(slug, thread.id), d);
      qc.invalidateQueries({ queryKey: inquiryKeys.all(slug) });
      notifications.show({ color: "teal", message: t("reply.sent") });
    },
  });
  const items = saved.data?.items ?? [];
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("reply.title")}
        </Title>
        <Select
          label={t("reply.savedReply")}
          placeholder={items.length ? t("reply.savedReplyPlaceholder") : t("reply.noSavedReplies")}
          data={items.map((r) => ({ value: r.id, label: r.title }))}
          value={null}
          disabled={!items.length}
          searchable
          onChange={(id) => {
            const r = items.find((x) => x.id === id);
            if (r) setText((cur) => (cur.trim() ? `${cur.replace(/\s+$/, "")}\n\n${r.body}` : r.body));
          }}
          maw={420}
        />
        <Textarea
          aria-label={t("reply.title")}
          placeholder={t("reply.placeholder")}
          autosize
          minRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <AttachmentPicker slug={slug} files={files} onChange={setFiles} />
        <ErrorAlert error={send.error} />
        <Group gap="sm">
          <Button onClick={() => send.mutate("answered")} loading={send.isPending} disabled={!text.trim()}>
            {t("reply.send")}
          </Button>
          <Button
            variant="default"
            onClick={() => send.mutate("closed")}
            loading={send.isPending}
            disabled={!text.trim()}
          >
            {t("reply.sendAndClose")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Desk({ slug, id, me }: { slug: string; id: string; me: string }) {
  const { t } = useTranslation("inquiries");
  const q = useQuery({ queryKey: inquiryKeys.thread(slug, id), queryFn: () => getThread(slug, id) });
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const thread = q.data;
  return (
    <>
      <PageTitle
        title={thread.subject}
        subtitle={
          <Group gap="xs" wrap="wrap">
            <StatusBadge color={STATUS_COLOR[thread.status]}>{t(`status.${thread.status}`)}</StatusBadge>
            <Text size="sm" c="dimmed">
              {thread.openedBy?.name ?? t("thread.formerMember")} · <CategoryLabel inquiry={thread} /> ·{" "}
              {t("thread.opened", { date: dateTimeCell(thread.createdAt) })}
            </Text>
          </Group>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <ThreadMessages slug={slug} thread={thread} viewer="operator" />
            <ReplyBox slug={slug} thread={thread} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Sidebar slug={slug} thread={thread} me={me} />
        </Grid.Col>
      </Grid>
    </>
  );
}

export default function DeskInquiryPage() {
  const { t } = useTranslation("inquiries");
  const { id = "" } = useParams();
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap="sm" maw={1200}>
          <Anchor
            component={Link}
            to={`/n/${network.slug}/admin/inquiries`}
            size="sm"
            mih={44}
            display="flex"
            style={{ alignItems: "center" }}
          >
            ← {t("desk.back")}
          </Anchor>
          <MeDesk slug={network.slug} id={id} />
        </Stack>
      )}
    </RequireOperator>
  );
}

function MeDesk({ slug, id }: { slug: string; id: string }) {
  const me = useMe().data?.user.id;
  return me ? <Desk slug={slug} id={id} me={me} /> : null;
}
