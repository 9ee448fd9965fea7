import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useImeSafeText } from "./useImeSafeText.ts";
import "./i18n.ts";

/** The directory's free-text box: commits after a pause, never mid-IME-composition. */
export function SearchBox({
  value,
  onChange,
  grow,
}: {
  value: string;
  onChange: (q: string) => void;
  /** In a row (flex), take the free width. */
  grow?: boolean;
}) {
  const { t } = useTranslation("directory");
  const { inputProps } = useImeSafeText(value, onChange);
  return (
    <TextInput
      type="search"
      label={t("search")}
      placeholder={t("searchPlaceholder")}
      maxLength={200}
      style={grow ? { flex: "1 1 260px" } : undefined}
      {...inputProps}
    />
  );
}
