// One pending registration: what the registrant entered next to the candidate roster rows,
// with the matching fields highlighted; approve (choosing the roster row) or reject.

import { Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import type { Resources } from "../../../i18n/resources.ts";
import { approveRegistration, registrationKeys, rejectRegistration } from "./queries.ts";
import "../i18n.ts";
import { dateTimeCell, formatCalendarDate, ymCell } from "../format.ts";
import type { Registration } from "../types.ts";
import { showDecisionNotice } from "./DecisionNotice.tsx";
import { type ComparisonRow, StackedComparison, TableComparison } from "./RegistrationComparison.tsx";

const NO_LINK = "";

export function RegistrationCard({ slug, reg }: { slug: string; reg: Registration }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const firstFree = reg.candidates.find((c) => !c.linked);
  const [link, setLink] = useState<string>(firstFree?.rosterEntryId ?? NO_LINK);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [note, setNote] = useState("");
  const narrow = useMediaQuery("(max-width: 48em)");
  const done = () => qc.invalidateQueries({ queryKey: registrationKeys.all(slug) });
  const approve = useMutation({
    mutationFn: () => approveRegistration(slug, reg.id, link || null),
    onSuccess: ({ undoUntil }) => {
      showDecisionNotice({ t, qc, slug, id: reg.id, name: reg.name, kind: "approved", undoUntil });
      done();
    },
  });
  const reject = useMutation({
    mutationFn: () => rejectRegistration(slug, reg.id, note.trim()),
    onSuccess: ({ undoUntil }) => {
      showDecisionNotice({ t, qc, slug, id: reg.id, name: reg.name, kind: "rejected", undoUntil });
      setRejectOpen(false);
      done();
    },
  });

  const f = (k: keyof Resources["operator"]["approvals"]["fields"]) => t(`approvals.fields.${k}`);
  const rows: ComparisonRow[] = [
    {
      key: "employeeNumber",
      label: f("employeeNumber"),
      reason: "employee_number",
      mine: reg.employeeNumber,
      theirs: (c) => c.employeeNumber,
    },
    { key: "name", label: f("name"), reason: "name", mine: reg.name, theirs: (c) => c.name },
    { key: "nameKana", label: f("nameKana"), reason: "kana", mine: reg.nameKana, theirs: (c) => c.nameKana },
    {
      key: "join",
      label: t("roster.fields.joinDate"),
      reason: "join_month",
      mine: ymCell(reg.joinYm),
      theirs: (c) => formatCalendarDate(c.joinDate),
    },
    {
      key: "leave",
      label: t("roster.fields.leaveDate"),
      reason: "leave_month",
      mine: ymCell(reg.leaveYm),
      theirs: (c) => formatCalendarDate(c.leaveDate),
    },
    {
      key: "department",
      label: f("department"),
      reason: "department",
      mine: reg.department,
      theirs: (c) => c.department,
    },
  ];

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {reg.name}
            </Title>
            <Text size="sm" c="dimmed" style={{ wordBreak: "break-all" }}>
              {reg.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t("approvals.submittedAt", { date: dateTimeCell(reg.createdAt) })}
            </Text>
          </div>
          <Badge variant="light" color="orange">
            {t("approvals.tabs.pending")}
          </Badge>
        </Group>

        <Text size="sm" fw={500}>
          {reg.candidates.length === 0
            ? t("approvals.noCandidates")
            : t("approvals.candidates", { count: reg.candidates.length })}
        </Text>
        <Radio.Group value={link} onChange={setLink} aria-label={t("approvals.linkChoice")}>
          {narrow ? <StackedComparison reg={reg} rows={rows} /> : <TableComparison reg={reg} rows={rows} />}
          {reg.candidates.length > 0 && <Radio value={NO_LINK} label={t("approvals.noLink")} mt="xs" />}
        </Radio.Group>

        <ErrorAlert error={approve.error} />
        <Group gap="xs">
          <Button onClick={() => approve.mutate()} loading={approve.isPending}>
            {t("approvals.approve")}
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() => {
              reject.reset();
              setRejectOpen(true);
            }}
          >
            {t("approvals.reject")}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={rejectOpen}
        onClose={() => setRejectOpen(false)}
        onConfirm={() => reject.mutate()}
        loading={reject.isPending}
        title={t("approvals.rejectTitle")}
        message={t("approvals.rejectBody", { name: reg.name, email: reg.email })}
        confirmLabel={t("approvals.reject")}
      >
        <Textarea
          label={t("approvals.note")}
          description={t("approvals.noteDescription")}
          value={note}
          maxLength={1000}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={reject.error} />
      </ConfirmModal>
    </Card>
  );
}
