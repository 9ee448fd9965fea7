// Ranking an audience's directory rows by how well they fit a set of wishes (skills, a former
// department, a job type, what they are open to, a place): what an opportunity's matching asks of
// the directory. It reads one audience's rows only, so a field hidden from that audience can never
// match (it is not in the row), exactly as searches and filters.
//
// Departments fit by their core (departmentFits), decided in code: the audience's department keys
// that fit the wishes are found first in its term list (`withFittingDepartments`), then matched as
// exact keys through the departments' index — in the ranking and in the fan-out of a new posting.
// The ranking is one statement: the candidates are the rows that share a skill, a fitting
// department or the job type (each through its index), or, when the wishes name none of those,
// the rows open to what is offered; the best `limit` come back with their card (read for those
// rows only).
import { type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import type { DirectoryAudience } from "../../db/schema/directory.ts";
import { textArray } from "./queries.ts";
import { labelKey } from "./text.ts";

// Departments are written many ways (営業本部, 第一営業部, 営業部): each unit of a department is
// compared by its core, the name without the organisational suffix (本部, 部, 課, 室 …). A former
// department fits when it contains the unit's core, or the unit contains its core (営業本部 ↔
// 第一営業部 through 営業; 経営企画部 does not fit 営業企画部).
const ORG_SUFFIX_RE =
  /(事業本部|事業部|本部|部門|部|課|室|局|ぐるーぷ|せんたー|ちーむ|group|team|dept|division)$/u;

/** The core of a department key (labelKey), when at least two characters remain. */
export function departmentCore(key: string): string {
  const core = key.replace(ORG_SUFFIX_RE, "");
  return core.length >= 2 ? core : key;
}

/** A department as written ("営業本部 営業企画部") → the keys of its units. */
export function departmentUnits(label: string | null | undefined): string[] {
  if (!label) return [];
  return [
    ...new Set(
      label
        .split(/[\s/／、,，]+/u)
        .map(labelKey)
        .filter(Boolean),
    ),
  ];
}

/** Whether department key `d` (an alumna's) fits unit key `u` (a posting's). */
export const departmentFits = (d: string, u: string) =>
  d.includes(departmentCore(u)) || u.includes(departmentCore(d));

export type FitWishes = {
  /** Skill keys (labelKey). */
  skills: string[];
  /** The department's unit keys (departmentUnits): a former department fitting any of them counts. */
  departments: string[];
  jobType: string | null;
  /** Open-to codes that count as interest (any of them). */
  openTo: string[];
  /** A location key prefix (labelKey), e.g. "東京都". */
  location: string | null;
};

export type FitWeights = {
  skill: number;
  /** At most this many skills count. */
  skillCap: number;
  department: number;
  jobType: number;
  openTo: number;
  location: number;
};

export type FitRow = {
  userId: string;
  score: number;
  /** The skill keys she shares with the wishes. */
  skills: string[];
  /** Her department key that fits (the first), if any. */
  department: string | null;
  jobType: boolean;
  openTo: boolean;
  location: boolean;
  joinYear: number | null;
  card: Record<string, unknown>;
  photoPath: string | null;
};

/** How many department labels of an audience are compared with the wishes (the most common first). */
const DEPARTMENT_TERMS = 5000;

/**
 * The wishes with, as departments, every department key in use in the audience (directory_term)
 * that fits one of the wished units, the units themselves included: what `rankByFit` and
 * `fitsAnySql` match as exact keys.
 */
export async function withFittingDepartments(
  db: Db | Tx,
  scope: { networkId: string; audience: DirectoryAudience },
  w: FitWishes,
): Promise<FitWishes> {
  const units = w.departments;
  if (!units.length) return w;
  const res = await db.execute(sql`
    select key from directory_term
     where network_id = ${scope.networkId} and audience = ${scope.audience} and field = 'departments'
     order by count desc limit ${DEPARTMENT_TERMS}`);
  const keys = (res.rows as { key: string }[]).map((r) => r.key);
  const fitting = keys.filter((d) => units.some((u) => departmentFits(d, u)));
  return { ...w, departments: [...new Set([...units, ...fitting])] };
}

/**
 * The `limit` rows of the audience that fit `w` best (ties: the most recent members first), among
 * those that also satisfy `where` (conditions on `e`, the directory_entry row, e.g. consent).
 * Every term of the score is a plain comparison on the row (no subquery per row): a posting
 * wishing for what a third of the network has still scores its candidates in one pass.
 */
export async function rankByFit(
  db: Db | Tx,
  scope: { networkId: string; audience: DirectoryAudience },
  w: FitWishes,
  weights: FitWeights,
  where: SQL[],
  limit: number,
): Promise<FitRow[]> {
  const { departments } = await withFittingDepartments(db, scope, w);
  const skills = w.skills.slice(0, 20);
  const reach: SQL[] = [];
  if (skills.length) reach.push(sql`e.skills && ${textArray(skills)}`);
  if (departments.length) reach.push(sql`e.departments && ${textArray(departments)}`);
  if (w.jobType) reach.push(sql`e.job_type = ${w.jobType}`);
  const openToOnly = !reach.length;
  if (openToOnly && w.openTo.length) reach.push(sql`e.open_to && ${textArray(w.openTo)}`);
  if (!reach.length) return [];
  const skillCount = skills.length
    ? sql.join(
        skills.map((k) => sql`(e.skills @> ${textArray([k])})::int`),
        sql` + `,
      )
    : sql`0`;
  const location = w.location
    ? sql`(e.location collate "C" >= ${w.location} and e.location collate "C" < ${`${w.location}\u{10FFFF}`})`
    : sql`false`;
  const res = await db.execute(sql`
    with best as (
      select e.user_id, e.member_since, e.join_year, e.skills, e.departments,
             coalesce(e.job_type = ${w.jobType}, false) as job_type,
             e.open_to && ${textArray(w.openTo)} as open_to,
             coalesce(${location}, false) as location,
             ${weights.skill} * least(${skillCount}, ${weights.skillCap})
             + case when e.departments && ${textArray(departments)} then ${weights.department} else 0 end
             + case when e.job_type = ${w.jobType} then ${weights.jobType} else 0 end
             + case when e.open_to && ${textArray(w.openTo)} then ${weights.openTo} else 0 end
             + case when ${location} then ${weights.location} else 0 end as score
        from directory_entry e
       where e.network_id = ${scope.networkId} and e.audience = ${scope.audience}
         and (${sql.join(reach, sql` or `)})
         ${where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``}
       order by score desc, e.member_since desc, e.user_id
       limit ${limit}
    )
    select b.user_id as "userId", b.score::int as score, b.skills, b.departments,
           b.job_type as "jobType", b.open_to as "openTo", b.location, b.join_year as "joinYear",
           c.card, c.photo_path as "photoPath"
      from best b
      join directory_card c
        on c.network_id = ${scope.networkId} and c.audience = ${scope.audience} and c.user_id = b.user_id
     order by b.score desc, b.member_since desc, b.user_id`);
  const wanted = new Set(skills);
  const fitting = new Set(departments);
  return (res.rows as (Omit<FitRow, "department"> & { departments: string[] })[]).map(
    ({ departments: mine, ...r }) => ({
      ...r,
      skills: r.skills.filter((k) => wanted.has(k)),
      department: mine.find((d) => w.departments.includes(d)) ?? mine.find((d) => fitting.has(d)) ?? null,
    }),
  );
}

/**
 * Whether directory row `e` fits the wishes at all — shares a skill, has a fitting department, has
 * the job type, or is open to what is offered — as SQL: who hears of a new posting that fits them.
 * `w` as `withFittingDepartments` gives it (its departments are exact keys).
 */
export function fitsAnySql(w: FitWishes): SQL {
  const any: SQL[] = [];
  if (w.skills.length) any.push(sql`e.skills && ${textArray(w.skills)}`);
  if (w.departments.length) any.push(sql`e.departments && ${textArray(w.departments)}`);
  if (w.jobType) any.push(sql`e.job_type = ${w.jobType}`);
  if (w.openTo.length) any.push(sql`e.open_to && ${textArray(w.openTo)}`);
  return any.length ? sql`(${sql.join(any, sql` or `)})` : sql`false`;
}
