// Loads generated alumni of one network straight into the database, fast: for each batch of
// people, one transaction with one multi-row INSERT per table (user, account, roster_entry,
// member, profile, member_consent, consent_log, welcome_survey_response). Every account gets the
// same password hash, computed once. The directory rows (entries, cards, suggestion counts, the
// version bump) are written by the product's own indexNewMembers (src/modules/directory/sync.ts)
// in the same transaction. Used by `cli seed-demo`, `cli generate` and the benchmarks.
import { randomUUID } from "node:crypto";
import type { Database, Db } from "../db/client.ts";
import { indexNewMembers } from "../modules/directory/index.ts";
import type { AppContext } from "../server/context.ts";
import { kanaKey, nameKey } from "../shared/text.ts";
import { type GeneratedAlumnus, type GenerateOptions, generateAlumni, type RosterRow } from "./alumni.ts";
import { insertRows, inTransaction, type Query } from "./bulk.ts";

export type LoadTarget = AppContext | Database;

export type LoadOptions = {
  networkId: string;
  /** Bcrypt/scrypt hash from better-auth (see `passwordHashFor`); null: no password (magic link only). */
  passwordHash: string | null;
  /** Privacy notice version the consents refer to (default: the network's latest, else 1). */
  noticeVersion?: number;
  /** People per transaction (default 1000). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

export type LoadResult = { people: number; ms: number; perSecond: number };

const databaseOf = (t: LoadTarget): Database => ("database" in t ? t.database : t);

/** Hashes a password once with better-auth's own hasher, so loaded accounts sign in normally. */
export async function passwordHashFor(ctx: Pick<AppContext, "auth">, password: string): Promise<string> {
  return (await ctx.auth.$context).password.hash(password);
}

async function latestNoticeVersion(database: Database, networkId: string): Promise<number> {
  const [row] = await database.query<{ v: number | null }>(
    "select max(version)::int as v from privacy_notice where network_id = $1",
    [networkId],
  );
  return row?.v ?? 1;
}

function rosterValues(networkId: string, r: RosterRow, linkedUserId: string | null, at: string) {
  return [
    randomUUID(),
    networkId,
    r.employeeNumber,
    r.name,
    r.nameKana,
    nameKey(r.name),
    r.nameKana ? kanaKey(r.nameKana) : null,
    r.joinDate,
    r.leaveDate,
    r.department,
    r.email,
    linkedUserId,
    at,
    at,
  ];
}
const ROSTER_COLUMNS = [
  "id",
  "network_id",
  "employee_number",
  "name",
  "name_kana",
  "name_key",
  "kana_key",
  "join_date",
  "leave_date",
  "department",
  "email",
  "linked_user_id",
  "created_at",
  "updated_at",
];

/** Roster rows only (leavers who have not registered). */
export async function insertRosterRows(
  q: Query,
  networkId: string,
  rows: RosterRow[],
  at = new Date().toISOString(),
) {
  await insertRows(
    q,
    "roster_entry",
    ROSTER_COLUMNS,
    rows.map((r) => rosterValues(networkId, r, null, at)),
  );
}

async function writeBatch(
  q: Query,
  tx: Db,
  people: GeneratedAlumnus[],
  o: Required<Pick<LoadOptions, "networkId" | "passwordHash" | "noticeVersion">>,
) {
  const ids = people.map(() => randomUUID());
  const rosterIds = people.map(() => randomUUID());
  const net = o.networkId;
  await insertRows(
    q,
    "user",
    ["id", "name", "email", "email_verified", "created_at", "updated_at", "locale"],
    people.map((p, i) => [ids[i], p.name, p.email, true, p.registeredAt, p.registeredAt, p.locale]),
  );
  if (o.passwordHash) {
    await insertRows(
      q,
      "account",
      ["id", "account_id", "provider_id", "user_id", "password", "created_at", "updated_at"],
      people.map((p, i) => [
        randomUUID(),
        ids[i],
        "credential",
        ids[i],
        o.passwordHash,
        p.registeredAt,
        p.registeredAt,
      ]),
    );
  }
  await insertRows(
    q,
    "roster_entry",
    ROSTER_COLUMNS,
    people.map((p, i) => {
      const row = rosterValues(net, p.roster, ids[i], p.registeredAt);
      row[0] = rosterIds[i];
      return row;
    }),
  );
  await insertRows(
    q,
    "member",
    [
      "id",
      "organization_id",
      "user_id",
      "role",
      "created_at",
      "status",
      "verified_via",
      "verified_at",
      "last_active_at",
      "roster_entry_id",
    ],
    people.map((p, i) => [
      randomUUID(),
      net,
      ids[i],
      "alumni",
      p.registeredAt,
      p.status,
      "roster_match",
      p.registeredAt,
      p.lastActiveAt,
      rosterIds[i],
    ]),
  );
  await insertRows(
    q,
    "profile",
    [
      "network_id",
      "user_id",
      "display_name",
      "display_name_kana",
      "name_while_employed",
      "name_kana",
      "join_ym",
      "leave_ym",
      "departments",
      "current_company",
      "industry",
      "job_type",
      "skills",
      "location",
      "bio",
      "links",
      "open_to",
      "contact_channel",
      "contact_hours",
      "visibility",
      "updated_at",
    ],
    people.map((p, i) => {
      const f = p.profile;
      return [
        net,
        ids[i],
        f.displayName,
        f.displayNameKana,
        f.nameWhileEmployed,
        f.nameKana,
        f.joinYm,
        f.leaveYm,
        f.departments,
        f.currentCompany,
        f.industry,
        f.jobType,
        f.skills,
        f.location,
        f.bio,
        JSON.stringify(f.links),
        f.openTo,
        f.contactChannel,
        f.contactHours,
        JSON.stringify(f.visibility),
        p.registeredAt,
      ];
    }),
    { departments: "text[]", skills: "text[]", open_to: "text[]", links: "jsonb", visibility: "jsonb" },
  );
  await insertRows(
    q,
    "member_consent",
    [
      "network_id",
      "user_id",
      "notice_version",
      "accepted_at",
      "directory",
      "rehire",
      "freelance",
      "events",
      "surveys",
      "updated_at",
    ],
    people.map((p, i) => {
      const c = p.consent;
      return [
        net,
        ids[i],
        o.noticeVersion,
        p.registeredAt,
        c.directory,
        c.rehire,
        c.freelance,
        c.events,
        c.surveys,
        p.registeredAt,
      ];
    }),
  );
  await insertRows(
    q,
    "consent_log",
    ["id", "network_id", "user_id", "notice_version", "change", "created_at"],
    people.map((p, i) => [
      randomUUID(),
      net,
      ids[i],
      o.noticeVersion,
      JSON.stringify({ event: "accepted", ...p.consent }),
      p.registeredAt,
    ]),
    { change: "jsonb" },
  );
  const surveyed = people.flatMap((p, i) => (p.welcomeSurvey ? [[p.welcomeSurvey, ids[i]] as const] : []));
  await insertRows(
    q,
    "welcome_survey_response",
    [
      "network_id",
      "user_id",
      "joined_year",
      "industry",
      "job_type",
      "interests",
      "interest_other",
      "comment",
      "submitted_at",
    ],
    surveyed.map(([w, id]) => [
      net,
      id,
      w.joinedYear,
      w.industry,
      w.jobType,
      w.interests,
      w.interestOther,
      w.comment,
      w.submittedAt,
    ]),
    { interests: "text[]" },
  );
  // The directory rows, suggestion counts and version bump, by the product's own code.
  await indexNewMembers(tx, net, ids);
  return ids;
}

/** Writes the given people as registered, verified alumni of the network. Returns their user ids. */
export async function loadAlumni(
  target: LoadTarget,
  people: GeneratedAlumnus[],
  opts: LoadOptions,
): Promise<string[]> {
  const database = databaseOf(target);
  const noticeVersion = opts.noticeVersion ?? (await latestNoticeVersion(database, opts.networkId));
  const size = opts.batchSize ?? 1000;
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += size) {
    const batch = people.slice(i, i + size);
    ids.push(
      ...(await inTransaction(database, (q, tx) => writeBatch(q, tx, batch, { ...opts, noticeVersion }))),
    );
    opts.onProgress?.(Math.min(i + size, people.length), people.length);
  }
  return ids;
}

/** Generates and loads `count` people batch by batch, so 100,000 people never sit in memory at once. */
export async function loadGenerated(
  target: LoadTarget,
  gen: GenerateOptions,
  opts: LoadOptions,
): Promise<LoadResult> {
  const started = performance.now();
  const database = databaseOf(target);
  const noticeVersion = opts.noticeVersion ?? (await latestNoticeVersion(database, opts.networkId));
  const size = opts.batchSize ?? 1000;
  const start = gen.startIndex ?? 0;
  for (let done = 0; done < gen.count; ) {
    const batch = generateAlumni({
      ...gen,
      startIndex: start + done,
      count: Math.min(size, gen.count - done),
    });
    await inTransaction(database, (q, tx) => writeBatch(q, tx, batch, { ...opts, noticeVersion }));
    done += batch.length;
    opts.onProgress?.(done, gen.count);
  }
  const ms = Math.round(performance.now() - started);
  return { people: gen.count, ms, perSecond: Math.round((gen.count / Math.max(ms, 1)) * 1000) };
}
