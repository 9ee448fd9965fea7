// Per-line errors of a roster file that was not imported.
import { Alert, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../format.ts";
import "../i18n.ts";
import type { RosterInvalid } from "../types.ts";

export function RosterErrorsTable({ details }: { details: RosterInvalid }) {
  const { t, i18n } = useTranslation("operator");
  const lang = i18n.language === "en" ? "en" : "ja";
  const total = details.totalErrors ?? details.errors.length;
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={t("roster.dryRun.errorsTitle", { n: formatNumber(total) })}
      >
        <Text size="sm">{t("roster.dryRun.errorsBody")}</Text>
        {details.rows != null && details.rows > 0 && (
          <Text size="sm" c="dimmed">
            {t("roster.dryRun.rows", { rows: formatNumber(details.rows) })}
          </Text>
        )}
        {total > details.errors.length && (
          <Text size="sm" fw={600}>
            {t("roster.dryRun.capped", {
              total: formatNumber(total),
              shown: formatNumber(details.errors.length),
            })}
          </Text>
        )}
      </Alert>
      <Table.ScrollContainer minWidth={560} maxHeight={420}>
        <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t("roster.dryRun.line")}</Table.Th>
              <Table.Th w={140}>{t("roster.dryRun.field")}</Table.Th>
              <Table.Th>{t("roster.dryRun.message")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {details.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line may carry several errors of the same code
              <Table.Tr key={i}>
                <Table.Td ff="monospace">{e.line > 0 ? e.line : "—"}</Table.Td>
                <Table.Td>
                  {e.field
                    ? t(`roster.fields.${e.field}`, { defaultValue: e.field })
                    : t("roster.dryRun.fileLevel")}
                </Table.Td>
                <Table.Td>{e.messages?.[lang] ?? e.code}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
