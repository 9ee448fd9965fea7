// An event's cover picture: the picker in the event form (uploads at once; the form then sends its
// id, or null to remove it), the wide picture on the event page and the thumbnail on list cards.
import {
  AspectRatio,
  Box,
  Button,
  FileButton,
  Group,
  Image,
  Input,
  Progress,
  Stack,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client.ts";
import { upload } from "../../api/upload.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import "./i18n.ts";

const MAX_BYTES = 8 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

export type CoverValue = { id: string; url: string } | null;

export function CoverPicker({
  slug,
  value,
  onChange,
}: {
  slug: string;
  value: CoverValue;
  onChange: (v: CoverValue) => void;
}) {
  const { t } = useTranslation("events");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A picture uploaded in this form and not saved yet is removed from the server when replaced.
  const dropPending = (v: CoverValue) => {
    if (v?.url.includes("/events/covers/"))
      client
        .DELETE("/api/n/{slug}/events/covers/{id}", { params: { path: { slug, id: v.id } } })
        .catch(() => {});
  };
  const choose = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) return setError(new Error(t("cover.tooLarge")));
    const form = new FormData();
    form.append("file", file);
    setProgress(0);
    try {
      // (Answered with 201: typed here as the route says.)
      const up: { id: string; url: string } = await upload(
        "/api/n/{slug}/events/covers",
        { path: { slug } },
        form,
        setProgress,
      );
      dropPending(value);
      onChange({ id: up.id, url: up.url });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Stack gap={6} data-testid="cover-picker">
      <Input.Label>{t("cover.label")}</Input.Label>
      {value && (
        <Box maw={480}>
          <AspectRatio ratio={16 / 9}>
            <Image src={value.url} alt={t("cover.preview")} fit="cover" radius="sm" />
          </AspectRatio>
        </Box>
      )}
      <Group gap="xs" wrap="wrap">
        <FileButton onChange={choose} accept={ACCEPT}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              size="xs"
              disabled={progress !== null}
              leftSection={<span aria-hidden>🖼</span>}
              data-testid="cover-choose"
            >
              {value ? t("cover.replace") : t("cover.choose")}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            onClick={() => {
              dropPending(value);
              onChange(null);
            }}
          >
            {t("cover.remove")}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("cover.hint")}
      </Text>
      {progress !== null && <Progress value={progress * 100} size="sm" aria-label={t("cover.uploading")} />}
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** The event page's cover: wide (16:9 on phones, lower on large screens), never taller than 280 px. */
export function EventCover({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation("events");
  return (
    <Box style={{ borderRadius: "var(--mantine-radius-md)", overflow: "hidden" }} data-testid="event-cover">
      <Image
        src={url}
        alt={t("cover.alt", { title })}
        fit="cover"
        w="100%"
        mah={280}
        style={{ aspectRatio: "16 / 9" }}
      />
    </Box>
  );
}

/** A list card's thumbnail. */
export function CoverThumb({ url, title, size }: { url: string; title: string; size: number }) {
  const { t } = useTranslation("events");
  return (
    <Image
      src={url}
      alt={t("cover.alt", { title })}
      w={size}
      h={Math.round((size * 3) / 4)}
      fit="cover"
      radius="sm"
      loading="lazy"
      style={{ flex: "none" }}
      data-testid="event-cover-thumb"
    />
  );
}
