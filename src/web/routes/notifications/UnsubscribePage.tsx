// Where a mail's unsubscribe link leads in a mail client without one-click: confirm, then stop.
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { NarrowCard } from "../../components/NarrowCard.tsx";
import { useSubmit } from "../../components/useSubmit.ts";
import "./i18n.ts";
import { type Kind, unsubscribe } from "./queries.ts";

/** The kind a token names (read without checking: the server checks when it is used). */
function kindOf(token: string): Kind | null {
  try {
    const [, , kind] = JSON.parse(atob(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/")));
    return kind;
  } catch {
    return null;
  }
}

export default function UnsubscribePage() {
  const { t } = useTranslation("notifications");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const kind = kindOf(token);
  const [done, setDone] = useState(false);
  const { error, busy, run } = useSubmit();
  const label = kind ? t(`kinds.${kind}`) : "";
  return (
    <NarrowCard title={t("unsubscribe.title")}>
      <Stack gap="md">
        {!kind || error ? (
          <Alert color="red">{t("unsubscribe.invalid")}</Alert>
        ) : done ? (
          <Alert color="teal">{t("unsubscribe.done", { kind: label })}</Alert>
        ) : (
          <>
            <Text size="sm">{t("unsubscribe.body", { kind: label })}</Text>
            <Button
              loading={!!busy}
              onClick={() =>
                run(async () => {
                  await unsubscribe(token);
                  setDone(true);
                })
              }
            >
              {t("unsubscribe.confirm")}
            </Button>
          </>
        )}
      </Stack>
    </NarrowCard>
  );
}
