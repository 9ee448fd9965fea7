// The invitee's side: what an invitation link shows, and accepting it (membership pre-verified).
import { audit } from "../../server/audit.ts";
import { hashToken } from "../../server/guards.ts";
import { inTransaction, type PublicScope, type UserScope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import type { ConsentChoices } from "../../shared/profile.ts";
import { admitMember } from "../members/index.ts";
import { latestNotice } from "../networks/index.ts";
import { presentNoticeOrNull } from "./presenter.ts";
import { isMember, markAccepted, pendingInvitationByHash, rosterEntryById } from "./queries.ts";
import { invitationInvalid } from "./service.ts";

const alreadyMember = () =>
  errors.conflict("ALREADY_MEMBER", {
    ja: "既にこのネットワークのメンバーです。",
    en: "You are already a member of this network.",
  });

const noticeOutdated = () =>
  errors.conflict("NOTICE_OUTDATED", {
    ja: "プライバシーポリシーが更新されました。最新の内容を確認して、もう一度同意してください。",
    en: "The privacy notice has been updated. Please read the latest version and agree again.",
  });

/** Public facts of a usable invitation. Unknown, used, expired and revoked all look the same. */
export async function invitationInfo(scope: PublicScope | UserScope, token: string) {
  const found = await pendingInvitationByHash(scope.db, hashToken(token));
  if (!found) throw invitationInvalid();
  const { invitation: inv, network } = found;
  const notice = await latestNotice(scope.db, network.id);
  return {
    networkName: network.name,
    networkSlug: network.slug,
    name: inv.name,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt.toISOString(),
    privacyNotice: presentNoticeOrNull(notice),
  };
}

const ym = (date: string | null | undefined) => (date ? date.slice(0, 7) : null);

/**
 * Accepts an invitation in one transaction: marks it used (single use even under concurrency),
 * then admits the user with the consent they gave and a profile seeded from the roster row.
 */
export async function acceptInvitation(
  scope: UserScope,
  token: string,
  consent: { noticeVersion: number } & ConsentChoices,
) {
  const viewer = scope.user;
  if (!viewer.emailVerified) throw errors.emailNotVerified();
  return inTransaction(scope, async ({ db: tx }) => {
    const found = await pendingInvitationByHash(tx, hashToken(token));
    if (!found) throw invitationInvalid();
    const { invitation: inv, network } = found;
    const notice = await latestNotice(tx, network.id);
    if (!notice || notice.version !== consent.noticeVersion) throw noticeOutdated();
    if (await isMember(tx, network.id, viewer.id)) throw alreadyMember();
    if (!(await markAccepted(tx, network.id, inv.id, viewer.id))) throw invitationInvalid();

    const roster = inv.rosterEntryId ? await rosterEntryById(tx, network.id, inv.rosterEntryId) : null;
    const nameWhileEmployed = roster?.name ?? inv.name ?? null;
    const admitted = await admitMember(tx, {
      networkId: network.id,
      userId: viewer.id,
      role: inv.role === "employee" ? "employee" : "alumni",
      verifiedVia: "invitation",
      verifiedBy: inv.createdBy,
      rosterEntryId: roster?.id ?? null,
      profile: {
        displayName: viewer.name?.trim() || nameWhileEmployed || viewer.email.split("@")[0],
        nameWhileEmployed,
        nameKana: roster?.nameKana ?? null,
        joinYm: ym(roster?.joinDate),
        leaveYm: ym(roster?.leaveDate),
        departments: roster?.department ? [roster.department] : [],
      },
      consent,
    });
    if (!admitted) throw alreadyMember();
    await audit(tx, {
      networkId: network.id,
      actor: scope.actor,
      action: "invitation.accept",
      targetType: "network_invitation",
      targetId: inv.id,
      data: { rosterEntryId: roster?.id ?? null, noticeVersion: consent.noticeVersion },
    });
    return { networkSlug: network.slug };
  });
}
