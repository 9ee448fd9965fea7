// What a registrant entered next to the candidate roster rows; matching fields highlighted.
// A table on wide screens, stacked blocks on phones.
import { Paper, Radio, SimpleGrid, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "../i18n.ts";
import type { Candidate, MatchReason, Registration } from "../types.ts";

export type ComparisonRow = {
  key: string;
  label: string;
  reason?: MatchReason;
  mine: ReactNode;
  theirs: (c: Candidate) => ReactNode;
};
const MATCH_BG = "var(--mantine-color-teal-light)";
const GRAY_BG = "var(--mantine-color-gray-light)";

function Matched({ hit, children }: { hit: boolean; children: ReactNode }) {
  const { t } = useTranslation("operator");
  return (
    <>
      {hit && <VisuallyHidden>{t("approvals.matched")} </VisuallyHidden>}
      {children || "—"}
      {hit && (
        <Text span c="teal" ml={4} aria-hidden>
          ✓
        </Text>
      )}
    </>
  );
}

function CandidateRadio({ c, i }: { c: Candidate; i: number }) {
  const { t } = useTranslation("operator");
  return (
    <>
      <Radio
        value={c.rosterEntryId}
        disabled={c.linked}
        label={t("approvals.candidate", { n: i + 1 })}
        aria-label={`${t("approvals.linkChoice")}: ${c.name}（${c.employeeNumber}）`}
      />
      {c.linked && (
        <Text size="xs" c="red">
          {t("approvals.linkedAlready")}
        </Text>
      )}
    </>
  );
}

export function TableComparison({ reg, rows }: { reg: Registration; rows: ComparisonRow[] }) {
  const { t } = useTranslation("operator");
  return (
    <Table.ScrollContainer minWidth={200 + 190 * (reg.candidates.length + 1)}>
      <Table fz="sm" verticalSpacing={6} withColumnBorders withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130} />
            <Table.Th bg={GRAY_BG}>{t("approvals.entered")}</Table.Th>
            {reg.candidates.map((c, i) => (
              <Table.Th key={c.rosterEntryId}>
                <CandidateRadio c={c} i={i} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500} c="dimmed">
                {r.label}
              </Table.Th>
              <Table.Td bg={GRAY_BG}>{r.mine || "—"}</Table.Td>
              {reg.candidates.map((c) => {
                const hit = !!r.reason && c.reasons.includes(r.reason);
                return (
                  <Table.Td key={c.rosterEntryId} bg={hit ? MATCH_BG : undefined} fw={hit ? 600 : undefined}>
                    <Matched hit={hit}>{r.theirs(c)}</Matched>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Fields({
  rows,
  value,
  hit,
}: {
  rows: ComparisonRow[];
  value: (r: ComparisonRow) => ReactNode;
  hit?: (r: ComparisonRow) => boolean;
}) {
  return (
    <SimpleGrid cols={2} spacing={4} verticalSpacing={2} mt={4}>
      {rows.map((r) => {
        const h = !!hit?.(r);
        return [
          <Text key={`${r.key}-l`} size="xs" c="dimmed">
            {r.label}
          </Text>,
          <Text
            key={`${r.key}-v`}
            size="sm"
            fw={h ? 600 : undefined}
            bg={h ? MATCH_BG : undefined}
            px={h ? 4 : 0}
          >
            <Matched hit={h}>{value(r)}</Matched>
          </Text>,
        ];
      })}
    </SimpleGrid>
  );
}

export function StackedComparison({ reg, rows }: { reg: Registration; rows: ComparisonRow[] }) {
  const { t } = useTranslation("operator");
  return (
    <Stack gap="xs">
      <Paper withBorder p="xs" bg={GRAY_BG}>
        <Text size="sm" fw={600}>
          {t("approvals.entered")}
        </Text>
        <Fields rows={rows} value={(r) => r.mine} />
      </Paper>
      {reg.candidates.map((c, i) => (
        <Paper key={c.rosterEntryId} withBorder p="xs">
          <CandidateRadio c={c} i={i} />
          <Fields
            rows={rows}
            value={(r) => r.theirs(c)}
            hit={(r) => !!r.reason && c.reasons.includes(r.reason)}
          />
        </Paper>
      ))}
    </Stack>
  );
}
