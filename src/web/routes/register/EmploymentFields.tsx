import { SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { YearMonthInput } from "../../components/YearMonthInput.tsx";
import type { EmploymentValues } from "./employment.ts";
import "./i18n.ts";

export function EmploymentFields({ form }: { form: UseFormReturnType<{ employment: EmploymentValues }> }) {
  const { t } = useTranslation("register");
  const p = (k: keyof EmploymentValues) => form.getInputProps(`employment.${k}`);
  const v = form.values.employment;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("name")}
          description={t("nameHelp")}
          placeholder={t("namePlaceholder")}
          autoComplete="name"
          required
          {...p("name")}
        />
        <TextInput label={t("nameKana")} placeholder={t("nameKanaPlaceholder")} {...p("nameKana")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <YearMonthInput
          label={t("joinYm")}
          required
          value={v.joinYm}
          onChange={(x) => form.setFieldValue("employment.joinYm", x)}
          error={form.errors["employment.joinYm"]}
        />
        <YearMonthInput
          label={t("leaveYm")}
          required
          value={v.leaveYm}
          onChange={(x) => form.setFieldValue("employment.leaveYm", x)}
          error={form.errors["employment.leaveYm"]}
        />
      </SimpleGrid>
      <TextInput label={t("department")} placeholder={t("departmentPlaceholder")} {...p("department")} />
      <TextInput
        label={t("employeeNumber")}
        description={t("employeeNumberHelp")}
        autoComplete="off"
        {...p("employeeNumber")}
      />
    </Stack>
  );
}
