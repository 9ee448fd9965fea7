import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./i18n.ts";

/** A confirmation dialog for actions that change something for someone (revoke, suspend, reject…). */
export function ConfirmModal({
  opened,
  onClose,
  onConfirm,
  title,
  message,
  confirmLabel,
  color = "red",
  loading,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  color?: string;
  loading?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation("ui");
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {message && <Text size="sm">{message}</Text>}
        {children}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t("cancel")}
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>
            {confirmLabel ?? t("confirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
