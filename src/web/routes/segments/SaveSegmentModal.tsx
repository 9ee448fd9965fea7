// "この条件をセグメントとして保存": the directory's current filter under a name (operators).
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import type { Filter } from "../directory/filter.ts";
import { FilterSummary } from "./FilterSummary.tsx";
import { membersCount } from "./format.ts";
import { saveSegment, segmentKeys } from "./queries.ts";
import { applySaveError, SegmentDetailsFields, useDetailsForm } from "./SegmentDetailsFields.tsx";
import "./i18n.ts";

export function SaveSegmentModal({
  slug,
  filter,
  opened,
  onClose,
}: {
  slug: string;
  filter: Filter;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("segments");
  const qc = useQueryClient();
  const form = useDetailsForm();
  const { error, setError, busy, run } = useSubmit();
  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };
  const submit = form.onSubmit((v) =>
    run(
      async () => {
        const s = await saveSegment(slug, null, v, filter);
        await qc.invalidateQueries({ queryKey: segmentKeys.all(slug) });
        notifications.show({
          color: "teal",
          message: t("save.saved", { name: s.name, members: membersCount(t, s.count) }),
        });
        close();
      },
      { onError: (e) => setError(applySaveError(form, e)) },
    ),
  );
  return (
    <Modal opened={opened} onClose={close} title={t("save.title")} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("save.intro")}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("save.conditions")}
            </Text>
            <FilterSummary filter={filter} />
          </Stack>
          <SegmentDetailsFields form={form} autoFocus />
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close} disabled={!!busy}>
              {t("editor.cancel")}
            </Button>
            <Button type="submit" loading={!!busy}>
              {t("save.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
