// The desk's settings as dialogs on the inbox page: saved replies (定型文) and business hours.
import {
  Button,
  Chip,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { weekdayName } from "./format.ts";
import {
  type BusinessHours,
  createSavedReply,
  deleteSavedReply,
  getBusinessHours,
  inquiryKeys,
  listSavedReplies,
  putBusinessHours,
  type SavedReply,
  updateSavedReply,
} from "./queries.ts";

export function useSavedReplies(slug: string) {
  return useQuery({ queryKey: inquiryKeys.saved(slug), queryFn: () => listSavedReplies(slug) });
}

function SavedReplyForm({
  slug,
  editing,
  onDone,
}: {
  slug: string;
  editing: SavedReply | null;
  onDone: () => void;
}) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const [title, setTitle] = useState(editing?.title ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const save = useMutation({
    mutationFn: () =>
      editing
        ? updateSavedReply(slug, editing.id, { title: title.trim(), body })
        : createSavedReply(slug, { title: title.trim(), body }),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("saved.saved") });
      qc.invalidateQueries({ queryKey: inquiryKeys.saved(slug) });
      onDone();
    },
  });
  return (
    <Stack gap="xs">
      <TextInput
        label={t("saved.titleLabel")}
        value={title}
        maxLength={100}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Textarea
        label={t("saved.bodyLabel")}
        value={body}
        autosize
        minRows={4}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error} />
      <Group gap="sm">
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!title.trim() || !body.trim()}
        >
          {t("saved.save")}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t("form.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}

export function SavedRepliesModal({
  slug,
  opened,
  onClose,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const list = useSavedReplies(slug);
  const [editing, setEditing] = useState<SavedReply | "new" | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const remove = useMutation({
    mutationFn: (r: SavedReply) => deleteSavedReply(slug, r.id),
    onSuccess: () => {
      notifications.show({ color: "teal", message: t("saved.deleted") });
      setDeleting(null);
      qc.invalidateQueries({ queryKey: inquiryKeys.saved(slug) });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t("saved.title")} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("saved.description")}
        </Text>
        <ErrorAlert error={list.error} />
        {editing ? (
          <SavedReplyForm
            slug={slug}
            editing={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : (
          <div>
            <Button onClick={() => setEditing("new")}>{t("saved.new")}</Button>
          </div>
        )}
        {list.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("saved.empty")}
          </Text>
        )}
        {items.map((r) => (
          <Paper key={r.id} withBorder p="sm" radius="md">
            <Text fw={600} size="sm">
              {r.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: "pre-wrap" }}>
              {r.body}
            </Text>
            <Group gap="xs" justify="flex-end" mt={4}>
              <Button size="xs" variant="default" mih={44} onClick={() => setEditing(r)}>
                {t("saved.edit")}
              </Button>
              <Button size="xs" variant="subtle" color="red" mih={44} onClick={() => setDeleting(r)}>
                {t("saved.delete")}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <ConfirmModal
        opened={!!deleting}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        loading={remove.isPending}
        title={t("saved.deleteTitle", { title: deleting?.title ?? "" })}
        message={t("saved.deleteBody")}
        confirmLabel={t("saved.delete")}
      >
        <ErrorAlert error={remove.error} />
      </ConfirmModal>
    </Modal>
  );
}

const ZONES = [
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Shanghai",
  "Asia/Taipei",
  "Asia/Singapore",
  "Asia/Bangkok",
  "Asia/Kolkata",
  "Europe/London",
  "Europe/Paris",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
] as const;
const TIMES = Array.from(
  { length: 49 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`,
);

export function useBusinessHours(slug: string) {
  return useQuery({ queryKey: inquiryKeys.hours(slug), queryFn: () => getBusinessHours(slug) });
}

/** 「月〜金 09:00〜18:00（祝日休み）」 */
export function hoursSummary(h: BusinessHours, t: (k: string, o?: Record<string, string>) => string) {
  return t("hours.summary", {
    days: h.days.map(weekdayName).join("・"),
    start: h.start,
    end: h.end,
    holidays: h.holidays ? t("hours.holidaysOff") : "",
  });
}

export function BusinessHoursModal({
  slug,
  opened,
  onClose,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation("inquiries");
  const qc = useQueryClient();
  const current = useBusinessHours(slug);
  const [v, setV] = useState<BusinessHours | null>(null);
  useEffect(() => {
    if (opened && current.data) setV(current.data);
  }, [opened, current.data]);
  const save = useMutation({
    mutationFn: (h: BusinessHours) => putBusinessHours(slug, h),
    onSuccess: (h) => {
      qc.setQueryData(inquiryKeys.hours(slug), h);
      qc.invalidateQueries({ queryKey: inquiryKeys.all(slug) });
      notifications.show({ color: "teal", message: t("hours.saved") });
      onClose();
    },
  });
  const invalid = v
    ? v.start >= v.end
      ? t("hours.endAfterStart")
      : v.days.length === 0
        ? t("hours.atLeastOneDay")
        : null
    : null;
  return (
    <Modal opened={opened} onClose={onClose} title={t("hours.title")}>
      {v && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("hours.description")}
          </Text>
          <Group grow>
            <Select
              label={t("hours.start")}
              data={TIMES}
              value={v.start}
              allowDeselect={false}
              onChange={(s) => s && setV({ ...v, start: s })}
            />
            <Select
              label={t("hours.end")}
              data={TIMES}
              value={v.end}
              allowDeselect={false}
              onChange={(s) => s && setV({ ...v, end: s })}
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("hours.days")}
            </Text>
            <Chip.Group
              multiple
              value={v.days.map(String)}
              onChange={(d) => setV({ ...v, days: d.map(Number).sort() })}
            >
              <Group gap={6}>
                {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                  <Chip key={d} value={String(d)} size="md">
                    {weekdayName(d)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <Switch
            label={t("hours.holidays")}
            checked={v.holidays}
            onChange={(e) => setV({ ...v, holidays: e.currentTarget.checked })}
          />
          <Select
            label={t("hours.timeZone")}
            data={[...ZONES]}
            value={v.timeZone}
            allowDeselect={false}
            onChange={(z) => z && setV({ ...v, timeZone: z as BusinessHours["timeZone"] })}
          />
          {invalid && (
            <Text size="sm" c="red">
              {invalid}
            </Text>
          )}
          <ErrorAlert error={save.error} />
          <Group>
            <Button onClick={() => save.mutate(v)} loading={save.isPending} disabled={!!invalid}>
              {t("hours.save")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
