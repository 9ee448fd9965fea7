import { Button, Code, CopyButton, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import "./i18n.ts";

/** A value in a code block with a copy button (tokens, commands). */
export function CopyField({ value, label, block }: { value: string; label: string; block?: boolean }) {
  const { t } = useTranslation("ui");
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code
        block={block}
        style={{ flex: 1, minWidth: 0, wordBreak: "break-all", whiteSpace: block ? "pre-wrap" : undefined }}
      >
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? "filled" : "default"}
            onClick={copy}
            aria-label={`${t("copy")}: ${label}`}
            miw={84}
          >
            {copied ? `✓ ${t("copied")}` : t("copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
