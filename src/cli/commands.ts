// The CLI's other commands: create a network, import a roster file, bulk-generate alumni.
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { member, organization, user } from "../db/schema/index.ts";
import { loadGenerated, passwordHashFor } from "../devdata/load.ts";
import { createNetwork } from "../modules/networks/index.ts";
import { importRoster } from "../modules/roster/index.ts";
import { createVerifiedUser } from "../server/accounts.ts";
import type { AppContext } from "../server/context.ts";
import {
  type MemberScope,
  memberScope,
  networkColumns,
  platformScope,
  toSessionUser,
} from "../server/scope.ts";
import { AppError } from "../shared/errors.ts";
import { DEFAULT_PURPOSES, DEMO_PASSWORD, privacyNoticeBody } from "./demo-content.ts";

export class CliError extends Error {}

export async function networkBySlug(ctx: AppContext, slug: string) {
  const [n] = await ctx.db.select(networkColumns).from(organization).where(eq(organization.slug, slug));
  if (!n) throw new CliError(`Network "${slug}" not found / ネットワーク「${slug}」が見つかりません。`);
  return n;
}

export async function createNetworkCommand(
  ctx: AppContext,
  v: { name: string; slug: string; operatorEmail: string; operatorPassword?: string; operatorName?: string },
) {
  if (!/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/.test(v.slug)) {
    throw new CliError(
      "The slug must be 3–50 lower-case letters, digits or hyphens / スラッグは英小文字・数字・ハイフンで 3〜50 文字にしてください。",
    );
  }
  const email = v.operatorEmail.trim().toLowerCase();
  const [found] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!found && !v.operatorPassword) {
    throw new CliError(
      "No account uses this e-mail: give --operator-password to create it / このメールアドレスのアカウントがありません。作成するには --operator-password を指定してください。",
    );
  }
  if (v.operatorPassword && v.operatorPassword.length < 8) {
    throw new CliError("The password needs at least 8 characters / パスワードは 8 文字以上にしてください。");
  }
  const operatorId =
    found?.id ??
    (
      await createVerifiedUser(ctx, {
        name: v.operatorName ?? email.split("@")[0],
        email,
        password: v.operatorPassword,
      })
    ).id;
  const networkId = await createNetwork(
    platformScope(ctx, { userId: null, label: "cli" }),
    {
      name: v.name,
      slug: v.slug,
      privacyNotice: { body: privacyNoticeBody(v.name), purposes: DEFAULT_PURPOSES },
    },
    operatorId,
  );
  return { networkId, operatorId, operatorCreated: !found };
}

/** The scope of an operator of the network (the one named, else the first one). */
async function operatorScope(ctx: AppContext, slug: string, operatorEmail?: string): Promise<MemberScope> {
  const network = await networkBySlug(ctx, slug);
  const rows = await ctx.db
    .select({ member, user })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(
      and(
        eq(member.organizationId, network.id),
        eq(member.role, "operator"),
        eq(member.status, "active"),
        ...(operatorEmail ? [eq(user.email, operatorEmail.trim().toLowerCase())] : []),
      ),
    )
    .orderBy(asc(member.createdAt))
    .limit(1);
  const row = rows[0];
  if (!row)
    throw new CliError(
      `No active operator found in "${slug}" / 「${slug}」に有効な運営アカウントがありません。`,
    );
  return memberScope(
    ctx,
    network,
    { id: row.member.id, role: "operator", status: row.member.status, userId: row.user.id },
    toSessionUser(row.user),
  );
}

export async function importRosterCommand(
  ctx: AppContext,
  v: { slug: string; file: string; operatorEmail?: string; dryRun?: boolean },
) {
  if (!fs.existsSync(v.file)) throw new CliError(`File not found / ファイルがありません: ${v.file}`);
  const scope = await operatorScope(ctx, v.slug, v.operatorEmail);
  try {
    return await importRoster(
      scope,
      { data: new Uint8Array(fs.readFileSync(v.file)), filename: path.basename(v.file) },
      { dryRun: !!v.dryRun },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "ROSTER_INVALID") {
      const details = err.details as { errors: { line: number; messages: { ja: string; en: string } }[] };
      const lines = details.errors
        .slice(0, 30)
        .map((e) => `  ${e.line}行目 / line ${e.line}: ${e.messages.ja} / ${e.messages.en}`);
      throw new CliError([`${err.messages.ja}\n${err.messages.en}`, ...lines].join("\n"));
    }
    throw err;
  }
}

export async function generateCommand(
  ctx: AppContext,
  v: { slug: string; alumni: number; seed: number; batchSize?: number; password?: string; quiet?: boolean },
) {
  const network = await networkBySlug(ctx, v.slug);
  // Continue after the employee numbers a previous run generated (E000001…), so runs add up.
  const [row] = await ctx.database.query<{ n: number | null }>(
    `select max(substring(employee_number from 2)::int) as n from roster_entry
     where network_id = $1 and employee_number ~ '^E[0-9]{6,9}$'`,
    [network.id],
  );
  const startIndex = row?.n ?? 0;
  const passwordHash = await passwordHashFor(ctx, v.password ?? DEMO_PASSWORD);
  let lastPrint = 0;
  const result = await loadGenerated(
    ctx,
    {
      seed: v.seed,
      count: v.alumni,
      startIndex,
      emailTag: network.slug,
      today: new Date().toISOString().slice(0, 10),
    },
    {
      networkId: network.id,
      passwordHash,
      batchSize: v.batchSize,
      onProgress: (done, total) => {
        if (v.quiet || (done < total && performance.now() - lastPrint < 2000)) return;
        lastPrint = performance.now();
        process.stdout.write(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}\n`);
      },
    },
  );
  return { ...result, startIndex, network };
}
