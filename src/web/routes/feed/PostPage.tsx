// One post with its comments: top-level comments with their replies (one level), write, reply,
// edit and delete one's own.
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { MentionText } from "../../components/MentionText.tsx";
import { MentionTextarea } from "../../components/MentionTextarea.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { ReportModal } from "../moderation/ReportModal.tsx";
import "../notifications/i18n.ts";
import { notificationKeys, setThreadLevel, useThreadLevel } from "../notifications/queries.ts";
import "./i18n.ts";
import { Author, PostCard } from "./PostCard.tsx";
import { addComment, type Comment, deleteComment, editComment, feedKeys, usePost } from "./queries.ts";

function CommentForm({
  slug,
  postId,
  parentId,
  initial = "",
  onDone,
  save,
}: {
  slug: string;
  postId: string;
  parentId?: string;
  initial?: string;
  onDone?: () => void;
  /** Editing: saves the text instead of adding a comment. */
  save?: (body: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const [body, setBody] = useState(initial);
  const { error, busy, run } = useSubmit();
  const submit = () =>
    run(async () => {
      if (save) await save(body);
      else await addComment(slug, postId, { body, parentId: parentId ?? null });
      setBody("");
      await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
      onDone?.();
    });
  return (
    <Stack gap={6}>
      <MentionTextarea
        slug={slug}
        postId={postId}
        aria-label={t(parentId ? "comments.replyPlaceholder" : "comments.placeholder")}
        placeholder={t(parentId ? "comments.replyPlaceholder" : "comments.placeholder")}
        value={body}
        onChange={setBody}
        autosize
        minRows={parentId || save ? 1 : 2}
        maxLength={2000}
        data-autofocus={parentId ? true : undefined}
      />
      <ErrorAlert error={error} />
      <Group justify="flex-end" gap="xs">
        {onDone && (
          <Button variant="default" size="xs" onClick={onDone}>
            {t("post.cancel")}
          </Button>
        )}
        <Button size="xs" onClick={submit} loading={!!busy} disabled={!body.trim()}>
          {save ? t("post.save") : t("comments.send")}
        </Button>
      </Group>
    </Stack>
  );
}

function CommentItem({
  slug,
  postId,
  comment,
  onReply,
}: {
  slug: string;
  postId: string;
  comment: Comment;
  onReply?: () => void;
}) {
  const { t } = useTranslation("feed");
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const { error, busy, run } = useSubmit();
  if (comment.deleted) {
    return (
      <Text size="sm" c="dimmed" fs="italic" py={4}>
        {t("comments.deleted")}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="comment" id={`comment-${comment.id}`}>
      <Author slug={slug} author={comment.author} at={comment.createdAt} edited={!!comment.editedAt} />
      {comment.hidden && (
        <Badge variant="filled" size="sm" color="yellow" ml={44} w="fit-content">
          {t(comment.can.edit ? "comments.hiddenMine" : "post.hidden")}
        </Badge>
      )}
      {editing ? (
        <CommentForm
          slug={slug}
          postId={postId}
          initial={comment.body}
          onDone={() => setEditing(false)}
          save={(body) => editComment(slug, comment.id, body)}
        />
      ) : (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} pl={44}>
          <MentionText slug={slug}>{comment.body}</MentionText>
        </Text>
      )}
      <ErrorAlert error={error} />
      {!editing && (
        <Group gap={4} pl={36}>
          {onReply && (
            <Button variant="subtle" size="compact-xs" onClick={onReply}>
              {t("comments.reply")}
            </Button>
          )}
          {comment.can.edit && (
            <Button variant="subtle" size="compact-xs" color="gray" onClick={() => setEditing(true)}>
              {t("post.edit")}
            </Button>
          )}
          {comment.can.delete && (
            <Button variant="subtle" size="compact-xs" color="red" onClick={() => setConfirming(true)}>
              {t("post.delete")}
            </Button>
          )}
          {!comment.can.edit && !comment.can.delete && (
            <Button variant="subtle" size="compact-xs" color="gray" onClick={() => setReporting(true)}>
              {t("post.report")}
            </Button>
          )}
        </Group>
      )}
      <ReportModal
        slug={slug}
        target={reporting ? { type: "comment", id: comment.id } : null}
        excerpt={comment.body}
        onClose={() => setReporting(false)}
      />
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          run(async () => {
            await deleteComment(slug, comment.id);
            setConfirming(false);
            await qc.invalidateQueries({ queryKey: feedKeys.all(slug) });
          })
        }
        title={t("comments.deleteTitle")}
        message={t("comments.deleteBody")}
        confirmLabel={t("post.delete")}
        loading={!!busy}
      />
    </Stack>
  );
}

function Thread({
  slug,
  postId,
  top,
  replies,
}: {
  slug: string;
  postId: string;
  top: Comment;
  replies: Comment[];
}) {
  const [replying, setReplying] = useState(false);
  return (
    <Stack gap="xs">
      <CommentItem
        slug={slug}
        postId={postId}
        comment={top}
        onReply={top.deleted ? undefined : () => setReplying(true)}
      />
      {(replies.length > 0 || replying) && (
        <Stack
          gap="xs"
          pl={{ base: "md", sm: 44 }}
          style={{ borderInlineStart: "2px solid var(--mantine-color-default-border)" }}
        >
          {replies.map((r) => (
            <CommentItem
              key={r.id}
              slug={slug}
              postId={postId}
              comment={r}
              onReply={() => setReplying(true)}
            />
          ))}
          {replying && (
            <CommentForm slug={slug} postId={postId} parentId={top.id} onDone={() => setReplying(false)} />
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** Watch every comment, only what is for me, or mute this post. */
function ThreadLevel({ slug, postId }: { slug: string; postId: string }) {
  const { t } = useTranslation("notifications");
  const qc = useQueryClient();
  const level = useThreadLevel(slug, postId);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t("thread.label")}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label={t("thread.label")}
        value={level.data?.level ?? "normal"}
        onChange={async (v) => {
          await setThreadLevel(slug, postId, v as "watch" | "normal" | "mute");
          await qc.invalidateQueries({ queryKey: notificationKeys.thread(slug, postId) });
        }}
        data={(["watch", "normal", "mute"] as const).map((l) => ({ value: l, label: t(`thread.${l}`) }))}
      />
    </Group>
  );
}

function PostView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("feed");
  const post = usePost(slug, id);
  if (post.isLoading) return <PageLoader />;
  if (post.error || !post.data) return <ErrorAlert error={post.error} />;
  const p = post.data;
  const tops = p.comments.filter((c) => !c.parentId);
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to={`/n/${slug}/feed`} size="sm" className="tsu-tap-row">
        ← {t("post.back")}
      </Anchor>
      <PostCard slug={slug} post={p} full />
      <ThreadLevel slug={slug} postId={p.id} />
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="comments-title">
        <Stack gap="md">
          <Title order={2} size="h5" id="comments-title">
            {t("comments.title")}（{p.commentCount}）
          </Title>
          {tops.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("comments.empty")}
            </Text>
          )}
          {tops.map((c) => (
            <Thread
              key={c.id}
              slug={slug}
              postId={p.id}
              top={c}
              replies={p.comments.filter((r) => r.parentId === c.id)}
            />
          ))}
          <CommentForm slug={slug} postId={p.id} />
        </Stack>
      </Card>
    </Stack>
  );
}

export default function PostPage() {
  const { slug = "", id = "" } = useParams();
  return <MemberGate slug={slug}>{() => <PostView slug={slug} id={id} />}</MemberGate>;
}
