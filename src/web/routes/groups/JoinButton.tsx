// Join an open group, ask to join a closed one, take a request back or leave.
import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import { feedKeys } from "../feed/queries.ts";
import "./i18n.ts";
import { type GroupItem, groupKeys, joinGroup, leaveGroup } from "./queries.ts";

export function JoinButton({ slug, group, size = "sm" }: { slug: string; group: GroupItem; size?: string }) {
  const { t } = useTranslation("groups");
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const { error, busy, run } = useSubmit();
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: groupKeys.all(slug) }),
      qc.invalidateQueries({ queryKey: feedKeys.all(slug) }),
    ]);
  const join = () =>
    run(async () => {
      const g = await joinGroup(slug, group.id);
      notifications.show({
        color: "teal",
        message: g.myStatus === "requested" ? t("requestSent") : t("joinedToast", { name: g.name }),
      });
      await refresh();
    });
  const leave = () =>
    run(async () => {
      await leaveGroup(slug, group.id);
      setConfirm(false);
      await refresh();
    });
  if (group.can.join || group.can.request)
    return (
      <>
        <Button size={size} mih={36} onClick={join} loading={!!busy} data-testid="group-join">
          {group.can.join ? t("join") : t("request")}
        </Button>
        <ErrorAlert error={error} />
      </>
    );
  if (group.myStatus === "requested")
    return (
      <Button
        size={size}
        mih={36}
        variant="default"
        onClick={leave}
        loading={!!busy}
        data-testid="group-cancel"
      >
        {t("cancelRequest")}
      </Button>
    );
  if (group.myStatus === "member")
    return (
      <>
        <Button size={size} mih={36} variant="default" onClick={() => setConfirm(true)}>
          {t("leave")}
        </Button>
        <ConfirmModal
          opened={confirm}
          onClose={() => setConfirm(false)}
          onConfirm={leave}
          loading={!!busy}
          title={t("leave")}
          message={t("leaveConfirm", { name: group.name })}
          confirmLabel={t("leave")}
        >
          <ErrorAlert error={error} />
        </ConfirmModal>
      </>
    );
  return null;
}

export const KIND_COLOR = { open: "teal", closed: "blue", secret: "dark" } as const;
