// Per-account limits, on top of better-auth's per-address ones (which many addresses dodge):
// failed sign-ins per email address, and mails (reset, magic link, verification) per recipient.
// Counters live in better-auth's rate_limit table under keys of our own ("acct:…", "mail:…"),
// so every process of an installation shares them.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { rateLimit } from "../db/schema/index.ts";
import { AppError } from "../shared/errors.ts";

export const THROTTLE = {
  /** Failed sign-ins for one email address within `signInWindowMs` before it is locked. */
  signInFailures: 10,
  /** A failure older than this (since the last one) starts the count again; also the lock time. */
  signInWindowMs: 15 * 60_000,
  /** Mails of one kind to one address within `mailWindowMs`. */
  mails: 3,
  mailWindowMs: 15 * 60_000,
} as const;

export type MailKind = "resetPassword" | "magicLink" | "verifyEmail";

const normal = (email: string) => email.trim().toLowerCase();
const signInKey = (email: string) => `acct:sign-in:${normal(email)}`;
const mailKey = (kind: MailKind, email: string) => `mail:${kind}:${normal(email)}`;

export const signInLocked = (retryAfterSeconds: number) =>
  new AppError(429, "SIGN_IN_LOCKED", {
    ja: `このメールアドレスでのログイン失敗が続いたため、しばらくログインできません。約${Math.ceil(retryAfterSeconds / 60)}分後に再度お試しいただくか、パスワードを再設定してください。`,
    en: `Too many failed sign-ins for this email address. Try again in about ${Math.ceil(retryAfterSeconds / 60)} minutes, or reset your password.`,
  });

/**
 * Seconds until sign-in for `email` is allowed again; 0 when it is allowed now. Attempts while
 * locked are not counted, so the lock ends `signInWindowMs` after the last counted failure.
 */
export async function signInLockedFor(db: Db, email: string, now = Date.now()): Promise<number> {
  const [row] = await db
    .select({ count: rateLimit.count, last: rateLimit.lastRequest })
    .from(rateLimit)
    .where(eq(rateLimit.key, signInKey(email)));
  if (!row || row.count < THROTTLE.signInFailures) return 0;
  const left = row.last + THROTTLE.signInWindowMs - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Counts a failed sign-in (a failure after a quiet window starts again at 1). */
export async function recordSignInFailure(db: Db, email: string, now = Date.now()) {
  const cutoff = now - THROTTLE.signInWindowMs;
  await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key: signInKey(email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${cutoff} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: now,
      },
    });
}

/** A successful sign-in forgets the failures. */
export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(rateLimit).where(eq(rateLimit.key, signInKey(email)));
}

/**
 * Takes one mail of `kind` to `email` from its allowance; false when the allowance for this
 * window is used up (then nothing is sent, and the endpoint answers as if it was: no hint about
 * whether the address has an account). The window starts with its first mail.
 */
export async function takeMailAllowance(db: Db, kind: MailKind, email: string, now = Date.now()) {
  const cutoff = now - THROTTLE.mailWindowMs;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key: mailKey(kind, email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.lastRequest} < ${cutoff} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${rateLimit.lastRequest} < ${cutoff} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count });
  return (row?.count ?? 1) <= THROTTLE.mails;
}
