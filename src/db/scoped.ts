// Conditions that keep a query inside one network (docs/decisions/0004-tenancy.md). The scoped
// form is the short one: `where(byId(registration, networkId, id))` instead of remembering to add
// `eq(registration.networkId, networkId)` to every update and delete. The types accept only tables
// with a network column (`network_id`, or better-auth's `organization_id` on member), so a global
// table such as `user` does not compile here.
import { and, eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";

type TextColumn = AnyPgColumn<{ data: string }>;

/** A table owned by a network: `network_id`, or better-auth's `organization_id` (member, invitation). */
export type NetworkTable = PgTable & ({ networkId: TextColumn } | { organizationId: TextColumn });
/** A network's table whose rows have their own id. */
export type NetworkIdTable = NetworkTable & { id: TextColumn };
/** A network's table with one row per person (profile, consent, member…). */
export type NetworkUserTable = NetworkTable & { userId: TextColumn };

type Condition = SQL | undefined;

/** The table's network column (throws for a table without one, should the types be bypassed). */
export function networkColumn(table: NetworkTable): TextColumn {
  const column = "networkId" in table ? table.networkId : table.organizationId;
  if (!column) throw new Error("not a network's table: it has no network_id / organization_id column");
  return column;
}

/** Rows of the network (and, when given, matching every further condition). */
export function inNetwork(table: NetworkTable, networkId: string, ...conditions: Condition[]): SQL {
  return and(eq(networkColumn(table), networkId), ...conditions) as SQL;
}

/** The row `id` of the network: matches nothing when the id belongs to another network. */
export function byId(table: NetworkIdTable, networkId: string, id: string, ...conditions: Condition[]): SQL {
  return inNetwork(table, networkId, eq(table.id, id), ...conditions);
}

/** The row of person `userId` in the network (tables keyed by network and user). */
export function byUser(
  table: NetworkUserTable,
  networkId: string,
  userId: string,
  ...conditions: Condition[]
): SQL {
  return inNetwork(table, networkId, eq(table.userId, userId), ...conditions);
}
