// The benchmark's data: one network ("bench") with N generated alumni, loaded by the bulk loader
// into a database of its own — a PostgreSQL database tsunagari_bench_<N>, or a PGlite data
// directory under bench/tmp/directory/. A marker row records what was loaded (seed, size and a
// fingerprint of the generator and index code), so later runs reuse the data instead of loading
// it again; a mismatch wipes and reloads.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createNetworkCommand } from "../../src/cli/commands.ts";
import { generateAlumnus } from "../../src/devdata/index.ts";
import { loadGenerated, passwordHashFor } from "../../src/devdata/load.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { AppContext } from "../../src/server/context.ts";
import { closeServices, openServices } from "../../src/server/services.ts";
import { CACHE_DIR, ROOT } from "./options.ts";

export type DbKind = "postgres" | "pglite";
/**
 * A bench database: its kind and size, the generator's seed, and — for a benchmark that adds rows
 * of its own which would change what another measures (the opportunities bench adds employees) —
 * a variant: a database (and PGlite directory) of its own, so that neither wipes the other's.
 */
export type Target = { kind: DbKind; size: number; seed: number; pgAdminUrl: string; variant?: string };

export const SLUG = "bench";
export const PASSWORD = "bench-pass-1";
export const OPERATOR_EMAIL = "operator@bench.example";
/** The origin the app believes it is served at (sign-in POSTs must send it as Origin). */
export const ORIGIN = "http://localhost:3999";

/** A generated alumnus who signs in for the main run (index 0: active, role alumni). */
/** The email of generated alumnus #`index` (#0 searches in the runs, #1 edits their profile). */
export const alumnusEmail = (seed: number, index = 0) =>
  generateAlumnus(seed, index, { emailTag: SLUG }).email;

const suffix = (variant?: string) => (variant ? `_${variant}` : "");
export const pgDatabaseName = (size: number, variant?: string) => `tsunagari_bench_${size}${suffix(variant)}`;
const pgUrl = (adminUrl: string, name: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
const pgliteDataDir = (size: number, variant?: string) =>
  path.join(CACHE_DIR, `pglite-${size}${suffix(variant)}`);

/** Files whose change changes the loaded rows or the schema: a new fingerprint forces a reload. */
const FINGERPRINT_FILES = [
  "src/devdata/alumni.ts",
  "src/devdata/bio.ts",
  "src/devdata/bulk.ts",
  "src/devdata/dates.ts",
  "src/devdata/kana.ts",
  "src/devdata/load.ts",
  "src/devdata/names.ts",
  "src/devdata/places.ts",
  "src/devdata/prng.ts",
  "src/devdata/work.ts",
  "src/db/migrations/meta/_journal.json",
  "src/modules/directory/entry.ts",
  "src/modules/directory/sync.ts",
  "src/modules/profiles/policy.ts",
  "src/modules/profiles/queries.ts",
  "src/modules/directory/text.ts",
  "src/shared/text.ts",
];

/** A hash of files' contents: a change to any of them makes cached data stale. */
export function fingerprintOf(files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest("hex").slice(0, 16);
}

export const fingerprint = () => fingerprintOf(FINGERPRINT_FILES);

/** The marker row of a bench's data (what was loaded), in its own one-row table, or null. */
export async function readMarkerIn<T>(ctx: AppContext, table: string): Promise<T | null> {
  const [t] = await ctx.database.query<{ ok: boolean }>(`select to_regclass('${table}') is not null as ok`);
  if (!t?.ok) return null;
  const [row] = await ctx.database.query<{ value: T }>(`select value from ${table} where id = 1`);
  return row?.value ?? null;
}

export async function writeMarkerIn(ctx: AppContext, table: string, value: unknown) {
  await ctx.database.exec(`create table if not exists ${table} (id int primary key, value jsonb not null)`);
  await ctx.database.query(
    `insert into ${table} (id, value) values (1, $1::jsonb) on conflict (id) do update set value = excluded.value`,
    [JSON.stringify(value)],
  );
}

type Marker = { seed: number; size: number; fingerprint: string; loadMs?: number; loadedAt?: string };

export function benchConfig(t: Target, extra: Record<string, string> = {}) {
  return loadConfig(
    {
      ...extra,
      DATA_DIR:
        t.kind === "pglite"
          ? pgliteDataDir(t.size, t.variant)
          : path.join(CACHE_DIR, `pg-${t.size}${suffix(t.variant)}-files`),
      BASE_URL: ORIGIN,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      LOG_LEVEL: "warn",
      AUTH_RATE_LIMIT: "off",
      // The load generator signs in as the network's operator with a password only.
      REQUIRE_2FA: "off",
      ...(t.kind === "postgres"
        ? { DATABASE_URL: pgUrl(t.pgAdminUrl, pgDatabaseName(t.size, t.variant)) }
        : {}),
    },
    [],
  );
}

const readMarker = (ctx: AppContext) => readMarkerIn<Marker>(ctx, "bench_marker");

/** Creates (or, with `wipe`, drops and creates) the PostgreSQL database; true when new. */
async function ensurePgDatabase(t: Target, wipe: boolean): Promise<boolean> {
  const name = pgDatabaseName(t.size, t.variant);
  const admin = new pg.Client({ connectionString: t.pgAdminUrl });
  await admin.connect();
  try {
    if (wipe) await admin.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount) return false;
    // Japanese trigram search needs a UTF-8 ctype (see docs/operations.md).
    await admin.query(
      `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    );
    return true;
  } finally {
    await admin.end();
  }
}

/** Opens the app's services on the target's database, migrated. */
export function openBenchServices(t: Target, migrate: boolean, extra: Record<string, string> = {}) {
  return openServices(benchConfig(t, extra), { migrate, rateLimit: false });
}

async function load(ctx: AppContext, t: Target, print: (s: string) => void): Promise<Marker> {
  const started = performance.now();
  const { networkId } = await createNetworkCommand(ctx, {
    name: "ベンチ株式会社",
    slug: SLUG,
    operatorEmail: OPERATOR_EMAIL,
    operatorPassword: PASSWORD,
    operatorName: "運営 ベンチ",
  });
  const passwordHash = await passwordHashFor(ctx, PASSWORD);
  let lastPrint = performance.now();
  const r = await loadGenerated(
    ctx,
    { seed: t.seed, count: t.size, emailTag: SLUG },
    {
      networkId,
      passwordHash,
      onProgress: (done, total) => {
        if (done < total && performance.now() - lastPrint < 5000) return;
        lastPrint = performance.now();
        print(`  loaded ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
      },
    },
  );
  print(`  ${r.people.toLocaleString("en-US")} alumni in ${(r.ms / 1000).toFixed(1)} s`);
  print("  VACUUM ANALYZE…");
  await ctx.database.exec("VACUUM ANALYZE");
  const marker: Marker = {
    seed: t.seed,
    size: t.size,
    fingerprint: fingerprint(),
    loadMs: Math.round(performance.now() - started),
    loadedAt: new Date().toISOString(),
  };
  await writeMarkerIn(ctx, "bench_marker", marker);
  return marker;
}

export type Prepared = { ctx: AppContext; marker: Marker; reused: boolean };

/**
 * The target's database holding exactly the wanted data: reused when its marker matches, else
 * wiped and loaded. Returns open services (the caller closes them).
 */
export async function prepareData(t: Target, reload: boolean, print: (s: string) => void): Promise<Prepared> {
  const want = { seed: t.seed, size: t.size, fingerprint: fingerprint() };
  for (let attempt = 0; attempt < 2; attempt++) {
    const wipe = reload || attempt > 0;
    let fresh: boolean;
    if (t.kind === "postgres") fresh = await ensurePgDatabase(t, wipe);
    else {
      const dir = pgliteDataDir(t.size, t.variant);
      if (wipe) fs.rmSync(dir, { recursive: true, force: true });
      fresh = !fs.existsSync(dir);
    }
    let ctx: AppContext;
    try {
      ctx = await openBenchServices(t, true);
    } catch (err) {
      // Cached data whose migrations no longer apply (a migration rewritten since it was loaded):
      // load it again.
      if (fresh || attempt > 0) throw err;
      print(`  the migrations do not apply to the cached data (${(err as Error).message}): reloading`);
      continue;
    }
    const marker = fresh ? null : await readMarker(ctx);
    if (
      marker &&
      marker.seed === want.seed &&
      marker.size === want.size &&
      marker.fingerprint === want.fingerprint
    ) {
      print(`  reusing the loaded data (loaded ${marker.loadedAt})`);
      await ctx.database.exec("ANALYZE");
      return { ctx, marker, reused: true };
    }
    if (fresh) {
      print(`  loading ${t.size.toLocaleString("en-US")} alumni (seed ${t.seed})…`);
      return { ctx, marker: await load(ctx, t, print), reused: false };
    }
    print(marker ? "  cached data differs (seed, size or code): reloading" : "  no complete data: reloading");
    await closeServices(ctx);
  }
  throw new Error("could not prepare the benchmark database");
}
