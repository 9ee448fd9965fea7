// Inviting leavers (from roster entries or ad hoc), and revoking invitations.
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "../../db/client.ts";
import { networkInvitation } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { hashToken } from "../../server/guards.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError, errors, type Messages } from "../../shared/errors.ts";
import { presentInvitation } from "./presenter.ts";
import {
  hasNewerInvitation,
  insertInvitations,
  invitationById,
  listInvitations,
  lockInvitation,
  memberEmails,
  reminderDaysOf,
  revokePendingFor,
  rosterEntriesByIds,
  rosterEntriesByNumbers,
  setReminderDays,
} from "./queries.ts";
import type {
  CreateInvitationsInput,
  InvitationSettings,
  invitationListQuery,
  PreviewInvitationInput,
} from "./schemas.ts";

type InvitationListQuery = z.infer<typeof invitationListQuery>;

import { REMINDER_JOB, type ReminderJob } from "./reminders.ts";
import { formatExpiry, newInvitationToken } from "./tokens.ts";

const SKIP_MESSAGES: Record<string, Messages> = {
  ROSTER_ENTRY_NOT_FOUND: { ja: "名簿にこの方が見つかりません。", en: "This person is not in the roster." },
  NO_EMAIL: {
    ja: "名簿にメールアドレスがありません。メールアドレスを指定して招待してください。",
    en: "The roster has no email for this person. Invite them with an email address.",
  },
  ALREADY_MEMBER: { ja: "既にメンバーです。", en: "Already a member." },
  DUPLICATE: { ja: "同じ宛先が重複しています。", en: "The same person is listed twice." },
};

type Skip = { ref: string; code: string; messages: Messages };
const skip = (ref: string, code: string): Skip => ({ ref, code, messages: SKIP_MESSAGES[code] });

type Planned = { email: string; name: string | null; rosterEntryId: string | null };

/** Who gets an invitation, and who is skipped and why. */
async function plan(scope: Scope, input: CreateInvitationsInput) {
  const networkId = scope.network.id;
  const planned: Planned[] = [];
  const skipped: Skip[] = [];
  const seen = new Set<string>();
  const add = (ref: string, p: Planned) => {
    if (seen.has(p.email)) return skipped.push(skip(ref, "DUPLICATE"));
    seen.add(p.email);
    planned.push(p);
  };
  const ids = [...new Set(input.rosterEntryIds ?? [])];
  const entries = new Map((await rosterEntriesByIds(scope.db, networkId, ids)).map((e) => [e.id, e]));
  for (const id of ids) {
    const e = entries.get(id);
    if (!e) skipped.push(skip(id, "ROSTER_ENTRY_NOT_FOUND"));
    else if (e.linkedUserId) skipped.push(skip(id, "ALREADY_MEMBER"));
    else if (!e.email) skipped.push(skip(id, "NO_EMAIL"));
    else add(id, { email: e.email.toLowerCase(), name: e.name, rosterEntryId: e.id });
  }
  const invitees = input.invitees ?? [];
  const numbers = invitees.map((i) => i.employeeNumber?.normalize("NFKC")).filter((n): n is string => !!n);
  const byNumber = new Map(
    (await rosterEntriesByNumbers(scope.db, networkId, numbers)).map((e) => [e.employeeNumber, e]),
  );
  for (const i of invitees) {
    const e = i.employeeNumber ? byNumber.get(i.employeeNumber.normalize("NFKC")) : undefined;
    if (e?.linkedUserId) skipped.push(skip(i.email, "ALREADY_MEMBER"));
    else add(i.email, { email: i.email, name: i.name ?? null, rosterEntryId: e?.id ?? null });
  }
  const members = await memberEmails(
    scope.db,
    networkId,
    planned.map((p) => p.email),
  );
  return {
    planned: planned.filter((p) => {
      if (!members.has(p.email)) return true;
      skipped.push(skip(p.rosterEntryId ?? p.email, "ALREADY_MEMBER"));
      return false;
    }),
    skipped,
  };
}

type IssueOptions = {
  role: "alumni" | "employee";
  locale: "ja" | "en";
  expiresAt: Date;
  message: string | null;
};

/**
 * Writes one single-use invitation per person in the caller's transaction, revoking the pending
 * ones they had (a new link replaces the old one), and queues each mail and its reminder.
 */
async function issue(tx: Scope, planned: Planned[], o: IssueOptions) {
  const { network, actor, ctx } = tx;
  const via = actor.userId ? "operator" : "api";
  const rows = planned.map((p) => ({ ...p, id: randomUUID(), token: newInvitationToken() }));
  if (!rows.length) return rows;
  await revokePendingFor(
    tx.db,
    network.id,
    rows.map((r) => r.email),
  );
  await insertInvitations(
    tx.db,
    rows.map((r) => ({
      id: r.id,
      networkId: network.id,
      rosterEntryId: r.rosterEntryId,
      email: r.email,
      name: r.name,
      role: o.role,
      locale: o.locale,
      message: o.message,
      tokenHash: hashToken(r.token),
      expiresAt: o.expiresAt,
      createdBy: actor.userId,
      createdVia: via,
    })),
  );
  // A reminder only if it can still be used by then (at least a day before it expires).
  const days = await reminderDaysOf(tx.db, network.id);
  const remindAt = days ? new Date(Date.now() + days * 86_400_000) : null;
  const remind = remindAt && remindAt.getTime() <= o.expiresAt.getTime() - 86_400_000 ? remindAt : null;
  // In the transaction (the outbox): every invitation written has its mail queued, none other.
  for (const r of rows) {
    const url = `${ctx.config.baseUrl}/invite/${r.token}`;
    await ctx.mailer.enqueue(
      r.email,
      "invitation",
      o.locale,
      {
        url,
        networkName: network.name,
        name: r.name,
        expiresAt: formatExpiry(o.expiresAt, o.locale),
        message: o.message,
      },
      { tx: tx.db as Tx, key: `invitation:${r.id}`, networkId: network.id },
    );
    if (remind) {
      // No link in the job: it waits for days in the jobs table, and the link is a secret kept
      // only as a hash. The reminder mints its own (reminders.ts).
      await ctx.jobs.send<ReminderJob>(
        REMINDER_JOB,
        { networkId: network.id, invitationId: r.id },
        { tx: tx.db as Tx, key: `invitationReminder:${r.id}`, startAfter: remind },
      );
    }
  }
  return rows;
}

/**
 * Creates one single-use invitation per person and queues the emails. A person who still had a
 * pending invitation gets a new link; the old one stops working.
 */
export async function createInvitations(scope: Scope, input: CreateInvitationsInput) {
  const { network, actor } = scope;
  const { planned, skipped } = await plan(scope, input);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const rows = await inTransaction(scope, async (tx) => {
    const rows = await issue(tx, planned, { ...input, expiresAt, message: input.message ?? null });
    if (!rows.length) return rows;
    await audit(tx.db, {
      networkId: network.id,
      actor,
      action: "invitation.create",
      targetType: "network_invitation",
      targetId: rows.length === 1 ? rows[0].id : undefined,
      data: {
        count: rows.length,
        ids: rows.map((r) => r.id),
        via: actor.userId ? "operator" : "api",
        role: input.role,
        skipped: skipped.length,
        message: !!input.message,
      },
    });
    return rows;
  });
  return {
    created: rows.map((r) => ({ id: r.id, email: r.email, expiresAt: expiresAt.toISOString() })),
    skipped,
  };
}

/**
 * Sends the invitation again with a new link (the link is kept only as a hash, so the first one
 * cannot be sent twice): same person, role, language and message, valid as long as the first was.
 * The previous link stops working.
 */
export async function resendInvitation(scope: Scope, id: string) {
  const { network, actor } = scope;
  return inTransaction(scope, async (tx) => {
    // Locked: a second resend of the same invitation waits, then finds it replaced (revoked).
    const inv = await lockInvitation(tx.db, network.id, id);
    if (!inv) throw errors.notFound({ ja: "招待", en: "invitation" });
    if (inv.acceptedAt) {
      throw errors.conflict("INVITATION_ALREADY_ACCEPTED", {
        ja: "この招待は既に承諾されています。",
        en: "This invitation was already accepted.",
      });
    }
    if (inv.revokedAt) {
      throw errors.conflict("INVITATION_REVOKED", {
        ja: "この招待は取り消されているため再送できません。改めて招待してください。",
        en: "This invitation was revoked and cannot be resent. Invite the person again.",
      });
    }
    if (await hasNewerInvitation(tx.db, network.id, inv)) {
      throw errors.conflict("INVITATION_SUPERSEDED", {
        ja: "この方にはより新しい招待があります。新しい招待のほうを再送してください。",
        en: "This person has a newer invitation. Resend that one instead.",
      });
    }
    if ((await memberEmails(tx.db, network.id, [inv.email])).size) {
      throw errors.conflict("ALREADY_MEMBER", SKIP_MESSAGES.ALREADY_MEMBER);
    }
    const days = Math.min(
      60,
      Math.max(1, Math.round((inv.expiresAt.getTime() - inv.createdAt.getTime()) / 86_400_000)),
    );
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    const [row] = await issue(tx, [{ email: inv.email, name: inv.name, rosterEntryId: inv.rosterEntryId }], {
      role: inv.role === "employee" ? "employee" : "alumni",
      locale: inv.locale === "en" ? "en" : "ja",
      expiresAt,
      message: inv.message,
    });
    await audit(tx.db, {
      networkId: network.id,
      actor,
      action: "invitation.resend",
      targetType: "network_invitation",
      targetId: row.id,
      data: { previous: inv.id, email: inv.email },
    });
    return { id: row.id, email: row.email, expiresAt: expiresAt.toISOString() };
  });
}

/** The invitation mail (and its reminder) exactly as it would go out, with a sample link. */
export async function previewInvitation(scope: Scope, input: PreviewInvitationInput) {
  const { ctx, network } = scope;
  const expiresAt = formatExpiry(new Date(Date.now() + input.expiresInDays * 86_400_000), input.locale);
  const params = {
    url: `${ctx.config.baseUrl}/invite/…`,
    networkName: network.name,
    name: input.name ?? null,
    expiresAt,
    message: input.message,
  };
  const mail = ctx.mailer.preview("invitation", input.locale, params);
  const days = await reminderDaysOf(scope.db, network.id);
  const reminder =
    days && days <= input.expiresInDays - 1
      ? { afterDays: days, subject: ctx.mailer.preview("invitationReminder", input.locale, params).subject }
      : null;
  return { ...mail, reminder };
}

export async function invitationSettingsOf(scope: Scope): Promise<InvitationSettings> {
  return { reminderDays: await reminderDaysOf(scope.db, scope.network.id) };
}

/** Later invitations follow the new delay; turned off, reminders still waiting are not sent. */
export async function updateInvitationSettings(scope: Scope, input: InvitationSettings) {
  return inTransaction(scope, async (tx) => {
    const previous = await setReminderDays(tx.db as Tx, tx.network.id, input.reminderDays, tx.actor.userId);
    if (previous !== input.reminderDays) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "invitation.settings_change",
        targetType: "network",
        targetId: tx.network.id,
        data: { reminderDays: { from: previous, to: input.reminderDays } },
      });
    }
    return { reminderDays: input.reminderDays };
  });
}

export async function revokeInvitation(scope: Scope, id: string) {
  const { network, actor } = scope;
  await inTransaction(scope, async ({ db: tx }) => {
    const inv = await invitationById(tx, network.id, id);
    if (!inv) throw errors.notFound({ ja: "招待", en: "invitation" });
    if (inv.acceptedAt) {
      throw errors.conflict("INVITATION_ALREADY_ACCEPTED", {
        ja: "この招待は既に承諾されているため取り消せません。",
        en: "This invitation was already accepted and cannot be revoked.",
      });
    }
    if (inv.revokedAt) return;
    await tx
      .update(networkInvitation)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(networkInvitation.id, id),
          eq(networkInvitation.networkId, network.id),
          isNull(networkInvitation.acceptedAt),
        ),
      );
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "invitation.revoke",
      targetType: "network_invitation",
      targetId: id,
      data: { email: inv.email },
    });
  });
}

export const invitationInvalid = () =>
  new AppError(404, "INVITATION_INVALID", {
    ja: "この招待リンクは使えません。有効期限が切れたか、既に使われたか、取り消された可能性があります。招待した担当者にお問い合わせください。",
    en: "This invitation link cannot be used. It may have expired, been used already or been revoked. Please contact the person who invited you.",
  });

/** The network's invitations, newest first, filtered as the operator asked. */
export async function invitationList(scope: Scope, q: InvitationListQuery) {
  return (await listInvitations(scope.db, scope.network.id, q)).map(presentInvitation);
}
