// admitMember never takes over a roster row that already belongs to another member.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { member, rosterEntry } from "../../db/schema/index.ts";
import { createTestEnv, makeNetwork, makeUser, type TestEnv } from "../../test/harness.ts";
import { admitMember } from "./admit.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

describe("admitMember", () => {
  it("refuses a roster row linked to someone else, and changes nothing", async () => {
    const net = await makeNetwork(env);
    const rowId = randomUUID();
    await env.ctx.db.insert(rosterEntry).values({
      id: rowId,
      networkId: net.id,
      employeeNumber: "X1",
      name: "佐藤 一郎",
      nameKey: "佐藤一郎",
      joinDate: "2010-04-01",
      leaveDate: "2020-03-31",
    });
    const a = await makeUser(env);
    const b = await makeUser(env);
    const admit = (userId: string) =>
      env.ctx.db.transaction((tx) =>
        admitMember(tx, {
          networkId: net.id,
          userId,
          role: "alumni",
          verifiedVia: "invitation",
          verifiedBy: null,
          rosterEntryId: rowId,
          profile: { displayName: "佐藤 一郎" },
        }),
      );
    expect(await admit(a.id)).toBe(true);
    await expect(admit(b.id)).rejects.toMatchObject({ code: "ROSTER_ENTRY_LINKED", status: 409 });
    const [row] = await env.ctx.db.select().from(rosterEntry).where(eq(rosterEntry.id, rowId));
    expect(row.linkedUserId).toBe(a.id);
    expect(await env.ctx.db.select().from(member).where(eq(member.userId, b.id))).toHaveLength(0);
  });
});
