import { Button, CopyButton, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "./i18n.ts";

/** The backup codes, shown once after setup, with copy and download. */
export function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("twoFactor");
  const text = `${t("setup.fileHeader")}\n\n${codes.join("\n")}\n`;
  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "tsunagari-backup-codes.txt";
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={2} spacing={4} data-testid="backup-codes">
        {codes.map((c) => (
          <Text key={c} ff="monospace" size="md">
            {c}
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={codes.join("\n")}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? "filled" : "default"} onClick={copy}>
              {copied ? `✓ ${t("setup.copied")}` : t("setup.copyAll")}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={download}>
          {t("setup.download")}
        </Button>
      </Group>
    </Stack>
  );
}
