// /n/:slug/admin/segments/:id — a segment: its filter in words and its members now (operators).
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { download } from "../../api/download.ts";
import { CsvExportMenu } from "../../components/CsvExportMenu.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LoadMore } from "../../components/LoadMore.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { usePagedList } from "../../components/usePagedList.ts";
import { filterFromRecord, filterToParams } from "../directory/filter.ts";
import { MemberCard } from "../directory/MemberCard.tsx";
import { FilterSummary } from "./FilterSummary.tsx";
import { membersCount } from "./format.ts";
import { type Segment, segmentKeys, segmentMembersPage, useSegment } from "./queries.ts";
import { DeleteSegment } from "./SegmentsPage.tsx";
import "./i18n.ts";

function Members({ slug, segment }: { slug: string; segment: Segment }) {
  const { t } = useTranslation("segments");
  const { list, rows, loadMore } = usePagedList(
    segmentKeys.members(slug, segment.id, segment.updatedAt),
    (page) => segmentMembersPage(slug, segment.id, page),
  );
  // More members match than the server counts exactly (`totalCapped`).
  const capped = !!list.data?.pages[0]?.totalCapped;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t("membersTitle")}
        {list.data && (
          <Text span c="dimmed" fw={400} ml="xs">
            {membersCount(t, loadMore.total, capped)}
          </Text>
        )}
      </Title>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Skeleton h={170} radius="md" />}
      {list.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("membersEmpty")}
        </Text>
      )}
      {rows.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {rows.map((c) => (
            <MemberCard key={c.userId} slug={slug} card={c} />
          ))}
        </SimpleGrid>
      )}
      {rows.length > 0 && <LoadMore {...loadMore} />}
    </Stack>
  );
}

function SegmentView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("segments");
  const nav = useNavigate();
  const segment = useSegment(slug, id);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const list = `/n/${slug}/admin/segments`;
  if (segment.isLoading) return <PageLoader />;
  if (segment.error || !segment.data) {
    return segment.error instanceof ApiError && segment.error.status === 404 ? (
      <Alert color="orange">
        {t("notFound")}{" "}
        <Anchor component={Link} to={list} size="sm">
          {t("back")}
        </Anchor>
      </Alert>
    ) : (
      <ErrorAlert error={segment.error} />
    );
  }
  const s = segment.data;
  const filter = filterFromRecord(s.filter);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={list} size="sm">
        ← {t("back")}
      </Anchor>
      <PageTitle title={s.name} subtitle={s.description ?? undefined} />
      <Paper withBorder radius="md" p="md" mt={-8}>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ flex: "1 1 320px" }}>
            <FilterSummary filter={filter} />
            <Text fw={700} fz={24} data-testid="segment-count">
              {membersCount(t, s.count)}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button component={Link} to={`/n/${slug}/directory?${filterToParams(filter)}`} variant="default">
              {t("openInDirectory")}
            </Button>
            <CsvExportMenu
              note={t("exportNote")}
              onExport={(encoding) =>
                download("/api/n/{slug}/segments/{id}/export.csv", {
                  path: { slug, id: s.id },
                  query: { encoding },
                })
              }
            />
            <Button component={Link} to={`${list}/${s.id}/edit`} variant="light">
              {t("edit")}
            </Button>
            <Button color="red" variant="subtle" onClick={() => setDeleting(s)}>
              {t("delete")}
            </Button>
          </Group>
        </Group>
      </Paper>
      <Members slug={slug} segment={s} />
      <DeleteSegment
        slug={slug}
        segment={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => nav(list)}
      />
    </Stack>
  );
}

export default function SegmentMembersPage() {
  const { id = "" } = useParams();
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <SegmentView slug={network.slug} id={id} />
        </Stack>
      )}
    </RequireOperator>
  );
}
