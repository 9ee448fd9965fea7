// A digest of every row a network owns, in every table that has a network column: found in the
// catalogue, so a new module's tables are covered the day they are created. Tests compare it
// before and after requests that must not change another network (access matrix, bad input).
import type { AppContext } from "../server/context.ts";

const NETWORK_COLUMNS = ["network_id", "organization_id"];

export async function tenantFingerprint(ctx: AppContext, networkId: string): Promise<Record<string, string>> {
  const tables = await ctx.database.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.column_name = any($1)
      order by c.table_name`,
    [NETWORK_COLUMNS],
  );
  const out: Record<string, string> = {};
  for (const { table_name: table, column_name: column } of tables) {
    const [row] = await ctx.database.query<{ n: number; digest: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
         from "${table}" t where "${column}" = $1`,
      [networkId],
    );
    out[table] = `${row.n}:${row.digest}`;
  }
  const [network] = await ctx.database.query<{ row: string }>(
    `select md5(o::text) as row from organization o where id = $1`,
    [networkId],
  );
  out.organization = network?.row ?? "missing";
  return out;
}
