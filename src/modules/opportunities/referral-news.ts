// Who hears of a referral (リファラル), called by the subscribers of its events: she is asked — an
// offer, so consent-filtered once more when it goes out —, the referrer hears her answer (never her
// reason) and the incentive's payment, and a withdrawn referral's question is settled in her bell.
import type { Tx } from "../../db/client.ts";
import type { OpportunityType } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";
import { notify, settleNotifications } from "../notifications/index.ts";
import { consentingAlumni } from "./queries.ts";

/** The question she is asked, keyed by the referral (a retry adds nothing). */
const referralKey = (id: string) => `opportunity-referral:${id}`;

/** She is asked (again consent-filtered: a withdrawn opt-in in between means nobody is told). */
export async function tellReferred(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: { id: string; slug: string; name: string };
    referralId: string;
    opportunityId: string;
    opportunityType: OpportunityType;
    title: string;
    userId: string;
    referrerId: string;
    referrerName: string;
  },
) {
  const consenting = await consentingAlumni(tx, e.network.id, e.opportunityType, [e.userId]);
  if (!consenting.length) return;
  await notify(ctx, tx, {
    network: e.network,
    kind: "opportunity_offer",
    userIds: consenting,
    key: referralKey(e.referralId),
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.referrerId,
    data: {
      opportunityId: e.opportunityId,
      title: e.title,
      opportunityNews: "referred",
      actorName: e.referrerName,
    },
  });
}

/** The referrer hears that she applied or declined (never why), or that the incentive was paid. */
export async function tellReferrer(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: { id: string; slug: string; name: string };
    referralId: string;
    opportunityId: string;
    title: string;
    referrerId: string;
    news: "referral_applied" | "referral_declined" | "referral_paid";
    actorId: string | null;
    actorName?: string;
  },
) {
  await notify(ctx, tx, {
    network: e.network,
    kind: "opportunity_review",
    userIds: [e.referrerId],
    key: `opportunity-referral-${e.news}:${e.referralId}`,
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.actorId,
    data: {
      opportunityId: e.opportunityId,
      title: e.title,
      opportunityNews: e.news,
      ...(e.actorName ? { actorName: e.actorName } : {}),
    },
  });
}

/** A withdrawn referral's question is settled in her bell. */
export const settleReferral = (tx: Tx, networkId: string, referralId: string) =>
  settleNotifications(tx, networkId, referralKey(referralId));
