// My check-in QR code (a signed code for my confirmed seat), drawn in the browser with `qrcode`.
import { Card, Image, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client.ts";
import { formatDateTime } from "../../components/dates.ts";
import "./i18n.ts";
import { eventKeys } from "./queries.ts";

export function Ticket({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation("events");
  const ticket = useQuery({
    queryKey: [...eventKeys.event(slug, id), "ticket"],
    queryFn: async () => {
      const out = await unwrap(
        client.GET("/api/n/{slug}/events/{id}/ticket", { params: { path: { slug, id } } }),
      );
      return {
        ...out,
        image: await QRCode.toDataURL(out.code, { margin: 1, width: 240, errorCorrectionLevel: "M" }),
      };
    },
    retry: false,
  });
  if (!ticket.data) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="ticket">
      <Stack gap="xs" align="center">
        <Title order={5}>{t("ticket.title")}</Title>
        <Image src={ticket.data.image} alt={t("ticket.title")} w={200} h={200} />
        <Text size="xs" c="dimmed" ta="center">
          {ticket.data.checkedInAt
            ? t("ticket.checkedIn", { time: formatDateTime(ticket.data.checkedInAt) })
            : t("ticket.hint")}
        </Text>
      </Stack>
    </Card>
  );
}
