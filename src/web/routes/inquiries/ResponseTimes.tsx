// Response times of one inquiry, as operators see them: 「初回応答 1時間20分（営業時間）」.
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatBusinessMinutes } from "./format.ts";
import type { InquirySummary } from "./queries.ts";

export function ResponseTimes({ inquiry, size = "xs" }: { inquiry: InquirySummary; size?: "xs" | "sm" }) {
  const { t } = useTranslation("inquiries");
  const r = inquiry.response;
  if (!r) return null;
  return (
    <>
      {r.waitingMinutes !== null && (
        <Text size={size} c="orange.8" fw={600}>
          {t("desk.waiting", { time: formatBusinessMinutes(r.waitingMinutes) })}
        </Text>
      )}
      <Text size={size} c="dimmed" data-testid="first-response">
        {r.firstMinutes === null
          ? t("reply.firstNone")
          : t("desk.first", { time: formatBusinessMinutes(r.firstMinutes) })}
      </Text>
      {r.nextMinutes.length > 0 && (
        <Text size={size} c="dimmed">
          {t("desk.next", { times: r.nextMinutes.map(formatBusinessMinutes).join(" / ") })}
        </Text>
      )}
    </>
  );
}
