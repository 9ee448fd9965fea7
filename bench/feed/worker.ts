// The job workers alone, in a bench child process (ROLE=worker in production): fan-outs and mails,
// off the web process. Used by the feed and opportunities benches' `worker` mode.
import { closeServices, lowerWorkerPriority } from "../../src/server/services.ts";
import { openBenchServices, type Target } from "../directory/data.ts";
import { CACHE_DIR } from "../directory/options.ts";
import { startProfile } from "../directory/profile.ts";

/** Starts the workers on `t`'s database, then calls `ready`; stops on "stop", SIGTERM or the parent's end. */
export async function runWorkers(t: Target, name: string, ready: () => Promise<void>) {
  const smtp = process.env.BENCH_SMTP_URL;
  const ctx = await openBenchServices(t, false, {
    ...(smtp ? { SMTP_URL: smtp } : {}),
    ...(process.env.BENCH_WORKER_NICE ? { WORKER_NICE: process.env.BENCH_WORKER_NICE } : {}),
  });
  // As ROLE=worker runs (src/server/main.ts): at a lower priority than the web process.
  lowerWorkerPriority(ctx.config, ctx.log);
  await ctx.jobs.startWorkers();
  // BENCH_PROFILE_WORKER=1: the workers' CPU profile from start to stop (the fan-out and its mails).
  const stopProfile = process.env.BENCH_PROFILE_WORKER
    ? await startProfile(CACHE_DIR, `${name}-worker-${t.kind}-${t.size}`)
    : null;
  const stop = async () => {
    if (stopProfile) console.log(`  worker profile: ${(await stopProfile()).file}`);
    await closeServices(ctx);
    process.exit(0);
  };
  process.on("message", (m: any) => {
    if (m?.type === "stop") void stop();
  });
  process.on("SIGTERM", () => void stop());
  process.on("disconnect", () => void stop());
  await ready();
}
