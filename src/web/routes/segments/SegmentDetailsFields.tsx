// A segment's name and description: the form state, the fields and how save errors land on them
// (shared by the "save as segment" dialog and the segment editor).
import { Stack, Textarea, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../components/ErrorAlert.tsx";
import { isNameTaken, type SegmentDetails } from "./queries.ts";
import "./i18n.ts";

export type DetailsForm = UseFormReturnType<SegmentDetails>;

export function useDetailsForm(initial: SegmentDetails = { name: "", description: "" }) {
  const { t } = useTranslation("segments");
  return useForm<SegmentDetails>({
    initialValues: initial,
    validate: {
      name: (v) =>
        !v.trim() ? t("form.nameRequired") : v.trim().length > 100 ? t("form.nameTooLong") : null,
      description: (v) => (v.trim().length > 500 ? t("form.descriptionTooLong") : null),
    },
  });
}

/**
 * Puts a save error on the fields it concerns (a taken name, invalid input) and returns what is
 * left to show above the buttons (null when every part landed on a field).
 */
export function applySaveError(form: DetailsForm, e: unknown): unknown {
  if (isNameTaken(e)) {
    form.setFieldError("name", e.message);
    return null;
  }
  const fields = fieldErrors(e);
  const mine = Object.fromEntries(
    Object.entries(fields).filter(([k]) => k === "name" || k === "description"),
  );
  form.setErrors(mine);
  return Object.keys(mine).length === Object.keys(fields).length && Object.keys(mine).length > 0 ? null : e;
}

export function SegmentDetailsFields({ form, autoFocus }: { form: DetailsForm; autoFocus?: boolean }) {
  const { t } = useTranslation("segments");
  return (
    <Stack gap="sm">
      <TextInput
        label={t("form.name")}
        placeholder={t("form.namePlaceholder")}
        required
        maxLength={100}
        data-autofocus={autoFocus || undefined}
        {...form.getInputProps("name")}
      />
      <Textarea
        label={t("form.description")}
        placeholder={t("form.descriptionPlaceholder")}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={500}
        {...form.getInputProps("description")}
      />
    </Stack>
  );
}
