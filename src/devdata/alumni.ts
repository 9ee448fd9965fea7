// One generated alumnus = everything the product stores about a registered former employee:
// account, roster row, profile, consent, welcome-survey answers. Person i depends only on
// (seed, i), so any slice [startIndex, startIndex + count) is reproducible on its own.
import {
  type ConsentChoices,
  INTERESTS,
  OPEN_TO,
  PROFILE_FIELD_DEFAULTS,
  type Visibility,
} from "../shared/profile.ts";
import { bio, CONTACT_CHANNELS, CONTACT_HOURS, INTEREST_OTHER, SURVEY_COMMENTS } from "./bio.ts";
import { dayMs, firstDay, lastDay, monthOf, ymOf } from "./dates.ts";
import { toHalfWidthKatakana, toKatakana, toRomaji } from "./kana.ts";
import { GIVEN_NAMES, SURNAMES, surnameWeight } from "./names.ts";
import { location } from "./places.ts";
import { mixSeed, Rng, WeightedTable } from "./prng.ts";
import {
  currentEmployer,
  DEPARTMENTS,
  GENERAL_SKILLS,
  type Industry,
  JOB_LABELS,
  type JobType,
  SKILLS,
  WIDTH_VARIANTS,
} from "./work.ts";

/** Default "today" of the generated world: fixed, so output never depends on the clock. */
export const DEFAULT_TODAY = "2025-12-31";
/** The alumni network opened this many months before "today" (registrations start then). */
const NETWORK_AGE_MONTHS = 24;
const EARLIEST_JOIN = monthOf("1990-01-01");

export type GenerateOptions = {
  seed: number;
  count: number;
  startIndex?: number;
  /** "YYYY-MM-DD"; every date is on or before it. */
  today?: string;
  /** Appended to every e-mail local part as "+tag", so several networks in one database never collide. */
  emailTag?: string;
};

export type RosterRow = {
  employeeNumber: string;
  name: string;
  nameKana: string | null;
  joinDate: string;
  leaveDate: string;
  department: string;
  email: string | null;
};

export type GeneratedProfile = {
  displayName: string;
  /** The reading of displayName (a married name has its own reading). */
  displayNameKana: string;
  nameWhileEmployed: string;
  nameKana: string;
  joinYm: string;
  leaveYm: string;
  departments: string[];
  currentCompany: string | null;
  industry: Industry | null;
  jobType: JobType;
  skills: string[];
  location: string | null;
  bio: string | null;
  links: { label: string; url: string }[];
  openTo: string[];
  contactChannel: string | null;
  contactHours: string | null;
  visibility: Record<string, Visibility>;
};

export type WelcomeSurveyAnswers = {
  joinedYear: number;
  industry: Industry | null;
  jobType: JobType;
  interests: string[];
  interestOther: string | null;
  comment: string | null;
  submittedAt: string;
};

export type GeneratedAlumnus = {
  index: number;
  employeeNumber: string;
  surname: string;
  givenName: string;
  /** Katakana readings of the name while employed. */
  surnameKana: string;
  givenNameKana: string;
  /** The account name (current name, 姓 名). */
  name: string;
  email: string;
  locale: "ja" | "en";
  joinDate: string;
  leaveDate: string;
  roster: RosterRow;
  profile: GeneratedProfile;
  consent: ConsentChoices;
  status: "active" | "suspended";
  registeredAt: string;
  lastActiveAt: string | null;
  welcomeSurvey: WelcomeSurveyAnswers | null;
};

const surnames = new WeightedTable(SURNAMES, surnameWeight);
const departments = DEPARTMENTS.map((d) => d.name);
const departmentWeights = DEPARTMENTS.map((d) => d.weight);
const jobOfDepartment = new Map(DEPARTMENTS.map((d) => [d.name, d.jobType]));
const JOB_TYPE_LIST = Object.keys(JOB_LABELS) as JobType[];
const EMAIL_DOMAINS = ["example.com", "example.jp", "example.net", "mail.example.jp", "example.org"];

function tenureMonths(rng: Rng): number {
  const r = rng.float();
  if (r < 0.4) return rng.int(12, 48);
  if (r < 0.75) return rng.int(49, 120);
  if (r < 0.95) return rng.int(121, 240);
  return rng.int(241, 360);
}

/** Join on the 1st of a month, leave on the last day of a month; 1 to 30 years; leave ≤ today. */
function employment(rng: Rng, todayMonth: number, today: string) {
  const lastLeave = lastDay(todayMonth) <= today ? todayMonth : todayMonth - 1;
  const span = lastLeave - (EARLIEST_JOIN + 11);
  const leave = lastLeave - Math.floor(rng.float() ** 1.3 * (span + 1)); // recent leavers more common
  let join = leave - tenureMonths(rng) + 1;
  const newGraduate = rng.chance(0.55);
  if (newGraduate) join -= ((join % 12) - 3 + 12) % 12; // back to April
  if (join < EARLIEST_JOIN) join = EARLIEST_JOIN + ((3 - (EARLIEST_JOIN % 12) + 12) % 12);
  if (leave - join + 1 > 360) join = leave - 359;
  if (leave - join + 1 < 12) join = leave - 11;
  return { joinMonth: join, leaveMonth: leave, newGraduate: newGraduate && join % 12 === 3 };
}

function careerPath(rng: Rng, tenureYears: number): string[] {
  const n = tenureYears < 3 ? 1 : tenureYears < 8 ? rng.int(1, 2) : rng.int(1, 3);
  const path: string[] = [];
  while (path.length < n) {
    const d = rng.weighted(departments, departmentWeights);
    if (!path.includes(d)) path.push(d);
  }
  return path;
}

/** Skills of the current job first, then of the job at the company, then general ones. */
function skillsFor(rng: Rng, jobType: JobType, pastJob: JobType): string[] {
  const chosen = rng.sample(SKILLS[jobType], rng.int(1, 3));
  for (const s of rng.sample(SKILLS[pastJob], rng.int(1, 2))) if (!chosen.includes(s)) chosen.push(s);
  for (const s of rng.sample(GENERAL_SKILLS, rng.int(0, 2))) if (!chosen.includes(s)) chosen.push(s);
  while (chosen.length < 2) {
    const s = rng.pick(GENERAL_SKILLS);
    if (!chosen.includes(s)) chosen.push(s);
  }
  return chosen.map((s) => (WIDTH_VARIANTS[s] && rng.chance(0.08) ? WIDTH_VARIANTS[s] : s));
}

function visibilityFor(rng: Rng, privateMinded: boolean): Record<string, Visibility> {
  const v: Record<string, Visibility> = { ...PROFILE_FIELD_DEFAULTS };
  for (const field of Object.keys(v)) {
    if (field === "displayName") continue;
    if (privateMinded) v[field] = rng.chance(0.3) ? "private" : "operators";
    else if (rng.chance(0.12)) v[field] = rng.pick(["private", "operators", "members"] as const);
  }
  return v;
}

function emailFor(rng: Rng, index: number, given: string, surname: string, tag?: string): string {
  const long = rng.chance(0.5);
  const g = toRomaji(given, { longVowels: long });
  const s = toRomaji(surname, { longVowels: long });
  const n = index + 1; // the trailing number is the index: unique by construction
  const local = rng.pick([
    `${g}.${s}${n}`,
    `${s}.${g}.${n}`,
    `${g[0]}${s}${n}`,
    `${s}_${g}${n}`,
    `${g}${s[0]}${n}`,
  ]);
  return `${local}${tag ? `+${tag}` : ""}@${rng.pick(EMAIL_DOMAINS)}`;
}

function timestampBetween(rng: Rng, fromMs: number, toMs: number): string {
  return new Date(fromMs + Math.floor(rng.float() * Math.max(0, toMs - fromMs))).toISOString();
}

export function generateAlumnus(
  seed: number,
  index: number,
  opts: Omit<GenerateOptions, "seed" | "count" | "startIndex"> = {},
): GeneratedAlumnus {
  const rng = new Rng(mixSeed(seed, index));
  const today = opts.today ?? DEFAULT_TODAY;
  const todayMonth = monthOf(today);
  // Never after the real present (a demo seeded "today" must not show activity later today).
  const endOfToday = Math.min(dayMs(today) + 86_400_000 - 1, Date.now());

  const surname = surnames.pick(rng);
  const given = rng.pick(GIVEN_NAMES);
  const { joinMonth, leaveMonth, newGraduate } = employment(rng, todayMonth, today);
  const joinDate = firstDay(joinMonth);
  const leaveDate = lastDay(leaveMonth);
  const tenureYears = Math.max(1, Math.round((leaveMonth - joinMonth + 1) / 12));

  const nameWhileEmployed = `${surname.kanji} ${given.kanji}`;
  const surnameKana = toKatakana(surname.kana);
  const givenNameKana = toKatakana(given.kana);
  const nameKana = `${surnameKana} ${givenNameKana}`;
  const married = given.gender === "f" && rng.chance(0.12);
  const current = married ? surnames.pick(rng) : surname;
  const displayName = `${current.kanji} ${given.kanji}`;
  const displayNameKana = `${toKatakana(current.kana)} ${givenNameKana}`;

  const path = careerPath(rng, tenureYears);
  const department = path[path.length - 1];
  const pastJob = jobOfDepartment.get(department) ?? "other";
  const jobType: JobType = rng.chance(0.65) ? pastJob : rng.pick(JOB_TYPE_LIST);
  const employer = currentEmployer(rng, jobType);
  const skills = skillsFor(rng, jobType, pastJob);
  const openTo = OPEN_TO.filter(
    (o) =>
      rng.float() <
      { rehire: 0.25, freelance: employer.freelance ? 0.8 : 0.35, mentoring: 0.2, speaking: 0.1 }[o],
  );
  const email = emailFor(rng, index, given.kana, current.kana, opts.emailTag);
  const handle = email.split(/[@+]/)[0].replace(/[._]/g, "-");
  const links = rng.chance(0.25)
    ? rng.sample(
        [
          { label: "LinkedIn", url: `https://linkedin.example.com/in/${handle}` },
          { label: "note", url: `https://note.example.com/${handle}` },
          {
            label: jobType === "engineering" ? "GitHub" : "ポートフォリオ",
            url: `https://${handle}.example.jp/`,
          },
        ],
        rng.int(1, 2),
      )
    : [];
  const privateMinded = rng.chance(0.06);

  const launch = dayMs(firstDay(todayMonth - NETWORK_AGE_MONTHS));
  const registeredMs = Math.max(launch, dayMs(leaveDate) + 86_400_000);
  const registeredAt = timestampBetween(rng, Math.min(registeredMs, endOfToday), endOfToday);
  const regMs = Date.parse(registeredAt);
  const lastActiveAt = rng.chance(0.9)
    ? rng.chance(0.4)
      ? timestampBetween(rng, Math.max(regMs, endOfToday - 30 * 86_400_000), endOfToday)
      : timestampBetween(rng, regMs, endOfToday)
    : null;

  const consent: ConsentChoices = {
    directory: rng.chance(privateMinded ? 0.4 : 0.88),
    rehire: rng.chance(openTo.includes("rehire") ? 0.95 : 0.35),
    freelance: rng.chance(openTo.includes("freelance") ? 0.95 : 0.35),
    events: rng.chance(0.7),
    surveys: rng.chance(0.6),
  };

  const interests = INTERESTS.filter(
    (i) =>
      rng.float() <
      { rehire: 0.25, freelance: 0.35, mentoring: 0.2, events: 0.45, keep_in_touch: 0.7, other: 0.05 }[i],
  );
  const welcomeSurvey: WelcomeSurveyAnswers | null = rng.chance(0.6)
    ? {
        joinedYear: Math.floor(joinMonth / 12),
        industry: employer.industry,
        jobType,
        interests: interests.length ? interests : ["keep_in_touch"],
        interestOther: interests.includes("other") ? rng.pick(INTEREST_OTHER) : null,
        comment: rng.chance(0.3) ? rng.pick(SURVEY_COMMENTS) : null,
        submittedAt: timestampBetween(rng, regMs, Math.min(regMs + 3 * 86_400_000, endOfToday)),
      }
    : null;

  const kanaForm = rng.float();
  const employeeNumber = `E${String(index + 1).padStart(6, "0")}`;
  return {
    index,
    employeeNumber,
    surname: surname.kanji,
    givenName: given.kanji,
    surnameKana,
    givenNameKana,
    name: displayName,
    email,
    locale: rng.chance(0.04) ? "en" : "ja",
    joinDate,
    leaveDate,
    roster: {
      employeeNumber,
      // HR exports write names with or without the space; readings sometimes in half-width kana.
      name: rng.chance(0.3)
        ? `${surname.kanji}${given.kanji}`
        : rng.chance(0.2)
          ? `${surname.kanji}　${given.kanji}`
          : nameWhileEmployed,
      nameKana: kanaForm < 0.1 ? null : kanaForm < 0.13 ? toHalfWidthKatakana(nameKana) : nameKana,
      joinDate,
      leaveDate,
      department,
      email: rng.chance(0.6) ? email : null,
    },
    profile: {
      displayName,
      displayNameKana,
      nameWhileEmployed,
      nameKana,
      joinYm: ymOf(joinMonth),
      leaveYm: ymOf(leaveMonth),
      departments: path,
      currentCompany: employer.company,
      industry: employer.industry,
      jobType,
      skills,
      location: rng.chance(0.85) ? location(rng) : null,
      bio: rng.chance(0.8)
        ? bio(rng, {
            department,
            joinYear: Math.floor(joinMonth / 12),
            leaveYear: Math.floor(leaveMonth / 12),
            tenureYears,
            newGraduate,
            company: employer.company,
            freelance: employer.freelance,
            jobLabel: JOB_LABELS[jobType],
            currentSkill: skills[0],
            pastSkill: skills.find((x) => SKILLS[pastJob].includes(x)) ?? skills[0],
            openTo,
          })
        : null,
      links,
      openTo,
      contactChannel: rng.chance(0.6) ? rng.pick(CONTACT_CHANNELS) : null,
      contactHours: rng.chance(0.5) ? rng.pick(CONTACT_HOURS) : null,
      visibility: visibilityFor(rng, privateMinded),
    },
    consent,
    // A few suspended members (1 in 60), at fixed positions so every demo has some.
    status: index % 60 === 7 ? "suspended" : "active",
    registeredAt,
    lastActiveAt,
    welcomeSurvey,
  };
}

/** People [startIndex, startIndex + count) of the world of `seed`. */
export function generateAlumni(opts: GenerateOptions): GeneratedAlumnus[] {
  const start = opts.startIndex ?? 0;
  const out: GeneratedAlumnus[] = [];
  for (let i = start; i < start + opts.count; i++) out.push(generateAlumnus(opts.seed, i, opts));
  return out;
}
