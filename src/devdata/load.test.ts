// The loader on the test database (PGlite in memory, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelKey, syncDirectory } from "../modules/directory/index.ts";
import { createTestEnv, makeNetwork, ORIGIN, type TestEnv, uniq } from "../test/harness.ts";
import { generateAlumni } from "./alumni.ts";
import { loadGenerated, passwordHashFor } from "./load.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const countsOf = async (networkId: string) => {
  const [row] = await env.ctx.database.query<Record<string, number>>(
    `select
      (select count(*)::int from member where organization_id = $1 and role = 'alumni') as alumni,
      (select count(*)::int from member where organization_id = $1 and status = 'suspended') as suspended,
      (select count(*)::int from member m join roster_entry r on r.id = m.roster_entry_id and r.linked_user_id = m.user_id
        where m.organization_id = $1) as linked,
      (select count(*)::int from profile p join member m on m.organization_id = p.network_id and m.user_id = p.user_id
        where p.network_id = $1 and m.role = 'alumni') as profiles,
      (select count(*)::int from member_consent where network_id = $1) as consents,
      (select count(*)::int from member_consent where network_id = $1 and directory) as listed,
      (select count(*)::int from consent_log where network_id = $1) as "consentLog",
      (select count(*)::int from roster_entry where network_id = $1) as roster,
      (select count(*)::int from welcome_survey_response where network_id = $1) as surveys,
      (select count(*)::int from account a join member m on m.user_id = a.user_id
        where m.organization_id = $1 and m.role = 'alumni' and a.provider_id = 'credential') as accounts`,
    [networkId],
  );
  return row;
};

describe("loadGenerated", () => {
  it("writes 500 alumni with roster rows, profiles, consents and survey answers, in batches", async () => {
    const net = await makeNetwork(env);
    const tag = uniq("l");
    const hash = await passwordHashFor(env.ctx, "loader-pass-123");
    const progress: number[] = [];
    const r = await loadGenerated(
      env.ctx,
      { seed: 4, count: 500, emailTag: tag, today: "2025-12-31" },
      { networkId: net.id, passwordHash: hash, batchSize: 200, onProgress: (d) => progress.push(d) },
    );
    expect(r.people).toBe(500);
    expect(progress).toEqual([200, 400, 500]);
    const expected = generateAlumni({ seed: 4, count: 500, emailTag: tag, today: "2025-12-31" });
    const c = await countsOf(net.id);
    expect(c).toEqual({
      alumni: 500,
      suspended: expected.filter((p) => p.status === "suspended").length,
      linked: 500,
      profiles: 500,
      consents: 500,
      listed: expected.filter((p) => p.consent.directory).length,
      consentLog: 500,
      roster: 500,
      surveys: expected.filter((p) => p.welcomeSurvey).length,
      accounts: 500,
    });
    expect(c.suspended).toBeGreaterThan(0);

    // Stored values round-trip (arrays, JSON, dates), and the consent refers to the notice version.
    const p = expected[3];
    const [row] = await env.ctx.database.query<any>(
      `select p.skills, p.departments, p.links, p.visibility, p.open_to, r.join_date::text as join_date,
              r.employee_number, c.notice_version, u.email, u.email_verified
         from "user" u join profile p on p.user_id = u.id
         join roster_entry r on r.linked_user_id = u.id
         join member_consent c on c.user_id = u.id and c.network_id = p.network_id
        where u.email = $1 and p.network_id = $2`,
      [p.email, net.id],
    );
    expect(row).toMatchObject({
      skills: p.profile.skills,
      departments: p.profile.departments,
      links: p.profile.links,
      visibility: p.profile.visibility,
      open_to: p.profile.openTo,
      join_date: p.joinDate,
      employee_number: p.employeeNumber,
      notice_version: 1,
      email_verified: true,
    });
  });

  it("gives accounts that sign in with the shared password, and is a member of the network", async () => {
    const net = await makeNetwork(env);
    const tag = uniq("s");
    const hash = await passwordHashFor(env.ctx, "loader-pass-123");
    await loadGenerated(
      env.ctx,
      { seed: 5, count: 3, emailTag: tag },
      { networkId: net.id, passwordHash: hash },
    );
    const [first] = generateAlumni({ seed: 5, count: 1, emailTag: tag });
    const res = await env.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: ORIGIN,
      payload: { email: first.email, password: "loader-pass-123" },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]).split(";")[0];
    const me = await env.app.inject({
      method: "GET",
      url: `/api/n/${net.slug}/profiles/me`,
      headers: { cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().displayName).toBe(first.profile.displayName);
    const wrong = await env.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: ORIGIN,
      payload: { email: first.email, password: "not-the-password" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("rolls a failing batch back entirely (no half-written people)", async () => {
    const net = await makeNetwork(env);
    const tag = uniq("f");
    await loadGenerated(
      env.ctx,
      { seed: 6, count: 5, emailTag: tag },
      { networkId: net.id, passwordHash: null },
    );
    // Indices 3..7 overlap the first load: the batch hits the unique e-mail and is rolled back.
    await expect(
      loadGenerated(
        env.ctx,
        { seed: 6, count: 5, startIndex: 3, emailTag: tag },
        { networkId: net.id, passwordHash: null },
      ),
    ).rejects.toThrow();
    const c = await countsOf(net.id);
    expect([c.alumni, c.roster, c.profiles, c.accounts]).toEqual([5, 5, 5, 0]);
  });

  it("writes the directory exactly as a profile save would (rows, cards, suggestion counts, version)", async () => {
    const net = await makeNetwork(env);
    const version = async () =>
      (
        await env.ctx.database.query<{ v: number }>(
          "select directory_version::int as v from organization where id = $1",
          [net.id],
        )
      )[0].v;
    const before = await version();
    // Three batches: suggestion counts of the same label add up across transactions.
    await loadGenerated(
      env.ctx,
      { seed: 9, count: 120, emailTag: uniq("d") },
      { networkId: net.id, passwordHash: null, batchSize: 50 },
    );
    // A running server's cached directory pages are stale after the load (cache.ts).
    expect(await version()).toBeGreaterThan(before);
    const snapshot = async () => ({
      entries: await env.ctx.database.query(
        `select audience, user_id, role, name_sort, member_since, join_year, departments, industry, job_type,
                skills, location, open_to, tsv::text, txt
           from directory_entry where network_id = $1 order by audience, user_id`,
        [net.id],
      ),
      cards: await env.ctx.database.query(
        "select audience, user_id, card, photo_path from directory_card where network_id = $1 order by audience, user_id",
        [net.id],
      ),
      // The label is the latest spelling written for a key (ﾏｰｹﾃｨﾝｸﾞ / マーケティング): it depends on
      // the order members were indexed in, so it is checked apart (below) and not compared.
      terms: await env.ctx.database.query<{ audience: string; field: string; key: string; count: number }>(
        "select audience, field, key, count from directory_term where network_id = $1 order by 1, 2, 3",
        [net.id],
      ),
    });
    const loaded = await snapshot();
    const people = generateAlumni({ seed: 9, count: 120 });
    const active = people.filter((p) => p.status === "active");
    const listed = active.filter((p) => p.consent.directory);
    const alumniRows = (audience: string) =>
      loaded.entries.filter((e: any) => e.audience === audience && e.role === "alumni").length;
    // Every active alumnus is found by operators, only those who consented by members.
    expect([alumniRows("operators"), alumniRows("members")]).toEqual([active.length, listed.length]);
    expect(listed.length).toBeLessThan(active.length); // both cases occur
    expect(loaded.cards.length).toBe(loaded.entries.length);
    expect(loaded.terms.length).toBeGreaterThan(10);
    expect(loaded.terms.some((t) => t.count > 1)).toBe(true);
    // Each count is the number of that audience's rows showing the key. (A later syncDirectory
    // cannot reveal a wrong count: it subtracts what the old rows hold and adds the same again.)
    const shown = await env.ctx.database.query(
      `select audience, field, key, count(*)::int as count from (
         select audience, 'skills' as field, unnest(skills) as key from directory_entry where network_id = $1
         union all
         select audience, 'departments', unnest(departments) from directory_entry where network_id = $1
         union all
         select audience, 'location', location from directory_entry where network_id = $1 and location is not null
       ) t group by 1, 2, 3 order by 1, 2, 3`,
      [net.id],
    );
    expect(loaded.terms).toEqual(shown);
    const labels = await env.ctx.database.query<{ key: string; label: string }>(
      "select key, label from directory_term where network_id = $1",
      [net.id],
    );
    for (const t of labels) expect(labelKey(t.label)).toBe(t.key);

    const ids = (
      await env.ctx.database.query<{ user_id: string }>(
        "select user_id from member where organization_id = $1 and role = 'alumni'",
        [net.id],
      )
    ).map((r) => r.user_id);
    await env.ctx.db.transaction((tx) => syncDirectory(tx, net.id, ids));
    expect(await snapshot()).toEqual(loaded);
  });
});
