// Authentication with better-auth: email + password (verified email), magic link, password reset,
// two-factor authentication (TOTP with backup codes; required for operators and platform admins,
// enforced by the access hook: server/two-factor.ts).
// A network is a better-auth organization; roles per network are operator / employee / alumni.
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { magicLink, organization, twoFactor } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import type { Db } from "../db/client.ts";
import * as schema from "../db/schema/index.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { Locale } from "../mail/templates.ts";
import { type MailKind, takeMailAllowance } from "./auth-throttle.ts";
import { record } from "./events.ts";
import { trustedOrigins } from "./origins.ts";

export const NETWORK_ROLES = ["operator", "employee", "alumni"] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

const ac = createAccessControl({
  network: ["update"],
  member: ["create", "update", "delete"],
  invitation: ["create", "cancel"],
} as const);

const roles = {
  operator: ac.newRole({
    network: ["update"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
  }),
  employee: ac.newRole({ network: [], member: [], invitation: [] }),
  alumni: ac.newRole({ network: [], member: [], invitation: [] }),
};

const localeOf = (u: object): Locale => ((u as { locale?: string }).locale === "en" ? "en" : "ja");

export type AuthOptions = {
  db: Db;
  baseUrl: string;
  secret: string;
  mailer: Mailer;
  /** Off in tests, where one address signs in many times a second. */
  rateLimit: boolean;
  /** How passwords are hashed; better-auth's scrypt (N=16384) unless given (tests: a cheaper cost). */
  passwordHashing?: PasswordHashing;
};

export type PasswordHashing = {
  hash: (password: string) => Promise<string>;
  verify: (v: { hash: string; password: string }) => Promise<boolean>;
};

export function createAuth(opts: AuthOptions) {
  // A few mails of each kind per address and window (auth-throttle.ts); over that nothing is sent
  // and better-auth answers as usual, so the answer says nothing about the address.
  const mayMail = async (kind: MailKind, email: string) =>
    !opts.rateLimit || (await takeMailAllowance(opts.db, kind, email));
  // Who the mail greets, and the network it is about when the link leads back into one
  // (signing up from /n/<slug>/register): its name is then the sender and the subject. Only an
  // active network: a suspended one lends no name, logo or colour to mails.
  const about = async (url: string, name?: string | null) => {
    let networkName: string | null = null;
    let networkId: string | undefined;
    try {
      const callback = new URL(url).searchParams.get("callbackURL");
      const slug = callback ? /^\/n\/([^/?#]+)/.exec(new URL(callback, opts.baseUrl).pathname)?.[1] : null;
      if (slug) {
        const network = await opts.db.query.organization.findFirst({
          where: (t, { and, eq }) => and(eq(t.slug, decodeURIComponent(slug)), eq(t.status, "active")),
        });
        networkName = network?.name ?? null;
        networkId = network?.id;
      }
    } catch {
      // Not a URL we can read: the mail names no network.
    }
    return { params: { name: name?.trim() || null, networkName }, networkId };
  };
  return betterAuth({
    appName: "Tsunagari",
    baseURL: opts.baseUrl,
    basePath: "/api/auth",
    secret: opts.secret,
    // BASE_URL's origin, and on loopback also 127.0.0.1 and [::1] (see origins.ts).
    trustedOrigins: trustedOrigins(opts.baseUrl),
    // better-auth turns its origin check off under a test runner: keep it on, so tests meet the
    // check production has.
    advanced: { disableOriginCheck: false },
    database: drizzleAdapter(opts.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        organization: schema.organization,
        member: schema.member,
        invitation: schema.invitation,
        rateLimit: schema.rateLimit,
        twoFactor: schema.twoFactor,
      },
    }),
    user: {
      additionalFields: {
        platformAdmin: { type: "boolean", defaultValue: false, input: false },
        locale: { type: "string", defaultValue: "ja", input: true },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      ...(opts.passwordHashing ? { password: opts.passwordHashing } : {}),
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        if (!(await mayMail("resetPassword", user.email))) return;
        const a = await about(url, user.name);
        await opts.mailer.enqueue(
          user.email,
          "resetPassword",
          localeOf(user),
          { url, ...a.params },
          {
            networkId: a.networkId,
          },
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, url }) => {
        if (!(await mayMail("verifyEmail", user.email))) return;
        const a = await about(url, user.name);
        await opts.mailer.enqueue(
          user.email,
          "verifyEmail",
          localeOf(user),
          { url, ...a.params },
          {
            networkId: a.networkId,
          },
        );
      },
    },
    databaseHooks: {
      user: {
        update: {
          // A new account name reaches the member's profiles that still show the former one, and
          // the directory cards (user.renamed). better-auth has committed the name already; the
          // profiles and cards follow in a transaction of their own. The former name is the
          // session's, read before the update.
          after: async (u, c) => {
            const body = c?.body as Record<string, unknown> | undefined;
            if (!body || typeof body.name !== "string") return;
            const from = (c?.context as { session?: { user?: { id?: string; name?: string } } } | undefined)
              ?.session?.user;
            await opts.db.transaction((tx) =>
              record(tx, {
                type: "user.renamed",
                userId: u.id,
                from: from?.id === u.id ? from.name : undefined,
                to: u.name,
              }),
            );
          },
        },
      },
      session: {
        create: {
          // The two-factor plugin asks for a code after a password sign-in only. A magic link
          // (mailed before 2FA was enabled) must not open a session that skips the code.
          before: async (s, c) => {
            if (c?.path !== "/magic-link/verify") return;
            const u = await opts.db.query.user.findFirst({ where: (t, { eq }) => eq(t.id, s.userId) });
            if (u?.twoFactorEnabled) return false;
          },
        },
      },
    },
    rateLimit: {
      enabled: opts.rateLimit,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 100,
    },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: "operator",
        allowUserToCreateOrganization: false,
        requireEmailVerificationOnInvitation: true,
      }),
      magicLink({
        expiresIn: 15 * 60,
        sendMagicLink: async ({ email, url }) => {
          if (!(await mayMail("magicLink", email))) return;
          const u = await opts.db.query.user.findFirst({
            where: (t, { eq }) => eq(t.email, email.toLowerCase()),
          });
          // A link alone would skip the second factor: those accounts sign in with password + code.
          if (u?.twoFactorEnabled) return;
          const a = await about(url, u?.name);
          await opts.mailer.enqueue(
            email,
            "magicLink",
            localeOf(u ?? {}),
            { url, ...a.params },
            {
              networkId: a.networkId,
            },
          );
        },
      }),
      // TOTP (an authenticator app) with ten single-use backup codes. The secret is shown once,
      // at setup, and confirmed by a first code before sign-ins ask for it. The web offers no
      // "trust this device": every password sign-in asks for a code.
      twoFactor({ issuer: "Tsunagari" }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The better-auth endpoints the product uses; everything else is closed. */
export const AUTH_PATHS_OPEN = [
  "/sign-up/email",
  "/sign-in/email",
  "/sign-in/magic-link",
  "/magic-link/verify",
  "/sign-out",
  "/get-session",
  "/verify-email",
  "/send-verification-email",
  "/request-password-reset",
  "/reset-password",
  "/change-password",
  "/update-user",
  "/list-sessions",
  "/revoke-other-sessions",
  // two-factor: setup (password → secret and backup codes, then a first code), the second step of
  // a sign-in (a code or a backup code), and new backup codes.
  "/two-factor/enable",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/two-factor/generate-backup-codes",
  "/ok",
];
