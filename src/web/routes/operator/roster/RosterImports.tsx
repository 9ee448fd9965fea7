// The latest roster imports: when, which file, how many rows, by whom.
import { Card, Table, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ListTable } from "../../../components/ListTable.tsx";
import { dateTimeCell, formatDuration, formatNumber } from "../format.ts";
import { rosterImports, rosterKeys } from "./queries.ts";
import "../i18n.ts";

export function RosterImports({ slug }: { slug: string }) {
  const { t } = useTranslation("operator");
  const q = useQuery({
    queryKey: rosterKeys.imports(slug),
    queryFn: () => rosterImports(slug),
  });
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t("roster.history.title")}
      </Title>
      <ListTable
        error={q.error}
        loading={q.isLoading}
        skeletonHeight={80}
        count={q.data?.items.length}
        empty={t("roster.history.empty")}
        minWidth={720}
        maxHeight={260}
        verticalSpacing={4}
        stickyHeader
        head={
          <>
            <Table.Th>{t("roster.history.when")}</Table.Th>
            <Table.Th>{t("roster.history.file")}</Table.Th>
            <Table.Th ta="right">{t("roster.history.rows")}</Table.Th>
            <Table.Th ta="right">{t("roster.history.created")}</Table.Th>
            <Table.Th ta="right">{t("roster.history.updated")}</Table.Th>
            <Table.Th ta="right">{t("roster.history.duration")}</Table.Th>
            <Table.Th>{t("roster.history.encoding")}</Table.Th>
            <Table.Th>{t("roster.history.by")}</Table.Th>
          </>
        }
      >
        {q.data?.items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTimeCell(i.createdAt)}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{i.filename ?? "—"}</Table.Td>
            <Table.Td ta="right">{formatNumber(i.rowCount)}</Table.Td>
            <Table.Td ta="right">{formatNumber(i.created)}</Table.Td>
            <Table.Td ta="right">{formatNumber(i.updated)}</Table.Td>
            <Table.Td ta="right">{formatDuration(i.durationMs)}</Table.Td>
            <Table.Td>{t(`roster.encodings.${i.encoding}`, { defaultValue: i.encoding })}</Table.Td>
            <Table.Td>{i.by ?? "—"}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Card>
  );
}
