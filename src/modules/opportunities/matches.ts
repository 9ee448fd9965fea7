// A posting's matches (the alumni who fit it, with why) and the one-click invitation to apply.
// The scoring is matching.ts; the candidates come from the viewer's directory audience
// (directory/fit.ts), consent-filtered in the statement, and — for a segment's posting — only the
// segment's members. Reviewers of the posting (its poster, co-reviewers, operators) see them.
import { sql } from "drizzle-orm";
import { record } from "../../server/events.ts";
import { authorize } from "../../server/policy.ts";
import { inTransaction, type MemberScope } from "../../server/scope.ts";
import { AppError } from "../../shared/errors.ts";
import { presentCard, rankByFit, textArray, viewerAudience, visibleMembers } from "../directory/index.ts";
import { fieldVisibleTo, memberProfiles, visibilityMap } from "../profiles/index.ts";
import { segmentConditions } from "../segments/index.ts";
import { explainCandidate, FIT_WEIGHTS, SHORTLIST, wishesOf } from "./matching.ts";
import { opportunitiesPolicy } from "./policy.ts";
import { activeWithRole, addInvites, consentingAlumni, consentingRow, standingOf } from "./queries.ts";
import type { MatchesOut, MatchesQuery } from "./schemas.ts";
import {
  accessOf,
  inviteeNoConsent,
  inviteeUnknown,
  networkRef,
  visibleOpportunity,
  wrongStatus,
} from "./service.ts";

const outsideAudience = () =>
  new AppError(422, "OPPORTUNITY_INVITEE_OUTSIDE_AUDIENCE", {
    ja: "この募集の対象（セグメント）に入っていない方は招待できません。",
    en: "Only members of the posting's segment can be invited.",
  });

/**
 * A condition on a directory row `e`: its member is in the segment now (as operators see the
 * directory, where segments are resolved). A deleted segment reaches nobody.
 */
async function inSegment(scope: MemberScope, segmentId: string | null) {
  const seg = (await segmentConditions(scope, null)).conds.find((c) => c.id === segmentId);
  if (!seg) return sql`false`;
  return sql`exists (select 1 from directory_entry s where s.network_id = e.network_id
                       and s.audience = 'operators' and s.user_id = e.user_id and (${seg.where}))`;
}

/** Alumni who fit the posting best, each with the reasons of their score. */
export async function matchesFor(scope: MemberScope, id: string, q: MatchesQuery): Promise<MatchesOut> {
  const o = await visibleOpportunity(scope, id);
  authorize(scope, opportunitiesPolicy.review, await accessOf(scope, o));
  const audience = viewerAudience(scope);
  const where = [consentingRow(o.type)];
  if (o.audience === "segment") where.push(await inSegment(scope, o.segmentId));
  const wishes = wishesOf(o);
  const rows = await rankByFit(
    scope.db,
    { networkId: scope.network.id, audience },
    wishes,
    FIT_WEIGHTS,
    where,
    Math.max(SHORTLIST, q.limit),
  );
  const ranked = rows
    .map((r) => ({ r, ...explainCandidate(o, r) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, q.limit);
  const ids = ranked.map((m) => m.r.userId);
  const [standing, people] = await Promise.all([
    standingOf(scope.db, scope.network.id, o.id, ids),
    memberProfiles(scope.db, scope.network.id, ids),
  ]);
  const viewer = audience === "operators" ? "operator" : "member";
  const hoursOf = new Map(
    people.map((p) => [
      p.userId,
      fieldVisibleTo(visibilityMap(p.visibility).contactHours, viewer) ? (p.contactHours ?? null) : null,
    ]),
  );
  return {
    items: ranked.map((m) => ({
      card: presentCard(scope.network.slug, { userId: m.r.userId, card: m.r.card, photoPath: m.r.photoPath }),
      score: m.score,
      reasons: m.reasons,
      contactHours: hoursOf.get(m.r.userId) ?? null,
      invited: standing.invited.has(m.r.userId),
      applied: standing.applied.has(m.r.userId),
    })),
    wishes: {
      skills: o.skills,
      department: o.department,
      jobType: o.jobType as MatchesOut["wishes"]["jobType"],
      workplace: wishes.location ? o.location : null,
    },
  };
}

/**
 * One click from the matches: the alumni are invited to apply (an offer: each must have opted in to
 * offers of the posting's type, be an alumna the inviter may see in the directory and, for a
 * segment's posting, in the segment). Already invited: nothing is sent twice.
 */
export async function inviteToApply(scope: MemberScope, id: string, userIds: string[]) {
  return inTransaction(scope, async (tx) => {
    const o = await visibleOpportunity(tx, id);
    authorize(tx, opportunitiesPolicy.review, await accessOf(tx, o));
    if (o.status !== "open")
      throw wrongStatus(
        "公開中の募集にだけ招待できます。",
        "Only an open posting can invite alumni to apply.",
      );
    const ids = [...new Set(userIds)];
    const alumni = await activeWithRole(tx.db, tx.network.id, ids, ["alumni"]);
    const seen = new Set(await visibleMembers(tx, alumni));
    if (alumni.length !== ids.length || ids.some((u) => !seen.has(u))) throw inviteeUnknown();
    const consenting = new Set(await consentingAlumni(tx.db, tx.network.id, o.type, ids));
    const refused = ids.filter((u) => !consenting.has(u));
    if (refused.length) throw inviteeNoConsent(refused.length);
    if (o.audience === "segment") {
      const res = await tx.db.execute(sql`select e.user_id as "userId" from directory_entry e
          where e.network_id = ${tx.network.id} and e.audience = 'operators'
            and e.user_id = any(${textArray(ids)}) and ${await inSegment(tx, o.segmentId)}`);
      const inside = new Set((res.rows as { userId: string }[]).map((r) => r.userId));
      if (ids.some((u) => !inside.has(u))) throw outsideAudience();
    }
    const added = await addInvites(tx.db, tx.network.id, o.id, ids, tx.actor.userId ?? "");
    await record(
      tx.db,
      {
        type: "opportunity.invited",
        network: networkRef(tx),
        opportunityId: o.id,
        opportunityType: o.type,
        title: o.title,
        actorId: tx.actor.userId,
        invitees: added,
      },
      {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "opportunity.invite",
        targetType: "opportunity",
        targetId: o.id,
        data: { invited: added.length, already: ids.length - added.length },
      },
      tx.ctx,
    );
    return { invited: added, alreadyInvited: ids.filter((u) => !added.includes(u)) };
  });
}
