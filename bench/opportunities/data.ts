// The opportunities benchmark's data: the directory bench's generated alumni (network "bench",
// loaded or reused by bench/directory/data.ts) in a database of its own (variant "opps": this
// bench adds employees, who would change what the directory bench measures), plus, with a marker
// of its own (`bench_opps_marker`): a dozen employees, the feed bench's five segments, and N
// postings of both types written as the module writes them — the content checked and its search
// columns prepared by the module's own `postingColumns` (tsv, txt, skill keys, closing moment),
// one revision each, invitations, and applications at every stage.
//
// Postings (seeded, src/devdata/prng.ts): 45 % rehire openings, 55 % 業務委託 (70 % tasks, 30 %
// mentoring); titles and descriptions in Japanese from the generator's vocabulary (departments,
// job types and their skills, places: src/devdata/work.ts, places.ts); 72 % open, 22 % closed
// (expired, filled, by hand), 6 % drafts; 80 % by employees, 20 % by the operator; audience:
// 82 % the network, 10 % a segment (the operator's), 8 % invited alumni (3–20 who opted in to the
// type, the bench's readers among them half the time); published over 18 months, the recent
// more often; open postings reconfirmed within the last 24 days (those past the network's 14 + 7
// are hidden from alumni, as they would be). When the data is reused later, its times are moved
// forward by the time elapsed, so that open postings stay open and current.
import { randomUUID } from "node:crypto";
import {
  type ApplicationStage,
  type EmploymentType,
  type FeeUnit,
  opportunity,
  opportunityApplication,
  opportunityInvite,
  opportunityRevision,
  opportunityStageChange,
  type RemotePolicy,
} from "../../src/db/schema/index.ts";
import { inTransaction } from "../../src/devdata/bulk.ts";
import { generateAlumnus, Rng } from "../../src/devdata/index.ts";
import { location } from "../../src/devdata/places.ts";
import { DEPARTMENTS, GENERAL_SKILLS, JOB_LABELS, SKILLS } from "../../src/devdata/work.ts";
import { admitMember } from "../../src/modules/members/index.ts";
import {
  opportunityInput,
  type PostingContent,
  postingColumns,
} from "../../src/modules/opportunities/index.ts";
import { createVerifiedUser } from "../../src/server/accounts.ts";
import type { AppContext } from "../../src/server/context.ts";
import {
  fingerprintOf,
  OPERATOR_EMAIL,
  PASSWORD,
  type Prepared,
  prepareData,
  readMarkerIn,
  SLUG,
  type Target,
  writeMarkerIn,
} from "../directory/data.ts";
import { SEGMENTS } from "../feed/data.ts";

/** This bench's database: tsunagari_bench_<N>_opps, bench/tmp/directory/pglite-<N>_opps. */
export const VARIANT = "opps";
export const DEFAULT_POSTINGS = 5000;
export const EMPLOYEES = 12;
/** Alumni who sign in and read the list (a seeded choice; some invited, some applied). */
export const READERS = 40;
export const employeeEmail = (i: number) => `employee-${i}@bench.example`;

/** A page of open postings as bare as it gets: the list index in order, no audience, no auth. */
export const BASELINE_SQL = `select * from opportunity where network_id = $1 and status = 'open'
 order by published_at desc nulls last, id desc nulls last limit 21`;

/** Titles of the postings the offer runs publish (removed before the next run). */
export const OFFER_TITLE = "ベンチの新着案件";

const DAY = 86_400_000;
const JST = 9 * 3600_000;
const dayOf = (ms: number) => new Date(ms + JST).toISOString().slice(0, 10);

const FINGERPRINT_FILES = [
  "bench/opportunities/data.ts",
  "src/modules/opportunities/service.ts",
  "src/modules/opportunities/presenter.ts",
  "src/modules/directory/text.ts",
  "src/shared/text.ts",
  "src/devdata/work.ts",
  "src/db/migrations/meta/_journal.json",
];

const fingerprint = () => fingerprintOf(FINGERPRINT_FILES);

export type OppsMarker = {
  seed: number;
  size: number;
  postings: number;
  fingerprint: string;
  loadMs: number;
  loadedAt: string;
  /** The moment the rows' times are relative to (moved forward on reuse). */
  asOf: string;
  counts: Record<string, number>;
};

const readMarker = (ctx: AppContext) => readMarkerIn<OppsMarker>(ctx, "bench_opps_marker");
const writeMarker = (ctx: AppContext, m: OppsMarker) => writeMarkerIn(ctx, "bench_opps_marker", m);

// --- Vocabulary -----------------------------------------------------------------------------------

const EMPLOYMENT: EmploymentType[] = ["full_time", "contract", "part_time"];
const EMPLOYMENT_LABEL: Record<string, string> = {
  full_time: "正社員",
  contract: "契約社員",
  part_time: "パートタイム",
};
const OFFICES = [
  "本社（東京都千代田区丸の内）",
  "大阪支社（大阪府大阪市北区）",
  "名古屋支社（愛知県名古屋市中村区）",
  "福岡営業所（福岡県福岡市博多区）",
  "横浜事業所（神奈川県横浜市西区）",
];
const HOURS = [
  "9:00〜17:30（休憩60分）、土日祝休み",
  "10:00〜19:00（フレックスタイム制、コアタイム11:00〜15:00）、土日祝休み",
  "9:30〜18:00（休憩60分）、週休2日",
  "週3日、10:00〜16:00（曜日は相談）",
];
const TRIAL = ["3か月（期間中の条件変更なし）", "なし", "6か月（期間中の条件変更なし）"];
const TASK_PHRASES = ["の支援", "の立ち上げ支援", "の改善", "のレビュー", "の内製化支援", "の見直し"];
const TASK_TAGS = ["業務委託", "副業歓迎", "スポット", "リモート可"];
const WORK_PHRASES = [
  "現場の課題を整理し、改善の進め方を一緒に考えていただきます。",
  "社内メンバーと週1回の定例で進捗を確認しながら進めます。",
  "在籍時の経験を活かして、すぐに着手していただける方を歓迎します。",
  "資料やデータは共有フォルダでお渡しします。",
  "成果物のレビューは担当部署が行います。",
];
const EXPECTED_HOURS = [
  "週10時間程度",
  "月20時間程度",
  "合計40時間目安",
  "週1回・2時間程度",
  "月4時間程度（1回60分 × 月4回）",
];
const TERMINATION = [
  "双方とも14日前までの書面（メール可）通知で解除できます。期間満了時の更新はありません。",
  "1か月前までの通知で解除できます。期間満了時、双方合意により更新することがあります。",
  "納品前であれば7日前までの通知で解除できます（作業済み分は精算）。",
];
const FEES: Record<FeeUnit, [number, number, number]> = {
  hour: [3000, 15000, 500],
  day: [20000, 80000, 5000],
  month: [150000, 600000, 50000],
  project: [50000, 1500000, 50000],
};
const MOTIVATIONS = [
  "在籍中の経験を活かせると思い応募しました。",
  "現在はフリーランスで同様の仕事をしており、すぐに着手できます。",
  "週末と平日夜に時間を確保できます。まずはお話を伺えれば幸いです。",
  "退職後もアルムナイとして御社の動きを追っていました。お役に立てれば嬉しいです。",
];

const between = (rng: Rng, [lo, hi, step]: [number, number, number]) =>
  lo + step * rng.int(0, Math.floor((hi - lo) / step));

/** One posting's content (complete unless `draft`: then a few items are still missing). */
function contentFor(rng: Rng, i: number, poster: { name: string }, draft: boolean, publishedAt: number) {
  const dept = rng.weighted(
    DEPARTMENTS,
    DEPARTMENTS.map((d) => d.weight),
  );
  const job = dept.jobType;
  const skills = rng.sample(SKILLS[job], rng.int(2, 4));
  if (rng.chance(0.3)) skills.push(rng.pick(GENERAL_SKILLS));
  const rehire = rng.chance(0.45);
  // What differs from the defaults; the rest (every other item null) as the API's input schema fills it.
  const base = {
    department: dept.name,
    // 職種: what the matching compares with alumni's current job type.
    jobType: job,
    howToApply: "このページの「応募する」から応募してください。担当者からご連絡します。",
    recruiterName: `${dept.name} ${poster.name}`,
    recruiterContact: `recruit-${i % 50}@bench.example`,
    openings: rng.weighted([1, 2, 3], [6, 3, 1]),
    skills,
  };
  const work = `${dept.name}で、${skills.join("・")}の経験を活かしていただける方を募集します。\n\n${rng.sample(WORK_PHRASES, 2).join("\n")}`;
  let c: Record<string, unknown>;
  if (rehire) {
    const et = rng.weighted(EMPLOYMENT, [5, 3, 1]);
    const office = rng.chance(0.8) ? rng.pick(OFFICES) : location(rng);
    const min = rng.int(35, 80) * 100_000;
    c = {
      ...base,
      type: "rehire",
      title: `${dept.name}の${JOB_LABELS[job]}（再雇用・${EMPLOYMENT_LABEL[et]}）`,
      description: `${work}\n\nアルムナイの方の再入社（出戻り）を歓迎します。`,
      employmentType: et,
      location: office,
      remote: rng.weighted<RemotePolicy>(["onsite", "hybrid", "remote"], [3, 5, 2]),
      hours: rng.pick(HOURS),
      salaryMin: min,
      salaryMax: min + rng.int(5, 30) * 100_000,
      trialPeriod: rng.pick(TRIAL),
      changeScopeDuties: `雇入れ直後：${JOB_LABELS[job]}の業務　変更の範囲：会社の定める業務`,
      changeScopeWorkplace: `雇入れ直後：${office}　変更の範囲：会社の定める事業所（テレワークを行う場所を含む）`,
      fixedTerm: et === "contract",
      ...(et === "contract"
        ? {
            renewalBasis: "契約期間は1年。更新する場合がある（業務量、勤務成績により判断）",
            renewalCap: "通算契約期間の上限5年",
          }
        : {}),
    };
  } else {
    const mentoring = rng.chance(0.3);
    const remote = rng.weighted<RemotePolicy>(["remote", "hybrid", "onsite"], [6, 3, 1]);
    const unit = rng.weighted<FeeUnit>(["hour", "day", "month", "project"], [5, 1, 2, 2]);
    const fee = between(rng, FEES[unit]);
    const start = publishedAt + rng.int(7, 60) * DAY;
    c = {
      ...base,
      type: "freelance",
      kind: mentoring ? "mentoring" : "task",
      title: mentoring
        ? `${JOB_LABELS[job]}のキャリア面談・メンタリング（${skills[0]}）`
        : `${skills[0]}${rng.pick(TASK_PHRASES)}（${rng.pick(TASK_TAGS)}）`,
      description: mentoring
        ? `${dept.name}の若手社員に、社外で活躍するアルムナイの視点でアドバイスをお願いします。テーマ：${skills.join("、")}。\n\n${rng.pick(WORK_PHRASES)}`
        : work,
      remote,
      location: remote === "remote" ? null : rng.pick(OFFICES),
      periodStart: dayOf(start),
      periodEnd: dayOf(start + rng.int(30, 180) * DAY),
      expectedHours: rng.pick(EXPECTED_HOURS),
      feeMin: fee,
      feeMax: rng.chance(0.5) ? fee : fee + FEES[unit][2] * rng.int(1, 4),
      feeUnit: unit,
      terminationTerms: rng.pick(TERMINATION),
    };
  }
  // A draft: some of what publishing needs is still missing.
  const {
    publish: _p,
    audience: _a,
    ...content
  } = opportunityInput.parse(draft ? { ...c, howToApply: null, recruiterContact: null } : c);
  return content as PostingContent;
}

// --- Loading --------------------------------------------------------------------------------------

type Person = { userId: string; email: string };

/** The employees who post (created once, kept across reloads of the postings). */
async function ensureEmployees(ctx: AppContext, networkId: string, seed: number): Promise<Person[]> {
  const out: Person[] = [];
  for (let i = 0; i < EMPLOYEES; i++) {
    const email = employeeEmail(i);
    const [found] = await ctx.database.query<{ id: string }>('select id from "user" where email = $1', [
      email,
    ]);
    let userId = found?.id;
    if (!userId) {
      const g = generateAlumnus(seed + 7, i, { emailTag: "bench-employee" });
      userId = (await createVerifiedUser(ctx, { name: g.name, email, password: PASSWORD })).id;
      const id = userId;
      await ctx.db.transaction((tx) =>
        admitMember(tx, {
          networkId,
          userId: id,
          role: "employee",
          verifiedVia: "operator_added",
          verifiedBy: null,
          profile: { displayName: g.name, departments: [DEPARTMENTS[i % DEPARTMENTS.length].name] },
        }),
      );
    }
    out.push({ userId, email });
  }
  return out;
}

/** Active alumni who opted in to offers of each type (invitations and applications come from them). */
async function consenting(ctx: AppContext, networkId: string) {
  const rows = await ctx.database.query<{ user_id: string; rehire: boolean; freelance: boolean }>(
    `select c.user_id, c.rehire, c.freelance from member_consent c
       join member m on m.organization_id = c.network_id and m.user_id = c.user_id
      where c.network_id = $1 and m.role = 'alumni' and m.status = 'active' and (c.rehire or c.freelance)
      order by c.user_id`,
    [networkId],
  );
  return {
    rehire: rows.filter((r) => r.rehire).map((r) => r.user_id),
    freelance: rows.filter((r) => r.freelance).map((r) => r.user_id),
  };
}

/** The readers: a seeded choice of active alumni (the same in every run on the same data). */
export async function readersOf(ctx: AppContext, networkId: string, seed: number): Promise<Person[]> {
  return ctx.database.query<Person>(
    `select u.id as "userId", u.email from member m join "user" u on u.id = m.user_id
      where m.organization_id = $1 and m.status = 'active' and m.role = 'alumni'
      order by md5(u.email || $2) limit ${READERS}`,
    [networkId, `opps-${seed}`],
  );
}

async function wipe(ctx: AppContext, networkId: string) {
  // Revisions, invitations, applications and their stage changes go with their postings.
  for (const t of ["opportunity", "opportunity_settings", "segment"])
    await ctx.database.query(`delete from ${t} where network_id = $1`, [networkId]);
  await ctx.database.query("delete from notification where network_id = $1 and kind like 'opportunity%'", [
    networkId,
  ]);
}

async function load(
  ctx: AppContext,
  t: Target,
  nPostings: number,
  networkId: string,
  print: (s: string) => void,
) {
  const started = performance.now();
  const rng = new Rng(t.seed * 104_729 + 3);
  await wipe(ctx, networkId);
  const [op] = await ctx.database.query<{ id: string }>('select id from "user" where email = $1', [
    OPERATOR_EMAIL,
  ]);
  const employees = await ensureEmployees(ctx, networkId, t.seed);
  const names = new Map(
    (
      await ctx.database.query<{ id: string; name: string }>(
        'select id, name from "user" where id = any($1)',
        [[op.id, ...employees.map((e) => e.userId)]],
      )
    ).map((r) => [r.id, r.name]),
  );
  const segmentIds: string[] = [];
  await inTransaction(ctx.database, async (q) => {
    for (const s of SEGMENTS) {
      const id = randomUUID();
      segmentIds.push(id);
      await q(
        "insert into segment (id, network_id, name, description, filter, created_by) values ($1, $2, $3, $4, $5::jsonb, $6)",
        [id, networkId, s.name, "ベンチのセグメント", JSON.stringify(s.filter), op.id],
      );
    }
  });
  const willing = await consenting(ctx, networkId);
  const readers = await readersOf(ctx, networkId, t.seed);
  const readerIds = new Set(readers.map((r) => r.userId));
  const willingReaders = {
    rehire: willing.rehire.filter((u) => readerIds.has(u)),
    freelance: willing.freelance.filter((u) => readerIds.has(u)),
  };
  const now = Date.now();
  const span = 548 * DAY; // 18 months
  const counts: Record<string, number> = {
    postings: 0,
    open: 0,
    closed: 0,
    draft: 0,
    rehire: 0,
    task: 0,
    mentoring: 0,
    network: 0,
    segment: 0,
    invited: 0,
    invites: 0,
    applications: 0,
    unconfirmed: 0,
  };
  const BATCH = 250;
  let lastPrint = performance.now();
  for (let from = 0; from < nPostings; from += BATCH) {
    const postings: (typeof opportunity.$inferInsert)[] = [];
    const revisions: (typeof opportunityRevision.$inferInsert)[] = [];
    const invites: (typeof opportunityInvite.$inferInsert)[] = [];
    const applications: (typeof opportunityApplication.$inferInsert)[] = [];
    const changes: (typeof opportunityStageChange.$inferInsert)[] = [];
    for (let i = from; i < Math.min(nPostings, from + BATCH); i++) {
      const x = rng.float();
      const status = x < 0.72 ? "open" : x < 0.94 ? "closed" : "draft";
      const byOperator = rng.chance(0.2);
      const poster = byOperator ? op.id : rng.pick(employees).userId;
      // Published over 18 months, the recent more often; closed ones at least two weeks ago.
      const publishedAt =
        status === "draft"
          ? null
          : now - Math.floor(rng.float() ** 1.5 * span) - (status === "closed" ? 14 * DAY : 0);
      const c = contentFor(
        rng,
        i,
        { name: names.get(poster) ?? "担当" },
        status === "draft",
        publishedAt ?? now,
      );
      let closedAt: number | null = null;
      let closeReason: "expired" | "filled" | "manual" | null = null;
      let confirmedAt: number | null = publishedAt;
      if (status === "open" && publishedAt !== null) {
        c.closesOn = dayOf(now + rng.int(1, 120) * DAY);
        confirmedAt = Math.max(publishedAt, now - rng.int(0, 24) * DAY - rng.int(0, DAY));
        if (confirmedAt < now - 21 * DAY) counts.unconfirmed++;
      } else if (status === "closed" && publishedAt !== null) {
        closedAt = Math.min(now - DAY, publishedAt + rng.int(7, 90) * DAY);
        closeReason = rng.weighted(["expired", "filled", "manual"] as const, [5, 3, 2]);
        c.closesOn = dayOf(closeReason === "expired" ? closedAt - DAY : closedAt + rng.int(1, 30) * DAY);
      } else c.closesOn = rng.chance(0.5) ? dayOf(now + rng.int(14, 60) * DAY) : null;
      const { missing, ...cols } = postingColumns(c);
      if (status !== "draft" && missing.length) throw new Error(`posting ${i} lacks ${missing.join(", ")}`);
      const a = rng.float();
      const audience = byOperator && a < 0.5 ? "segment" : a < 0.92 ? "network" : "invited";
      const id = randomUUID();
      const createdAt = new Date((publishedAt ?? now - rng.int(0, 60) * DAY) - rng.int(1, 3) * DAY);
      // Applications (open and closed): 0–6 from alumni who opted in; a filled one has its hires.
      const stages: ApplicationStage[] = [];
      const final: ApplicationStage = c.type === "rehire" ? "hired" : "contracted";
      if (status !== "draft") {
        if (closeReason === "filled") for (let k = 0; k < c.openings; k++) stages.push(final);
        for (let k = rng.int(0, 6); k > 0; k--)
          stages.push(
            rng.weighted<ApplicationStage>(
              [
                "applied",
                "screening",
                "interview",
                "offered",
                "declined_by_us",
                "declined_by_applicant",
                "withdrawn",
              ],
              status === "open" ? [6, 3, 2, 1, 1, 1, 1] : [0, 0, 0, 0, 5, 2, 1],
            ),
          );
      }
      postings.push({
        id,
        networkId,
        ...cols,
        status,
        closeReason,
        audience,
        segmentId: audience === "segment" ? rng.pick(segmentIds) : null,
        filled: stages.filter((s) => s === final).length,
        createdBy: poster,
        createdAt,
        updatedAt: new Date(confirmedAt ?? createdAt.getTime()),
        publishedAt: publishedAt === null ? null : new Date(publishedAt),
        confirmedAt: confirmedAt === null ? null : new Date(confirmedAt),
        closedAt: closedAt === null ? null : new Date(closedAt),
      });
      revisions.push({
        networkId,
        opportunityId: id,
        revision: 1,
        content: { ...c, audience, segmentId: postings[postings.length - 1].segmentId },
        editedBy: poster,
        editedAt: createdAt,
      });
      const pool = willing[c.type];
      if (audience === "invited") {
        const chosen = new Set(rng.sample(pool, rng.int(3, 20)));
        if (willingReaders[c.type].length && rng.chance(0.5)) chosen.add(rng.pick(willingReaders[c.type]));
        for (const userId of chosen)
          invites.push({ networkId, opportunityId: id, userId, invitedBy: poster, invitedAt: createdAt });
        counts.invites += chosen.size;
      }
      const applicants = rng.sample(
        audience === "invited" ? invites.filter((v) => v.opportunityId === id).map((v) => v.userId) : pool,
        stages.length,
      );
      for (const [k, userId] of applicants.entries()) {
        const appId = randomUUID();
        const at = new Date((publishedAt ?? now) + (k + 1) * 6 * 3600_000);
        const stage = stages[k];
        applications.push({
          id: appId,
          networkId,
          opportunityId: id,
          userId,
          motivation: rng.pick(MOTIVATIONS),
          profile: {},
          stage,
          reason: stage === "declined_by_us" ? "今回は条件が合わず、見送りとさせていただきました。" : null,
          createdAt: at,
          stageChangedAt: new Date(at.getTime() + DAY),
        });
        changes.push({
          id: randomUUID(),
          networkId,
          applicationId: appId,
          fromStage: null,
          toStage: "applied",
          actorId: userId,
          at,
        });
        if (stage !== "applied")
          changes.push({
            id: randomUUID(),
            networkId,
            applicationId: appId,
            fromStage: "applied",
            toStage: stage,
            actorId: stage === "withdrawn" || stage === "declined_by_applicant" ? userId : poster,
            at: new Date(at.getTime() + DAY),
          });
      }
      counts.postings++;
      counts[status]++;
      counts[c.type === "rehire" ? "rehire" : (c.kind ?? "task")]++;
      counts[audience]++;
      counts.applications += applicants.length;
    }
    await inTransaction(ctx.database, async (_q, d) => {
      await d.insert(opportunity).values(postings);
      await d.insert(opportunityRevision).values(revisions);
      if (invites.length) await d.insert(opportunityInvite).values(invites);
      if (applications.length) await d.insert(opportunityApplication).values(applications);
      if (changes.length) await d.insert(opportunityStageChange).values(changes);
    });
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      print(
        `  postings ${Math.min(nPostings, from + BATCH).toLocaleString("en-US")} / ${nPostings.toLocaleString("en-US")}`,
      );
    }
  }
  // Some readers applied to open network postings of a type they opted in to (their list shows it).
  const readerApps = await ctx.database.query<{ n: number }>(
    `with picks as (
       select r.user_id, o.id as opportunity_id, row_number() over (partition by r.user_id order by md5(o.id || r.user_id)) as k
         from unnest($2::text[]) as r(user_id)
         join member_consent c on c.network_id = $1 and c.user_id = r.user_id
         join opportunity o on o.network_id = $1 and o.status = 'open' and o.audience = 'network'
              and ((o.type = 'rehire' and c.rehire) or (o.type = 'freelance' and c.freelance))
        where not exists (select 1 from opportunity_application a where a.network_id = $1 and a.opportunity_id = o.id and a.user_id = r.user_id))
     insert into opportunity_application (id, network_id, opportunity_id, user_id, motivation, profile, stage)
     select gen_random_uuid()::text, $1, opportunity_id, user_id, '在籍中の経験を活かせると思い応募しました。', '{}'::jsonb, 'applied'
       from picks where k <= 3
     returning 1 as n`,
    [networkId, readers.filter((_, i) => i % 2 === 0).map((r) => r.userId)],
  );
  counts.readerApplications = readerApps.length;
  counts.applications += readerApps.length;
  print("  VACUUM ANALYZE…");
  await ctx.database.exec("VACUUM ANALYZE");
  const marker: OppsMarker = {
    seed: t.seed,
    size: t.size,
    postings: nPostings,
    fingerprint: fingerprint(),
    loadMs: Math.round(performance.now() - started),
    loadedAt: new Date(now).toISOString(),
    asOf: new Date(now).toISOString(),
    counts,
  };
  await writeMarker(ctx, marker);
  return marker;
}

/** Moves every time of the postings (and their applications) forward by what elapsed since `asOf`. */
async function shiftTimes(ctx: AppContext, networkId: string, marker: OppsMarker) {
  const ms = Date.now() - Date.parse(marker.asOf);
  if (ms < 3600_000) return marker;
  const by = `${Math.round(ms / 1000)} seconds`;
  await ctx.database.query(
    `update opportunity set created_at = created_at + $2::interval, updated_at = updated_at + $2::interval,
        published_at = published_at + $2::interval, confirmed_at = confirmed_at + $2::interval,
        closed_at = closed_at + $2::interval, closes_at = closes_at + $2::interval,
        period_start = period_start + $3::int, period_end = period_end + $3::int
      where network_id = $1`,
    [networkId, by, Math.round(ms / DAY)],
  );
  await ctx.database.query(
    `update opportunity_application set created_at = created_at + $2::interval, stage_changed_at = stage_changed_at + $2::interval
      where network_id = $1`,
    [networkId, by],
  );
  const next = { ...marker, asOf: new Date().toISOString() };
  await writeMarker(ctx, next);
  return next;
}

export type OppsPrepared = Prepared & {
  opps: OppsMarker;
  oppsReused: boolean;
  networkId: string;
  readers: Person[];
  employees: Person[];
};

/** The directory bench's alumni in this bench's own database, plus the postings (loaded or reused). */
export async function prepareOppsData(
  t: Target,
  postings: number,
  reload: boolean,
  print: (s: string) => void,
): Promise<OppsPrepared> {
  const prepared = await prepareData(t, reload, print);
  const { ctx } = prepared;
  const [net] = await ctx.database.query<{ id: string }>("select id from organization where slug = $1", [
    SLUG,
  ]);
  if (!net) throw new Error(`network ${SLUG} missing`);
  const marker = prepared.reused && !reload ? await readMarker(ctx) : null;
  let opps: OppsMarker;
  let oppsReused = false;
  if (
    marker &&
    marker.seed === t.seed &&
    marker.size === t.size &&
    marker.postings === postings &&
    marker.fingerprint === fingerprint()
  ) {
    print(`  reusing the postings (loaded ${marker.loadedAt})`);
    opps = await shiftTimes(ctx, net.id, marker);
    oppsReused = true;
  } else {
    print(`  loading ${postings.toLocaleString("en-US")} postings…`);
    opps = await load(ctx, t, postings, net.id, print);
    print(`  postings loaded in ${(opps.loadMs / 1000).toFixed(1)} s: ${JSON.stringify(opps.counts)}`);
  }
  const employees = await ensureEmployees(ctx, net.id, t.seed);
  const readers = await readersOf(ctx, net.id, t.seed);
  return { ...prepared, opps, oppsReused, networkId: net.id, readers, employees };
}
