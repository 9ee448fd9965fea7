// `seed-demo`: the demo network 「株式会社サンプル」 with named accounts, generated alumni, roster-only
// leavers, pending registrations (near-misses included), invitations, welcome-survey answers and
// a community feed with comments and reactions.
// Idempotent: when the network exists nothing is written, unless `reset` (then it is rebuilt).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import { member, organization, profile, registration, rosterEntry, user } from "../db/schema/index.ts";
import { inTransaction } from "../devdata/bulk.ts";
import { type GeneratedAlumnus, generateAlumni, generateAlumnus } from "../devdata/index.ts";
import { insertRosterRows, loadGenerated, passwordHashFor } from "../devdata/load.ts";
import { syncDirectory } from "../modules/directory/index.ts";
import { createInvitations } from "../modules/invitations/index.ts";
import { admitMember } from "../modules/members/index.ts";
import { createNetwork, setupNeeded } from "../modules/networks/index.ts";
import { ensureProfile } from "../modules/profiles/index.ts";
import { createVerifiedUser } from "../server/accounts.ts";
import type { AppContext } from "../server/context.ts";
import { loadNetworkScope } from "../server/guards.ts";
import { type Actor, platformScope } from "../server/scope.ts";
import { kanaKey, nameKey } from "../shared/text.ts";
import {
  ADMIN_KEY,
  DEFAULT_PURPOSES,
  DEMO_NAME,
  DEMO_PASSWORD,
  DEMO_SLUG,
  KANJI_VARIANTS,
  NAMED_ACCOUNTS,
  NAMED_ALUMNUS_KEY,
  PENDING_CASES,
  type PendingCase,
  privacyNoticeBody,
} from "./demo-content.ts";
import { pendingRegistrant } from "./pending.ts";
import { seedDemoDesk } from "./seed-demo-desk.ts";
import { seedDemoEvents } from "./seed-demo-events.ts";
import { seedFeed } from "./seed-demo-feed.ts";
import { seedDemoGroups } from "./seed-demo-groups.ts";
import { seedDemoHome } from "./seed-demo-home.ts";
import { seedDemoMessages } from "./seed-demo-messages.ts";
import { seedDemoModeration } from "./seed-demo-moderation.ts";
import { seedDemoOpportunities } from "./seed-demo-opportunities.ts";

export type SeedDemoOptions = {
  alumni?: number;
  seed?: number;
  reset?: boolean;
  slug?: string;
  name?: string;
  /** "YYYY-MM-DD" of the generated world (default: today). */
  today?: string;
  rosterOnly?: number;
  invitations?: number;
};

export type SeedDemoResult = {
  networkId: string;
  slug: string;
  created: boolean;
  accounts: { role: string; name: string; email: string; password: string }[];
  counts: Record<string, number>;
  ms: number;
};

const emailOf = (key: string, slug: string) => `${key}@${slug}.example`;

async function findNetwork(ctx: AppContext, slug: string) {
  const [n] = await ctx.db.select().from(organization).where(eq(organization.slug, slug));
  return n ?? null;
}

/** Deletes the network and the people who belonged to nothing else (never a platform admin). */
async function removeNetwork(ctx: AppContext, networkId: string) {
  const members = await ctx.db
    .select({ id: member.userId })
    .from(member)
    .where(eq(member.organizationId, networkId));
  const registrants = await ctx.db
    .select({ id: registration.userId })
    .from(registration)
    .where(eq(registration.networkId, networkId));
  const ids = [...new Set([...members, ...registrants].map((r) => r.id))];
  await ctx.db.transaction(async (tx) => {
    await tx.delete(organization).where(eq(organization.id, networkId));
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await tx
        .delete(user)
        .where(
          and(
            inArray(user.id, chunk),
            eq(user.platformAdmin, false),
            notExists(tx.select({ one: sql`1` }).from(member).where(eq(member.userId, user.id))),
          ),
        );
    }
  });
}

async function userFor(
  ctx: AppContext,
  v: { name: string; email: string; locale?: "ja" | "en"; platformAdmin?: boolean },
) {
  const [found] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, v.email));
  if (found) return found.id;
  return (await createVerifiedUser(ctx, { ...v, password: DEMO_PASSWORD })).id;
}

/** The demo platform admin, only on an installation that has none yet (never a second admin). */
async function demoAdmin(ctx: AppContext, slug: string, create: boolean) {
  const email = emailOf(ADMIN_KEY, slug);
  if (create && (await setupNeeded(ctx))) {
    await userFor(ctx, { name: "プラットフォーム管理者", email, platformAdmin: true });
  }
  const [admin] = await ctx.db
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.email, email), eq(user.platformAdmin, true)));
  return admin ? [{ role: "admin", name: "プラットフォーム管理者", email, password: DEMO_PASSWORD }] : [];
}

async function counts(ctx: AppContext, networkId: string) {
  const [row] = await ctx.database.query<Record<string, number>>(
    `select
      (select count(*)::int from member where organization_id = $1 and role = 'operator') as operators,
      (select count(*)::int from member where organization_id = $1 and role = 'employee') as employees,
      (select count(*)::int from member where organization_id = $1 and role = 'alumni') as alumni,
      (select count(*)::int from member where organization_id = $1 and status = 'suspended') as suspended,
      (select count(*)::int from roster_entry where network_id = $1) as roster,
      (select count(*)::int from roster_entry where network_id = $1 and linked_user_id is null) as "rosterOnly",
      (select count(*)::int from registration where network_id = $1 and status = 'pending') as pending,
      (select count(*)::int from network_invitation where network_id = $1) as invitations,
      (select count(*)::int from welcome_survey_response where network_id = $1) as "welcomeSurveys",
      (select count(*)::int from post where network_id = $1) as posts,
      (select count(*)::int from post_comment where network_id = $1) as comments,
      (select count(*)::int from network_group where network_id = $1) as groups,
      (select count(*)::int from event where network_id = $1) as events`,
    [networkId],
  );
  return row;
}

function accountsList(slug: string, named: GeneratedAlumnus, generated: GeneratedAlumnus | null) {
  return [
    ...NAMED_ACCOUNTS.map((a) => ({
      role: a.role,
      name: a.name,
      email: emailOf(a.key, slug),
      password: DEMO_PASSWORD,
    })),
    {
      role: "alumni",
      name: `${named.name}（ウェルカムアンケート未回答）`,
      email: emailOf(NAMED_ALUMNUS_KEY, slug),
      password: DEMO_PASSWORD,
    },
    ...(generated
      ? [{ role: "alumni", name: generated.name, email: generated.email, password: DEMO_PASSWORD }]
      : []),
  ];
}

export async function seedDemo(ctx: AppContext, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = performance.now();
  const slug = opts.slug ?? DEMO_SLUG;
  const seed = opts.seed ?? 1;
  const alumniCount = opts.alumni ?? 200;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const gen = { seed, today, emailTag: slug === DEMO_SLUG ? undefined : slug };
  const firstAlumnus = alumniCount > 0 ? generateAlumnus(seed, 0, gen) : null;
  const me = generateAlumnus(seed, alumniCount, gen);

  const existing = await findNetwork(ctx, slug);
  if (existing && !opts.reset) {
    return {
      networkId: existing.id,
      slug,
      created: false,
      accounts: [...(await demoAdmin(ctx, slug, false)), ...accountsList(slug, me, firstAlumnus)],
      counts: await counts(ctx, existing.id),
      ms: Math.round(performance.now() - started),
    };
  }
  if (existing) await removeNetwork(ctx, existing.id);

  // Named accounts and the network.
  const admin = await demoAdmin(ctx, slug, true);
  const named = new Map<string, string>();
  for (const a of NAMED_ACCOUNTS) {
    named.set(a.key, await userFor(ctx, { name: a.name, email: emailOf(a.key, slug), locale: a.locale }));
  }
  const operatorId = named.get("operator")!;
  const actor: Actor = { userId: operatorId, label: emailOf("operator", slug) };
  const companyName = opts.name ?? DEMO_NAME;
  const networkId = await createNetwork(
    platformScope(ctx, actor),
    {
      name: companyName,
      slug,
      privacyNotice: { body: privacyNoticeBody(companyName), purposes: DEFAULT_PURPOSES },
    },
    operatorId,
  );
  await ctx.db.transaction(async (tx) => {
    for (const a of NAMED_ACCOUNTS) {
      if (a.key === "operator") continue;
      await admitMember(tx, {
        networkId,
        userId: named.get(a.key)!,
        role: a.role,
        verifiedVia: "operator_added",
        verifiedBy: operatorId,
        profile: { displayName: a.name, displayNameKana: a.nameKana, departments: [a.department] },
        consent: {
          noticeVersion: 1,
          directory: true,
          rehire: false,
          freelance: false,
          events: true,
          surveys: true,
        },
      });
    }
    const op = NAMED_ACCOUNTS[0];
    await ensureProfile(tx, networkId, operatorId, op.name);
    await tx
      .update(profile)
      .set({ displayNameKana: op.nameKana, departments: [op.department] })
      .where(and(eq(profile.networkId, networkId), eq(profile.userId, operatorId)));
    await syncDirectory(tx, networkId, [operatorId]);
  });

  // Generated alumni (bulk), all signing in with the demo password.
  const passwordHash = await passwordHashFor(ctx, DEMO_PASSWORD);
  await loadGenerated(ctx, { ...gen, count: alumniCount }, { networkId, passwordHash, noticeVersion: 1 });

  // The named alumnus: registered through the roster, welcome survey not answered yet.
  const alumnusId = await userFor(ctx, { name: me.name, email: emailOf(NAMED_ALUMNUS_KEY, slug) });
  await ctx.db.transaction(async (tx) => {
    const rosterId = randomUUID();
    await tx.insert(rosterEntry).values({
      id: rosterId,
      networkId,
      ...me.roster,
      email: emailOf(NAMED_ALUMNUS_KEY, slug),
      nameKey: nameKey(me.roster.name),
      kanaKey: me.roster.nameKana ? kanaKey(me.roster.nameKana) : null,
    });
    await admitMember(tx, {
      networkId,
      userId: alumnusId,
      role: "alumni",
      verifiedVia: "roster_match",
      verifiedBy: null,
      rosterEntryId: rosterId,
      profile: { displayName: me.profile.displayName },
      consent: { noticeVersion: 1, ...me.consent, directory: true },
    });
    const { visibility, ...fields } = me.profile;
    await tx
      .update(profile)
      .set({ ...fields, visibility: visibility as any })
      .where(and(eq(profile.networkId, networkId), eq(profile.userId, alumnusId)));
    await syncDirectory(tx, networkId, [alumnusId]);
  });

  // Leavers in the roster who have not registered (yet).
  const leavers = generateAlumni({ ...gen, startIndex: alumniCount + 1, count: opts.rosterOnly ?? 50 });
  await inTransaction(ctx.database, (q) =>
    insertRosterRows(
      q,
      networkId,
      leavers.map((l) => l.roster),
    ),
  );

  // Pending registrations: near-misses of roster rows, and one person not in the roster at all.
  const outsider = generateAlumnus(seed, alumniCount + 1 + leavers.length, gen);
  const taken = new Set<number>();
  const leaverFor = (c: PendingCase): GeneratedAlumnus | null => {
    if (c.leaver === null) return outsider;
    let i = c.leaver;
    if (c.change === "kanji_variant") {
      // Prefer a leaver whose surname has a common variant (斎藤/斉藤 …).
      const v = leavers.findIndex((l, j) => j >= PENDING_CASES.length && KANJI_VARIANTS[l.surname]);
      if (v >= 0) i = v;
    }
    if (!leavers[i]) return null;
    taken.add(i);
    return leavers[i];
  };
  for (const c of PENDING_CASES) {
    const person = leaverFor(c);
    if (!person) continue;
    const reg = pendingRegistrant(person, c.change, today.slice(0, 7));
    const userId = await userFor(ctx, { name: reg.name, email: reg.email });
    await ctx.db
      .insert(registration)
      .values({ id: randomUUID(), networkId, userId, ...reg, status: "pending" });
  }

  // Invitations to leavers with a known e-mail (not those already registering).
  const invitable = await ctx.db
    .select({ id: rosterEntry.id, employeeNumber: rosterEntry.employeeNumber })
    .from(rosterEntry)
    .where(
      and(
        eq(rosterEntry.networkId, networkId),
        sql`${rosterEntry.linkedUserId} is null`,
        sql`${rosterEntry.email} is not null`,
      ),
    );
  const pendingNumbers = new Set(leavers.filter((_, i) => taken.has(i)).map((l) => l.employeeNumber));
  const toInvite = invitable
    .filter((r) => !pendingNumbers.has(r.employeeNumber))
    .sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber))
    .slice(0, opts.invitations ?? 4)
    .map((r) => r.id);
  if (toInvite.length) {
    await createInvitations(await loadNetworkScope(ctx, { id: networkId }, actor), {
      rosterEntryIds: toInvite,
      role: "alumni",
      locale: "ja",
      expiresInDays: 14,
      message:
        "人事部の人事 花子です。ご退職後もつながりを保てるよう、アルムナイネットワークを始めました。\n交流会や社内の募集のお知らせもここでお届けします。ご質問はこのメールにご返信ください。",
    });
  }

  // A living community: posts, comments and reactions over the last months.
  await seedFeed(ctx.db, ctx.storage, { networkId, seed, today, operatorId });
  await seedDemoGroups(ctx.db, {
    networkId,
    today,
    operatorId,
    employeeId: named.get("employee")!,
    alumnusId,
  });
  await seedDemoEvents(ctx.db, {
    networkId,
    today,
    operatorId,
    employeeId: named.get("employee")!,
    alumnusId,
    storage: ctx.storage,
  });
  await seedDemoOpportunities(ctx.db, {
    networkId,
    today,
    operatorId,
    employeeId: named.get("employee")!,
    alumnusId,
  });
  await seedDemoDesk(ctx, { networkId, operatorId, authors: [alumnusId, named.get("employee")!], today });
  await seedDemoMessages(ctx.db, {
    networkId,
    today,
    alumnusId,
    employeeId: named.get("employee")!,
    operatorId,
  });
  await seedDemoModeration(ctx.db, {
    networkId,
    alumnusId,
    employeeId: named.get("employee")!,
    operatorId,
  });
  // What is new for alumni@ on the home page (after everything else: her last visit is recent).
  await seedDemoHome(ctx.db, { networkId, today, operatorId, alumnusId, employeeId: named.get("employee")! });

  return {
    networkId,
    slug,
    created: true,
    accounts: [...admin, ...accountsList(slug, me, firstAlumnus)],
    counts: await counts(ctx, networkId),
    ms: Math.round(performance.now() - started),
  };
}
