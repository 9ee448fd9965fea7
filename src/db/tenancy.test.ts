// The database itself keeps networks apart (docs/decisions/0004-tenancy.md): rows written with
// plain SQL that point into another network are refused, and the by-id updates of the query
// modules leave another network's rows alone. Runs on PGlite, and on PostgreSQL with
// TEST_DATABASE_URL (migrated by the global setup).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markAccepted } from "../modules/invitations/index.ts";
import { updateMember } from "../modules/members/index.ts";
import { setPhotoPath } from "../modules/profiles/index.ts";
import { claimRosterRow, decideRegistration } from "../modules/registration/index.ts";
import { deleteSegment, updateSegment } from "../modules/segments/index.ts";
import { type Database, migrateDatabase, openDatabase } from "./client.ts";
import { segment, user } from "./schema/index.ts";
import { byId, inNetwork } from "./scoped.ts";

let database: Database;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  database = await openDatabase(url ? { databaseUrl: url, poolSize: 2 } : {});
  if (!url) await migrateDatabase(database);
});
afterAll(() => database?.close());

const id = () => randomUUID();
const q = (text: string, values: unknown[] = []) => database.query(text, values);
const one = async (text: string, values: unknown[] = []) => (await q(text, values))[0];

/** A network with a member who has a roster row, a profile, directory rows and a survey answer. */
async function network() {
  const n = {
    id: id(),
    userId: id(),
    rosterId: id(),
    registrationId: id(),
    invitationId: id(),
    segmentId: id(),
  };
  await q(`insert into organization (id, name, slug) values ($1, 'net', $1)`, [n.id]);
  await q(`insert into "user" (id, name, email) values ($1, 'someone', $1 || '@example.com')`, [n.userId]);
  await q(
    `insert into roster_entry (id, network_id, employee_number, name, name_key, join_date, leave_date)
       values ($1, $2, $1, 'someone', 'someone', '2010-04-01', '2020-03-31')`,
    [n.rosterId, n.id],
  );
  await q(
    `insert into member (id, organization_id, user_id, role, roster_entry_id) values ($1, $2, $3, 'alumni', $4)`,
    [id(), n.id, n.userId, n.rosterId],
  );
  await q(`insert into profile (network_id, user_id, display_name) values ($1, $2, 'someone')`, [
    n.id,
    n.userId,
  ]);
  await insertEntry(n.id, n.userId);
  await insertCard(n.id, n.userId);
  await q(`insert into welcome_survey_response (network_id, user_id) values ($1, $2)`, [n.id, n.userId]);
  await q(
    `insert into registration (id, network_id, user_id, email, name, join_ym, leave_ym, matched_roster_entry_id)
       values ($1, $2, $3, 'r@example.com', 'someone', '2010-04', '2020-03', $4)`,
    [n.registrationId, n.id, n.userId, n.rosterId],
  );
  await q(
    `insert into network_invitation (id, network_id, roster_entry_id, email, token_hash, expires_at)
       values ($1, $2, $3, 'i@example.com', $1, now() + interval '1 day')`,
    [n.invitationId, n.id, n.rosterId],
  );
  await q(`insert into segment (id, network_id, name, filter) values ($1, $2, 'seg', '{}')`, [
    n.segmentId,
    n.id,
  ]);
  return n;
}

const insertEntry = (networkId: string, userId: string) =>
  q(
    `insert into directory_entry (network_id, audience, user_id, role, name_sort, member_since, tsv, txt)
       values ($1, 'operators', $2, 'alumni', 'someone', now(), '', '')`,
    [networkId, userId],
  );
const insertCard = (networkId: string, userId: string) =>
  q(`insert into directory_card (network_id, audience, user_id, card) values ($1, 'operators', $2, '{}')`, [
    networkId,
    userId,
  ]);

/** A person with an account but no membership in any network yet. */
async function person() {
  const userId = id();
  await q(`insert into "user" (id, name, email) values ($1, 'other', $1 || '@example.com')`, [userId]);
  return userId;
}

const FOREIGN_KEY_VIOLATION = { code: "23503" };

describe("the database refuses rows that point into another network", () => {
  it("a registration matched to another network's roster row", async () => {
    const [a, b] = [await network(), await network()];
    const insert = (rosterId: string) =>
      q(
        `insert into registration (id, network_id, user_id, email, name, join_ym, leave_ym, matched_roster_entry_id)
           values ($1, $2, $3, 'x@example.com', 'x', '2010-04', '2020-03', $4)`,
        [id(), b.id, b.userId, rosterId],
      );
    await expect(insert(a.rosterId)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(insert(b.rosterId)).resolves.toBeDefined();
  });

  it("a member linked to another network's roster row", async () => {
    const [a, b] = [await network(), await network()];
    const insert = async (rosterId: string) =>
      q(
        `insert into member (id, organization_id, user_id, role, roster_entry_id) values ($1, $2, $3, 'alumni', $4)`,
        [id(), b.id, await person(), rosterId],
      );
    await expect(insert(a.rosterId)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(insert(b.rosterId)).resolves.toBeDefined();
    // Nor can an existing link be turned towards the other network.
    await expect(
      q(`update member set roster_entry_id = $1 where organization_id = $2 and user_id = $3`, [
        a.rosterId,
        b.id,
        b.userId,
      ]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });

  it("an invitation for another network's roster row", async () => {
    const [a, b] = [await network(), await network()];
    const insert = (rosterId: string) =>
      q(
        `insert into network_invitation (id, network_id, roster_entry_id, email, token_hash, expires_at)
           values ($1, $2, $3, 'y@example.com', $1, now() + interval '1 day')`,
        [id(), b.id, rosterId],
      );
    await expect(insert(a.rosterId)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(insert(b.rosterId)).resolves.toBeDefined();
  });

  it("a roster row moved to another network while rows of its network reference it", async () => {
    const [a, b] = [await network(), await network()];
    await expect(
      q(`update roster_entry set network_id = $1 where id = $2`, [b.id, a.rosterId]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });

  it("a profile, directory rows or a survey answer of someone who is a member of another network only", async () => {
    const [a, b] = [await network(), await network()];
    await expect(
      q(`insert into profile (network_id, user_id, display_name) values ($1, $2, 'x')`, [b.id, a.userId]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(insertEntry(b.id, a.userId)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(
      q(`insert into welcome_survey_response (network_id, user_id) values ($1, $2)`, [b.id, a.userId]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    // The same person made a member of b: now the rows may exist.
    await q(`insert into member (id, organization_id, user_id, role) values ($1, $2, $3, 'alumni')`, [
      id(),
      b.id,
      a.userId,
    ]);
    await expect(insertEntry(b.id, a.userId)).resolves.toBeDefined();
  });

  it("a directory card without a directory row of its network and audience", async () => {
    const [a, b] = [await network(), await network()];
    await q(`insert into member (id, organization_id, user_id, role) values ($1, $2, $3, 'alumni')`, [
      id(),
      b.id,
      a.userId,
    ]);
    // a.userId is a member of b now, but has no directory row in b.
    await expect(insertCard(b.id, a.userId)).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(
      q(`insert into directory_card (network_id, audience, user_id, card) values ($1, 'members', $2, '{}')`, [
        a.id,
        a.userId,
      ]),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });
});

describe("deleting what is referenced", () => {
  it("a roster row: references to it are cleared, their network stays", async () => {
    const a = await network();
    await q(`delete from roster_entry where id = $1`, [a.rosterId]);
    expect(
      await one(`select organization_id, roster_entry_id from member where user_id = $1`, [a.userId]),
    ).toEqual({ organization_id: a.id, roster_entry_id: null });
    expect(
      await one(`select network_id, matched_roster_entry_id from registration where id = $1`, [
        a.registrationId,
      ]),
    ).toEqual({ network_id: a.id, matched_roster_entry_id: null });
    expect(
      await one(`select network_id, roster_entry_id from network_invitation where id = $1`, [a.invitationId]),
    ).toEqual({ network_id: a.id, roster_entry_id: null });
  });

  it("a member: their profile, directory rows and survey answer go with them; a network goes whole", async () => {
    const [a, b] = [await network(), await network()];
    await q(`delete from member where organization_id = $1 and user_id = $2`, [a.id, a.userId]);
    const left = async (networkId: string) =>
      one(
        `select (select count(*) from profile where network_id = $1)::int as profiles,
           (select count(*) from directory_entry where network_id = $1)::int as entries,
           (select count(*) from directory_card where network_id = $1)::int as cards,
           (select count(*) from welcome_survey_response where network_id = $1)::int as answers`,
        [networkId],
      );
    expect(await left(a.id)).toEqual({ profiles: 0, entries: 0, cards: 0, answers: 0 });
    expect(await left(b.id)).toEqual({ profiles: 1, entries: 1, cards: 1, answers: 1 });
    await q(`delete from organization where id = $1`, [b.id]);
    expect(await left(b.id)).toEqual({ profiles: 0, entries: 0, cards: 0, answers: 0 });
    expect(await one(`select count(*)::int as n from roster_entry where network_id = $1`, [b.id])).toEqual({
      n: 0,
    });
  });
});

describe("updates by id stay in their network", () => {
  it("deciding a registration", async () => {
    const [a, b] = [await network(), await network()];
    const decide = (networkId: string) =>
      decideRegistration(database.db, networkId, a.registrationId, { status: "rejected", decidedBy: null });
    expect(await decide(b.id)).toBe(false);
    expect(await one(`select status from registration where id = $1`, [a.registrationId])).toEqual({
      status: "pending",
    });
    expect(await decide(a.id)).toBe(true);
  });

  it("accepting an invitation", async () => {
    const [a, b] = [await network(), await network()];
    expect(await markAccepted(database.db, b.id, a.invitationId, b.userId)).toBe(false);
    expect(await one(`select accepted_at from network_invitation where id = $1`, [a.invitationId])).toEqual({
      accepted_at: null,
    });
    expect(await markAccepted(database.db, a.id, a.invitationId, a.userId)).toBe(true);
  });

  it("claiming a roster row", async () => {
    const [a, b] = [await network(), await network()];
    await q(`update roster_entry set linked_user_id = null where id = $1`, [a.rosterId]);
    expect(await claimRosterRow(database.db, b.id, a.rosterId, b.userId)).toBe(false);
    expect(await one(`select linked_user_id from roster_entry where id = $1`, [a.rosterId])).toEqual({
      linked_user_id: null,
    });
  });

  it("changing and deleting a segment", async () => {
    const [a, b] = [await network(), await network()];
    const input = { name: "renamed", description: null, filter: {} } as Parameters<typeof updateSegment>[3];
    expect(await updateSegment(database.db, b.id, a.segmentId, input)).toBeNull();
    expect(await deleteSegment(database.db, b.id, a.segmentId)).toBeNull();
    expect(await one(`select name from segment where id = $1`, [a.segmentId])).toEqual({ name: "seg" });
    expect(await deleteSegment(database.db, a.id, a.segmentId)).toBe("seg");
  });

  it("changing a member and their photo", async () => {
    const [a, b] = [await network(), await network()];
    await updateMember(database.db, b.id, a.userId, { role: "operator", status: "suspended" });
    await setPhotoPath(database.db, b.id, a.userId, "photos/elsewhere.webp");
    expect(
      await one(
        `select m.role, m.status, p.photo_path from member m
           join profile p on p.network_id = m.organization_id and p.user_id = m.user_id
          where m.organization_id = $1 and m.user_id = $2`,
        [a.id, a.userId],
      ),
    ).toEqual({ role: "alumni", status: "active", photo_path: null });
  });
});

describe("scoped conditions", () => {
  it("match only the given network's row", async () => {
    const [a, b] = [await network(), await network()];
    const found = (networkId: string) =>
      database.db
        .select({ id: segment.id })
        .from(segment)
        .where(byId(segment, networkId, a.segmentId));
    expect(await found(b.id)).toEqual([]);
    expect(await found(a.id)).toEqual([{ id: a.segmentId }]);
    expect(
      await database.db.select({ id: segment.id }).from(segment).where(inNetwork(segment, b.id)),
    ).toEqual([{ id: b.segmentId }]);
  });

  it("accept only tables with a network column", () => {
    // @ts-expect-error users are global: there is no network to scope them to
    expect(() => byId(user, "n", "u")).toThrow();
  });
});
