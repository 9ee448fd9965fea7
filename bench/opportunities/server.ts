// The opportunities benchmark's server process (started by main.ts, one per database):
//   prepare — the alumni (loaded or reused) plus the postings (bench/opportunities/data.ts), the
//             readers and a diverse set of postings for matching, exit;
//   serve   — the real app (buildApp, auth and all; with --workers the job workers too: PGlite) on
//             one port and, on a second port, the baseline — one bare indexed SELECT of a page of
//             open postings on the same Database object, the same behind the app's guard — and
//             the offer count of a posting (bell rows, and any to someone who did not opt in);
//   worker  — the job workers alone (PostgreSQL: as ROLE=worker runs them).
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import Fastify from "fastify";
import { opportunity } from "../../src/db/schema/index.ts";
import { type FitWishes, fitsAnySql, withFittingDepartments } from "../../src/modules/directory/index.ts";
import {
  listOpportunities,
  matchesFor,
  matchesQuery,
  opportunityListQuery,
  wishesOf,
} from "../../src/modules/opportunities/index.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AppContext } from "../../src/server/context.ts";
import { resolveMember } from "../../src/server/guards.ts";
import { type MemberScope, memberScope } from "../../src/server/scope.ts";
import { closeServices } from "../../src/server/services.ts";
import { serveUntilStopped, targetOf } from "../directory/child.ts";
import { OPERATOR_EMAIL, openBenchServices, SLUG, type Target } from "../directory/data.ts";
import { PLANS_DIR } from "../directory/options.ts";
import { explainInto, recordingDb, type Statement } from "../directory/plans.ts";
import type { ProfileSummary } from "../directory/profile.ts";
import { runWorkers } from "../feed/worker.ts";
import { BASELINE_SQL, OFFER_TITLE, type OppsMarker, prepareOppsData, VARIANT } from "./data.ts";

export type MatchPosting = { id: string; type: string; kind: string | null; skills: string[]; title: string };
export type OppsPreparedMessage = {
  type: "prepared";
  reused: boolean;
  opps: OppsMarker;
  version: string;
  members: number;
  /** Active alumni who opted in to 業務委託 offers (who an offer reaches). */
  freelanceConsenting: number;
  readers: string[];
  employees: string[];
  /** Open postings of every type and kind, many skills (the matching runs). */
  matchPostings: MatchPosting[];
  plans: { name: string; ms: number; file: string }[];
};
export type OppsReadyMessage = { type: "ready"; appUrl: string; baselineUrl: string };

const send = (m: OppsPreparedMessage | OppsReadyMessage | { type: "profile"; summary: ProfileSummary }) =>
  new Promise<void>((resolve) =>
    process.send ? process.send(m, undefined, {}, () => resolve()) : resolve(),
  );
const print = (s: string) => process.stdout.write(`${s}\n`);

/**
 * Who should hear of a network-wide 業務委託 posting: active alumni who opted in, unless they
 * switched offers off — and, given the posting's wishes, whom it fits at all (their directory row,
 * operators' audience, shares a skill, fits the department, has the job type or is open to the
 * work: the directory's fitsAnySql, as the fan-out's insert asks).
 */
async function consentingCount(ctx: AppContext, networkId: string, fit?: FitWishes): Promise<number> {
  const res = await ctx.db.execute(sql`select count(*)::int as n from member m
    join member_consent c on c.network_id = m.organization_id and c.user_id = m.user_id and c.freelance
    left join notification_pref p on p.network_id = m.organization_id and p.user_id = m.user_id and p.kind = 'opportunity_offer'
   where m.organization_id = ${networkId} and m.status = 'active' and m.role = 'alumni' and coalesce(p.channel, '') <> 'off'
     ${fit ? sql`and exists (select 1 from directory_entry e where e.network_id = m.organization_id and e.audience = 'operators' and e.user_id = m.user_id and ${fitsAnySql(fit)})` : sql``}`);
  return (res.rows[0] as { n: number }).n;
}

/** A member's scope as the access hook builds it (the plans run the services outside a request). */
async function scopeOf(ctx: AppContext, networkId: string, email: string): Promise<MemberScope> {
  const [m] = await ctx.database.query<{ id: string; role: "alumni"; userId: string; name: string }>(
    `select m.id, m.role, m.user_id as "userId", u.name from member m join "user" u on u.id = m.user_id
      where m.organization_id = $1 and u.email = $2`,
    [networkId, email],
  );
  return memberScope(
    ctx,
    { id: networkId, name: "ベンチ株式会社", slug: SLUG, status: "active", directoryVersion: 0 },
    { id: m.id, role: m.role, status: "active", userId: m.userId },
    {
      id: m.userId,
      email,
      name: m.name,
      emailVerified: true,
      platformAdmin: false,
      locale: "ja",
      twoFactorEnabled: false,
    },
  );
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the service runs for the main requests (recorded
 * from the service itself, as the directory bench does), to bench/plans/<db>-opps-<name>.txt.
 */
async function writePlans(
  ctx: AppContext,
  t: Target,
  networkId: string,
  reader: string,
  operator: string,
  matchId: string | undefined,
) {
  const label = t.kind === "postgres" ? "pg" : "pglite";
  fs.mkdirSync(PLANS_DIR, { recursive: true });
  for (const f of fs.readdirSync(PLANS_DIR))
    if (f.startsWith(`${label}-${VARIANT}-`)) fs.rmSync(path.join(PLANS_DIR, f));
  const log: Statement[] = [];
  const rctx = { ...ctx, db: recordingDb(ctx.database, log) };
  const scopes = {
    reader: await scopeOf(rctx, networkId, reader),
    operator: await scopeOf(rctx, networkId, operator),
  };
  const requests: [string, "reader" | "operator", string, (s: MemberScope) => Promise<unknown>][] = [
    ...(
      [
        ["first-page", ""],
        ["text", "q=マーケティング"],
        ["skill", "skill=法人営業"],
        ["fit", "sort=fit"],
      ] as const
    ).map(
      ([name, query]) =>
        [
          name,
          "reader",
          `GET /api/n/${SLUG}/opportunities${query ? `?${query}` : ""}`,
          (s: MemberScope) =>
            listOpportunities(s, opportunityListQuery.parse(Object.fromEntries(new URLSearchParams(query)))),
        ] as [string, "reader", string, (s: MemberScope) => Promise<unknown>],
    ),
    ...(matchId
      ? [
          [
            "matches",
            "operator",
            `GET /api/n/${SLUG}/opportunities/${matchId}/matches?limit=50`,
            (s: MemberScope) => matchesFor(s, matchId, matchesQuery.parse({ limit: "50" })),
          ] as [string, "operator", string, (s: MemberScope) => Promise<unknown>],
        ]
      : []),
  ];
  const out: OppsPreparedMessage["plans"] = [];
  const size = t.size.toLocaleString("en-US");
  for (const [name, who, request, run] of requests) {
    await run(scopes[who]); // warm the buffers: the plans show the steady state
    log.length = 0;
    await run(scopes[who]);
    const statements = [...log];
    const file = path.join(PLANS_DIR, `${label}-${VARIANT}-${name}.txt`);
    const ms = await explainInto(
      ctx,
      file,
      [
        `-- ${label}, ${size} alumni, as ${who === "reader" ? "an alumna (reader #0)" : "the operator"}: ${request}`,
        `-- ${statements.length} statement(s), recorded from src/modules/opportunities`,
      ],
      statements,
      networkId,
    );
    out.push({ name, ms, file: path.relative(path.dirname(PLANS_DIR), file) });
  }
  await ctx.database.query(BASELINE_SQL, [networkId]);
  const file = path.join(PLANS_DIR, `${label}-${VARIANT}-baseline.txt`);
  const ms = await explainInto(
    ctx,
    file,
    [`-- ${label}, ${size} alumni: the baseline's bare SELECT (bench/opportunities/server.ts)`],
    [{ sql: BASELINE_SQL, params: [networkId] }],
    networkId,
  );
  out.push({ name: "baseline", ms, file: path.relative(path.dirname(PLANS_DIR), file) });
  return out;
}

async function prepare(t: Target, postings: number, reload: boolean, plans: boolean) {
  const p = await prepareOppsData(t, postings, reload, print);
  const { ctx } = p;
  try {
    const q = ctx.database.query;
    // Earlier runs' offer postings and their bell rows.
    await q(
      `delete from notification where network_id = $1 and kind = 'opportunity_offer'
          and key in (select 'opportunity:' || id from opportunity where network_id = $1 and title like $2)`,
      [p.networkId, `${OFFER_TITLE}%`],
    );
    await q("delete from opportunity where network_id = $1 and title like $2", [
      p.networkId,
      `${OFFER_TITLE}%`,
    ]);
    const [{ version }] = await q<{ version: string }>("select version()");
    const [{ n }] = await q<{ n: number }>(
      "select count(*)::int as n from member where organization_id = $1 and status = 'active'",
      [p.networkId],
    );
    const consenting = await consentingCount(ctx, p.networkId);
    // Open, current, network-wide postings: per type and kind the first by lead skill, 30 in all.
    const rows = await q<MatchPosting>(
      `select id, type, kind, skills, title from (
         select id, type, kind, skills, title, row_number() over (partition by type, kind, skills[1] order by id) as k
           from opportunity where network_id = $1 and status = 'open' and audience = 'network'
            and confirmed_at > now() - interval '14 days') s
        where k = 1 order by md5(id) limit 30`,
      [p.networkId],
    );
    await send({
      type: "prepared",
      reused: p.reused && p.oppsReused,
      opps: p.opps,
      version,
      members: n,
      freelanceConsenting: consenting,
      readers: p.readers.map((r) => r.email),
      employees: p.employees.map((e) => e.email),
      matchPostings: rows,
      plans: plans
        ? await writePlans(ctx, t, p.networkId, p.readers[0].email, OPERATOR_EMAIL, rows[0]?.id)
        : [],
    });
  } finally {
    await closeServices(ctx);
  }
}

async function serve(t: Target, flags: string[]) {
  const ctx = await openBenchServices(t, false);
  if (flags.includes("--workers")) await ctx.jobs.startWorkers();
  const app = await buildApp(ctx);
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const [net] = await ctx.database.query<{ id: string }>("select id from organization where slug = $1", [
    SLUG,
  ]);
  const networkId = net.id;
  const baseline = Fastify({ logger: false });
  baseline.get("/baseline", async () => ({ items: await ctx.database.query(BASELINE_SQL, [networkId]) }));
  baseline.get("/baseline-auth", async (req) => {
    await resolveMember(ctx, req, undefined, SLUG);
    return { items: await ctx.database.query(BASELINE_SQL, [networkId]) };
  });
  // An offer's bell rows so far, those to someone who had not opted in, and who should get one
  // (the posting's wishes: the module's wishesOf).
  baseline.get<{ Querystring: { id: string } }>("/offers", async (req) => {
    const [o] = await ctx.db.select().from(opportunity).where(eq(opportunity.id, req.query.id));
    if (!o) throw new Error(`posting ${req.query.id} missing`);
    const [r] = await ctx.database.query<{ rows: number; unconsented: number }>(
      `select count(*)::int as rows,
              count(*) filter (where not exists (select 1 from member m join member_consent c
                on c.network_id = m.organization_id and c.user_id = m.user_id and c.freelance
                where m.organization_id = n.network_id and m.user_id = n.user_id and m.role = 'alumni'))::int as unconsented
         from notification n where n.network_id = $1 and n.kind = 'opportunity_offer' and n.key = $2`,
      [networkId, `opportunity:${req.query.id}`],
    );
    return {
      ...r,
      consenting: await consentingCount(ctx, networkId),
      expected: await consentingCount(
        ctx,
        networkId,
        await withFittingDepartments(ctx.db, { networkId, audience: "operators" }, wishesOf(o)),
      ),
    };
  });
  const baselineUrl = await baseline.listen({ port: 0, host: "127.0.0.1" });
  serveUntilStopped(ctx, [baseline, app], `opps-${t.kind}-${t.size}`);
  await send({ type: "ready", appUrl, baselineUrl });
}

const { mode, target, flags } = targetOf(process.argv.slice(2));
try {
  if (mode === "prepare") {
    await prepare(target, Number(flags[0]), flags.includes("--reload"), !flags.includes("--skip-plans"));
    process.exit(0);
  } else if (mode === "serve") await serve(target, flags);
  else if (mode === "worker")
    await runWorkers(target, "opps", () => send({ type: "ready", appUrl: "", baselineUrl: "" }));
  else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  console.error(err);
  process.exit(1);
}
