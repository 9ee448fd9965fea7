import { Group, Stack, Text } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { ProfileField, Visibility } from "../../../shared/profile.ts";
import { VisibilitySelect } from "../../components/VisibilitySelect.tsx";
import type { ProfileForm } from "./model.ts";
import "./i18n.ts";

/** One profile input with its visibility selector under it (right-aligned). */
export function FieldRow({
  field,
  form,
  children,
}: {
  field: ProfileField;
  form: UseFormReturnType<ProfileForm>;
  children: React.ReactNode;
}) {
  const { t } = useTranslation("profile");
  return (
    <Stack gap={6}>
      {children}
      <Group justify="flex-end" gap="xs">
        <Text size="xs" c="dimmed" aria-hidden>
          {t("visibility")}
        </Text>
        <VisibilitySelect
          field={t(`fields.${field}`)}
          value={form.values.visibility[field]}
          onChange={(v: Visibility) => form.setFieldValue(`visibility.${field}`, v)}
        />
      </Group>
    </Stack>
  );
}
