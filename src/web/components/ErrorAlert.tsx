import { Alert } from "@mantine/core";
import i18n from "i18next";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import "./formStrings.ts";

/** Shows an error's message (already in the UI language for ApiError); nothing when no error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error && error.message ? error.message : t("errors.generic");
  return (
    <Alert color="red" role="alert" title={title} mb="md">
      {message}
    </Alert>
  );
}

/**
 * Per-field errors from a 400 VALIDATION_FAILED `details: [{ path, message }]`, keyed by the
 * form path (`rename` maps server paths such as "admin.email" to form paths). The server's
 * messages are in English, so Japanese users get a generic sentence on the field.
 */
export function fieldErrors(error: unknown, rename: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details as { path?: string; message?: string }[]) {
    if (!d?.path) continue;
    const key = rename[d.path] ?? d.path;
    out[key] = i18n.language === "en" && d.message ? d.message : i18n.t("checkField", { ns: "forms" });
  }
  return out;
}
