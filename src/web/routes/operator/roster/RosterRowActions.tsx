// Correct one roster row (a form checked by the server with the import's rules: its sentences are
// shown on the fields) or delete it (with confirmation; not a row linked to a member).
import { Alert, Button, Group, Menu, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client.ts";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { deleteRosterRow, type RosterRowPatch, rosterKeys, updateRosterRow } from "./queries.ts";
import "../i18n.ts";
import type { RosterEntry } from "../types.ts";

const FIELDS = [
  "employeeNumber",
  "name",
  "nameKana",
  "joinDate",
  "leaveDate",
  "department",
  "email",
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;
const REQUIRED = new Set<Field>(["employeeNumber", "name", "joinDate", "leaveDate"]);

const valuesOf = (e: RosterEntry): Values => Object.fromEntries(FIELDS.map((f) => [f, e[f] ?? ""])) as Values;

/** The server's per-field sentences (422 ROSTER_ROW_INVALID, 409 …_TAKEN) in the UI language. */
function serverFieldErrors(error: unknown, lang: string): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<Field, string>> = {};
  const details = error.details as
    | { errors?: { field?: Field; messages: { ja: string; en: string } }[]; field?: Field }
    | undefined;
  for (const e of details?.errors ?? []) {
    if (e.field)
      out[e.field] = [out[e.field], e.messages[lang === "en" ? "en" : "ja"]].filter(Boolean).join(" ");
  }
  if (details?.field) out[details.field] = error.message;
  return out;
}

function EditRow({ slug, entry, onClose }: { slug: string; entry: RosterEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation(["operator", "common"]);
  const qc = useQueryClient();
  const initial = valuesOf(entry);
  const form = useForm<Values>({ initialValues: initial });
  const save = useMutation({
    mutationFn: (v: Values) => {
      // Only what changed; an emptied optional field is cleared (null), a required one is sent
      // empty so that the server says it is missing.
      const changed = FIELDS.filter((f) => v[f] !== initial[f]);
      const body = Object.fromEntries(
        changed.map((f) => [f, v[f].trim() || (REQUIRED.has(f) ? "" : null)]),
      ) as RosterRowPatch;
      return changed.length ? updateRosterRow(slug, entry.id, body) : Promise.resolve(null);
    },
    onSuccess: (updated) => {
      notifications.show({
        color: "teal",
        message: updated
          ? t("roster.row.saved", { name: updated.name, number: updated.employeeNumber })
          : t("roster.row.unchanged"),
      });
      if (updated) qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
      onClose();
    },
    onError: (e) => form.setErrors(serverFieldErrors(e, i18n.language)),
  });
  const f = (k: Field) => t(`roster.fields.${k}`);
  const input = (k: Field, extra: Record<string, unknown> = {}) => (
    <TextInput label={f(k)} required={REQUIRED.has(k)} {...extra} {...form.getInputProps(k)} />
  );
  // Field errors are shown on their fields; anything else (not found, network…) above the buttons.
  const onFields = Object.keys(serverFieldErrors(save.error, i18n.language)).length > 0;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("roster.row.editBody")}
        </Text>
        {entry.state === "member" && (
          <Alert color="blue" p="xs">
            <Text size="sm">{t("roster.row.linkedNote")}</Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {input("employeeNumber", { autoCapitalize: "none", spellCheck: false })}
          {input("name")}
          {input("nameKana")}
          {input("department")}
          {input("joinDate", { description: t("roster.row.dateHint") })}
          {input("leaveDate", { description: t("roster.row.dateHint") })}
        </SimpleGrid>
        {input("email", { type: "email", autoCapitalize: "none", spellCheck: false })}
        <ErrorAlert error={onFields ? null : save.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t("common:cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("roster.row.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RosterRowActions({ slug, entry }: { slug: string; entry: RosterEntry }) {
  const { t } = useTranslation("operator");
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const names = { name: entry.name, number: entry.employeeNumber };
  const linked = entry.state === "member";
  const remove = useMutation({
    mutationFn: () => deleteRosterRow(slug, entry.id),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("roster.row.deleted", names) });
      setDialog(null);
      qc.invalidateQueries({ queryKey: rosterKeys.all(slug) });
    },
  });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="default" aria-label={t("roster.row.actionsFor", names)}>
            {t("roster.row.actions")} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog("edit")}>{t("roster.row.edit")}</Menu.Item>
          <Menu.Item
            color="red"
            disabled={linked}
            onClick={() => {
              remove.reset();
              setDialog("delete");
            }}
          >
            {t("roster.row.delete")}
            {linked && (
              <Text size="xs" c="dimmed">
                {t("roster.row.linkedNoDelete")}
              </Text>
            )}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={dialog === "edit"}
        onClose={() => setDialog(null)}
        title={t("roster.row.editTitle")}
        size="lg"
      >
        {dialog === "edit" && <EditRow slug={slug} entry={entry} onClose={() => setDialog(null)} />}
      </Modal>
      <ConfirmModal
        opened={dialog === "delete"}
        onClose={() => setDialog(null)}
        onConfirm={() => remove.mutate()}
        loading={remove.isPending}
        title={t("roster.row.deleteTitle", names)}
        message={t("roster.row.deleteBody")}
        confirmLabel={t("roster.row.delete")}
      >
        {entry.state === "invited" && <Text size="sm">{t("roster.row.deleteInvited")}</Text>}
        <ErrorAlert error={remove.error} />
      </ConfirmModal>
    </>
  );
}
