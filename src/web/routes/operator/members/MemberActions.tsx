// Change a member's role, suspend or reinstate them (with confirmation; the server's error,
// e.g. LAST_OPERATOR, is shown in the dialog).
import { Button, Menu, SegmentedControl, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmModal } from "../../../components/ConfirmModal.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { memberKeys, updateMember } from "./queries.ts";
import "../i18n.ts";
import type { MemberItem, MemberRole } from "../types.ts";

type Dialog = "role" | "suspend" | "reinstate" | null;
const ROLES: MemberRole[] = ["operator", "employee", "alumni"];

export function MemberActions({ slug, member }: { slug: string; member: MemberItem }) {
  const { t } = useTranslation("operator");
  const { t: tc } = useTranslation();
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [role, setRole] = useState<MemberRole>(member.role);
  const name = member.displayName || member.name;
  const patch = useMutation({
    mutationFn: (body: { role?: MemberRole; status?: "active" | "suspended"; supporter?: boolean }) =>
      updateMember(slug, member.userId, body),
    onSuccess: (updated, body) => {
      const message = body.role
        ? t("members.roleChanged", { name, role: tc(`roles.${updated.role}`) })
        : body.supporter !== undefined
          ? t(body.supporter ? "members.supporterOn" : "members.supporterOff", { name })
          : body.status === "suspended"
            ? t("members.suspended", { name })
            : t("members.reinstated", { name });
      notifications.show({ color: "teal", message });
      setDialog(null);
      qc.invalidateQueries({ queryKey: memberKeys.all(slug) });
    },
  });
  const open = (d: Dialog) => {
    patch.reset();
    setRole(member.role);
    setDialog(d);
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="compact-xs" variant="default" aria-label={t("members.actionsFor", { name })}>
            {t("members.columns.actions")} ▾
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => open("role")}>{t("members.changeRole")}</Menu.Item>
          {member.role === "alumni" && (
            <Menu.Item onClick={() => patch.mutate({ supporter: !member.supporterAt })}>
              {member.supporterAt ? t("members.unmakeSupporter") : t("members.makeSupporter")}
            </Menu.Item>
          )}
          {member.status === "active" ? (
            <Menu.Item color="red" onClick={() => open("suspend")}>
              {t("members.suspend")}
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => open("reinstate")}>{t("members.reinstate")}</Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <ConfirmModal
        opened={dialog === "role"}
        onClose={() => setDialog(null)}
        onConfirm={() => patch.mutate({ role })}
        loading={patch.isPending}
        color="teal"
        title={t("members.roleTitle", { name })}
        confirmLabel={t("members.changeRole")}
      >
        <Stack gap={6}>
          <Text size="sm" fw={500} id={`role-${member.userId}`}>
            {t("members.newRole")}
          </Text>
          <SegmentedControl
            aria-labelledby={`role-${member.userId}`}
            value={role}
            onChange={(v) => setRole(v as MemberRole)}
            data={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          />
          <Text size="xs" c="dimmed">
            {t("members.roleBody")}
          </Text>
        </Stack>
        <ErrorAlert error={patch.error} />
      </ConfirmModal>

      <ConfirmModal
        opened={dialog === "suspend" || dialog === "reinstate"}
        onClose={() => setDialog(null)}
        onConfirm={() => patch.mutate({ status: dialog === "suspend" ? "suspended" : "active" })}
        loading={patch.isPending}
        color={dialog === "suspend" ? "red" : "teal"}
        title={
          dialog === "suspend" ? t("members.suspendTitle", { name }) : t("members.reinstateTitle", { name })
        }
        message={dialog === "suspend" ? t("members.suspendBody") : t("members.reinstateBody")}
        confirmLabel={dialog === "suspend" ? t("members.suspend") : t("members.reinstate")}
      >
        <ErrorAlert error={patch.error} />
      </ConfirmModal>
    </>
  );
}
