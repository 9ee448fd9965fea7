// /n/:slug/admin/segments/new and /:id/edit — a segment's name, description and filter, with the
// number of members matching now as the filter changes (operators).
import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageLoader } from "../../components/PageLoader.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { FilterControls } from "../directory/FilterControls.tsx";
import { type Filter, filterFromParams, filterFromRecord } from "../directory/filter.ts";
import { SearchBox } from "../directory/SearchBox.tsx";
import { useDirectoryCount } from "../directory/useDirectory.ts";
import { membersCount } from "./format.ts";
import { type Segment, saveSegment, segmentKeys, useSegment } from "./queries.ts";
import { applySaveError, SegmentDetailsFields, useDetailsForm } from "./SegmentDetailsFields.tsx";
import "./i18n.ts";

function LiveCount({ slug, filter }: { slug: string; filter: Filter }) {
  const { t } = useTranslation("segments");
  const count = useDirectoryCount(slug, filter);
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {t("editor.live")}
      </Text>
      {count.error ? (
        <ErrorAlert error={count.error} />
      ) : (
        <Text
          fw={700}
          fz={24}
          aria-live="polite"
          data-testid="live-count"
          style={{ opacity: count.isPlaceholderData ? 0.6 : 1 }}
        >
          {count.data ? membersCount(t, count.data.total) : "…"}
        </Text>
      )}
    </Stack>
  );
}

function Editor({ slug, segment, initial }: { slug: string; segment: Segment | null; initial: Filter }) {
  const { t } = useTranslation("segments");
  const nav = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>(initial);
  const form = useDetailsForm(
    segment ? { name: segment.name, description: segment.description ?? "" } : undefined,
  );
  const { error, setError, busy, run } = useSubmit();
  const back = segment ? `/n/${slug}/admin/segments/${segment.id}` : `/n/${slug}/admin/segments`;
  const submit = form.onSubmit((v) =>
    run(
      async () => {
        const s = await saveSegment(slug, segment?.id ?? null, v, filter);
        qc.setQueryData(segmentKeys.detail(slug, s.id), s);
        await qc.invalidateQueries({ queryKey: segmentKeys.all(slug), exact: true });
        notifications.show({ color: "teal", message: t("updated", { name: s.name }) });
        nav(`/n/${slug}/admin/segments/${s.id}`);
      },
      { onError: (e) => setError(applySaveError(form, e)) },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
          <SegmentDetailsFields form={form} autoFocus={!segment} />
        </Paper>
        <Paper withBorder radius="md" p={{ base: "md", sm: "lg" }}>
          <Stack gap="md">
            <div>
              <Title order={3} size="h4">
                {t("editor.conditions")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("editor.intro")}
              </Text>
            </div>
            <SearchBox
              value={filter.q ?? ""}
              onChange={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
            />
            <FilterControls slug={slug} value={filter} onChange={setFilter} layout="grid" />
          </Stack>
        </Paper>
        <ErrorAlert error={error} />
        <Paper
          withBorder
          radius="md"
          p="sm"
          pos="sticky"
          bottom={8}
          style={{ zIndex: 2 }}
          shadow="sm"
          bg="var(--mantine-color-body)"
        >
          <Group justify="space-between" wrap="nowrap">
            <LiveCount slug={slug} filter={filter} />
            <Group gap="xs" wrap="nowrap">
              <Button component={Link} to={back} variant="default">
                {t("editor.cancel")}
              </Button>
              <Button type="submit" loading={!!busy}>
                {t("editor.save")}
              </Button>
            </Group>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}

function EditExisting({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("segments");
  const segment = useSegment(slug, id);
  if (segment.isLoading) return <PageLoader />;
  if (segment.error) {
    return segment.error instanceof ApiError && segment.error.status === 404 ? (
      <Alert color="orange">{t("notFound")}</Alert>
    ) : (
      <ErrorAlert error={segment.error} />
    );
  }
  return <Editor slug={slug} segment={segment.data!} initial={filterFromRecord(segment.data!.filter)} />;
}

export default function SegmentEditorPage() {
  const { t } = useTranslation("segments");
  const { id } = useParams();
  const [params] = useSearchParams();
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={960}>
          <PageTitle title={id ? t("editor.editTitle") : t("editor.newTitle")} />
          {id ? (
            <EditExisting slug={network.slug} id={id} />
          ) : (
            <Editor slug={network.slug} segment={null} initial={filterFromParams(params)} />
          )}
        </Stack>
      )}
    </RequireOperator>
  );
}
