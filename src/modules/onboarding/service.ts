// The operators' first steps for a new network, each answered by the data itself (nothing to tick
// off by hand): the privacy notice published, the roster imported, the first leavers invited, the
// network branded, a first announcement (the welcome post) in the feed.
import type { Scope } from "../../server/scope.ts";
import { announcementCount } from "../feed/index.ts";
import { invitationCount } from "../invitations/index.ts";
import { brandOf, latestNotice } from "../networks/index.ts";
import { rosterSize } from "../roster/index.ts";
import type { OnboardingStep } from "./schemas.ts";

export async function onboarding(scope: Scope) {
  const id = scope.network.id;
  const [notice, roster, invitations, brand, announcements] = await Promise.all([
    latestNotice(scope.db, id),
    rosterSize(scope.db, id),
    invitationCount(scope.db, id),
    brandOf(scope.db, id),
    announcementCount(scope.db, id),
  ]);
  const steps: { key: OnboardingStep; done: boolean; count: number | null }[] = [
    { key: "privacy", done: !!notice, count: notice?.version ?? null },
    { key: "roster", done: roster > 0, count: roster },
    { key: "invite", done: invitations > 0, count: invitations },
    { key: "brand", done: !!(brand.logo || brand.accentColor), count: null },
    { key: "welcome", done: announcements > 0, count: announcements },
  ];
  return { steps, done: steps.filter((s) => s.done).length, total: steps.length };
}
