// The CLI's commands, called as functions on the test database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL), plus one real process for the data-directory lock.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAlumni, rosterCsv } from "../devdata/index.ts";
import { createTestEnv, makeNetwork, ORIGIN, type TestEnv, uniq } from "../test/harness.ts";
import { CliError, createNetworkCommand, generateCommand, importRosterCommand } from "./commands.ts";
import { DEMO_PASSWORD } from "./demo-content.ts";
import { seedDemo } from "./seed-demo.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

/** Users of one seeded demo: named (@slug.example) and generated (+slug@…) e-mails. */
const usersOf = async (slug: string) =>
  (
    await env.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from "user" where email like $1 or email like $2`,
      [`%@${slug}.example`, `%+${slug}@%`],
    )
  )[0].n;

async function signIn(email: string, password: string) {
  const res = await env.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: ORIGIN,
    payload: { email, password },
  });
  return { status: res.statusCode, cookie: String(res.headers["set-cookie"] ?? "").split(";")[0] };
}

describe("seed-demo", () => {
  it("creates a living demo network once; re-running changes nothing; --reset rebuilds without duplicates", async () => {
    const slug = uniq("demo-").toLowerCase();
    const opts = { slug, alumni: 40, rosterOnly: 20, seed: 3, today: "2025-12-31" };
    const first = await seedDemo(env.ctx, opts);
    expect(first.created).toBe(true);
    const expectedSurveys = generateAlumni({
      seed: 3,
      count: 40,
      today: "2025-12-31",
      emailTag: slug,
    }).filter((p) => p.welcomeSurvey).length;
    expect(first.counts).toEqual({
      operators: 2,
      employees: 3,
      alumni: 41, // 40 generated + the named alumnus
      suspended: 1, // generated index 7
      roster: 61,
      rosterOnly: 20,
      pending: 5,
      invitations: 4,
      welcomeSurveys: expectedSurveys,
      posts: 51, // 40 in the feed + the spam post the moderation demo hides + 8 in the demo groups + 2 new for alumni@'s home
      groups: 3,
      events: 6,
      comments: expect.any(Number),
    });
    expect(first.counts.comments).toBeGreaterThan(20);
    // alumni@ finds something new in every section of the home page.
    const alumna = await signIn(`alumni@${slug}.example`, DEMO_PASSWORD);
    const home = (
      await env.app.inject({ method: "GET", url: `/api/n/${slug}/home`, headers: { cookie: alumna.cookie } })
    ).json();
    expect(home.announcements.unread).toBeGreaterThanOrEqual(1);
    expect(home.replies.items.map((r: { kind: string }) => r.kind).sort()).toEqual([
      "mention",
      "reply",
      "reply",
    ]);
    expect(home.groups.items.some((g: { newPosts: number }) => g.newPosts > 0)).toBe(true);
    expect(home.newcomers.cohort.length + home.newcomers.department.length).toBeGreaterThan(0);
    // A demo platform admin only where the installation had none (the first-run setup then is done).
    const admins = first.accounts.filter((a) => a.role === "admin");
    // 5 named + 1 named alumnus + 40 alumni + 5 registrants (+ the demo admin, if any)
    expect(await usersOf(slug)).toBe(51 + admins.length);
    expect(admins.length).toBeLessThanOrEqual(1);
    for (const a of admins) expect((await signIn(a.email, a.password)).status).toBe(200);
    const [{ n: adminCount }] = await env.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from "user" where platform_admin`,
    );
    expect(adminCount).toBeGreaterThanOrEqual(1);

    const again = await seedDemo(env.ctx, opts);
    expect(again.created).toBe(false);
    expect(again.networkId).toBe(first.networkId);
    expect(again.counts).toEqual(first.counts);
    expect(await usersOf(slug)).toBe(51 + admins.length);

    const reset = await seedDemo(env.ctx, { ...opts, reset: true });
    expect(reset.created).toBe(true);
    expect(reset.networkId).not.toBe(first.networkId);
    expect(reset.counts).toEqual(first.counts);
    expect(await usersOf(slug)).toBe(51 + admins.length);
    const [orgs] = await env.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from organization where slug = $1",
      [slug],
    );
    expect(orgs.n).toBe(1);
  });

  it("gives named and generated accounts that sign in, with their roles", async () => {
    const slug = uniq("demo-").toLowerCase();
    const r = await seedDemo(env.ctx, { slug, alumni: 10, rosterOnly: 10, today: "2025-12-31" });
    const byRole = (role: string) => r.accounts.filter((a) => a.role === role);
    expect(byRole("admin")).toHaveLength(0); // the installation already has a platform admin
    expect(byRole("operator")).toHaveLength(2);
    expect(byRole("employee")).toHaveLength(3);
    expect(byRole("alumni").length).toBeGreaterThanOrEqual(2);

    const op = await signIn(`operator@${slug}.example`, DEMO_PASSWORD);
    expect(op.status).toBe(200);
    const members = await env.app.inject({
      method: "GET",
      url: `/api/n/${slug}/members?limit=100`,
      headers: { cookie: op.cookie },
    });
    expect(members.statusCode).toBe(200);
    expect(members.json().total).toBe(2 + 3 + 11);

    for (const a of byRole("alumni")) {
      const s = await signIn(a.email, a.password);
      expect(s.status).toBe(200);
      const me = await env.app.inject({
        method: "GET",
        url: `/api/n/${slug}/profiles/me`,
        headers: { cookie: s.cookie },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().skills.length).toBeGreaterThan(0);
    }
    // The named alumnus has not answered the welcome survey (so a newcomer sees it).
    const [named] = await env.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from welcome_survey_response w join "user" u on u.id = w.user_id where u.email = $1`,
      [`alumni@${slug}.example`],
    );
    expect(named.n).toBe(0);
  });

  it("puts near-misses in the approval queue next to the roster rows they resemble", async () => {
    const slug = uniq("demo-").toLowerCase();
    const r = await seedDemo(env.ctx, { slug, alumni: 5, rosterOnly: 10, today: "2025-12-31" });
    const regs = await env.ctx.database.query<any>(
      `select g.name, g.join_ym, g.leave_ym, g.employee_number, g.status,
              (select count(*)::int from roster_entry e where e.network_id = g.network_id
                 and to_char(e.join_date, 'YYYY-MM') = g.join_ym) as same_join,
              (select count(*)::int from roster_entry e where e.network_id = g.network_id
                 and e.name_key = replace(replace(g.name, ' ', ''), '　', '')
                 and to_char(e.join_date, 'YYYY-MM') = g.join_ym
                 and to_char(e.leave_date, 'YYYY-MM') = g.leave_ym) as exact
         from registration g where g.network_id = $1 order by g.created_at`,
      [r.networkId],
    );
    expect(regs).toHaveLength(5);
    expect(regs.every((g) => g.status === "pending")).toBe(true);
    // None matches a roster row exactly (else it would have been approved automatically) ...
    expect(regs.map((g) => g.exact)).toEqual([0, 0, 0, 0, 0]);
    // ... but the first four share their join month with a roster row (a candidate to show),
    expect(regs.slice(0, 4).every((g) => g.same_join > 0)).toBe(true);
    // and one gives an employee number that is in the roster, one digit off.
    const [numbered] = await env.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from roster_entry where network_id = $1 and employee_number = $2",
      [r.networkId, regs[3].employee_number],
    );
    expect(numbered.n).toBe(1);
  });
});

describe("create-network, import-roster, generate", () => {
  it("creates a network with a new operator account, and refuses a taken slug", async () => {
    const slug = uniq("net-").toLowerCase();
    const email = `${uniq("op")}@example.com`;
    const r = await createNetworkCommand(env.ctx, {
      name: "株式会社テスト",
      slug,
      operatorEmail: email,
      operatorPassword: "pass-1234-word",
    });
    expect(r.operatorCreated).toBe(true);
    expect((await signIn(email, "pass-1234-word")).status).toBe(200);
    await expect(
      createNetworkCommand(env.ctx, { name: "別", slug, operatorEmail: email }),
    ).rejects.toMatchObject({ code: "SLUG_TAKEN" });
    await expect(
      createNetworkCommand(env.ctx, {
        name: "別",
        slug: `${slug}-2`,
        operatorEmail: `${uniq("nobody")}@example.com`,
      }),
    ).rejects.toBeInstanceOf(CliError);
    await expect(
      createNetworkCommand(env.ctx, { name: "別", slug: "Bad Slug", operatorEmail: email }),
    ).rejects.toBeInstanceOf(CliError);
  });

  it("imports a generated roster file, updates it on re-import, and reports bad lines", async () => {
    const net = await makeNetwork(env);
    const rows = generateAlumni({ seed: 12, count: 120, today: "2025-12-31", emailTag: net.slug }).map(
      (p) => p.roster,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsg-cli-"));
    const file = path.join(dir, "roster.csv");
    fs.writeFileSync(file, rosterCsv(rows));
    const first = await importRosterCommand(env.ctx, { slug: net.slug, file });
    expect(first).toMatchObject({ rows: 120, created: 120, updated: 0, dryRun: false });
    const again = await importRosterCommand(env.ctx, { slug: net.slug, file });
    expect(again).toMatchObject({ created: 0, updated: 120 });

    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, rosterCsv([rows[0], { ...rows[1], leaveDate: "2999-01-01" }]));
    const err = await importRosterCommand(env.ctx, { slug: net.slug, file: bad }).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toContain("3行目 / line 3");
    await expect(importRosterCommand(env.ctx, { slug: "no-such-network", file })).rejects.toBeInstanceOf(
      CliError,
    );
  });

  it("generates alumni in runs that add up", async () => {
    const net = await makeNetwork(env);
    const a = await generateCommand(env.ctx, { slug: net.slug, alumni: 30, seed: 2, quiet: true });
    const b = await generateCommand(env.ctx, { slug: net.slug, alumni: 20, seed: 2, quiet: true });
    expect([a.startIndex, b.startIndex]).toEqual([0, 30]);
    const [row] = await env.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from member where organization_id = $1 and role = 'alumni'",
      [net.id],
    );
    expect(row.n).toBe(50);
  });
});

describe("the data-directory lock", () => {
  it("refuses to run on a PGlite directory that another live process holds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsg-cli-lock-"));
    fs.writeFileSync(path.join(dir, "tsunagari.lock"), String(process.pid)); // this test process is alive
    const run = promisify(execFile);
    const err: any = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "seed-demo"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dir },
    }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("stop the server first");
    expect(err.stderr).toContain("先にサーバーを停止してください");
    expect(fs.readdirSync(dir)).toEqual(["tsunagari.lock"]); // nothing was opened
  }, 30_000);
});
