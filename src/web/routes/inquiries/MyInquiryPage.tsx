// One of the member's inquiries: the thread, a reply box (the inquiry waits for the operators
// again) and closing it once resolved.
import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { dateTimeCell } from "../operator/format.ts";
import { AttachmentPicker, type Uploaded } from "./Attachments.tsx";
import { STATUS_COLOR } from "./format.ts";
import { CategoryLabel } from "./MyInquiriesPage.tsx";
import { closeInquiry, followUp, getThread, inquiryKeys } from "./queries.ts";
import { ThreadMessages } from "./ThreadMessages.tsx";
import "./i18n.ts";

function Thread({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [closing, setClosing] = useState(false);
  const q = useQuery({ queryKey: inquiryKeys.thread(slug, id), queryFn: () => getThread(slug, id) });
  const refresh = (data: unknown) => {
    qc.setQueryData(inquiryKeys.thread(slug, id), data);
    qc.invalidateQueries({ queryKey: inquiryKeys.mine(slug) });
  };
  const send = useMutation({
    mutationFn: () =>
      followUp(
        slug,
        id,
        text,
        files.map((f) => f.id),
      ),
    onSuccess: (data) => {
      setText("");
      setFiles([]);
      refresh(data);
    },
  });
  const close = useMutation({
    mutationFn: () => closeInquiry(slug, id),
    onSuccess: (data) => {
      setClosing(false);
      refresh(data);
      notifications.show({ color: "teal", message: t("statusMember.closed") });
    },
  });
  if (q.isLoading) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const thread = q.data;
  return (
    <Stack gap="md">
      <PageTitle
        title={thread.subject}
        subtitle={
          <Group gap="xs" wrap="wrap">
            <StatusBadge color={STATUS_COLOR[thread.status]}>
              {t(`statusMember.${thread.status}`)}
            </StatusBadge>
            <Text size="sm" c="dimmed">
              <CategoryLabel inquiry={thread} /> ·{" "}
              {t("thread.opened", { date: dateTimeCell(thread.createdAt) })}
            </Text>
          </Group>
        }
      />
      <ThreadMessages slug={slug} thread={thread} viewer="member" />
      <Card withBorder padding="md">
        <Stack gap="sm">
          {thread.status === "closed" && (
            <Alert color="gray" variant="light">
              {t("thread.closed")}
            </Alert>
          )}
          <Textarea
            label={t("thread.followUp")}
            placeholder={t("thread.followUpPlaceholder")}
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <AttachmentPicker slug={slug} files={files} onChange={setFiles} />
          <ErrorAlert error={send.error} />
          <Group gap="sm" justify="space-between">
            <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!text.trim()}>
              {t("thread.send")}
            </Button>
            {thread.status !== "closed" && (
              <Button variant="default" onClick={() => setClosing(true)}>
                {t("thread.close")}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <ConfirmModal
        opened={closing}
        onClose={() => setClosing(false)}
        onConfirm={() => close.mutate()}
        loading={close.isPending}
        title={t("thread.closeTitle")}
        message={t("thread.closeBody")}
        confirmLabel={t("thread.close")}
        color="teal"
      >
        <ErrorAlert error={close.error} />
      </ConfirmModal>
    </Stack>
  );
}

export default function MyInquiryPage() {
  const { t } = useTranslation("inquiries");
  const { slug = "", id = "" } = useParams();
  return (
    <MemberGate slug={slug}>
      {(n) => (
        <Stack gap="sm" maw={860}>
          <Anchor
            component={Link}
            to={`/n/${n.slug}/inquiries`}
            size="sm"
            mih={44}
            display="flex"
            style={{ alignItems: "center" }}
          >
            ← {t("member.back")}
          </Anchor>
          <Thread slug={n.slug} id={id} />
        </Stack>
      )}
    </MemberGate>
  );
}
