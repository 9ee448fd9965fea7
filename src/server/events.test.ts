// Domain events: every type has a subscriber, and what subscribers do commits or rolls back with
// the write that recorded the event.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organization } from "../db/schema/index.ts";
import { admitTestMember } from "../modules/members/testing.ts";
import { createTestEnv, makeNetwork, type TestEnv } from "../test/harness.ts";
import { record, unsubscribed } from "./events.ts";
import { EVENT_TYPES, registerSubscribers } from "./subscribers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const versionOf = async (networkId: string) =>
  (
    await env.ctx.db
      .select({ v: organization.directoryVersion })
      .from(organization)
      .where(eq(organization.id, networkId))
  )[0].v;

describe("domain events", () => {
  it("has a subscriber for every event type", () => {
    expect(EVENT_TYPES.length).toBeGreaterThan(0);
    expect(unsubscribed(EVENT_TYPES)).toEqual([]);
  });

  it("runs subscribers in the write's transaction: rolled back with it, committed with it", async () => {
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const before = await versionOf(net.id);
    await expect(
      env.ctx.db.transaction(async (tx) => {
        await record(tx, { type: "member.changed", networkId: net.id, userIds: [u.id] });
        throw new Error("the write fails after its event");
      }),
    ).rejects.toThrow(/write fails/);
    expect(await versionOf(net.id)).toBe(before);
    await env.ctx.db.transaction((tx) =>
      record(tx, { type: "member.changed", networkId: net.id, userIds: [u.id] }),
    );
    expect(await versionOf(net.id)).toBeGreaterThan(before);
  });

  it("runs each subscriber once, however often the services register them", async () => {
    registerSubscribers();
    registerSubscribers();
    const net = await makeNetwork(env);
    const u = await admitTestMember(env, net, "alumni");
    const before = await versionOf(net.id);
    await env.ctx.db.transaction((tx) =>
      record(tx, { type: "member.changed", networkId: net.id, userIds: [u.id] }),
    );
    expect(await versionOf(net.id)).toBe(before + 1);
  });
});
