// Two-factor authentication is required of operators (in any network) and platform admins. Until
// they have set it up, the access hook refuses them every operator and admin route with
// TWO_FACTOR_REQUIRED; what setting it up needs stays open: /api/me (access.user()), the
// two-factor endpoints of /api/auth and signing out. REQUIRE_2FA=off (a local demo, tests)
// relaxes it. Employees and alumni may enable it; nothing forces them.
import { AppError } from "../shared/errors.ts";
import type { Config } from "./config.ts";
import type { SessionUser } from "./scope.ts";

export const twoFactorRequiredError = () =>
  new AppError(403, "TWO_FACTOR_REQUIRED", {
    ja: "運営者と管理者は二段階認証の設定が必要です。設定画面で認証アプリを登録してください。",
    en: "Operators and administrators must set up two-factor authentication. Register an authenticator app on the setup page.",
  });

export const twoFactorRequired = (config: Pick<Config, "REQUIRE_2FA">) => config.REQUIRE_2FA !== "off";

/** Throws TWO_FACTOR_REQUIRED when `user`, acting as an operator or admin, has no second factor yet. */
export function assertSecondFactor(config: Pick<Config, "REQUIRE_2FA">, user: SessionUser | null) {
  if (user && !user.twoFactorEnabled && twoFactorRequired(config)) throw twoFactorRequiredError();
}
