import { List, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Notice } from "../../modules/networks/schemas.ts";
import { formatDate } from "./dates.ts";
import "./formStrings.ts";

export type PrivacyNotice = Notice;

/** A network's privacy notice: version and date, body (scrollable) and purposes of use. */
export function PrivacyNoticeView({
  notice,
  maxHeight = 260,
}: {
  notice: PrivacyNotice;
  maxHeight?: number;
}) {
  const { t } = useTranslation("forms");
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t("noticeVersion", { version: notice.version, date: formatDate(notice.createdAt) })}
        </Text>
        <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {notice.body}
          </Text>
        </ScrollArea.Autosize>
        <div>
          <Text size="sm" fw={600}>
            {t("purposes")}
          </Text>
          <List size="sm" mt={4}>
            {notice.purposes.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </div>
      </Stack>
    </Paper>
  );
}
