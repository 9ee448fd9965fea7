// Network API tokens for HR systems: created by operators, shown once, stored as a hash.
// A token works only on its own network's routes whose rule admits tokens (invitationsPolicy.create).
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { apiToken } from "../../db/schema/index.ts";
import { audit } from "../../server/audit.ts";
import { hashToken } from "../../server/guards.ts";
import { inTransaction, type Scope } from "../../server/scope.ts";
import { errors } from "../../shared/errors.ts";
import { presentApiToken } from "./presenter.ts";
import { listApiTokens } from "./queries.ts";
import { newApiToken } from "./tokens.ts";

export async function createApiToken(scope: Scope, name: string) {
  const { actor } = scope;
  const networkId = scope.network.id;
  const { token, prefix } = newApiToken();
  const id = randomUUID();
  await inTransaction(scope, async ({ db: tx }) => {
    await tx
      .insert(apiToken)
      .values({ id, networkId, name, prefix, tokenHash: hashToken(token), createdBy: actor.userId });
    await audit(tx, {
      networkId,
      actor,
      action: "api_token.create",
      targetType: "api_token",
      targetId: id,
      data: { name, prefix },
    });
  });
  return { id, token };
}

/** Revokes at once: the next request with the token is refused. Revoking twice is fine. */
export async function revokeApiToken(scope: Scope, id: string) {
  const { actor } = scope;
  const networkId = scope.network.id;
  await inTransaction(scope, async ({ db: tx }) => {
    const [t] = await tx
      .select({ id: apiToken.id, name: apiToken.name, revokedAt: apiToken.revokedAt })
      .from(apiToken)
      .where(and(eq(apiToken.id, id), eq(apiToken.networkId, networkId)));
    if (!t) throw errors.notFound({ ja: "API トークン", en: "API token" });
    if (t.revokedAt) return;
    await tx
      .update(apiToken)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiToken.id, id), eq(apiToken.networkId, networkId), isNull(apiToken.revokedAt)));
    await audit(tx, {
      networkId,
      actor,
      action: "api_token.revoke",
      targetType: "api_token",
      targetId: id,
      data: { name: t.name },
    });
  });
}

export async function apiTokenList(scope: Scope) {
  return (await listApiTokens(scope.db, scope.network.id)).map(presentApiToken);
}
