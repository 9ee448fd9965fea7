// `npm run bench -- mail`: how fast the mail worker drains a fan-out's mails to a local SMTP sink,
// and what each mail costs the machine (the worker, PostgreSQL and the sink together) — the cost
// the feed's readers pay while an announcement's mails go out. Paired variants in one run, each on
// the same 10,000 queued notification mails (the fan-out's template and headers): the worker as
// the product runs it (src/server/services.ts) and as it ran before (one completion statement per
// mail). Options: --mails N (default 10000), --rounds N (default 2), --pg-admin-url <url>.
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import pino from "pino";
import { openDatabase } from "../../src/db/client.ts";
import { createJobQueue, type WorkOptions } from "../../src/jobs/queue.ts";
import { createMailer, type MailJob } from "../../src/mail/mailer.ts";
import { MAIL_WORK } from "../../src/server/services.ts";
import { startSink } from "../feed/smtp.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const MAILS = Number(opt("mails", "10000"));
const ROUNDS = Number(opt("rounds", "2"));
const ADMIN = opt("pg-admin-url", process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
const DB = "tsunagari_bench_mail";
const RESULTS = opt("results", "bench/RESULTS.md");

const variants: { name: string; work: WorkOptions }[] = [
  { name: "one completion per mail (before)", work: { ...MAIL_WORK, completeEvery: 1 } },
  { name: `the product's worker (${describe(MAIL_WORK)})`, work: MAIL_WORK },
];

function describe(w: WorkOptions) {
  return `${w.batchSize} a fetch, ${w.concurrency} at a time, completions ${w.completeEvery ?? 1} at a time`;
}

/** CPU seconds (user + system) used so far by process `pid` (from /proc; 0 once it is gone). */
function cpuOf(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    return (Number(rest[11]) + Number(rest[12])) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of everything that sends the mails — this process (the worker), the sink and the
 * PostgreSQL backends of the bench's database — other work on the machine left out.
 */
async function cpuTimes(admin: pg.Client, sinkPid: number) {
  const pids = (await admin.query("select pid from pg_stat_activity where datname = $1", [DB])).rows.map(
    (r) => r.pid as number,
  );
  const u = process.cpuUsage();
  return {
    worker: (u.user + u.system) / 1e6,
    sink: cpuOf(sinkPid),
    pg: new Map(pids.map((p) => [p, cpuOf(p)])),
  };
}

async function resetDb() {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(`drop database if exists ${DB} with (force)`);
  await c.query(
    `create database ${DB} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await c.end();
  const u = new URL(ADMIN);
  u.pathname = `/${DB}`;
  return u.toString();
}

const jobOf = (i: number): { data: MailJob; key: string } => {
  const key = `notification:bench-${i}`;
  return {
    key,
    data: {
      to: `member-${i}@example.com`,
      template: "notification",
      locale: i % 10 === 0 ? "en" : "ja",
      params: {
        networkName: "株式会社サンプル",
        name: `メンバー ${i}`,
        headline: "運営からのお知らせ: 12月の交流会のご案内",
        excerpt:
          "今年も年末の交流会を開きます。OB・OGの皆さまのご参加をお待ちしています。詳細は投稿をご覧ください。",
        url: "http://localhost:3000/n/sample/posts/abc",
        preferencesUrl: "http://localhost:3000/n/sample/settings/notifications",
      },
      key,
      headers: {
        "List-Unsubscribe": `<http://localhost:3000/api/notifications/unsubscribe?token=t${i}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    },
  };
};

type Result = {
  name: string;
  round: number;
  rate: number;
  seconds: number;
  cpuMsPerMail: number;
  worker: number;
  sinkMs: number;
  pgMs: number;
  mails: number;
};

async function runVariant(url: string, v: (typeof variants)[number], round: number): Promise<Result> {
  const log = pino({ level: "silent" });
  const database = await openDatabase({ databaseUrl: url });
  const schema = `bench_mail_${round}_${variants.indexOf(v)}`;
  const sink = await startSink();
  const jobs = await createJobQueue(database, log, url, schema);
  const mailer = createMailer({
    smtpUrl: sink.url,
    from: "Tsunagari <no-reply@example.com>",
    outboxDir: os.tmpdir(),
    jobs,
    log,
  });
  await jobs.register<MailJob>("email.send", (job) => mailer.deliver(job), v.work);
  for (let i = 0; i < MAILS; i += 1000)
    await jobs.sendMany<MailJob>(
      "email.send",
      Array.from({ length: Math.min(1000, MAILS - i) }, (_, k) => jobOf(i + k)),
    );
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  const c0 = await cpuTimes(admin, sink.pid);
  const t0 = performance.now();
  await jobs.startWorkers();
  while (sink.arrivals.length < MAILS && performance.now() - t0 < 300_000)
    await new Promise((r) => setTimeout(r, 100));
  const c1 = await cpuTimes(admin, sink.pid);
  await admin.end();
  const a = sink.arrivals;
  const seconds = (a[a.length - 1] - a[0]) / 1000;
  // Backends opened during the drain count from their start (all their time is the drain's).
  let pgCpu = 0;
  for (const [pid, after] of c1.pg) pgCpu += after - (c0.pg.get(pid) ?? 0);
  const cpu = { worker: c1.worker - c0.worker, sink: c1.sink - c0.sink, pg: pgCpu };
  const cpuMsPerMail = ((cpu.worker + cpu.sink + cpu.pg) * 1000) / a.length;
  await jobs.stop();
  await sink.close();
  await database.close?.();
  const per = (x: number) => (x * 1000) / a.length;
  const r = {
    name: v.name,
    round,
    rate: (a.length - 1) / seconds,
    seconds,
    cpuMsPerMail,
    worker: per(cpu.worker),
    sinkMs: per(cpu.sink),
    pgMs: per(cpu.pg),
    mails: a.length,
  };
  console.log(
    `  round ${round}, ${v.name}: ${r.mails} mails in ${seconds.toFixed(1)} s, ${r.rate.toFixed(0)}/s, ${cpuMsPerMail.toFixed(2)} ms CPU per mail (worker ${r.worker.toFixed(2)}, PostgreSQL ${r.pgMs.toFixed(2)}, sink ${r.sinkMs.toFixed(2)})`,
  );
  return r;
}

const started = new Date();
const url = await resetDb();
const results: Result[] = [];
for (let round = 1; round <= ROUNDS; round++)
  for (const v of variants) results.push(await runVariant(url, v, round));
const load = os.loadavg()[0];

const lines = [
  "<!-- bench:mail:start -->",
  "## Mail worker alone (`npm run bench -- mail`)",
  "",
  `Run ${started.toISOString().replace(/\.\d+Z$/, "Z")}: \`npm run bench -- mail ${args.join(" ")}\`. ${MAILS.toLocaleString("en")} queued notification mails (the fan-out's template, List-Unsubscribe headers; a tenth in English) drained by the job worker (pg-boss on PostgreSQL, nodemailer's SMTP pool) to a local SMTP sink (\`smtp-server\`, a process of its own), nothing else running on purpose; the variants take turns, ${ROUNDS} rounds. CPU is the time used during the drain by the worker's process, the PostgreSQL backends of the bench's database and the sink's process (other work on the machine left out), per mail. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${load.toFixed(2)} at the end.`,
  "",
  "| variant | round | mails | seconds | mails/s | CPU ms per mail | worker | PostgreSQL | sink |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map(
    (r) =>
      `| ${r.name} | ${r.round} | ${r.mails} | ${r.seconds.toFixed(1)} | ${r.rate.toFixed(0)} | ${r.cpuMsPerMail.toFixed(2)} | ${r.worker.toFixed(2)} | ${r.pgMs.toFixed(2)} | ${r.sinkMs.toFixed(2)} |`,
  ),
  "<!-- bench:mail:end -->",
];
const text = lines.join("\n");
console.log(`\n${text}`);
if (fs.existsSync(RESULTS)) {
  const old = fs.readFileSync(RESULTS, "utf8");
  const s = old.indexOf("<!-- bench:mail:start -->");
  const e = old.indexOf("<!-- bench:mail:end -->");
  fs.writeFileSync(
    RESULTS,
    s >= 0 && e > s
      ? old.slice(0, s) + text + old.slice(e + "<!-- bench:mail:end -->".length)
      : `${old.trimEnd()}\n\n${text}\n`,
  );
}
process.exit(0);
