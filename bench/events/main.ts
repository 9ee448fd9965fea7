// `npm run bench -- events`: seats under a rush, and the event list at scale, on PostgreSQL and
// on PGlite, through the real app (routes, access hook, services, the event row's lock) called in
// process with `app.inject` (no TCP: what is measured is the server's work and its waiting for
// the lock, not a network).
//   1. 1,000 members RSVP at once for 100 seats: exactly 100 confirmed, 900 waitlisted in the
//      order they got the lock, 0 errors, 0 deadlocks; p50/p95/p99 and throughput; the invariant
//      (confirmed seats ≤ capacity, counters = rows) sampled every 10 ms during the run.
//   2. 50 of the confirmed cancel at once: exactly 50 promotions, the first 50 waiting, the
//      invariant sampled again.
//   3. The event list of a member of a 100,000-member network with 2,000 events, 16 requests at a
//      time for 10 s, against a bare SELECT of one page on the same database in the same run.
// Options: --db postgres|pglite|both (default both), --members N (default 100000), --seconds N,
// --readers N (members reading the list, default 100), --list-only (the list alone, printed),
// --pglite-members N (PGlite's network for the list, default 10000).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import pino from "pino";
import { admitMember } from "../../src/modules/members/index.ts";
import { createNetwork } from "../../src/modules/networks/index.ts";
import { createVerifiedUser } from "../../src/server/accounts.ts";
import { type App, buildApp } from "../../src/server/app.ts";
import type { PasswordHashing } from "../../src/server/auth.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { AppContext } from "../../src/server/context.ts";
import { platformScope } from "../../src/server/scope.ts";
import { closeServices, openServices } from "../../src/server/services.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const DBS = opt("db", "both");
const MEMBERS = Number(opt("members", "100000"));
/** PGlite's network for the list (the embedded database's size: the directory's and feed's 10,000). */
const PGLITE_MEMBERS = Number(opt("pglite-members", "10000"));
const membersOf = (kind: "postgres" | "pglite") => (kind === "pglite" ? PGLITE_MEMBERS : MEMBERS);
const SECONDS = Number(opt("seconds", "10"));
/** Members who read the list (signed in), each with groups and RSVPs of their own. */
const READERS = Number(opt("readers", "100"));
const LIST_ONLY = args.includes("--list-only");
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/events_bench";
const BASE = "http://localhost:3610";
const PASSWORD = "bench-password";
// The bench signs 1,000 people in: a cheap hash (bench only), not the production scrypt.
const hashing: PasswordHashing = {
  hash: async (p) => `bench:${p}`,
  verify: async ({ hash, password }) => hash === `bench:${password}`,
};

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
};
const ms = (n: number) => n.toFixed(1);

async function resetPg() {
  const u = new URL(PG_URL);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await c.end();
}

async function open(kind: "postgres" | "pglite"): Promise<{ app: App; ctx: AppContext }> {
  if (kind === "postgres") await resetPg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "events-bench-"));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      BASE_URL: BASE,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
      LOG_LEVEL: "silent",
      REQUIRE_2FA: "off",
      ...(kind === "postgres" ? { DATABASE_URL: PG_URL } : {}),
    },
    [],
  );
  const ctx = await openServices(config, {
    inMemory: true,
    passwordHashing: hashing,
    rateLimit: false,
    logger: pino({ level: "silent" }),
  });
  const app = await buildApp(ctx);
  await app.ready();
  return { app, ctx };
}

async function signIn(app: App, email: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { origin: BASE },
    payload: { email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in ${email}: ${res.statusCode} ${res.body}`);
  const set = res.headers["set-cookie"];
  return (Array.isArray(set) ? set : [String(set)]).map((c) => c.split(";")[0]).join("; ");
}

async function person(ctx: AppContext, app: App, networkId: string, role: "operator" | "alumni", i: number) {
  const email = `bench-${role}-${i}-${randomUUID().slice(0, 6)}@example.com`;
  const u = await createVerifiedUser(ctx, { name: `参加者 ${i}`, email, password: PASSWORD });
  await ctx.db.transaction((tx) =>
    admitMember(tx, {
      networkId,
      userId: u.id,
      role,
      verifiedVia: "operator_added",
      verifiedBy: null,
      profile: { displayName: `参加者 ${i}` },
    }),
  );
  return { id: u.id, cookie: await signIn(app, email) };
}

async function network(ctx: AppContext, name: string) {
  const slug = `bench-${randomUUID().slice(0, 8)}`;
  const admin = await createVerifiedUser(ctx, {
    name: "運営者",
    email: `${slug}-op@example.com`,
    password: PASSWORD,
  });
  const id = await createNetwork(
    platformScope(ctx, { userId: admin.id, label: "bench" }),
    {
      name,
      slug,
      privacyNotice: { body: "ベンチマーク用のネットワークです。".repeat(4), purposes: ["ネットワーク運営"] },
    },
    admin.id,
  );
  return { id, slug, operatorEmail: `${slug}-op@example.com`, operatorId: admin.id };
}

type Invariant = { samples: number; violations: string[]; maxConfirmed: number };

/** Samples the invariant every 10 ms until stopped: confirmed seats ≤ capacity, counters = rows. */
function sampler(ctx: AppContext, eventId: string) {
  const inv: Invariant = { samples: 0, violations: [], maxConfirmed: 0 };
  let on = true;
  const loop = (async () => {
    while (on) {
      const res = await ctx.db.execute(sql`
        select e.capacity, e.seats_taken as "seatsTaken", e.waitlisted,
          (select coalesce(sum(1 + guests), 0)::int from event_rsvp r where r.network_id = e.network_id and r.event_id = e.id and r.status = 'confirmed') as confirmed,
          (select coalesce(sum(1 + guests), 0)::int from event_rsvp r where r.network_id = e.network_id and r.event_id = e.id and r.status = 'waitlisted') as waiting
        from event e where e.id = ${eventId}`);
      const r = res.rows[0] as {
        capacity: number;
        seatsTaken: number;
        waitlisted: number;
        confirmed: number;
        waiting: number;
      };
      inv.samples++;
      inv.maxConfirmed = Math.max(inv.maxConfirmed, r.confirmed);
      if (r.confirmed > r.capacity) inv.violations.push(`confirmed ${r.confirmed} > capacity ${r.capacity}`);
      if (r.seatsTaken !== r.confirmed || r.waitlisted !== r.waiting)
        inv.violations.push(`counters ${r.seatsTaken}/${r.waitlisted} ≠ rows ${r.confirmed}/${r.waiting}`);
      await new Promise((ok) => setTimeout(ok, 10));
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      return inv;
    },
  };
}

async function deadlocks(ctx: AppContext, kind: string) {
  if (kind !== "postgres") return 0;
  const res = await ctx.db.execute(
    sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`,
  );
  return (res.rows[0] as { n: number }).n;
}

async function rush(kind: "postgres" | "pglite", app: App, ctx: AppContext) {
  const net = await network(ctx, "予約ラッシュ商事");
  const op = await signIn(app, net.operatorEmail);
  process.stdout.write(`  ${kind}: 1,000 members…`);
  const people: { id: string; cookie: string }[] = [];
  for (let i = 0; i < 1000; i++) people.push(await person(ctx, app, net.id, "alumni", i));
  process.stdout.write(" ready\n");
  const starts = new Date(Date.now() + 7 * 86_400_000);
  const created = await app.inject({
    method: "POST",
    url: `/api/n/${net.slug}/events`,
    headers: { origin: BASE, cookie: op },
    payload: {
      title: "定員100名の交流会",
      format: "in_person",
      venueName: "本社",
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
      capacity: 100,
      publishAt: "now",
    },
  });
  const eventId = created.json().id as string;
  const dl0 = await deadlocks(ctx, kind);
  const watch = sampler(ctx, eventId);
  const t0 = performance.now();
  const results = await Promise.all(
    people.map(async (p) => {
      const s = performance.now();
      const res = await app.inject({
        method: "PUT",
        url: `/api/n/${net.slug}/events/${eventId}/rsvp`,
        headers: { origin: BASE, cookie: p.cookie },
        payload: {},
      });
      return { status: res.statusCode, ms: performance.now() - s };
    }),
  );
  const wall = performance.now() - t0;
  const inv1 = await watch.stop();
  const rows = (
    await ctx.db.execute(sql`select user_id as "userId", status, seq, decided_at::text as at from event_rsvp
                              where event_id = ${eventId} order by seq`)
  ).rows as { userId: string; status: string; seq: number; at: string }[];
  const confirmed = rows.filter((r) => r.status === "confirmed").length;
  const waitlisted = rows.filter((r) => r.status === "waitlisted").length;
  // Arrival order: the first 100 to get the lock have the seats; the waitlist's order (seq) is the
  // order in which each RSVP's decision was taken under the lock (its clock time).
  const byTime = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((r) => r.seq);
  const inOrder =
    rows.slice(0, 100).every((r) => r.status === "confirmed") && byTime.every((s, i) => s === rows[i].seq);
  const errors = results.filter((r) => r.status !== 200).length;
  const lat = results.map((r) => r.ms);

  // 50 of the confirmed cancel at once.
  const confirmedIds = new Set(rows.filter((r) => r.status === "confirmed").map((r) => r.userId));
  const cancelling = people.filter((p) => confirmedIds.has(p.id)).slice(0, 50);
  const firstWaiting = rows
    .filter((r) => r.status === "waitlisted")
    .slice(0, 50)
    .map((r) => r.userId)
    .sort();
  const watch2 = sampler(ctx, eventId);
  const t1 = performance.now();
  const cancels = await Promise.all(
    cancelling.map(async (p) => {
      const s = performance.now();
      const res = await app.inject({
        method: "DELETE",
        url: `/api/n/${net.slug}/events/${eventId}/rsvp`,
        headers: { origin: BASE, cookie: p.cookie },
      });
      return { status: res.statusCode, ms: performance.now() - s };
    }),
  );
  const wall2 = performance.now() - t1;
  const inv2 = await watch2.stop();
  const promoted = (
    (
      await ctx.db.execute(
        sql`select user_id as "userId" from event_rsvp where event_id = ${eventId} and promoted_at is not null`,
      )
    ).rows as { userId: string }[]
  )
    .map((r) => r.userId)
    .sort();
  const after = (
    await ctx.db.execute(
      sql`select count(*) filter (where status = 'confirmed')::int as c, count(*) filter (where status = 'waitlisted')::int as w from event_rsvp where event_id = ${eventId}`,
    )
  ).rows[0] as { c: number; w: number };
  const dl = (await deadlocks(ctx, kind)) - dl0;
  return {
    kind,
    confirmed,
    waitlisted,
    inOrder,
    errors,
    deadlocks: dl,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
    rps: 1000 / (wall / 1000),
    wall,
    inv1,
    cancelErrors: cancels.filter((c) => c.status !== 200).length,
    promotions: promoted.length,
    promotedFirst: JSON.stringify(promoted) === JSON.stringify(firstWaiting),
    cancelP50: pct(
      cancels.map((c) => c.ms),
      50,
    ),
    cancelP95: pct(
      cancels.map((c) => c.ms),
      95,
    ),
    cancelP99: pct(
      cancels.map((c) => c.ms),
      99,
    ),
    cancelRps: 50 / (wall2 / 1000),
    inv2,
    after,
  };
}

/** A network of `n` members (bulk SQL) and 2,000 events over two years, a tenth with RSVPs. */
async function bigNetwork(app: App, ctx: AppContext, n: number) {
  const net = await network(ctx, "大規模商事");
  const me = await person(ctx, app, net.id, "alumni", 0);
  const t0 = performance.now();
  for (let from = 0; from < n; from += 20_000) {
    const to = Math.min(n, from + 20_000);
    await ctx.db.execute(sql`insert into "user" (id, name, email, email_verified)
      select ${net.id} || '-u' || g, 'メンバー ' || g, ${net.id} || '-' || g || '@example.com', true
        from generate_series(${from}::int, ${to - 1}::int) g`);
    await ctx.db.execute(sql`insert into member (id, organization_id, user_id, role, status)
      select ${net.id} || '-m' || g, ${net.id}, ${net.id} || '-u' || g,
             case when g % 10 = 0 then 'employee' else 'alumni' end, 'active'
        from generate_series(${from}::int, ${to - 1}::int) g`);
  }
  // 2,000 events from a year ago to a year ahead: most for the whole network, some for one side.
  await ctx.db.execute(sql`insert into event (id, network_id, title, format, venue_name, starts_at, ends_at, capacity,
                               audience, sides, published_at, created_by, seats_taken)
    select ${net.id} || '-e' || g, ${net.id}, 'イベント ' || g,
           (array['in_person','online','hybrid'])[1 + g % 3], '会場',
           now() + ((g - 1000) * interval '8 hours'), now() + ((g - 1000) * interval '8 hours') + interval '2 hours',
           50, 'network', (array['all','all','alumni','employees'])[1 + g % 4], now() - interval '30 days', ${net.operatorId}, 0
      from generate_series(0, 1999) g`);
  await ctx.db.execute(
    sql`update event set online_url = 'https://meet.example.com/x' where network_id = ${net.id} and format <> 'in_person'`,
  );
  // 40 groups; every 10th event is for one of them (the rest for the whole network).
  await ctx.db.execute(sql`insert into network_group (id, network_id, name, kind, created_by)
    select ${net.id} || '-g' || g, ${net.id}, 'グループ ' || g, (array['open','closed','secret'])[1 + g % 3], ${net.operatorId}
      from generate_series(0, 39) g`);
  await ctx.db.execute(sql`update event set audience = 'group', group_id = ${net.id} || '-g' || ((substring(id from '[0-9]+$')::int / 10) % 40)
    where network_id = ${net.id} and substring(id from '[0-9]+$')::int % 10 = 3`);
  await ctx.db.execute(sql`insert into group_membership (network_id, group_id, user_id, status, joined_at)
    select ${net.id}, ${net.id} || '-g' || (g % 40), ${net.id} || '-u' || g, 'active', now()
      from generate_series(0, ${Math.min(n, 60_000) - 1}::int) g`);
  // Others fill seats.
  await ctx.db.execute(sql`insert into event_rsvp (id, network_id, event_id, user_id, status, seq)
    select gen_random_uuid()::text, ${net.id}, ${net.id} || '-e' || (g % 2000), ${net.id} || '-u' || g, 'confirmed', 1
      from generate_series(0, ${Math.min(n, 40_000) - 1}::int) g`);
  // The readers: alumni who sign in, each in two or three groups, each with RSVPs of their own
  // (confirmed, a few waitlisted).
  const readers = [me];
  for (let i = 1; i < READERS; i++) readers.push(await person(ctx, app, net.id, "alumni", 10_000 + i));
  for (const [i, r] of readers.entries()) {
    await ctx.db.execute(sql`insert into group_membership (network_id, group_id, user_id, status, joined_at)
      select ${net.id}, ${net.id} || '-g' || ((${i} * 7 + k * 13) % 40), ${r.id}, 'active', now()
        from generate_series(0, ${1 + (i % 2)}::int) k on conflict do nothing`);
    await ctx.db.execute(sql`insert into event_rsvp (id, network_id, event_id, user_id, status, seq)
      select gen_random_uuid()::text, ${net.id}, ${net.id} || '-e' || g, ${r.id},
             case when g % 5 = 0 then 'waitlisted' else 'confirmed' end, 1000 + g
        from generate_series(${1000 + (i % 7)}::int, 1300, ${5 + (i % 11)}::int) g`);
  }
  await ctx.db.execute(sql`analyze`);
  return { net, me, readers, loadMs: performance.now() - t0 };
}

async function load(concurrency: number, seconds: number, fn: () => Promise<boolean>) {
  const lat: number[] = [];
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        const ok = await fn();
        lat.push(performance.now() - s);
        if (!ok) errors++;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    /** CPU of this process (the app and the load generator: app.inject) per request, ms. */
    cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, lat.length),
    n: lat.length,
    errors,
    rps: lat.length / wall,
    p50: pct(lat, 50),
    p95: pct(lat, 95),
    p99: pct(lat, 99),
  };
}

/**
 * The list as members read it: many members (their groups, sides and RSVPs differ), a mix of what
 * they ask for — upcoming (first page 40 %, page 2 15 %), their RSVPs 15 %, past 10 %, a month
 * 10 %, a format 10 % — drawn from a seeded sequence.
 */
async function listBench(app: App, ctx: AppContext, members: number) {
  const { net, me, readers, loadMs } = await bigNetwork(app, ctx, members);
  const base = `/api/n/${net.slug}/events`;
  const get = (url: string, cookie: string) =>
    app.inject({ method: "GET", url, headers: { origin: BASE, cookie } });
  const check = await get(`${base}?when=upcoming`, me.cookie);
  if (check.statusCode !== 200 || check.json().items.length !== 30)
    throw new Error(`list: ${check.statusCode} ${check.body.slice(0, 200)}`);
  const cursors = new Map<string, string>();
  for (const r of readers) {
    const first = await get(`${base}?when=upcoming`, r.cookie);
    cursors.set(r.id, first.json().nextCursor);
  }
  const month = new Date(Date.now() + 9 * 3600_000 + 40 * 86_400_000).toISOString().slice(0, 7);
  const kinds: [number, string, (r: (typeof readers)[number]) => string][] = [
    [40, "upcoming", () => `${base}?when=upcoming`],
    [15, "page 2", (r) => `${base}?when=upcoming&cursor=${encodeURIComponent(cursors.get(r.id) ?? "")}`],
    [15, "my RSVPs", () => `${base}?when=upcoming&mine=true`],
    [10, "past", () => `${base}?when=past`],
    [10, "a month", () => `${base}?when=upcoming&month=${month}`],
    [10, "online only", () => `${base}?when=upcoming&format=online`],
  ];
  let seed = 1;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const draw = () => {
    const r = readers[Math.floor(rand() * readers.length)];
    let x = rand() * 100;
    for (const [w, name, url] of kinds) {
      x -= w;
      if (x < 0) return { name, url: url(r), cookie: r.cookie };
    }
    return { name: "upcoming", url: `${base}?when=upcoming`, cookie: r.cookie };
  };
  const baseline = await load(16, SECONDS, async () => {
    await ctx.db.execute(sql`select * from event where network_id = ${net.id} and published_at <= now()
      and ends_at >= now() order by starts_at, id limit 31`);
    return true;
  });
  const byKind = new Map<string, number[]>();
  const list = await load(16, SECONDS, async () => {
    const d = draw();
    const t = performance.now();
    const r = await get(d.url, d.cookie);
    if (!byKind.has(d.name)) byKind.set(d.name, []);
    byKind.get(d.name)!.push(performance.now() - t);
    return r.statusCode === 200;
  });
  // SQL statements of one request of each kind (PostgreSQL: every query the pool runs, the session
  // guard's included).
  const statements = new Map<string, number>();
  const pool = ctx.database.pool;
  if (pool) {
    const original = pool.query.bind(pool);
    let count = 0;
    (pool as { query: unknown }).query = (...a: unknown[]) => {
      count++;
      return (original as (...x: unknown[]) => unknown)(...a);
    };
    const r = readers[1] ?? me;
    for (const [, name, url] of kinds) {
      count = 0;
      await get(url(r), r.cookie);
      statements.set(name, count);
    }
    (pool as { query: unknown }).query = original;
  }
  const kindsOut = [...byKind].map(([name, xs]) => ({
    name,
    n: xs.length,
    p50: pct(xs, 50),
    p95: pct(xs, 95),
    statements: statements.get(name) ?? null,
  }));
  return { loadMs, baseline, list, kinds: kindsOut, readers: readers.length };
}

type Run = {
  rush: Awaited<ReturnType<typeof rush>>;
  list: Awaited<ReturnType<typeof listBench>>;
  load: number[];
};

/** One database's block (each run replaces only its own database's block). */
function report(run: Run, started: Date) {
  const name = (k: string) => (k === "postgres" ? "PostgreSQL" : "PGlite");
  const yes = (b: boolean) => (b ? "yes" : "**no**");
  const { rush: r, list: l, load } = run;
  const key = `bench:events-${r.kind}`;
  return [
    `<!-- ${key}:start -->`,
    `### ${name(r.kind)}`,
    "",
    `Run ${started.toISOString().replace(/\.\d+Z$/, "Z")}: \`npm run bench -- events ${args.join(" ")}\`. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, shared with other work: load average (1 min) ${load[0].toFixed(2)} at the start of the rush, ${load[1].toFixed(2)} after the list runs. Requests go through the real app in process (\`app.inject\`: routes, access hook, services; no TCP).`,
    "",
    "**1,000 RSVPs at once for 100 seats, then 50 of the confirmed cancel at once** (latency counts the wait for the event's lock: all 1,000 arrive at the same moment)",
    "",
    "| | confirmed | waitlisted | arrival order kept | errors | deadlocks | p50 ms | p95 ms | p99 ms | per s | invariant samples | violations | max confirmed seen |",
    "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| 1,000 RSVPs | ${r.confirmed} | ${r.waitlisted} | ${yes(r.inOrder)} | ${r.errors} | ${r.deadlocks} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Math.round(r.rps)} | ${r.inv1.samples} | ${r.inv1.violations.length} | ${r.inv1.maxConfirmed} |`,
    `| 50 cancellations | ${r.after.c} | ${r.after.w} | first 50 waiting promoted: ${yes(r.promotedFirst)} (${r.promotions} promotions) | ${r.cancelErrors} | – | ${ms(r.cancelP50)} | ${ms(r.cancelP95)} | ${ms(r.cancelP99)} | ${Math.round(r.cancelRps)} | ${r.inv2.samples} | ${r.inv2.violations.length} | ${r.inv2.maxConfirmed} |`,
    "",
    `**The event list: ${membersOf(r.kind).toLocaleString("en")} members, 2,000 events (a tenth for one of 40 groups, the rest for the network; for both sides, alumni or employees), ${l.readers} members reading, 16 requests at a time for ${SECONDS} s** — baseline: \`select * from event where network_id = $1 and published_at <= now() and ends_at >= now() order by starts_at, id limit 31\` on the same Database object (no HTTP, no session, no audience); the list: \`GET /api/n/:slug/events\` as alumnae (each in 2–3 groups, with RSVPs of her own) in a mix: upcoming first page 40 %, its page 2 15 %, her RSVPs 15 %, past 10 %, a month 10 %, online only 10 %.`,
    "",
    "| run | requests | errors | req/s | p50 ms | p95 ms | p99 ms | target p95 ≤ 50 ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...(
      [
        ["baseline (bare SELECT)", l.baseline],
        ["event list, the mix", l.list],
      ] as const
    ).map(
      ([label, m], i) =>
        `| ${label} | ${m.n} | ${m.errors} | ${Math.round(m.rps)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${i === 0 ? "–" : yes(m.p95 <= 50)} |`,
    ),
    "",
    "| in the mix | requests | p50 ms | p95 ms | SQL statements (one request) |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...l.kinds.map((k) => `| ${k.name} | ${k.n} | ${ms(k.p50)} | ${ms(k.p95)} | ${k.statements ?? "–"} |`),
    "",
    `<!-- ${key}:end -->`,
  ].join("\n");
}

const HEADER = [
  "<!-- bench:events:start -->",
  "## Events: RSVP rush and the event list (`npm run bench -- events`)",
  "",
  "On PGlite every transaction runs after the other (one connection), so the invariant sampler only gets in between the rush's transactions; on PostgreSQL it samples while they wait for the lock.",
  "",
  "<!-- bench:events:end -->",
].join("\n");

const started = new Date();
const runs: Run[] = [];
for (const kind of ["postgres", "pglite"] as const) {
  if (DBS !== "both" && DBS !== kind) continue;
  console.log(`${kind}: opening`);
  const { app, ctx } = await open(kind);
  try {
    const l0 = os.loadavg()[0];
    if (LIST_ONLY) {
      // Only the list, printed (while working on it): RESULTS.md is written by whole runs.
      const l = await listBench(app, ctx, membersOf(kind));
      console.log(
        `  list: process CPU per request: baseline ${l.baseline.cpuMs.toFixed(2)} ms, list ${l.list.cpuMs.toFixed(2)} ms`,
      );
      console.log(
        `  list: baseline p95 ${ms(l.baseline.p95)} ms (${Math.round(l.baseline.rps)}/s), list p50 ${ms(l.list.p50)} p95 ${ms(l.list.p95)} ms (${Math.round(l.list.rps)}/s); ${l.kinds.map((k) => `${k.name} p95 ${ms(k.p95)} (${k.statements} statements)`).join(", ")}`,
      );
      continue;
    }
    const r = await rush(kind, app, ctx);
    console.log(
      `  rush: ${r.confirmed} confirmed, ${r.waitlisted} waitlisted, order ${r.inOrder}, errors ${r.errors}, deadlocks ${r.deadlocks}, p50/95/99 ${ms(r.p50)}/${ms(r.p95)}/${ms(r.p99)} ms, ${Math.round(r.rps)}/s; invariant ${r.inv1.violations.length} violations in ${r.inv1.samples}; cancels: ${r.promotions} promotions (first ${r.promotedFirst}), ${r.inv2.violations.length} violations`,
    );
    console.log(`  list: loading ${membersOf(kind)} members and 2,000 events`);
    const l = await listBench(app, ctx, membersOf(kind));
    const l1 = os.loadavg()[0];
    console.log(
      `  list (${Math.round(l.loadMs / 1000)} s to load): baseline p95 ${ms(l.baseline.p95)} ms (${Math.round(l.baseline.rps)}/s), list p95 ${ms(l.list.p95)} ms (${Math.round(l.list.rps)}/s); ${l.kinds.map((k) => `${k.name} p95 ${ms(k.p95)}`).join(", ")}`,
    );
    runs.push({ rush: r, list: l, load: [l0, l1] });
  } finally {
    await app.close();
    await closeServices(ctx);
  }
}

if (LIST_ONLY) process.exit(0);
const file = path.join(import.meta.dirname, "..", "RESULTS.md");
let text = fs.readFileSync(file, "utf8");
if (!text.includes("<!-- bench:events:start -->")) text = `${text.trimEnd()}\n\n${HEADER}\n`;
for (const run of runs) {
  const block = report(run, started);
  const key = `bench:events-${run.rush.kind}`;
  const re = new RegExp(`<!-- ${key}:start -->[\\s\\S]*<!-- ${key}:end -->`);
  text = re.test(text)
    ? text.replace(re, block)
    : text.replace("<!-- bench:events:end -->", `${block}\n\n<!-- bench:events:end -->`);
  console.log(`\n${block}`);
}
fs.writeFileSync(file, text);
const bad = runs.filter(
  ({ rush: r }) =>
    r.confirmed !== 100 ||
    r.waitlisted !== 900 ||
    !r.inOrder ||
    r.errors ||
    r.deadlocks ||
    r.inv1.violations.length ||
    r.promotions !== 50 ||
    !r.promotedFirst ||
    r.inv2.violations.length,
);
if (bad.length) {
  console.error(`FAILED: ${bad.map((b) => b.rush.kind).join(", ")}`);
  process.exit(1);
}
process.exit(0);
