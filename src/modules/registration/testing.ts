// Test helpers for self-registration: a roster to match against, a registration request from
// its own client address (so the per-address limit does not bleed between tests), an account
// whose email is not verified, and the network's registration policy.
import { eq } from "drizzle-orm";
import { user } from "../../db/schema/index.ts";
import { call, makeUser, type TestEnv, type TestNetwork, type TestUser } from "../../test/harness.ts";
import { uploadRoster } from "../roster/testing.ts";

export const ROSTER_CSV = [
  "社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス",
  "A001,山田 太郎,ヤマダ タロウ,2010/4/1,2018/3/31,営業部,",
  "A002,佐藤 花子,サトウ ハナコ,2012/4/1,2020/9/30,人事部,",
  "A003,鈴木 一郎,スズキ イチロウ,2005/4/1,2015/3/31,経理部,",
  "A004,鈴木 一郎,スズキ イチロウ,2005/4/1,2015/3/31,経理部,",
  "A005,高橋 美咲,タカハシ ミサキ,2016/4/1,2023/6/30,マーケティング部,",
  "A006,伊藤 健,イトウ ケン,2016/4/1,2023/6/30,開発部,",
].join("\r\n");

export async function loadRoster(env: TestEnv, net: TestNetwork, csv = ROSTER_CSV) {
  const res = await uploadRoster(env, net.slug, net.operator, csv);
  if (res.statusCode !== 200) throw new Error(`roster upload failed ${res.statusCode} ${res.body}`);
}

/** ROSTER_CSV with `email` as the roster address of A001 (山田 太郎). */
export const rosterWithEmail = (email: string) =>
  ROSTER_CSV.replace("2018/3/31,営業部,", `2018/3/31,営業部,${email}`);

/** Sets the network's registration policy as its operator (the route, so it is audited). */
export async function setPolicy(env: TestEnv, net: TestNetwork, policy: "strict" | "lenient") {
  const res = await call(env, {
    method: "PUT",
    url: `/api/n/${net.slug}/settings/registration`,
    user: net.operator,
    payload: { policy },
  });
  if (res.statusCode !== 200) throw new Error(`setting the policy failed ${res.statusCode} ${res.body}`);
}

export async function rosterIds(env: TestEnv, net: TestNetwork): Promise<Record<string, string>> {
  const res = await call(env, { url: `/api/n/${net.slug}/roster?limit=200`, user: net.operator });
  return Object.fromEntries(res.json().items.map((i: any) => [i.employeeNumber, i.id]));
}

export const CONSENT = {
  noticeVersion: 1,
  directory: true,
  rehire: false,
  freelance: true,
  events: true,
  surveys: false,
};

export const form = (extra: Record<string, unknown>) => ({
  name: "山田 太郎",
  joinYm: "2010-04",
  leaveYm: "2018-03",
  consent: CONSENT,
  ...extra,
});

let ipSeq = Math.floor(Math.random() * 2 ** 24);
/** A fresh client address per call unless one is given. */
export const nextIp = () => `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`;

export function register(
  env: TestEnv,
  slug: string,
  u: TestUser | null,
  body: unknown,
  opts: { ip?: string } = {},
) {
  return call(env, {
    method: "POST",
    url: `/api/n/${slug}/registrations`,
    user: u,
    payload: body,
    headers: { "x-forwarded-for": opts.ip ?? nextIp() },
  });
}

export async function myStatus(env: TestEnv, slug: string, u: TestUser) {
  return (await call(env, { url: `/api/n/${slug}/registrations/mine`, user: u })).json().status;
}

/** A signed-in account whose email address is (no longer) verified. */
export async function makeUnverifiedUser(env: TestEnv): Promise<TestUser> {
  const u = await makeUser(env);
  await env.ctx.db.update(user).set({ emailVerified: false }).where(eq(user.id, u.id));
  return u;
}
