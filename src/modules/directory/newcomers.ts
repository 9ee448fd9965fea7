// Members who joined the network lately and match a filter (the home page's 同期 and department
// newcomers): the directory as the viewer sees it — the viewer's audience's rows only, so a member
// hidden from the directory, or hiding the field the filter reads, cannot match.
import { sql } from "drizzle-orm";
import type { Scope } from "../../server/scope.ts";
import { type EntryHit, prepareSearch } from "./queries.ts";
import type { DirectoryFilter } from "./schemas.ts";
import { directoryScope, presentCard } from "./service.ts";

/**
 * Up to `limit` cards of members matching `filter` who became members at or after `since`,
 * newest first, leaving out `except` (the viewer), with when each joined.
 */
export async function recentlyJoined(
  scope: Scope,
  filter: DirectoryFilter,
  opts: { since: Date; limit: number; except?: string[] },
) {
  const s = prepareSearch(directoryScope(scope), filter);
  const { networkId, audience } = s.scope;
  const except = opts.except ?? [];
  // The filter's conditions name directory_entry's columns unqualified: they run in a subquery
  // of their own, and the page's cards are joined to its rows (as findPage does).
  const res = await scope.db.execute(sql`
    select p.user_id as "userId", d.card, d.photo_path as "photoPath", p.member_since::text as "sortKey"
      from (select user_id, member_since
              from directory_entry
             where ${s.where} and member_since >= ${opts.since.toISOString()}::timestamptz
               ${except.length ? sql`and not (user_id = any(${`{${except.map((x) => `"${x}"`).join(",")}}`}::text[]))` : sql``}
             order by member_since desc, user_id
             limit ${opts.limit}) p
      join directory_card d on d.network_id = ${networkId} and d.audience = ${audience} and d.user_id = p.user_id
     order by p.member_since desc, p.user_id`);
  return (res.rows as EntryHit[]).map((h) => ({
    card: presentCard(scope.network.slug, h),
    joinedAt: new Date(h.sortKey).toISOString(),
  }));
}
