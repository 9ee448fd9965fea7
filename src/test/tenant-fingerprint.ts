// A digest of every row a network owns, in every table that has a network column: found in the
// catalogue, so a new module's tables are covered the day they are created. Tests compare it
// before and after requests that must not change a network (access matrix, bad input).
import type { AppContext } from "../server/context.ts";

const NETWORK_COLUMNS = ["network_id", "organization_id"];
/**
 * Ledgers that record every attempt, refused or not, by design: the registration rate limit counts
 * refused registrations too (else the roster could be probed for free).
 */
const LEDGERS = ["registration_attempt"];
const queries = new WeakMap<AppContext, Promise<string>>();

/** One statement over every network table (built once per app from the catalogue). */
async function fingerprintSql(ctx: AppContext): Promise<string> {
  const tables = await ctx.database.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = any($1)
        and c.table_name <> all($2)
      order by c.table_name`,
    [NETWORK_COLUMNS, LEDGERS],
  );
  const parts = tables.map(
    ({ table_name: table, column_name: column }) =>
      `select '${table}' as name, count(*)::int || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
         from "${table}" t where "${column}" = $1`,
  );
  parts.push(
    `select 'organization', md5(coalesce(string_agg(o::text, ''), '')) from organization o where id = $1`,
  );
  return parts.join("\nunion all\n");
}

export async function tenantFingerprint(ctx: AppContext, networkId: string): Promise<Record<string, string>> {
  let q = queries.get(ctx);
  if (!q) {
    q = fingerprintSql(ctx);
    queries.set(ctx, q);
  }
  const rows = await ctx.database.query<{ name: string; digest: string }>(await q, [networkId]);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
