// Inviting leavers (from roster entries or ad hoc), and revoking invitations.
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { networkInvitation } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { hashToken } from "../../server/guards.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { AppError, errors, type Messages } from "../../shared/errors.ts";
import { presentInvitation } from "./presenter.ts";
import {
  insertInvitations,
  invitationById,
  listInvitations,
  memberEmails,
  revokePendingFor,
  rosterEntriesByIds,
  rosterEntriesByNumbers,
} from "./queries.ts";
import type { CreateInvitationsInput, invitationListQuery } from "./schemas.ts";

type InvitationListQuery = z.infer<typeof invitationListQuery>;

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

/**
 * Creates one single-use invitation per person and queues the emails. A person who still had a
 * pending invitation gets a new link; the old one stops working.
 */
export async function createInvitations(scope: Scope, input: CreateInvitationsInput) {
  const { network, actor, ctx } = scope;
  // A person (an operator, or the CLI on one's behalf) or the HR system with an API token.
  const via = actor.userId ? "operator" : "api";
  const { planned, skipped } = await plan(scope, input);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const rows = planned.map((p) => ({ ...p, id: randomUUID(), token: newInvitationToken() }));
  await inTransaction(scope, async ({ db: tx }) => {
    if (!rows.length) return;
    await revokePendingFor(
      tx,
      network.id,
      rows.map((r) => r.email),
    );
    await insertInvitations(
      tx,
      rows.map((r) => ({
        id: r.id,
        networkId: network.id,
        rosterEntryId: r.rosterEntryId,
        email: r.email,
        name: r.name,
        role: input.role,
        locale: input.locale,
        tokenHash: hashToken(r.token),
        expiresAt,
        createdBy: actor.userId,
        createdVia: via,
      })),
    );
    await audit(tx, {
      networkId: network.id,
      actor,
      action: "invitation.create",
      targetType: "network_invitation",
      targetId: rows.length === 1 ? rows[0].id : undefined,
      data: {
        count: rows.length,
        ids: rows.map((r) => r.id),
        via,
        role: input.role,
        skipped: skipped.length,
      },
    });
    // In the transaction (the outbox): every invitation written has its mail queued, none other.
    for (const r of rows) {
      await ctx.mailer.enqueue(
        r.email,
        "invitation",
        input.locale,
        {
          url: `${ctx.config.baseUrl}/invite/${r.token}`,
          networkName: network.name,
          name: r.name,
          expiresAt: formatExpiry(expiresAt, input.locale),
        },
        { tx, key: `invitation:${r.id}` },
      );
    }
  });
  return {
    created: rows.map((r) => ({ id: r.id, email: r.email, expiresAt: expiresAt.toISOString() })),
    skipped,
  };
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
