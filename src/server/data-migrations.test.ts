// Data migrations: the widened contact defaults reach stored profiles and the directory, leave
// deliberate choices alone, are audited, and run once.
import { and, eq, gt, isNotNull, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataMigration, directoryChange, organization, profile } from "../db/schema/index.ts";
import { addPerson } from "../modules/directory/testing.ts";
import { call, createTestEnv, makeMember, makeNetwork, type TestEnv } from "../test/harness.ts";
import { DATA_MIGRATIONS, runDataMigrations } from "./data-migrations.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env?.close());

const silent = pino({ level: "silent" });
const [contact, variants, reading] = DATA_MIGRATIONS;

describe("data migrations", () => {
  it("shows 'open to' and contact preferences to members where the former default was kept", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "employee");
    const kept = await addPerson(env, n, {
      key: "kept",
      displayName: "初期 のまま",
      openTo: ["freelance"],
      visibility: { openTo: "operators", contactChannel: "operators", contactHours: "operators" },
    });
    const chosen = await addPerson(env, n, {
      key: "chosen",
      displayName: "非公開 さん",
      openTo: ["freelance"],
      visibility: { openTo: "private", contactChannel: "private" },
    });
    const freelancers = async () =>
      (await call(env, { url: `/api/n/${n.slug}/directory?openTo=freelance&limit=50`, user: viewer }))
        .json()
        .items.map((i: any) => i.userId);
    expect(await freelancers()).toEqual([]);

    // As if this database had not run the migration yet (other test files' networks may be here).
    await env.ctx.db.delete(dataMigration).where(eq(dataMigration.id, contact.id));
    const changed = await runDataMigrations(env.ctx.db, silent, [contact]);
    expect(changed[contact.id]).toBeGreaterThanOrEqual(1);

    expect(await freelancers()).toEqual([kept]);
    const vis = async (userId: string) =>
      (
        await env.ctx.db
          .select({ v: profile.visibility })
          .from(profile)
          .where(and(eq(profile.networkId, n.id), eq(profile.userId, userId)))
      )[0].v;
    expect(await vis(kept)).toMatchObject({
      openTo: "members",
      contactChannel: "members",
      contactHours: "members",
    });
    expect(await vis(chosen)).toMatchObject({
      openTo: "private",
      contactChannel: "private",
      contactHours: "members",
    });
    const [row] = await env.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, n.id), eq(auditLog.action, "profiles.defaults_updated")));
    expect(row.data).toMatchObject({ profiles: 1, to: "members" });

    // Recorded: a later start does not run it again, and a later narrowing stays.
    await env.ctx.db
      .update(profile)
      .set({ visibility: sql`${profile.visibility} || '{"openTo":"operators"}'::jsonb` })
      .where(and(eq(profile.networkId, n.id), eq(profile.userId, kept)));
    expect(await runDataMigrations(env.ctx.db, silent, [contact])).toEqual({});
    expect((await vis(kept)).openTo).toBe("operators");
  });

  it("re-indexes the members whose names hold a variant kanji, and no one else", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const taka = await addPerson(env, n, { key: "taka", displayName: "髙橋 一郎" });
    await addPerson(env, n, { key: "plain", displayName: "佐藤 二郎" });
    // Rows as an index without the folding wrote them: the text keeps 髙.
    await env.ctx.db.execute(
      sql`update directory_entry set txt = replace(txt, '高', '髙'), tsv = array_to_tsvector('{髙橋,一郎}')
           where network_id = ${n.id} and user_id = ${taka}`,
    );
    const found = async () =>
      (await call(env, { url: `/api/n/${n.slug}/directory?q=${encodeURIComponent("高橋")}`, user: viewer }))
        .json()
        .items.map((i: any) => i.userId);
    expect(await found()).toEqual([]);
    await env.ctx.db.delete(dataMigration).where(eq(dataMigration.id, variants.id));
    const changed = await runDataMigrations(env.ctx.db, silent, [variants]);
    expect(changed[variants.id]).toBeGreaterThanOrEqual(1);
    expect(await found()).toEqual([taka]);
  });

  it("gives today's name the reading of the same name while employed, rebuilds the cards it looked at and no others, audited", async () => {
    const n = await makeNetwork(env);
    const viewer = await makeMember(env, n, "alumni");
    const same = await addPerson(env, n, {
      key: "same",
      displayName: "渡辺 翔太",
      nameWhileEmployed: "渡邊　翔太",
      nameKana: "ワタナベ ショウタ",
    });
    const married = await addPerson(env, n, {
      key: "married",
      displayName: "東 夏美",
      nameWhileEmployed: "松村 夏美",
      nameKana: "マツムラ ナツミ",
    });
    // The same name, its reading shown to operators only: not copied to today's (always shown) reading.
    const guarded = await addPerson(env, n, {
      key: "guarded",
      displayName: "石井 涼",
      nameWhileEmployed: "石井 涼",
      nameKana: "イシイ リョウ",
      visibility: { nameKana: "operators" },
    });
    // No other name, and its reading: the reading of today's name.
    const kanaOnly = await addPerson(env, n, {
      key: "kana",
      displayName: "金子 純",
      nameKana: "カネコ ジュン",
    });
    // No name while employed, no reading: nothing for the migration to look at.
    const plain = await addPerson(env, n, { key: "plain", displayName: "佐藤 二郎" });
    // As the index and the profiles were before migration 0012.
    await env.ctx.db.execute(sql`update profile set display_name_kana = null where network_id = ${n.id}`);
    const staleCard = (userId: string, card: object) =>
      env.ctx.db.execute(
        sql`update directory_card set card = card || ${JSON.stringify(card)}::jsonb
             where network_id = ${n.id} and user_id = ${userId}`,
      );
    await staleCard(same, { nameWhileEmployed: "渡邊　翔太", nameKana: "ワタナベ ショウタ" });
    // Shown (and sorted) under today's name then: the reading of the name while employed.
    await staleCard(married, { displayNameKana: "マツムラ ナツミ" });
    await staleCard(plain, { bio: "再構築されていない" });
    const [{ version }] = await env.ctx.db
      .select({ version: organization.directoryVersion })
      .from(organization)
      .where(eq(organization.id, n.id));
    await env.ctx.db.delete(dataMigration).where(eq(dataMigration.id, reading.id));
    const changed = await runDataMigrations(env.ctx.db, silent, [reading]);
    expect(changed[reading.id]).toBeGreaterThanOrEqual(4);

    // The rows of the four profiles it looked at were rebuilt, and no others.
    const rebuilt = await env.ctx.db
      .selectDistinct({ userId: directoryChange.userId })
      .from(directoryChange)
      .where(
        and(
          eq(directoryChange.networkId, n.id),
          gt(directoryChange.version, version),
          isNotNull(directoryChange.userId),
        ),
      );
    expect(rebuilt.map((r) => r.userId).sort()).toEqual([same, married, guarded, kanaOnly].sort());
    const [audited] = await env.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.networkId, n.id), eq(auditLog.action, "profiles.reading_filled")));
    expect(audited.data).toEqual({ profiles: 4, readings: 2 });

    const cards = (await call(env, { url: `/api/n/${n.slug}/directory?sort=name`, user: viewer })).json()
      .items;
    const byId = new Map(cards.map((c: any) => [c.userId, c]));
    expect(byId.get(same)).toMatchObject({ displayName: "渡辺 翔太", displayNameKana: "ワタナベ ショウタ" });
    expect(byId.get(same)).not.toHaveProperty("nameWhileEmployed");
    expect(byId.get(married)).toMatchObject({ nameWhileEmployed: "松村 夏美", nameKana: "マツムラ ナツミ" });
    expect(byId.get(married)).toMatchObject({ displayNameKana: null });
    expect(byId.get(plain)).toMatchObject({ bio: "再構築されていない" });
    const stored = await env.ctx.db
      .select({ userId: profile.userId, k: profile.displayNameKana })
      .from(profile)
      .where(eq(profile.networkId, n.id));
    expect(Object.fromEntries(stored.map((r) => [r.userId, r.k]))).toMatchObject({
      [same]: "ワタナベ ショウタ",
      [married]: null,
      [guarded]: null,
      [kanaOnly]: "カネコ ジュン",
    });
    expect(byId.get(kanaOnly)).toMatchObject({ displayNameKana: "カネコ ジュン" });
    expect(JSON.stringify(byId.get(guarded))).not.toContain("イシイ");
  });
});
