// The network's report threshold: how many distinct members reporting a post or comment hide it
// pending review (network_settings.report_threshold, default 3).
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { setThreshold, thresholdOf } from "./queries.ts";

export const moderationSettings = async (scope: Scope) => ({
  reportThreshold: await thresholdOf(scope.db, scope.network.id),
});

export async function changeModerationSettings(scope: Scope, input: { reportThreshold: number }) {
  return inTransaction(scope, async (tx) => {
    const from = await thresholdOf(tx.db, tx.network.id);
    await setThreshold(tx.db, tx.network.id, input.reportThreshold, tx.actor.userId);
    await audit(tx.db, {
      networkId: tx.network.id,
      actor: tx.actor,
      action: "moderation.settings.update",
      targetType: "network",
      targetId: tx.network.id,
      data: { reportThreshold: { from, to: input.reportThreshold } },
    });
    return { reportThreshold: input.reportThreshold };
  });
}
