// Offers: who hears of a posting. An invitation to apply, and (later) the news of a new posting,
// are offers: they reach only alumni who opted in to offers of the posting's type (member_consent
// rehire / freelance), filtered in the query, and then only as their notification preferences for
// `opportunity_offer` allow (notify). An alumnus without the opt-in is never sent one.
import type { Tx } from "../../db/client.ts";
import type { OpportunityType } from "../../db/schema/index.ts";
import type { AppContext } from "../../server/context.ts";
import { notify } from "../notifications/index.ts";
import { memberProfiles } from "../profiles/index.ts";
import { consentingAlumni } from "./queries.ts";

type NetworkRef = { id: string; slug: string; name: string };

/** Invited alumni who opted in hear of the posting (once per posting: keyed by it). */
export async function offerToInvitees(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: NetworkRef;
    opportunityId: string;
    opportunityType: OpportunityType;
    title: string;
    actorId: string | null;
    invitees: string[];
  },
) {
  if (!e.invitees.length) return;
  const consenting = await consentingAlumni(tx, e.network.id, e.opportunityType, e.invitees);
  if (!consenting.length) return;
  const [actor] = e.actorId ? await memberProfiles(tx, e.network.id, [e.actorId]) : [];
  await notify(ctx, tx, {
    network: e.network,
    kind: "opportunity_offer",
    userIds: consenting,
    key: `opportunity-invite:${e.opportunityId}`,
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.actorId,
    data: {
      opportunityId: e.opportunityId,
      title: e.title,
      opportunityNews: "invited",
      ...(actor ? { actorName: actor.displayName ?? actor.userName } : {}),
    },
  });
}

/** Operators are asked to approve an employee's posting. */
export async function askApproval(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: NetworkRef;
    opportunityId: string;
    title: string;
    actorId: string | null;
    operators: string[];
  },
) {
  const [actor] = e.actorId ? await memberProfiles(tx, e.network.id, [e.actorId]) : [];
  await notify(ctx, tx, {
    network: e.network,
    kind: "opportunity_review",
    userIds: e.operators,
    key: `opportunity-approval:${e.opportunityId}:${Date.now()}`,
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.actorId,
    data: {
      opportunityId: e.opportunityId,
      title: e.title,
      opportunityNews: "approval_requested",
      ...(actor ? { actorName: actor.displayName ?? actor.userName } : {}),
    },
  });
}

/** A new application: the posting's poster and co-reviewers hear of it. */
export async function tellReviewers(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: NetworkRef;
    opportunityId: string;
    applicationId: string;
    title: string;
    applicantId: string;
    applicantName: string;
    reviewers: string[];
  },
) {
  await notify(ctx, tx, {
    network: e.network,
    kind: "opportunity_review",
    userIds: e.reviewers,
    key: `opportunity-applied:${e.applicationId}`,
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.applicantId,
    data: {
      opportunityId: e.opportunityId,
      applicationId: e.applicationId,
      title: e.title,
      opportunityNews: "applied",
      actorName: e.applicantName,
    },
  });
}

/**
 * A stage change: the applicant hears of a reviewer's decision (never of notes); the reviewers of
 * her withdrawal.
 */
export async function tellStage(
  ctx: AppContext | undefined,
  tx: Tx,
  e: {
    network: NetworkRef;
    opportunityId: string;
    applicationId: string;
    title: string;
    to: string;
    actorId: string | null;
    applicantId: string;
    reviewers: string[];
  },
) {
  const byApplicant = e.actorId === e.applicantId;
  await notify(ctx, tx, {
    network: e.network,
    kind: byApplicant ? "opportunity_review" : "opportunity_application",
    userIds: byApplicant ? e.reviewers : [e.applicantId],
    key: `opportunity-stage:${e.applicationId}:${e.to}`,
    subject: `opportunity:${e.opportunityId}`,
    actorId: e.actorId,
    data: {
      opportunityId: e.opportunityId,
      applicationId: e.applicationId,
      title: e.title,
      opportunityNews: "stage",
      stage: e.to,
    },
  });
}
