// /n/:slug/admin/segments — saved directory filters with their live member counts (operators).

import { Anchor, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate } from "../../components/format.ts";
import { ListTable } from "../../components/ListTable.tsx";
import { PageTitle } from "../../components/PageTitle.tsx";
import { RequireOperator } from "../../components/RequireRole.tsx";
import { RowActionButton } from "../../components/RowActionButton.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { Resources } from "../../i18n/resources.ts";
import { filterFromRecord } from "../directory/filter.ts";
import { FilterSummary } from "./FilterSummary.tsx";
import { membersCount } from "./format.ts";
import { deleteSegment, type Segment, segmentKeys, useSegments } from "./queries.ts";
import "./i18n.ts";

/** Asks, then deletes a segment; `onDeleted` after success. */
export function DeleteSegment({
  slug,
  segment,
  onClose,
  onDeleted,
}: {
  slug: string;
  segment: Segment | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation("segments");
  const qc = useQueryClient();
  const { error, setError, busy, run } = useSubmit();
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <ConfirmModal
      opened={!!segment}
      onClose={close}
      title={t("deleteTitle")}
      message={segment ? t("deleteMessage", { name: segment.name }) : undefined}
      confirmLabel={t("delete")}
      loading={!!busy}
      onConfirm={() =>
        run(async () => {
          if (!segment) return;
          await deleteSegment(slug, segment.id);
          qc.removeQueries({ queryKey: segmentKeys.detail(slug, segment.id) });
          await qc.invalidateQueries({ queryKey: segmentKeys.all(slug) });
          notifications.show({ color: "teal", message: t("deleted", { name: segment.name }) });
          close();
          onDeleted?.();
        })
      }
    >
      <ErrorAlert error={error} />
    </ConfirmModal>
  );
}

function Actions({ base, segment, onDelete }: { base: string; segment: Segment; onDelete: () => void }) {
  const { t } = useTranslation("segments");
  const nav = useNavigate();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <RowActionButton
        color="teal"
        label={`${t("edit")}: ${segment.name}`}
        onClick={() => nav(`${base}/${segment.id}/edit`)}
      >
        {t("edit")}
      </RowActionButton>
      <RowActionButton label={`${t("delete")}: ${segment.name}`} onClick={onDelete}>
        {t("delete")}
      </RowActionButton>
    </Group>
  );
}

function Name({ base, segment }: { base: string; segment: Segment }) {
  return (
    <>
      <Anchor component={Link} to={`${base}/${segment.id}`} fw={600} size="sm">
        {segment.name}
      </Anchor>
      {segment.description && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {segment.description}
        </Text>
      )}
    </>
  );
}

/** On a phone: one card per segment (a table would hide the count off-screen). */
function SegmentCard({
  base,
  segment: s,
  onDelete,
}: {
  base: string;
  segment: Segment;
  onDelete: () => void;
}) {
  const { t } = useTranslation("segments");
  return (
    <Paper withBorder radius="md" p="sm" data-testid="segment-row">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Name base={base} segment={s} />
          </div>
          <Text fw={700} size="lg" style={{ whiteSpace: "nowrap" }}>
            {membersCount(t, s.count)}
          </Text>
        </Group>
        <FilterSummary filter={filterFromRecord(s.filter)} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {formatDate(s.updatedAt)}
          </Text>
          <Actions base={base} segment={s} onDelete={onDelete} />
        </Group>
      </Stack>
    </Paper>
  );
}

function Segments({ slug }: { slug: string }) {
  const { t } = useTranslation("segments");
  const segments = useSegments(slug);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const items = segments.data?.items;
  const base = `/n/${slug}/admin/segments`;
  const c = (k: keyof Resources["segments"]["columns"]) => t(`columns.${k}`);
  return (
    <Stack gap="md">
      <Group>
        <Button component={Link} to={`${base}/new`}>
          {t("new")}
        </Button>
      </Group>
      <ListTable
        error={segments.error}
        loading={segments.isLoading}
        skeletonHeight={200}
        count={items?.length}
        empty={t("empty")}
        emptyPy="md"
        minWidth={760}
        cards={items?.map((s) => (
          <SegmentCard key={s.id} base={base} segment={s} onDelete={() => setDeleting(s)} />
        ))}
        highlightOnHover
        verticalSpacing="sm"
        head={
          <>
            <Table.Th>{c("name")}</Table.Th>
            <Table.Th>{c("conditions")}</Table.Th>
            <Table.Th ta="right">{c("count")}</Table.Th>
            <Table.Th>{c("updated")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{c("actions")}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {items?.map((s) => (
          <Table.Tr key={s.id} data-testid="segment-row">
            <Table.Td miw={180} maw={280}>
              <Name base={base} segment={s} />
            </Table.Td>
            <Table.Td>
              <FilterSummary filter={filterFromRecord(s.filter)} />
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
              <Text fw={700} size="lg" span>
                {membersCount(t, s.count)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(s.updatedAt)}</Table.Td>
            <Table.Td>
              <Actions base={base} segment={s} onDelete={() => setDeleting(s)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <DeleteSegment slug={slug} segment={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

export default function SegmentsPage() {
  const { t } = useTranslation("segments");
  return (
    <RequireOperator>
      {(network) => (
        <Stack gap={0} maw={1200}>
          <PageTitle title={t("title")} subtitle={t("subtitle")} />
          <Segments slug={network.slug} />
        </Stack>
      )}
    </RequireOperator>
  );
}
