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
  filter: DirectoryFilter;
  /** Conditions of the filter (without paging). */
  where: SQL;
  /** Relevance of a row (real), when there is free text. */
  rank: SQL | null;
};

/** A text[] parameter (drizzle would spread a JS array into a list of parameters). */
const textArray = (xs: string[]) =>
  sql`${`{${xs.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`}::text[]`;

export function prepareSearch(scope: Scope, f: DirectoryFilter): Search {
  const conds: SQL[] = [sql`network_id = ${scope.networkId}`, sql`audience = ${scope.audience}`];
  const ws = queryWords(f.q ?? "");
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
  if (location) conds.push(sql`location like ${prefixPattern(location)}`);
  if (f.openTo?.length) conds.push(sql`open_to @> ${textArray(f.openTo)}`);

  let rank: SQL | null = null;
  if (ws.length) {
    // ts_rank weighs names (A) over skills/job/departments (B), company/industry/place (C) and bio
    // (D); the whole query found as written adds 1.
    const phrase = containsPattern(normalizeText(f.q ?? ""));
    rank = sql`(ts_rank(tsv, ${rankQuery(ws)}::tsquery) + case when txt like ${phrase} then 1::real else 0::real end)`;
  }
  return { scope, filter: f, where: sql.join(conds, sql` and `), rank };
}

export type Cursor = { sort: DirectorySort; key: string; userId: string };

export type EntryHit = {
  userId: string;
  card: Record<string, unknown>;
  photoPath: string | null;
  sortKey: string;
};

/** One page of matches, keyset-paged; `limit + 1` rows tell whether there is a next page. */
export async function findEntries(
  db: Db | Tx,
  s: Search,
  sort: DirectorySort,
  cursor: Cursor | null,
  limit: number,
): Promise<EntryHit[]> {
  const useRank = sort === "relevance" && s.rank;
  let keyExpr: SQL;
  let order: SQL;
  let after: SQL | null = null;
  if (useRank) {
    keyExpr = sql`(${s.rank})::text`;
    order = sql`${s.rank} desc, user_id`;
    if (cursor)
      after = sql`(${s.rank} < ${cursor.key}::real or (${s.rank} = ${cursor.key}::real and user_id > ${cursor.userId}))`;
  } else if (sort === "recent") {
    keyExpr = sql`member_since::text`;
    order = sql`member_since desc, user_id`;
    if (cursor)
      after = sql`(member_since < ${cursor.key}::timestamptz or (member_since = ${cursor.key}::timestamptz and user_id > ${cursor.userId}))`;
  } else {
    keyExpr = sql`name_sort`;
    order = sql`name_sort, user_id`;
    if (cursor) after = sql`(name_sort, user_id) > (${cursor.key}, ${cursor.userId})`;
  }
  const where = after ? sql`${s.where} and ${after}` : s.where;
  const res = await db.execute(sql`
    select user_id as "userId", card, photo_path as "photoPath", ${keyExpr} as "sortKey"
      from directory_entry
     where ${where}
     order by ${order}
     limit ${limit + 1}`);
  return res.rows as EntryHit[];
}

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
