// Test helpers for groups: a group made by the network's operator, with members added directly.
import { call, type TestEnv, type TestNetwork, type TestUser } from "../../test/harness.ts";

export async function makeTestGroup(
  env: TestEnv,
  net: TestNetwork,
  opts: { name: string; kind: "open" | "closed" | "secret"; description?: string; members?: TestUser[] },
): Promise<{ id: string; name: string }> {
  const res = await call(env, {
    method: "POST",
    url: `/api/n/${net.slug}/groups`,
    user: net.operator,
    payload: { name: opts.name, kind: opts.kind, description: opts.description ?? "" },
  });
  if (res.statusCode !== 201) throw new Error(`group not created: ${res.body}`);
  const g = res.json();
  for (const m of opts.members ?? []) {
    const r = await call(env, {
      method: "POST",
      url: `/api/n/${net.slug}/groups/${g.id}/members`,
      user: net.operator,
      payload: { userId: m.id },
    });
    if (r.statusCode !== 200) throw new Error(`member not added: ${r.body}`);
  }
  return { id: g.id, name: g.name };
}
