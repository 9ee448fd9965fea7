// Consent to a network's privacy notice and the separate opt-ins (directory, rehire, freelance,
// events, surveys). A change takes effect at once and is appended to consent_log; accepting a
// newer notice version is an explicit act (acceptNoticeVersion). Operators publish new versions.
import { eq } from "drizzle-orm";
import { organization } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { CONSENT_KEYS, type ConsentChoices } from "../../shared/profile.ts";
import { insertNotice, latestNotice } from "../networks/index.ts";
import { type MemberConsent, presentConsent, presentNoticeItem } from "./presenter.ts";
import { appendConsentLog, findConsent, listNotices, saveConsent } from "./queries.ts";
import type { ConsentPutInput } from "./schemas.ts";

export const consentErrors = {
  noticeOutdated: () =>
    errors.conflict("NOTICE_OUTDATED", {
      ja: "プライバシーポリシーが更新されました。最新の内容を確認して、もう一度同意してください。",
      en: "The privacy notice has been updated. Please read the latest version and agree again.",
    }),
  noticeNotAccepted: () =>
    errors.conflict("NOTICE_NOT_ACCEPTED", {
      ja: "プライバシーポリシーに同意してください。",
      en: "Please agree to the privacy notice.",
    }),
};

const choicesOf = (r: ConsentChoices): ConsentChoices =>
  Object.fromEntries(CONSENT_KEYS.map((k) => [k, r[k]])) as ConsentChoices;

/**
 * A member's current consent in a network, or null when none was ever recorded (then every
 * opt-in counts as "no"). For other modules: e.g. the directory lists only `choices.directory`.
 */
export async function getConsent(scope: Scope, userId: string): Promise<MemberConsent | null> {
  const row = await findConsent(scope.db, scope.network.id, userId);
  if (!row) return null;
  return {
    noticeVersion: row.noticeVersion,
    acceptedAt: row.acceptedAt,
    updatedAt: row.updatedAt,
    choices: choicesOf(row),
  };
}

/** Throws NOTICE_OUTDATED unless `version` is the network's latest privacy notice version. */
export async function assertLatestNotice(scope: Scope, version: number) {
  const notice = await latestNotice(scope.db, scope.network.id);
  if (!notice || notice.version !== version) throw consentErrors.noticeOutdated();
  return notice.version;
}

/** The signed-in member's consent. */
export async function consentView(scope: Scope, userId = ownUserId(scope)) {
  const [current, notice] = await Promise.all([
    getConsent(scope, userId),
    latestNotice(scope.db, scope.network.id),
  ]);
  return presentConsent(current, notice?.version ?? null);
}

/** Replaces the member's opt-ins (and accepts a newer notice when asked), logging what changed. */
export async function updateConsent(scope: Scope, input: ConsentPutInput) {
  const networkId = scope.network.id;
  const userId = ownUserId(scope);
  await inTransaction(scope, async (txScope) => {
    const tx = txScope.db;
    const current = await findConsent(tx, networkId, userId, true);
    const accepting =
      input.acceptNoticeVersion !== undefined
        ? await assertLatestNotice(txScope, input.acceptNoticeVersion)
        : null;
    if (!current && accepting === null) throw consentErrors.noticeNotAccepted();
    const noticeVersion = accepting ?? current!.noticeVersion;
    const choices = choicesOf(input);
    const changed = CONSENT_KEYS.filter((k) => !current || current[k] !== choices[k]);
    const newNotice = accepting !== null && accepting !== current?.noticeVersion;
    if (!changed.length && !newNotice) return;
    await saveConsent(tx, { networkId, userId, noticeVersion, accepted: accepting !== null, ...choices });
    await appendConsentLog(tx, {
      networkId,
      userId,
      noticeVersion,
      change: {
        event: newNotice ? "accepted" : "updated",
        ...choices,
        changed,
        ...(current ? { previous: choicesOf(current), previousNoticeVersion: current.noticeVersion } : {}),
      },
    });
  });
  return consentView(scope, userId);
}

function ownUserId(scope: Scope): string {
  if (!scope.user) throw errors.forbidden();
  return scope.user.id;
}

/**
 * Records consent given with a form outside membership (a self-registration): the accepted notice
 * version, when, and the opt-ins, logged with `event` (e.g. "registration").
 */
export async function recordConsent(
  scope: Scope,
  v: { userId: string; noticeVersion: number; choices: ConsentChoices },
  event: string,
  extra: Record<string, unknown> = {},
) {
  const choices = choicesOf(v.choices);
  const tx = scope.db;
  await saveConsent(tx, {
    networkId: scope.network.id,
    userId: v.userId,
    noticeVersion: v.noticeVersion,
    accepted: true,
    ...choices,
  });
  await appendConsentLog(tx, {
    networkId: scope.network.id,
    userId: v.userId,
    noticeVersion: v.noticeVersion,
    change: { event, ...choices, ...extra },
  });
}

/** Publishes the next version of the network's privacy notice. */
export async function publishNotice(scope: Scope, input: { body: string; purposes: string[] }) {
  const { actor } = scope;
  const networkId = scope.network.id;
  return inTransaction(scope, async ({ db: tx }) => {
    // Serialise concurrent publications (the version number is the latest + 1).
    await tx
      .select({ id: organization.id })
      .from(organization)
      .where(eq(organization.id, networkId))
      .for("update");
    const version = await insertNotice(tx, { networkId, ...input, createdBy: actor.userId });
    await audit(tx, {
      networkId,
      actor,
      action: "privacy_notice.create",
      targetType: "privacy_notice",
      targetId: String(version),
      data: { version, purposes: input.purposes },
    });
    return version;
  });
}

/** The network's privacy notice versions, newest first (operators). */
export async function noticeList(scope: Scope) {
  return (await listNotices(scope.db, scope.network.id)).map(presentNoticeItem);
}
