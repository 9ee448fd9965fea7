// メッセージを送る: shown only when the member accepts messages from the viewer (the server says
// so: blocks and "refuse strangers" are not told apart). Opens the existing one-to-one, or a new one.
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCanMessage } from "./queries.ts";
import "./i18n.ts";

export function MessageButton({ slug, userId }: { slug: string; userId: string }) {
  const { t } = useTranslation("messages");
  const q = useCanMessage(slug, userId);
  if (!q.data?.canMessage) return null;
  const to = q.data.conversationId
    ? `/n/${slug}/messages/${q.data.conversationId}`
    : `/n/${slug}/messages/new?to=${encodeURIComponent(userId)}`;
  return (
    <Button component={Link} to={to} mih={44} data-testid="send-message">
      {t("sendTo")}
    </Button>
  );
}
