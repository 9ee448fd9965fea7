import { Navigate, useLocation } from "react-router";
import { useMe } from "../session.ts";
import { withNext } from "./nextPath.ts";

/** Pages a person without a second factor yet still needs (setting it up, signing in or out). */
const OPEN = [
  "/two-factor",
  "/sign-in",
  "/sign-up",
  "/check-email",
  "/forgot-password",
  "/reset-password",
  "/setup",
];

/**
 * Operators and platform admins must set up two-factor authentication before anything else (the
 * server refuses them with TWO_FACTOR_REQUIRED meanwhile): every other page sends them to the
 * setup page, which explains why, and back to where they were going afterwards.
 */
export function TwoFactorGate({ children }: { children: React.ReactNode }) {
  const { data: me } = useMe();
  const loc = useLocation();
  const mustSetUp = !!me && me.user.twoFactor.required && !me.user.twoFactor.enabled;
  if (mustSetUp && !OPEN.includes(loc.pathname)) {
    return <Navigate to={withNext("/two-factor", `${loc.pathname}${loc.search}`)} replace />;
  }
  return children;
}
