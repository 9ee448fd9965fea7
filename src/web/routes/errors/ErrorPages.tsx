// What an unknown address and an unexpected error show: a page in the reader's language with a
// way back, instead of the router's developer page.
import { Button, Container, EmptyState, Group } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import "./i18n.ts";

function ErrorState({ kind }: { kind: "notFound" | "error" }) {
  const { t } = useTranslation(["errors", "common"]);
  const title = t(kind === "notFound" ? "notFoundTitle" : "errorTitle");
  useEffect(() => {
    document.title = `${title} | ${t("common:appName")}`;
  }, [title, t]);
  return (
    <Container size="sm" py="xl">
      <EmptyState
        mt="xl"
        title={title}
        description={t(kind === "notFound" ? "notFoundBody" : "errorBody")}
        withIndicatorBackground
      >
        <EmptyState.Actions>
          <Group justify="center">
            {kind === "error" && <Button onClick={() => window.location.reload()}>{t("reload")}</Button>}
            <Button component={Link} to="/" variant={kind === "error" ? "default" : "filled"}>
              {t("home")}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Container>
  );
}

export function NotFoundPage() {
  return <ErrorState kind="notFound" />;
}

/** The router's error element: a 404 from the router, or any error thrown while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return <ErrorState kind={notFound ? "notFound" : "error"} />;
}
