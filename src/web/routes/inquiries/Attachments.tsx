// Files on an inquiry message: a picker that uploads each chosen file at once (the message then
// sends their ids), and the download links of a sent message.
import { ActionIcon, Anchor, Button, FileButton, Group, Progress, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { upload } from "../../api/upload.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatSize } from "./format.ts";
import { attachmentUrl, removeUpload } from "./queries.ts";

export type Uploaded = { id: string; fileName: string; mime: string; size: number };

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

export function AttachmentPicker({
  slug,
  files,
  onChange,
}: {
  slug: string;
  files: Uploaded[];
  onChange: (files: Uploaded[]) => void;
}) {
  const { t } = useTranslation("inquiries");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (files.length >= MAX_FILES) return setError(new Error(t("attachments.tooMany", { max: MAX_FILES })));
    if (file.size > MAX_BYTES) return setError(new Error(t("attachments.rejected")));
    const form = new FormData();
    form.append("file", file);
    setProgress(0);
    try {
      const up = await upload("/api/n/{slug}/inquiries/attachments", { path: { slug } }, form, setProgress);
      onChange([...files, up as Uploaded]);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={add} accept={ACCEPT}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="sm"
              disabled={progress !== null || files.length >= MAX_FILES}
            >
              {t("attachments.add")}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed" style={{ flex: "1 1 200px" }}>
          {t("attachments.hint", { max: MAX_FILES })}
        </Text>
      </Group>
      {progress !== null && (
        <Progress value={progress * 100} size="sm" aria-label={t("attachments.uploading")} />
      )}
      {files.map((f) => (
        <Group key={f.id} gap="xs" wrap="nowrap">
          <Text size="sm" truncate style={{ flex: 1, minWidth: 0 }}>
            📎 {f.fileName}{" "}
            <Text span size="xs" c="dimmed">
              ({formatSize(f.size)})
            </Text>
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={44}
            aria-label={t("attachments.remove", { name: f.fileName })}
            onClick={() => {
              onChange(files.filter((x) => x.id !== f.id));
              removeUpload(slug, f.id).catch(() => {});
            }}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function AttachmentLinks({
  slug,
  inquiryId,
  files,
}: {
  slug: string;
  inquiryId: string;
  files: Uploaded[];
}) {
  if (!files.length) return null;
  return (
    <Stack gap={4} mt="xs">
      {files.map((f) => (
        <Anchor
          key={f.id}
          href={attachmentUrl(slug, inquiryId, f.id)}
          size="sm"
          mih={44}
          display="flex"
          style={{ alignItems: "center", wordBreak: "break-all" }}
        >
          📎 {f.fileName} ({formatSize(f.size)})
        </Anchor>
      ))}
    </Stack>
  );
}
