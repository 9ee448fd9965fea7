// Crash safety of the real server process: SIGKILL during a 10,000-row roster import and during
// a batch of 1,000 queued emails, restart on the same data, and check that the import is all or
// nothing and that every email is delivered, repeated only when it was in flight at the kill and
// then with the same Message-ID. Runs on PGlite (a temporary DATA_DIR) or, with
// TEST_DATABASE_URL, on a PostgreSQL database of its own (created and dropped here).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRosterCsv, multipart } from "../modules/roster/testing.ts";
import { MAIL_WORK } from "../server/services.ts";
import { ServerProcess, sleep } from "./crash-server.ts";
import { type SmtpSink, startSmtpSink } from "./crash-smtp.ts";
import { pgliteWatch, postgresWatch, type TxWatch } from "./crash-watch.ts";

const ROWS = 10_000;
const MAILS = 1_000;
const PER_REQUEST = 100;
const testUrl = process.env.TEST_DATABASE_URL || undefined;
const kind = testUrl ? "PostgreSQL" : "PGlite";
const ADMIN = { name: "Crash Admin", email: "crash-admin@example.com", password: "crash-password-123" };
const NOTICE = { body: "個人情報の取り扱いについて（クラッシュ試験用のネットワーク）。", purposes: ["連絡"] };

let dataDir = "";
let database: { name: string; url: string } | null = null;
let sink: SmtpSink;
let server: ServerProcess;
let watch: TxWatch;
const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  console.log(`[crash ${kind}] ${line}`);
};

async function createDatabase(url: string) {
  const name = `tsunagari_crash_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

async function dropDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function restart() {
  await server.kill();
  const ms = await server.start();
  note(`restart: ${ms} ms`);
}

async function signIn() {
  const r = await server.request("POST", "/api/auth/sign-in/email", {
    email: ADMIN.email,
    password: ADMIN.password,
  });
  expect(r.status, r.text).toBe(200);
}

async function rosterTotal(slug: string): Promise<number> {
  const r = await server.request("GET", `/api/n/${slug}/roster?limit=1`);
  expect(r.status, r.text).toBe(200);
  return r.json.total;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagari-crash-"));
  if (testUrl) database = await createDatabase(testUrl);
  sink = await startSmtpSink();
  server = new ServerProcess({
    dataDir,
    databaseUrl: database?.url,
    smtpUrl: sink.url,
    authSecret: `crash-secret-${randomUUID()}`,
  });
  watch = database ? await postgresWatch(testUrl!, database.name) : pgliteWatch(dataDir);
  note(`first start (migrations): ${await server.start()} ms`);
  const setup = await server.request("POST", "/api/setup", {
    admin: ADMIN,
    network: { name: "Crash mail", slug: "crash-mail", privacyNotice: NOTICE },
  });
  expect(setup.status, setup.text).toBe(201);
  await signIn();
  // One network per import, so that every killed import starts from an empty roster.
  for (const slug of ["crash-calib", "crash-r1", "crash-r2", "crash-r3", "crash-r4", "crash-r5"]) {
    const r = await server.request("POST", "/api/admin/networks", {
      name: slug,
      slug,
      privacyNotice: NOTICE,
    });
    expect(r.status, r.text).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await server?.kill();
  await sink?.close();
  await watch?.close();
  if (database) await dropDatabase(testUrl!, database.name);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(`[crash ${kind}] summary:\n  ${figures.join("\n  ")}`);
});

describe(`crash safety (${kind})`, () => {
  const upload = multipart("roster.csv", generateRosterCsv(ROWS));
  const body = new Uint8Array(upload.payload);

  /** Sends the import and watches its transaction in the background until `stop()`. */
  function startImport(slug: string) {
    watch.reset();
    const state = {
      t0: Date.now(),
      response: null as { status: number; text: string } | null,
      failed: false,
      writesAt: null as number | null,
      stopped: false,
    };
    const done = server
      .request("POST", `/api/n/${slug}/roster/import`, body, upload.headers)
      .then((r) => {
        state.response = r;
      })
      .catch(() => {
        state.failed = true;
      });
    const polling = (async () => {
      while (!state.stopped && !state.response && !state.failed && Date.now() - state.t0 < 60_000) {
        if (state.writesAt === null && (await watch.writing())) state.writesAt = Date.now() - state.t0;
        await sleep(10);
      }
    })();
    const writes = async () => {
      while (state.writesAt === null && !state.response && !state.failed && Date.now() - state.t0 < 60_000)
        await sleep(5);
      return state.writesAt;
    };
    const stop = async () => {
      state.stopped = true;
      await polling;
    };
    return { state, done, writes, stop };
  }

  it("a roster import killed at any point leaves all rows or none", async () => {
    // Calibration: an import left to finish gives when writing starts and how long it lasts.
    const calib = startImport("crash-calib");
    await calib.done;
    await calib.stop();
    expect(calib.state.response?.status, calib.state.response?.text).toBe(200);
    const responseMs = Date.now() - calib.state.t0;
    const writesAt = calib.state.writesAt ?? 0;
    const txMs = Math.max(200, responseMs - writesAt);
    note(`calibration import: writes seen at ${writesAt} ms, response at ${responseMs} ms`);
    expect(await rosterTotal("crash-calib")).toBe(ROWS);

    // Kills: early, middle and late in the writing transaction, before it, and at its commit.
    const runs = [
      { slug: "crash-r1", afterWrites: 0.1 * txMs },
      { slug: "crash-r2", afterWrites: 0.5 * txMs },
      { slug: "crash-r3", afterWrites: 0.9 * txMs },
      // While the file is uploaded, parsed and validated (before the transaction).
      { slug: "crash-r4", fromStart: Math.round((0.2 + 0.7 * Math.random()) * writesAt) },
      // Right after the commit: PostgreSQL, when the transaction's lock is released (before
      // the response, mostly); PGlite, as soon as the response arrives. All rows must be there.
      { slug: "crash-r5", atCommit: true },
    ];
    let inside = 0;
    for (const run of runs) {
      const imp = startImport(run.slug);
      if (run.fromStart !== undefined) {
        await sleep(run.fromStart);
      } else if (run.atCommit) {
        expect(await imp.writes(), "the import never started writing").not.toBeNull();
        if (database) while (!imp.state.response && (await watch.writing())) await sleep(1);
        else await imp.done;
      } else {
        expect(await imp.writes(), "the import never started writing").not.toBeNull();
        await sleep(run.afterWrites ?? 0);
      }
      await imp.stop();
      // PostgreSQL: the transaction holds its lock now; PGlite: its writes were seen.
      const writing = await watch.writing();
      const answered = imp.state.response as { status: number; text: string } | null;
      server.killNow();
      const killAt = Date.now() - imp.state.t0;
      await imp.done;
      await restart(); // the session cookie outlives the process (sessions are in the database)
      const rows = await rosterTotal(run.slug);
      const where = answered
        ? `after the response (${answered.status})`
        : rows === ROWS
          ? "after the commit, before the response"
          : writing
            ? "inside the transaction (writing, not committed)"
            : "before the transaction wrote";
      if (!answered && rows === 0 && writing) inside++;
      note(
        `roster kill at ${killAt} ms (${run.slug}, writes seen at ${imp.state.writesAt ?? "-"} ms): ${where}; rows after restart: ${rows}`,
      );
      expect([0, ROWS]).toContain(rows);
      if (answered?.status === 200 || run.atCommit) expect(rows).toBe(ROWS);
    }
    note(`roster: ${inside} of ${runs.length} kills landed inside the writing transaction`);
    // The 0.1 and 0.5 kills are well inside the transaction on any machine.
    expect(inside).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it("a mail batch killed while sending: every recipient gets one message, repeats keep their Message-ID", async () => {
    const t0 = Date.now();
    const recipients = Array.from(
      { length: MAILS },
      (_, i) => `crash-${String(i).padStart(4, "0")}@example.com`,
    );
    let killIndex = -1;
    let target = Number.POSITIVE_INFINITY;
    let killed!: () => void;
    const killedNow = new Promise<void>((resolve) => {
      killed = resolve;
    });
    // While the mails are being queued the sink holds its acknowledgements (the worker, 20 at a
    // time, waits on them): a fast worker would otherwise send them all before the kill is aimed.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The kill lands while a message is on the wire: received by the sink, not yet acknowledged.
    sink.beforeAck = async (_d, index) => {
      await released;
      if (killIndex >= 0 || index < target) return;
      killIndex = index;
      server.killNow();
      killed();
    };
    for (let i = 0; i < MAILS; i += PER_REQUEST) {
      const invitees = recipients
        .slice(i, i + PER_REQUEST)
        .map((email) => ({ email, name: email.slice(0, 10) }));
      const r = await server.request("POST", "/api/n/crash-mail/invitations", { invitees });
      expect(r.status, r.text).toBe(201);
      expect(r.json.created).toHaveLength(PER_REQUEST);
    }
    const queuedMs = Date.now() - t0;
    const before = sink.deliveries.length;
    expect(before, "the worker delivered everything before the kill could be aimed").toBeLessThan(
      MAILS - 100,
    );
    target = before + 20 + Math.floor(Math.random() * Math.min(400, MAILS - 100 - before));
    release();
    await Promise.race([killedNow, sleep(120_000)]);
    expect(killIndex, `no kill: ${sink.deliveries.length} delivered`).toBeGreaterThanOrEqual(0);
    const killedAt = Date.now();
    const deliveredAtKill = sink.deliveries.length;
    note(
      `mail: ${MAILS} queued in ${queuedMs} ms (${before} delivered meanwhile); killed at delivery #${killIndex + 1} ` +
        `${Math.round((killedAt - t0) / 1000)} s after the first request`,
    );
    await server.kill();
    await restart();

    // Wait until every recipient has a message and the message on the wire at the kill came
    // again (its job expires after 60 s and is retried at the next supervision), then a quiet 3 s.
    const inFlight = sink.deliveries[killIndex].messageId;
    const ok = () => {
      const got = new Set(sink.deliveries.flatMap((d) => d.to));
      const again = sink.deliveries.filter((d) => d.messageId === inFlight).length;
      return recipients.every((r) => got.has(r)) && again >= 2;
    };
    const deadline = Date.now() + 150_000;
    while (!ok() && Date.now() < deadline) await sleep(250);
    let count = sink.deliveries.length;
    for (let quiet = Date.now(); Date.now() - quiet < 3000 && Date.now() < deadline; await sleep(250)) {
      if (sink.deliveries.length !== count) {
        count = sink.deliveries.length;
        quiet = Date.now();
      }
    }

    const byRecipient = new Map<string, Set<string | null>>();
    const byMessage = new Map<string | null, { count: number; first: number }>();
    sink.deliveries.forEach((d, i) => {
      for (const to of d.to) {
        if (!byRecipient.has(to)) byRecipient.set(to, new Set());
        byRecipient.get(to)!.add(d.messageId);
      }
      const m = byMessage.get(d.messageId) ?? { count: 0, first: i };
      m.count++;
      byMessage.set(d.messageId, m);
    });
    const missing = recipients.filter((r) => !byRecipient.has(r));
    const twoIds = [...byRecipient].filter(([, ids]) => ids.size > 1).map(([to]) => to);
    const repeats = [...byMessage].filter(([, m]) => m.count > 1);
    note(
      `mail: ${sink.deliveries.length} deliveries for ${byRecipient.size} recipients ` +
        `(${deliveredAtKill} before the kill), ${missing.length} missing, ${twoIds.length} with two Message-IDs, ` +
        `${repeats.length} repeated with the same Message-ID (first deliveries #${repeats.map(([, m]) => m.first + 1).join(", #")}), ` +
        `all done ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`,
    );
    expect(sink.deliveries.every((d) => d.messageId && d.to.length === 1)).toBe(true);
    expect(missing).toEqual([]);
    expect(twoIds).toEqual([]);
    expect([...byRecipient.keys()].sort()).toEqual([...recipients].sort());
    // Only messages on the wire at the kill, or sent just before it with their completion not yet
    // written, came twice: the worker sends MAIL_WORK.concurrency at a time and writes completions
    // MAIL_WORK.completeEvery at a time, one write at a time (src/jobs/queue.ts), so a repeat is one
    // of the last concurrency + 2 × completeEvery delivered before the kill, each twice only.
    const bound = MAIL_WORK.concurrency + 2 * MAIL_WORK.completeEvery;
    expect(repeats.map(([id]) => id)).toContain(inFlight);
    expect(repeats.length).toBeLessThanOrEqual(bound);
    for (const [, m] of repeats) {
      expect(m.count).toBe(2);
      expect(m.first).toBeGreaterThanOrEqual(deliveredAtKill - bound);
    }
  }, 240_000);
});
