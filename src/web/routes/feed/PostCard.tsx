// One post as the viewer sees it: author, kind, audience, the Markdown body, reactions, comment
// count, and what the viewer may do with it (edit, delete, pin).
import {
  ActionIcon,
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDateTime } from "../../components/format.ts";
import { initials } from "../../components/initials.ts";
import { Markdown } from "../../components/Markdown.tsx";
import { MentionTextarea } from "../../components/MentionTextarea.tsx";
import { SupporterBadge } from "../../components/SupporterBadge.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { ReportModal } from "../moderation/ReportModal.tsx";
import { ImagePicker, PostImages } from "./Images.tsx";
import "./i18n.ts";
import {
  deletePost,
  editPost,
  feedKeys,
  type Post,
  type PostKind,
  pinPost,
  REACTIONS,
  setReaction,
} from "./queries.ts";

const KIND_COLOR: Record<PostKind, string> = {
  announcement: "brand",
  question: "blue",
  help_wanted: "orange",
  news: "grape",
};

export function Author({
  slug,
  author,
  at,
  edited,
}: {
  slug: string;
  author: Post["author"] | null;
  at: string;
  edited?: boolean;
}) {
  const { t } = useTranslation("feed");
  const { t: tc } = useTranslation();
  const name = author?.name ?? "—";
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Avatar src={author?.photoUrl ?? null} alt="" radius="xl" size={36} color="brand">
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          {author?.profile ? (
            <Anchor
              component={Link}
              to={`/n/${slug}/members/${author.userId}`}
              fw={600}
              size="sm"
              c="inherit"
            >
              {t("post.by", { name })}
            </Anchor>
          ) : (
            <Text fw={600} size="sm">
              {t("post.by", { name })}
            </Text>
          )}
          {author && author.role !== "alumni" && (
            <Badge size="xs" variant="light" color={author.role === "operator" ? "brand" : "gray"}>
              {tc(`roles.${author.role as "operator" | "employee" | "alumni"}`)}
            </Badge>
          )}
          {author?.supporter && <SupporterBadge />}
        </Group>
        <Text size="xs" c="dimmed">
          <time dateTime={at}>{formatDateTime(at)}</time>
          {edited && ` · ${t("post.edited")}`}
        </Text>
      </div>
    </Group>
  );
}

function Reactions({ slug, post }: { slug: string; post: Post }) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const counts = new Map(post.reactions.map((r) => [r.reaction, r]));
  async function toggle(key: Post["reactions"][number]["reaction"]) {
    setBusy(true);
    try {
      await setReaction(slug, post.id, key, !counts.get(key)?.mine);
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
    } catch (e) {
      notifications.show({ color: "red", message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Group gap={6} role="group" aria-label={t("reactions.label")}>
      {REACTIONS.map(({ key, emoji }) => {
        const r = counts.get(key);
        const label = t(`reactions.${key}`);
        return (
          <Tooltip key={key} label={label} withArrow openDelay={300}>
            <Button
              size="compact-sm"
              radius="xl"
              variant={r?.mine ? "light" : "subtle"}
              color={r?.mine ? "brand" : "gray"}
              aria-pressed={!!r?.mine}
              aria-label={t(r?.mine ? "reactions.remove" : "reactions.add", { label })}
              disabled={busy}
              onClick={() => toggle(key)}
            >
              <span aria-hidden>{emoji}</span>
              {r ? (
                <Text span size="xs" ml={4}>
                  {r.count}
                </Text>
              ) : null}
            </Button>
          </Tooltip>
        );
      })}
    </Group>
  );
}

function EditPost({ slug, post, onDone }: { slug: string; post: Post; onDone: () => void }) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const [title, setTitle] = useState(post.title ?? "");
  const [body, setBody] = useState(post.body);
  const [images, setImages] = useState(post.images);
  const { error, busy, run } = useSubmit();
  return (
    <Stack gap="xs">
      <TextInput
        label={t("compose.titleLabel")}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={120}
      />
      <MentionTextarea
        slug={slug}
        label={t("compose.bodyLabel")}
        value={body}
        onChange={setBody}
        autosize
        minRows={4}
        maxLength={10_000}
      />
      <ImagePicker slug={slug} images={images} onChange={setImages} />
      <ErrorAlert error={error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t("post.cancel")}
        </Button>
        <Button
          loading={!!busy}
          onClick={() =>
            run(async () => {
              await editPost(slug, post.id, {
                title: title.trim() || null,
                body,
                imageIds: images.map((i) => i.id),
              });
              await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
              onDone();
            })
          }
        >
          {t("post.save")}
        </Button>
      </Group>
    </Stack>
  );
}

export function PostCard({
  slug,
  post,
  full = false,
  inGroup = false,
}: {
  slug: string;
  post: Post;
  full?: boolean;
  /** Shown on its group's page: no group label. */
  inGroup?: boolean;
}) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const { error, busy, run } = useSubmit();
  const href = `/n/${slug}/posts/${post.id}`;
  // Members report what others wrote; operators act on it in the moderation queue instead.
  const canReport = !post.can.edit && !post.can.pin;
  const others = post.can.delete && !post.can.edit;
  const remove = () =>
    run(async () => {
      await deletePost(slug, post.id);
      setConfirming(false);
      notifications.show({ color: "teal", message: t("post.deleted") });
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
      if (full) navigate(`/n/${slug}/feed`);
    });
  const pin = () =>
    run(async () => {
      await pinPost(slug, post.id, !post.pinned);
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
    });
  const body = <Markdown>{post.body}</Markdown>;
  return (
    <Card withBorder radius="md" padding="md" data-testid="post" data-new={post.isNew || undefined}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Author slug={slug} author={post.author} at={post.createdAt} edited={!!post.editedAt} />
          <Group gap={4} wrap="nowrap">
            {post.isNew && (
              <Badge color="red" variant="filled" size="sm">
                {t("post.new")}
              </Badge>
            )}
            {(post.can.edit || post.can.delete || post.can.pin || canReport) && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t("post.menu")} size="lg">
                    ⋯
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {post.can.edit && <Menu.Item onClick={() => setEditing(true)}>{t("post.edit")}</Menu.Item>}
                  {post.can.pin && (
                    <Menu.Item onClick={pin}>{t(post.pinned ? "post.unpin" : "post.pin")}</Menu.Item>
                  )}
                  {post.can.delete && (
                    <Menu.Item color="red" onClick={() => setConfirming(true)}>
                      {t("post.delete")}
                    </Menu.Item>
                  )}
                  {canReport && (
                    <Menu.Item color="red" onClick={() => setReporting(true)}>
                      {t("post.report")}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <Group gap={6}>
          <Badge variant="light" color={KIND_COLOR[post.kind]} size="sm">
            {t(`kinds.${post.kind}`)}
          </Badge>
          {post.pinned && (
            <Badge variant="outline" size="sm" color="brand">
              📌 {t("post.pinned")}
            </Badge>
          )}
          {post.audience.type === "group" && post.audience.groupId && !inGroup && (
            <Badge
              variant="outline"
              size="sm"
              color="grape"
              component={Link}
              to={`/n/${slug}/groups/${post.audience.groupId}`}
              style={{ cursor: "pointer" }}
              data-testid="post-group"
            >
              {t("post.inGroup", { name: post.audience.groupName ?? "—" })}
            </Badge>
          )}
          {post.audience.type === "segment" && (
            <Badge variant="outline" size="sm" color="gray">
              {post.audience.segmentName
                ? t("post.toSegmentNamed", { name: post.audience.segmentName })
                : t("post.toSegment")}
            </Badge>
          )}
          {post.hidden && (
            <Badge variant="filled" size="sm" color="yellow">
              {t("post.hidden")}
            </Badge>
          )}
        </Group>
        {post.hidden && post.can.edit && (
          <Alert color="yellow" variant="light" p="xs" data-testid="hidden-banner">
            <Text size="sm" fw={600}>
              {t("post.hiddenBanner")}
            </Text>
            <Text size="xs">{t("post.hiddenBannerHint")}</Text>
          </Alert>
        )}
        {editing ? (
          <EditPost slug={slug} post={post} onDone={() => setEditing(false)} />
        ) : (
          <>
            {post.title &&
              (full ? (
                <Title order={2} size="h4">
                  {post.title}
                </Title>
              ) : (
                <Anchor component={Link} to={href} fw={700} size="lg" c="inherit">
                  {post.title}
                </Anchor>
              ))}
            {full ? (
              body
            ) : (
              <Spoiler maxHeight={200} showLabel={t("post.readMore")} hideLabel="▲">
                {body}
              </Spoiler>
            )}
            <PostImages images={post.images} />
          </>
        )}
        <ErrorAlert error={error} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Reactions slug={slug} post={post} />
          {!full && (
            <Button component={Link} to={href} variant="subtle" size="compact-sm">
              {post.commentCount > 0 ? t("post.comments", { count: post.commentCount }) : t("post.comment")}
            </Button>
          )}
        </Group>
      </Stack>
      <ReportModal
        slug={slug}
        target={reporting ? { type: "post", id: post.id } : null}
        excerpt={post.title ?? post.body}
        onClose={() => setReporting(false)}
      />
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={remove}
        title={t("post.deleteTitle")}
        message={others ? `${t("post.deleteBody")} ${t("post.deleteOthers")}` : t("post.deleteBody")}
        confirmLabel={t("post.delete")}
        loading={busy === "submit"}
      />
    </Card>
  );
}
