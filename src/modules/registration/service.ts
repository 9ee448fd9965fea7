// The registrant's side of self-registration (在籍確認): submit (matched against the roster,
// approved at once or queued for the operators) and "where is my registration". The answer is
// only ever approved / pending: never why, so the roster cannot be probed.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { audit } from "../../server/audit.ts";
import type { AppContext } from "../../server/context.ts";
import { findNetwork } from "../../server/guards.ts";
import { inTransaction, joiningScope, type Network, type Scope, type UserScope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { assertLatestNotice, recordConsent } from "../consent/index.ts";
import { admitMember } from "../members/index.ts";
import { confidentMatch, type RegistrationFacts } from "./matching.ts";
import {
  claimRosterRow,
  hasPendingRegistration,
  insertRegistration,
  isMember,
  latestRegistration,
  lockUser,
  MAX_KEY_ROWS,
  registrationPolicyOf,
  rosterRowsByKeys,
} from "./queries.ts";
import { recordAttempt } from "./rate-limit.ts";
import { noticeRosterAddresses } from "./roster-notice.ts";
import type { RegistrationInput } from "./schemas.ts";

export const registrationErrors = {
  alreadyMember: () =>
    errors.conflict("ALREADY_MEMBER", {
      ja: "既にこのネットワークのメンバーです。",
      en: "You are already a member of this network.",
    }),
  pending: () =>
    errors.conflict("REGISTRATION_PENDING", {
      ja: "登録申請は受付済みです。確認の結果をお待ちください。",
      en: "Your registration has already been received. Please wait for the result.",
    }),
};

const networkNotFound = () => errors.notFound({ ja: "ネットワーク", en: "network" });

/** An active network by slug, for people who are not (yet) members. */
export async function openNetwork(scope: { db: Scope["db"] }, slug: string): Promise<Network> {
  const n = await findNetwork(scope.db, slug);
  if (n?.status !== "active") throw networkNotFound();
  return n;
}

/** The link in the "approved" mail. */
export const networkUrl = (ctx: AppContext, slug: string) => `${ctx.config.baseUrl}/n/${slug}`;

/** The profile a new member starts with, from what they wrote in the registration form. */
export function seedProfile(accountName: string, f: RegistrationFacts) {
  return {
    displayName: accountName.trim() || f.name,
    nameWhileEmployed: f.name,
    nameKana: f.nameKana,
    joinYm: f.joinYm,
    leaveYm: f.leaveYm,
    departments: f.department ? [f.department] : [],
  };
}

export async function submitRegistration(
  userScope: UserScope,
  slug: string,
  ip: string,
  input: RegistrationInput,
): Promise<{ status: "approved" | "pending" }> {
  const { ctx, user: viewer } = userScope;
  if (!viewer.emailVerified) throw errors.emailNotVerified();
  const network = await openNetwork(userScope, slug);
  const scope = joiningScope(userScope, network);
  await recordAttempt(ctx, { networkId: network.id, userId: viewer.id, ip });

  const facts: RegistrationFacts = {
    name: input.name,
    nameKana: input.nameKana ?? null,
    joinYm: input.joinYm,
    leaveYm: input.leaveYm,
    department: input.department ?? null,
    employeeNumber: input.employeeNumber ?? null,
  };
  const { noticeVersion, ...choices } = input.consent;

  const status = await inTransaction(scope, async (txScope) => {
    const tx = txScope.db;
    await lockUser(tx, viewer.id);
    await assertLatestNotice(txScope, noticeVersion);
    if (await isMember(tx, network.id, viewer.id)) throw registrationErrors.alreadyMember();
    if (await hasPendingRegistration(tx, network.id, viewer.id)) throw registrationErrors.pending();

    const found = await rosterRowsByKeys(tx, network.id, facts);
    // More rows than that sharing a key: ambiguous, nobody in particular is named.
    const rows = found.length > MAX_KEY_ROWS ? [] : found;
    // The email counts only because it is verified (checked above).
    const how = { policy: await registrationPolicyOf(tx, network.id), verifiedEmail: viewer.email };
    const match = confidentMatch(facts, rows, how);
    const id = randomUUID();
    const notice = (approved: boolean) =>
      noticeRosterAddresses(txScope, { registrationId: id, facts, rows, registrant: viewer, approved });
    const base = {
      id,
      networkId: network.id,
      userId: viewer.id,
      email: viewer.email,
      ...facts,
    };
    const { actor } = scope;

    // The row is claimed first: of two people matching the same row at once, one gets it.
    if (match && (await claimRosterRow(tx, network.id, match.id, viewer.id))) {
      await insertRegistration(tx, {
        ...base,
        status: "approved",
        matchedRosterEntryId: match.id,
        decidedAt: sql`now()` as any,
      });
      const admitted = await admitMember(tx, {
        networkId: network.id,
        userId: viewer.id,
        role: "alumni",
        verifiedVia: "roster_match",
        verifiedBy: null,
        rosterEntryId: match.id,
        profile: seedProfile(viewer.name, facts),
        consent: input.consent,
      });
      if (!admitted) throw registrationErrors.alreadyMember();
      await audit(tx, {
        networkId: network.id,
        actor,
        action: "registration.auto_approve",
        targetType: "registration",
        targetId: id,
        data: { rosterEntryId: match.id, noticeVersion, policy: how.policy },
      });
      await ctx.mailer.enqueue(
        viewer.email,
        "registrationApproved",
        viewer.locale,
        { networkName: network.name, url: networkUrl(ctx, network.slug), name: viewer.name || facts.name },
        { tx, key: `registrationApproved:${id}`, networkId: network.id },
      );
      await notice(true);
      return "approved" as const;
    }

    await insertRegistration(tx, { ...base, status: "pending" });
    await recordConsent(txScope, { userId: viewer.id, noticeVersion, choices }, "registration", {
      registrationId: id,
    });
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "registration.submit",
      targetType: "registration",
      targetId: id,
      data: { noticeVersion, policy: how.policy },
    });
    await ctx.mailer.enqueue(
      viewer.email,
      "registrationReceived",
      viewer.locale,
      { networkName: network.name, name: viewer.name || facts.name },
      { tx, key: `registrationReceived:${id}`, networkId: network.id },
    );
    await notice(false);
    return "pending" as const;
  });
  return { status };
}

const MINE = { pending: "pending", approved: "approved", rejected: "not_approved" } as const;

/** The signed-in person's latest registration in the network (nothing about the roster). */
export async function myRegistrationStatus(scope: UserScope, slug: string) {
  const network = await openNetwork(scope, slug);
  const latest = await latestRegistration(scope.db, network.id, scope.user.id);
  return { status: latest ? (MINE[latest.status as keyof typeof MINE] ?? "none") : ("none" as const) };
}

/** The year-month joined as given in the person's latest registration (for pre-filling forms). */
export async function registeredJoinYm(scope: Scope, userId: string) {
  return (await latestRegistration(scope.db, scope.network.id, userId))?.joinYm ?? null;
}
