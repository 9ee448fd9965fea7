import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client.ts";
import { auditLog } from "../db/schema/index.ts";
import type { Actor } from "./scope.ts";

/** Records an operator (or system) action. Call it inside the transaction that does the action. */
export async function audit(
  tx: Tx,
  entry: {
    networkId: string | null;
    actor: Actor | null;
    action: string;
    targetType?: string;
    targetId?: string;
    data?: Record<string, unknown>;
  },
) {
  await tx.insert(auditLog).values({
    id: randomUUID(),
    networkId: entry.networkId,
    actorUserId: entry.actor?.userId ?? null,
    actorLabel: entry.actor?.label ?? "system",
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? null,
  });
}
