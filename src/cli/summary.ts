// The summary `seed-demo` prints: where to go and how to sign in.
import type { AppContext } from "../server/context.ts";
import type { SeedDemoResult } from "./seed-demo.ts";

const ROLE_LABEL: Record<string, string> = {
  admin: "プラットフォーム管理者 platform admin",
  operator: "運営 operator",
  employee: "社員 employee",
  alumni: "アルムナイ alumni",
};

export function printDemoSummary(ctx: AppContext, r: SeedDemoResult) {
  const c = r.counts;
  const out = [
    r.created
      ? `Demo network ready / デモネットワークを作成しました (${(r.ms / 1000).toFixed(1)} s, ${ctx.database.kind})`
      : "The demo network already exists: nothing changed (use --reset to rebuild it) / デモネットワークは既にあります（作り直すには --reset）",
    `  URL: ${ctx.config.baseUrl}/n/${r.slug}`,
    `  members / メンバー: ${c.operators} operators, ${c.employees} employees, ${c.alumni} alumni (${c.suspended} suspended / 利用停止)`,
    `  roster / 名簿: ${c.roster} rows, ${c.rosterOnly} not registered / 未登録`,
    `  approval queue / 承認待ち: ${c.pending}   invitations / 招待: ${c.invitations}   welcome surveys / ウェルカムアンケート: ${c.welcomeSurveys}`,
    `  feed / タイムライン: ${c.posts} posts / 投稿, ${c.comments} comments / コメント`,
    "",
    "Sign in with / ログイン情報:",
    ...r.accounts.map(
      (a) => `  ${a.email.padEnd(34)} ${a.password}   ${ROLE_LABEL[a.role]}${a.name ? ` · ${a.name}` : ""}`,
    ),
    "  (every generated alumnus uses the same password / 生成されたアルムナイは全員同じパスワードです)",
  ];
  console.log(out.join("\n"));
}
