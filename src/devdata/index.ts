// Deterministic demo and benchmark data: realistic Japanese alumni of one company.
export {
  DEFAULT_TODAY,
  type GeneratedAlumnus,
  type GeneratedProfile,
  type GenerateOptions,
  generateAlumni,
  generateAlumnus,
  type RosterRow,
  type WelcomeSurveyAnswers,
} from "./alumni.ts";
export { toHalfWidthKatakana, toKatakana, toRomaji } from "./kana.ts";
export { mixSeed, mulberry32, Rng } from "./prng.ts";
export { rosterCsv } from "./roster-csv.ts";
