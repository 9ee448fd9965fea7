// After an approval or a rejection: the notification that says so, with 「取り消す」 while the
// server can still take the decision back (its mail waits until `undoUntil`; shown for at most
// 10 s, and not at all when too little time is left). Undoing puts the registration back in the
// queue; the card comes back with the list.
import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { QueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { registrationKeys, undoDecision } from "./queries.ts";

const SHOWN_MS = 10_000;
/** Time kept in hand for the click to reach the server before the mail goes. */
const MARGIN_MS = 3_000;

export function showDecisionNotice(o: {
  t: TFunction<"operator">;
  qc: QueryClient;
  slug: string;
  id: string;
  name: string;
  kind: "approved" | "rejected";
  undoUntil: string | null;
}) {
  const { t } = o;
  const message =
    o.kind === "approved"
      ? t("approvals.approved", { name: o.name })
      : t("approvals.rejectedDone", { name: o.name });
  const color = o.kind === "approved" ? "teal" : "gray";
  const left = o.undoUntil ? Date.parse(o.undoUntil) - Date.now() - MARGIN_MS : 0;
  if (left < MARGIN_MS) {
    notifications.show({ color, message });
    return;
  }
  const id = `decision-${o.id}`;
  const undo = async () => {
    notifications.update({ id, color, loading: true, message: t("approvals.undoing"), autoClose: false });
    try {
      await undoDecision(o.slug, o.id);
      notifications.update({
        id,
        color: "blue",
        loading: false,
        message: t("approvals.undone", { name: o.name }),
        autoClose: 6_000,
      });
    } catch (e) {
      notifications.update({
        id,
        color: "red",
        loading: false,
        message: e instanceof Error ? e.message : String(e),
        autoClose: 10_000,
      });
    }
    o.qc.invalidateQueries({ queryKey: registrationKeys.all(o.slug) });
  };
  notifications.show({
    id,
    color,
    autoClose: Math.min(SHOWN_MS, left),
    message: (
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" color={color} onClick={undo} miw="max-content">
          {t("approvals.undo")}
        </Button>
      </Group>
    ),
  });
}
