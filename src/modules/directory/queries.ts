// SQL for the directory. Every query reads one network and one audience's rows (see
// db/schema/directory.ts): what the viewer may not see is not in those rows.
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import type { DirectoryAudience } from "../../db/schema/directory.ts";
import type { TermField } from "./entry.ts";
import type { DirectoryFilter, DirectorySort } from "./schemas.ts";
import {
  containsPattern,
  labelKey,
  normalizeText,
  prefixPattern,
  prefixQuery,
  queryWords,
  rankQuery,
} from "./text.ts";

export type Scope = { networkId: string; audience: DirectoryAudience };

/** The parts of a search that SQL needs, prepared once. */
export type Search = {
  scope: Scope;
  /** Conditions of the filter (without paging). */
  where: SQL;
  /** Relevance of a row (real), when there is free text. */
  rank: SQL | null;
};

/** A text[] parameter (drizzle would spread a JS array into a list of parameters). */
export const textArray = (xs: string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`}::text[]`;

/** `ws`: the query's words, when the caller has them already. */
export function prepareSearch(scope: Scope, f: DirectoryFilter, ws = queryWords(f.q ?? "")): Search {
  // The audience picks the partition (db/schema/directory.ts); its statistics then tell the
  // planner how common each word, skill or place is among the rows this viewer may see.
  const conds: SQL[] = [sql`network_id = ${scope.networkId}`, sql`audience = ${scope.audience}`];
  // Words matched by prefix only go into one tsquery (one GIN scan); Japanese words of three or
  // more characters may also match inside a compound, through the trigram index.
  const prefixOnly = ws.filter((w) => !w.substring);
  if (prefixOnly.length) {
    conds.push(sql`tsv @@ ${prefixOnly.map((w) => prefixQuery(w.word)).join(" & ")}::tsquery`);
  }
  for (const w of ws.filter((x) => x.substring)) {
    conds.push(sql`(tsv @@ ${prefixQuery(w.word)}::tsquery or txt like ${containsPattern(w.word)})`);
  }
  if (f.joinFrom !== undefined) conds.push(sql`join_year >= ${f.joinFrom}`);
  if (f.joinTo !== undefined) conds.push(sql`join_year <= ${f.joinTo}`);
  const keys = (xs: string[] | undefined) => [...new Set((xs ?? []).map(labelKey).filter(Boolean))];
  const departments = keys(f.department);
  if (departments.length) conds.push(sql`departments && ${textArray(departments)}`);
  if (f.industry?.length) conds.push(sql`industry = any(${textArray(f.industry)})`);
  if (f.jobType?.length) conds.push(sql`job_type = any(${textArray(f.jobType)})`);
  const skills = keys(f.skill);
  if (skills.length) conds.push(sql`skills @> ${textArray(skills)}`);
  const location = f.location ? labelKey(f.location) : "";
  // A prefix as a byte-wise range, which the location index serves (a LIKE could not, under the
  // database's collation). U+10FFFF is the last code point: every key with the prefix sorts below
  // the prefix followed by it.
  if (location) {
    conds.push(
      sql`location collate "C" >= ${location} and location collate "C" < ${`${location}\u{10FFFF}`}`,
    );
  }
  if (f.openTo?.length) conds.push(sql`open_to @> ${textArray(f.openTo)}`);

  let rank: SQL | null = null;
  if (ws.length) {
    // ts_rank weighs names (A) over skills/job/departments (B), company/industry/place (C) and bio
    // (D); the whole query found as written adds 1.
    const phrase = containsPattern(normalizeText(f.q ?? ""));
    rank = sql`(ts_rank(tsv, ${rankQuery(ws)}::tsquery) + case when txt like ${phrase} then 1::real else 0::real end)`;
  }
  return { scope, where: sql.join(conds, sql` and `), rank };
}

export type Cursor = { sort: DirectorySort; key: string; userId: string };

export type EntryHit = {
  userId: string;
  card: Record<string, unknown>;
  photoPath: string | null;
  sortKey: string;
};

/**
 * Totals and relevance are computed over at most this many matches (the first by reading). Beyond
 * it the total reads "500+" and relevance orders those first matches: a search that broad needs
 * refining, not paging, and it keeps every search within a bounded amount of work.
 */
export const MATCH_CAP = 500;

/** The card row of page row `p`. */
const cardOf = ({ networkId, audience }: Scope) =>
  sql`d.network_id = ${networkId} and d.audience = ${audience} and d.user_id = p.user_id`;

export type Page = { hits: EntryHit[]; total: number | null; capped: boolean };

type Keys = { key: SQL; order: SQL; after: SQL | null };

/** Sort key, order and keyset condition of a sort, on the columns of relation `t`. */
function keysOf(t: SQL, sort: DirectorySort, cursor: Cursor | null): Keys {
  if (sort === "relevance") {
    return {
      key: sql`${t}.r::text`,
      order: sql`${t}.r desc, ${t}.user_id`,
      after: cursor
        ? sql`(${t}.r < ${cursor.key}::real or (${t}.r = ${cursor.key}::real and ${t}.user_id > ${cursor.userId}))`
        : null,
    };
  }
  if (sort === "recent") {
    return {
      key: sql`${t}.member_since::text`,
      order: sql`${t}.member_since desc nulls last, ${t}.user_id`, // as the index (drizzle's .desc())
      after: cursor
        ? sql`(${t}.member_since < ${cursor.key}::timestamptz or (${t}.member_since = ${cursor.key}::timestamptz and ${t}.user_id > ${cursor.userId}))`
        : null,
    };
  }
  return {
    key: sql`${t}.name_sort`,
    order: sql`${t}.name_sort, ${t}.user_id`,
    after: cursor ? sql`(${t}.name_sort, ${t}.user_id) > (${cursor.key}, ${cursor.userId})` : null,
  };
}

/**
 * One page of matches (`limit + 1` rows tell whether there is a next page).
 *
 * By name or date: the page walks its index from the cursor; the first page also counts the
 * matches up to the cap. By relevance: a bounded scan takes up to MATCH_CAP + 1 matches in user-id
 * order (uncorrelated with the text, so the planner's estimates hold: in name order, people called
 * 佐藤 would all sit together), ranks them, and gives the total and the page in one query.
 */
export async function findPage(
  db: Db | Tx,
  s: Search,
  sort: DirectorySort,
  cursor: Cursor | null,
  limit: number,
  cap = MATCH_CAP,
): Promise<Page> {
  if (sort !== "relevance" || !s.rank) {
    const k = keysOf(sql.raw("e"), sort === "recent" ? "recent" : "name", cursor);
    const outer = keysOf(sql.raw("p"), sort === "recent" ? "recent" : "name", null);
    // The first page counts the matches up to the cap in the same statement (one round trip).
    const count = cursor
      ? sql`null::int`
      : sql`(select count(*)::int from (select 1 from directory_entry where ${s.where} limit ${cap + 1}) m)`;
    const res = await db.execute(sql`
      select p.user_id as "userId", d.card, d.photo_path as "photoPath", ${outer.key} as "sortKey",
             ${count} as "n"
        from (select e.user_id, e.name_sort, e.member_since
                from directory_entry e
               where ${s.where} ${k.after ? sql`and ${k.after}` : sql``}
               order by ${k.order}
               limit ${limit + 1}) p
        join directory_card d on ${cardOf(s.scope)}
       order by ${outer.order}`);
    const rows = res.rows as (EntryHit & { n: number | null })[];
    // No row on the first page: no match (it has no keyset condition).
    const n = cursor ? null : (rows[0]?.n ?? 0);
    return {
      hits: rows.map(({ n: _, ...h }) => h),
      total: n === null ? null : Math.min(n, cap),
      capped: (n ?? 0) > cap,
    };
  }
  const k = keysOf(sql.raw("c"), "relevance", cursor);
  const p = keysOf(sql.raw("p"), "relevance", null);
  // The rank is computed outside the capped scan (so only for the capped matches), and the card
  // is read for the page's rows only.
  const res = await db.execute(sql`
    with c as materialized (
      select m.user_id, ${s.rank} as r
        from (select user_id, tsv, txt
                from directory_entry
               where ${s.where}
               limit ${cap + 1}) m
    ), p as (
      select c.*, ${k.key} as sort_key from c ${k.after ? sql`where ${k.after}` : sql``} order by ${k.order} limit ${limit + 1}
    )
    select p.user_id as "userId", d.card, d.photo_path as "photoPath", p.sort_key as "sortKey",
           (select count(*) from c)::int as "n"
      from p
      join directory_card d on ${cardOf(s.scope)}
     order by ${p.order}`);
  const rows = res.rows as (EntryHit & { n: number })[];
  const n = rows[0]?.n ?? 0; // no row: no match (the first page has no keyset condition)
  return {
    hits: rows.map(({ n: _, ...h }) => h),
    total: cursor ? null : Math.min(n, cap),
    capped: !cursor && n > cap,
  };
}

/**
 * Whether a page of search `s` computed at directory version `from` still holds at `to`: every
 * version in between is recorded (none pruned), none is a bulk change, and no row copied into
 * directory_change by those versions (members' rows as they were before and after each change,
 * sync.ts) satisfies the search's own conditions. A member who matched neither before nor after a
 * change is in no result set of the search, so its pages, totals and order stay as they were.
 */
export async function unchangedSince(db: Db | Tx, s: Search, from: number, to: number): Promise<boolean> {
  const res = await db.execute(sql`
    select count(*) filter (where audience is null)::int as versions,
           coalesce(bool_or(everything), false) or coalesce(bool_or(${s.where}), false) as touched
      from directory_change
     where network_id = ${s.scope.networkId} and version > ${from} and version <= ${to}`);
  const r = res.rows[0] as { versions: number; touched: boolean };
  return r.versions === to - from && !r.touched;
}

/** Exact number of matches (segments, live counts in the segment editor). */
export async function countEntries(db: Db | Tx, s: Search): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from directory_entry where ${s.where}`);
  return (res.rows[0] as { n: number }).n;
}

/** User ids of matches in batches, by user id (for segments: posts, emails, events, surveys). */
export async function matchingUserIds(db: Db | Tx, s: Search, after: string | null, limit: number) {
  const where = after ? sql`${s.where} and user_id > ${after}` : s.where;
  const res = await db.execute(
    sql`select user_id as "userId" from directory_entry where ${where} order by user_id limit ${limit}`,
  );
  return (res.rows as { userId: string }[]).map((r) => r.userId);
}

/** Which of `userIds` have a row in the scope's audience (are visible to it). */
export async function visibleUserIds(db: Db | Tx, scope: Scope, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const res = await db.execute(
    sql`select user_id as "userId" from directory_entry
         where network_id = ${scope.networkId} and audience = ${scope.audience}
           and user_id = any(${textArray(userIds)})`,
  );
  return (res.rows as { userId: string }[]).map((r) => r.userId);
}

/**
 * Which of `searches` (all of one network and audience) one member's row matches, in one query:
 * how a post to a segment is resolved when the feed is read. No row (not an active member): none.
 */
export async function rowMatches(db: Db | Tx, userId: string, searches: Search[]): Promise<boolean[]> {
  if (!searches.length) return [];
  const { networkId, audience } = searches[0].scope;
  const cols = sql.join(
    searches.map((s, i) => sql`(${s.where}) as ${sql.identifier(`m${i}`)}`),
    sql`, `,
  );
  const res = await db.execute(
    sql`select ${cols} from directory_entry
         where network_id = ${networkId} and audience = ${audience} and user_id = ${userId}`,
  );
  const row = res.rows[0] as Record<string, boolean> | undefined;
  return searches.map((_, i) => row?.[`m${i}`] === true);
}

/** Labels in use that start with `prefix` (by key), most used first. */
export async function suggestTerms(
  db: Db | Tx,
  scope: Scope,
  field: TermField,
  prefix: string,
  limit: number,
) {
  const key = labelKey(prefix);
  const res = await db.execute(sql`
    select label, key, count
      from directory_term
     where network_id = ${scope.networkId} and audience = ${scope.audience} and field = ${field}
       and count > 0 ${key ? sql`and key like ${prefixPattern(key)}` : sql``}
     order by count desc, key
     limit ${limit}`);
  return res.rows as { label: string; key: string; count: number }[];
}
