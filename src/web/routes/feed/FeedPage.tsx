// The feed: write a post, pinned posts on top, then everything the member may see, newest first,
// with what came since their last visit marked 新着 (and, once shown, counted as seen).
import { Button, EmptyState, Stack, Tabs, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { MemberGate } from "../../components/MemberGate.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import type { MyNetwork } from "../../session.ts";
import { Composer } from "./Composer.tsx";
import "./i18n.ts";
import { PostCard } from "./PostCard.tsx";
import { feedKeys, markSeen, POST_KINDS, type PostKind, useFeed } from "./queries.ts";

function Feed({ network }: { network: MyNetwork }) {
  const { t } = useTranslation("feed");
  const slug = network.slug;
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<PostKind | null>(null);
  const feed = useFeed(slug, kind);
  const pages = feed.data?.pages ?? [];
  const pinned = pages[0]?.pinned ?? [];
  const items = pages.flatMap((p) => p.items);

  // Once the first page is shown, the member has seen the feed up to its newest post.
  const marked = useRef(false);
  const newest = [...pinned, ...items]
    .map((p) => p.createdAt)
    .sort()
    .pop();
  useEffect(() => {
    if (marked.current || !newest || kind) return;
    marked.current = true;
    markSeen(slug, newest)
      .then(() => qc.invalidateQueries({ queryKey: feedKeys.summary(slug) }))
      .catch(() => {
        marked.current = false;
      });
  }, [newest, kind, slug, qc]);

  const operator = network.role === "operator";
  const welcome =
    operator && params.get("compose") === "welcome"
      ? { kind: "announcement" as const, title: t("compose.welcomeTitle"), body: t("compose.welcomeBody") }
      : undefined;
  return (
    <Stack gap="md" maw={760}>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <Composer slug={slug} operator={operator} initial={welcome} />
      <Tabs value={kind ?? "all"} onChange={(v) => setKind(v === "all" || !v ? null : (v as PostKind))}>
        <Tabs.List aria-label={t("filterLabel")}>
          <Tabs.Tab value="all">{t("filterAll")}</Tabs.Tab>
          {POST_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`kinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {feed.error && <ErrorAlert error={feed.error} />}
      {feed.isLoading ? (
        <PageLoader />
      ) : (
        <>
          {pinned.map((p) => (
            <PostCard key={p.id} slug={slug} post={p} />
          ))}
          {items.map((p) => (
            <PostCard key={p.id} slug={slug} post={p} />
          ))}
          {!pinned.length && !items.length && (
            <EmptyState title={t("empty.title")} description={kind ? t("empty.filtered") : t("empty.body")} />
          )}
          {feed.hasNextPage ? (
            <Button variant="default" onClick={() => feed.fetchNextPage()} loading={feed.isFetchingNextPage}>
              {t("loadMore")}
            </Button>
          ) : (
            items.length > 0 && (
              <Text size="xs" c="dimmed" ta="center">
                {t("end")}
              </Text>
            )
          )}
        </>
      )}
    </Stack>
  );
}

export default function FeedPage() {
  const { slug = "" } = useParams();
  return <MemberGate slug={slug}>{(network) => <Feed network={network} />}</MemberGate>;
}
