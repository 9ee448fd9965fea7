// Admin commands: `node --import tsx src/cli/main.ts <command>` (or `npm run cli -- <command>`).
// Uses DATA_DIR / DATABASE_URL like the server, and refuses a PGlite data directory a running
// server holds.
import { parseArgs } from "node:util";
import pino from "pino";
import { loadConfig } from "../server/config.ts";
import type { AppContext } from "../server/context.ts";
import { acquireDataDirLock } from "../server/lock.ts";
import { closeServices, openServices } from "../server/services.ts";
import { AppError } from "../shared/errors.ts";
import { CliError, createNetworkCommand, generateCommand, importRosterCommand } from "./commands.ts";
import { seedDemo } from "./seed-demo.ts";
import { printDemoSummary } from "./summary.ts";

const HELP = `Tsunagari CLI / 管理コマンド

Usage / 使い方: npm run cli -- <command> [options]
  (or: node --import tsx src/cli/main.ts <command> [options])

Commands / コマンド:
  seed-demo [--alumni 200] [--seed 1] [--reset]
      Creates the demo network "demo" (株式会社サンプル) with operators, employees, alumni,
      roster-only leavers, pending registrations and invitations. Does nothing if it exists,
      unless --reset (deletes and rebuilds it).
      デモネットワークを作成します。既にあれば何もしません（--reset で作り直し）。
  create-network --name <会社名> --slug <slug> --operator-email <email> [--operator-password <pw>] [--operator-name <name>]
      Creates a network and its first operator (the account is created when a password is given).
      ネットワークと最初の運営アカウントを作成します。
  import-roster --network <slug> --file <roster.csv> [--operator <email>] [--dry-run]
      Imports a roster CSV (UTF-8 or Shift_JIS) as an operator of the network.
      名簿 CSV を取り込みます。
  generate --network <slug> --alumni <N> [--seed 1] [--batch 1000] [--password <pw>]
      Bulk-loads N generated alumni into a network (benchmarks); runs add up.
      生成したアルムナイ N 人を一括登録します（負荷試験用）。
  help
      This text / このヘルプ

Environment / 環境変数: DATA_DIR (default ./data, embedded PGlite), DATABASE_URL (PostgreSQL).
With PGlite, stop the server first: a data directory can be open in one process only.
PGlite を使う場合は先にサーバーを停止してください。`;

const OPTIONS = {
  alumni: { type: "string" },
  seed: { type: "string" },
  reset: { type: "boolean" },
  name: { type: "string" },
  slug: { type: "string" },
  "operator-email": { type: "string" },
  "operator-password": { type: "string" },
  "operator-name": { type: "string" },
  network: { type: "string" },
  file: { type: "string" },
  operator: { type: "string" },
  "dry-run": { type: "boolean" },
  batch: { type: "string" },
  password: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function int(v: string | undefined, name: string, dflt: number, min = 0): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(
      `--${name} must be an integer ≥ ${min} / --${name} は ${min} 以上の整数にしてください。`,
    );
  return n;
}

function required(v: string | undefined, name: string): string {
  if (!v) throw new CliError(`--${name} is required / --${name} を指定してください。\n\n${HELP}`);
  return v;
}

async function run(command: string, values: Record<string, any>, ctx: AppContext) {
  switch (command) {
    case "seed-demo": {
      const result = await seedDemo(ctx, {
        alumni: int(values.alumni, "alumni", 200),
        seed: int(values.seed, "seed", 1),
        reset: !!values.reset,
      });
      await ctx.jobs.drain(); // invitation e-mails: written to the outbox (or sent) now
      printDemoSummary(ctx, result);
      return;
    }
    case "create-network": {
      const r = await createNetworkCommand(ctx, {
        name: required(values.name, "name"),
        slug: required(values.slug, "slug"),
        operatorEmail: required(values["operator-email"], "operator-email"),
        operatorPassword: values["operator-password"],
        operatorName: values["operator-name"],
      });
      console.log(
        `Network created / ネットワークを作成しました: ${values.name} (${ctx.config.baseUrl}/n/${values.slug})`,
      );
      console.log(
        `  operator / 運営: ${values["operator-email"]}${r.operatorCreated ? " (new account / 新規アカウント)" : ""}`,
      );
      return;
    }
    case "import-roster": {
      const r = await importRosterCommand(ctx, {
        slug: required(values.network, "network"),
        file: required(values.file, "file"),
        operatorEmail: values.operator,
        dryRun: !!values["dry-run"],
      });
      console.log(
        `${r.dryRun ? "Checked (nothing written) / 確認のみ（取り込みなし）" : "Imported / 取り込みました"}: ` +
          `${r.rows} rows (${r.created} new / 新規, ${r.updated} updated / 更新), ${r.encoding}, ${r.durationMs} ms`,
      );
      return;
    }
    case "generate": {
      const alumni = int(values.alumni, "alumni", 0, 1);
      if (values.alumni === undefined) required(undefined, "alumni");
      const r = await generateCommand(ctx, {
        slug: required(values.network, "network"),
        alumni,
        seed: int(values.seed, "seed", 1),
        batchSize: int(values.batch, "batch", 1000, 1),
        password: values.password,
      });
      console.log(
        `Loaded / 登録しました: ${r.people.toLocaleString("en-US")} alumni into "${r.network.slug}" on ${ctx.database.kind} ` +
          `in ${(r.ms / 1000).toFixed(1)} s (${r.perSecond.toLocaleString("en-US")}/s), employee numbers from E${String(r.startIndex + 1).padStart(6, "0")}`,
      );
      return;
    }
    default:
      throw new CliError(`Unknown command / 不明なコマンド: ${command}\n\n${HELP}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (err: any) {
    console.error(`${err.message}\n\n${HELP}`);
    return 2;
  }
  const command = parsed.positionals[0] ?? "help";
  if (command === "help" || parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  let release = () => {};
  let ctx: AppContext | null = null;
  try {
    const config = loadConfig(process.env, []);
    if (!config.DATABASE_URL) {
      try {
        release = acquireDataDirLock(config.dataDir);
      } catch (err: any) {
        throw new CliError(
          `${err.message}\nThe CLI cannot run while a server uses this PGlite data directory: stop the server first.\nサーバーがこの PGlite データディレクトリを使用中のため実行できません。先にサーバーを停止してください。`,
        );
      }
    }
    ctx = await openServices(config, { logger: pino({ level: process.env.LOG_LEVEL ?? "warn" }) });
    await run(command, parsed.values, ctx);
    return 0;
  } catch (err: any) {
    if (err instanceof CliError) console.error(err.message);
    else if (err instanceof AppError) console.error(`${err.messages.ja}\n${err.messages.en}`);
    else console.error(err);
    return 1;
  } finally {
    if (ctx) await closeServices(ctx);
    release();
  }
}

process.exitCode = await main(process.argv.slice(2));
