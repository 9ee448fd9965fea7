// Test helpers for roster uploads (multipart bodies for app.inject) and roster CSV generation.
import { randomUUID } from "node:crypto";
import { call, type TestEnv, type TestUser } from "../../test/harness.ts";

export function multipart(filename: string, data: Uint8Array | string, field = "file") {
  const boundary = `----tsunagari${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head, "utf8"),
    typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** POST /api/n/:slug/roster/import as `user`. */
export function uploadRoster(
  env: TestEnv,
  slug: string,
  user: TestUser | null,
  data: Uint8Array | string,
  opts: { filename?: string; dryRun?: boolean; lang?: "ja" | "en" } = {},
) {
  const m = multipart(opts.filename ?? "roster.csv", data);
  return call(env, {
    method: "POST",
    url: `/api/n/${slug}/roster/import${opts.dryRun ? "?dryRun=1" : ""}`,
    user,
    payload: m.payload,
    headers: { ...m.headers, ...(opts.lang ? { "accept-language": opts.lang } : {}) },
  });
}

const FAMILY = [
  ["山田", "ヤマダ"],
  ["佐藤", "サトウ"],
  ["鈴木", "スズキ"],
  ["高橋", "タカハシ"],
  ["田中", "タナカ"],
  ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"],
  ["中村", "ナカムラ"],
];
const GIVEN = [
  ["太郎", "タロウ"],
  ["花子", "ハナコ"],
  ["健", "ケン"],
  ["美咲", "ミサキ"],
  ["翔太", "ショウタ"],
  ["陽菜", "ヒナ"],
];
const DEPTS = ["営業部", "人事部", "開発本部 第一開発部", "経理部", "マーケティング部"];

/** A valid roster CSV (Japanese headers) with `n` rows: employee numbers E000001… */
export function generateRosterCsv(n: number, opts: { eol?: string; deptSuffix?: string } = {}) {
  const eol = opts.eol ?? "\r\n";
  const lines = ["社員番号,氏名,フリガナ,入社日,退職日,最終所属,メールアドレス"];
  for (let i = 1; i <= n; i++) {
    const [f, fk] = FAMILY[i % FAMILY.length];
    const [g, gk] = GIVEN[i % GIVEN.length];
    const y = 1990 + (i % 25);
    lines.push(
      [
        `E${String(i).padStart(6, "0")}`,
        `${f} ${g}`,
        `${fk} ${gk}`,
        `${y}/4/1`,
        `${y + 1 + (i % 8)}-03-31`,
        `${DEPTS[i % DEPTS.length]}${opts.deptSuffix ?? ""}`,
        i % 3 === 0 ? "" : `e${i}@example.com`,
      ].join(","),
    );
  }
  return lines.join(eol) + eol;
}
