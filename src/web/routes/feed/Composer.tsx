// Writing a post: its kind (operators also announce), an optional title, the Markdown body with a
// preview, and for operators the audience (the whole network or one of their segments).
import { Button, Card, Group, SegmentedControl, Select, Stack, Tabs, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { Markdown } from "../../components/Markdown.tsx";
import { MentionTextarea } from "../../components/MentionTextarea.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { useSegments } from "../segments/queries.ts";
import "./i18n.ts";
import { ImagePicker, type PostImage } from "./Images.tsx";
import { createPost, feedKeys, type PostKind } from "./queries.ts";

function SegmentChoice({
  slug,
  value,
  onChange,
}: {
  slug: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation("feed");
  const segments = useSegments(slug);
  return (
    <Select
      label={t("compose.audienceLabel")}
      description={value !== "network" ? t("compose.audienceHint") : undefined}
      value={value}
      onChange={(v) => onChange(v ?? "network")}
      allowDeselect={false}
      data={[
        { value: "network", label: t("compose.audienceNetwork") },
        ...(segments.data?.items ?? []).map((s) => ({
          value: s.id,
          label: t("compose.audienceSegment", { name: `${s.name}（${s.count}）` }),
        })),
      ]}
    />
  );
}

export function Composer({
  slug,
  operator,
  initial,
  groupId,
  groupName,
}: {
  slug: string;
  operator: boolean;
  initial?: { kind: PostKind; title: string; body: string };
  /** Fixed to this group (the group page): its members see the post. */
  groupId?: string;
  groupName?: string;
}) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const kinds: PostKind[] = operator
    ? ["announcement", "question", "help_wanted", "news"]
    : ["question", "help_wanted", "news"];
  const [kind, setKind] = useState<PostKind>(
    initial?.kind ?? (operator && !groupId ? "announcement" : "question"),
  );
  const [title, setTitle] = useState(initial?.title ?? "");
  const [body, setBody] = useState(initial?.body ?? "");
  const [audience, setAudience] = useState("network");
  const [images, setImages] = useState<PostImage[]>([]);
  const [tab, setTab] = useState<string | null>("write");
  // Closed, the composer is one line: the feed itself comes first on a phone.
  const [open, setOpen] = useState(!!initial);
  const { error, busy, run } = useSubmit();
  const errs = fieldErrors(error);
  const submit = () =>
    run(async () => {
      await createPost(slug, {
        kind,
        title: title.trim() || null,
        body,
        audience: groupId
          ? { type: "group", groupId }
          : audience === "network"
            ? { type: "network" }
            : { type: "segment", segmentId: audience },
        imageIds: images.map((i) => i.id),
      });
      setTitle("");
      setBody("");
      setImages([]);
      setTab("write");
      setOpen(false);
      notifications.show({ color: "teal", message: t("compose.posted") });
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
    });
  if (!open) {
    return (
      <Card withBorder radius="md" padding="sm" component="section" aria-label={t("compose.heading")}>
        <TextInput
          readOnly
          aria-label={t("compose.heading")}
          placeholder={groupName ? t("compose.promptGroup", { name: groupName }) : t("compose.prompt")}
          onClick={() => setOpen(true)}
          onFocus={() => setOpen(true)}
          size="md"
          radius="xl"
          data-testid="composer-prompt"
        />
      </Card>
    );
  }
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t("compose.heading")}>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t("compose.kindLabel")}
          value={kind}
          onChange={(v) => setKind(v as PostKind)}
          data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          fullWidth
          size="xs"
        />
        <TextInput
          label={t("compose.titleLabel")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={120}
          error={errs.title}
        />
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List>
            <Tabs.Tab value="write">{t("compose.write")}</Tabs.Tab>
            <Tabs.Tab value="preview">{t("compose.preview")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <MentionTextarea
              slug={slug}
              aria-label={t("compose.bodyLabel")}
              placeholder={t("compose.placeholder")}
              value={body}
              onChange={setBody}
              autosize
              data-autofocus
              autoFocus
              minRows={3}
              maxRows={16}
              maxLength={10_000}
              description={t("compose.markdownHint")}
              inputWrapperOrder={["label", "input", "description", "error"]}
              error={errs.body}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            {body.trim() ? (
              <Markdown>{body}</Markdown>
            ) : (
              <Text size="sm" c="dimmed">
                {t("compose.previewEmpty")}
              </Text>
            )}
          </Tabs.Panel>
        </Tabs>
        <ImagePicker slug={slug} images={images} onChange={setImages} />
        {operator && !groupId && <SegmentChoice slug={slug} value={audience} onChange={setAudience} />}
        {groupName && (
          <Text size="xs" c="dimmed">
            {t("compose.toGroup", { name: groupName })}
          </Text>
        )}
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setOpen(false)} disabled={!!busy}>
            {t("post.cancel")}
          </Button>
          <Button onClick={submit} loading={!!busy} disabled={!body.trim()}>
            {t("compose.submit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
