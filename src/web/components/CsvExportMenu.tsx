// "CSV で書き出す": a menu of the two encodings every export offers (UTF-8 with a BOM for Excel,
// Shift_JIS for older Excel and HR systems). `onExport` downloads the file (api/download.ts); a
// refusal is shown as a notification in the UI language.
import { Button, type ButtonProps, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CsvEncoding } from "../../shared/csv-export.ts";
import "./i18n.ts";

export function CsvExportMenu({
  onExport,
  note,
  ...button
}: {
  onExport: (encoding: CsvEncoding) => Promise<void>;
  /** What is exported (default: the current filter's results, audited). */
  note?: string;
} & Pick<ButtonProps, "ml" | "size" | "variant">) {
  const { t } = useTranslation("ui");
  const [busy, setBusy] = useState(false);
  const run = async (encoding: CsvEncoding) => {
    setBusy(true);
    try {
      await onExport(encoding);
    } catch (e) {
      notifications.show({
        color: "red",
        message: e instanceof Error ? e.message : String(e),
        autoClose: 10_000,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy} {...button}>
          {t("csv.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label maw={260} style={{ whiteSpace: "normal" }}>
          {note ?? t("csv.note")}
        </Menu.Label>
        <Menu.Item onClick={() => run("utf8")}>{t("csv.utf8")}</Menu.Item>
        <Menu.Item onClick={() => run("shift_jis")}>{t("csv.sjis")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
