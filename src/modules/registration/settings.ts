// The network's registration policy (when a self-registration is approved without an operator),
// chosen by its operators: `strict` by default, `lenient` only on purpose. Every change is audited.
import { audit } from "../../server/audit.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import type { RegistrationPolicy } from "./matching.ts";
import { registrationPolicyOf, setRegistrationPolicy } from "./queries.ts";

export async function registrationSettings(scope: Scope) {
  return { policy: await registrationPolicyOf(scope.db, scope.network.id) };
}

export async function updateRegistrationSettings(scope: Scope, input: { policy: RegistrationPolicy }) {
  return inTransaction(scope, async (tx) => {
    const previous = await setRegistrationPolicy(tx.db, tx.network.id, input.policy, tx.actor.userId);
    if (previous !== input.policy) {
      await audit(tx.db, {
        networkId: tx.network.id,
        actor: tx.actor,
        action: "registration.policy_change",
        targetType: "network",
        targetId: tx.network.id,
        data: { from: previous, to: input.policy },
      });
    }
    return { policy: input.policy };
  });
}
