// 「通報する」: the reasons (a fixed set) and an optional note, for a post, a comment or a message.
// The reporter is told it arrived; the author is never told who reported.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { REPORT_REASONS, type ReportReason, type ReportTarget, report } from "./queries.ts";
import "./i18n.ts";

const TITLE = {
  post: "report.titlePost",
  comment: "report.titleComment",
  message: "report.titleMessage",
} as const;

export function ReportModal({
  slug,
  target,
  excerpt,
  onClose,
}: {
  slug: string;
  /** What to report (null: closed). */
  target: ReportTarget | null;
  excerpt?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("moderation");
  const [reason, setReason] = useState<ReportReason>("spam");
  const [note, setNote] = useState("");
  const send = useMutation({
    mutationFn: () => report(slug, target!, reason, note),
    onSuccess: (res) => {
      notifications.show({ color: "teal", message: t(res.updated ? "report.updated" : "report.done") });
      setNote("");
      setReason("spam");
      onClose();
    },
  });
  return (
    <Modal
      opened={!!target}
      onClose={() => {
        send.reset();
        onClose();
      }}
      title={target ? t(TITLE[target.type]) : ""}
    >
      <Stack gap="sm" data-testid="report-modal">
        {excerpt && (
          <Text
            size="sm"
            c="dimmed"
            lineClamp={3}
            style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
          >
            {excerpt}
          </Text>
        )}
        <Radio.Group label={t("report.reason")} value={reason} onChange={(v) => setReason(v as ReportReason)}>
          <Stack gap="xs" mt={4}>
            {REPORT_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`reasons.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t("report.note")}
          description={t("report.noteHint")}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} mih={44}>
            {t("report.cancel")}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending} color="red" mih={44}>
            {t("report.send")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
