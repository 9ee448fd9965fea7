// Creating or editing a group (operators): name, description, kind; editing also archives.
import { Button, Group, Modal, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert, fieldErrors } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import { createGroup, editGroup, GROUP_KINDS, type GroupItem, type GroupKind, groupKeys } from "./queries.ts";

export function GroupForm({
  slug,
  group,
  opened,
  onClose,
  onCreated,
}: {
  slug: string;
  group?: GroupItem;
  opened: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation("groups");
  const qc = useQueryClient();
  const [name, setName] = useState(group?.name ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const [kind, setKind] = useState<GroupKind>(group?.kind ?? "closed");
  const { error, busy, run } = useSubmit<"submit" | "archive">();
  const errs = fieldErrors(error);
  const save = () =>
    run(async () => {
      if (group) {
        await editGroup(slug, group.id, { name, description, kind });
        notifications.show({ color: "teal", message: t("form.saved") });
      } else {
        const g = await createGroup(slug, { name, description, kind });
        notifications.show({ color: "teal", message: t("form.created", { name: g.name }) });
        onCreated?.(g.id);
      }
      await qc.invalidateQueries({ queryKey: groupKeys.all(slug) });
      onClose();
    });
  const archive = () =>
    run(
      async () => {
        if (!group) return;
        await editGroup(slug, group.id, { archived: !group.archived });
        await qc.invalidateQueries({ queryKey: groupKeys.all(slug) });
        onClose();
      },
      { as: "archive" },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={group ? t("edit") : t("create")} centered>
      <Stack gap="sm">
        <TextInput
          label={t("form.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={60}
          required
          error={errs.name}
          data-autofocus
        />
        <Textarea
          label={t("form.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          error={errs.description}
        />
        <Radio.Group label={t("form.kind")} value={kind} onChange={(v) => setKind(v as GroupKind)}>
          <Stack gap="xs" mt={4}>
            {GROUP_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`kinds.${k}`)} description={t(`kindHints.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={error} />
        <Group justify="space-between" gap="xs">
          {group ? (
            <Button
              variant="subtle"
              color={group.archived ? "teal" : "red"}
              onClick={archive}
              loading={busy === "archive"}
              title={group.archived ? undefined : t("form.archiveConfirm")}
            >
              {group.archived ? t("form.restore") : t("form.archive")}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={save} loading={busy === "submit"} disabled={!name.trim()}>
            {group ? t("form.save") : t("create")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
