import { Alert, Button, Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { type MyNetwork, useMe } from "../session.ts";
import "./i18n.ts";

function Forbidden({ message }: { message: string }) {
  const { t } = useTranslation("ui");
  return (
    <Alert color="orange" title={t("forbiddenTitle")} maw={640}>
      {message}
      <div>
        <Button component={Link} to="/" variant="light" size="xs" mt="sm">
          {t("goHome")}
        </Button>
      </div>
    </Alert>
  );
}

function useSignInRedirect() {
  const loc = useLocation();
  return `/sign-in?next=${encodeURIComponent(loc.pathname + loc.search)}`;
}

/**
 * Renders `children(network)` only for an operator of the network in the URL (`:slug`).
 * The server checks again on every request; this only avoids showing a page that cannot work.
 */
export function RequireOperator({ children }: { children: (network: MyNetwork) => ReactNode }) {
  const { t } = useTranslation("ui");
  const { data: me, isLoading } = useMe();
  const { slug } = useParams();
  const signIn = useSignInRedirect();
  if (isLoading)
    return (
      <Center h={200}>
        <Loader aria-label="loading" />
      </Center>
    );
  if (!me) return <Navigate to={signIn} replace />;
  const network = me.networks.find((n) => n.slug === slug);
  if (network?.role !== "operator") return <Forbidden message={t("operatorsOnly")} />;
  return <>{children(network)}</>;
}

/** Renders children only for a platform administrator. */
export function RequirePlatformAdmin({ children }: { children: ReactNode }) {
  const { t } = useTranslation("ui");
  const { data: me, isLoading } = useMe();
  const signIn = useSignInRedirect();
  if (isLoading)
    return (
      <Center h={200}>
        <Loader aria-label="loading" />
      </Center>
    );
  if (!me) return <Navigate to={signIn} replace />;
  if (!me.user.platformAdmin) return <Forbidden message={t("adminsOnly")} />;
  return <>{children}</>;
}
