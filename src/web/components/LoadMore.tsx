import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatNumber } from "./format.ts";
import "./i18n.ts";

/** "Showing 50 of 1,234" and a button for the next page of a keyset list. */
export function LoadMore({
  shown,
  total,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading?: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation("ui");
  return (
    <Group justify="space-between" mt="sm" gap="xs">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("shown", { shown: formatNumber(shown), total: formatNumber(total) })}
      </Text>
      {hasMore && (
        <Button variant="default" size="xs" onClick={onLoadMore} loading={loading}>
          {t("loadMore")}
        </Button>
      )}
    </Group>
  );
}
