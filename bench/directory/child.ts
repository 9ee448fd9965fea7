// Starting and talking to the server process (server.ts) from the load generator's process.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { AppContext } from "../../src/server/context.ts";
import { closeServices } from "../../src/server/services.ts";
import type { DbKind, Target } from "./data.ts";
import { CACHE_DIR, ROOT } from "./options.ts";
import { type ProfileSummary, startProfile } from "./profile.ts";
import type { PreparedMessage, ProfileMessage, ReadyMessage } from "./server.ts";

const SERVER = "bench/directory/server.ts";

/**
 * Forks a bench server script (`script`, relative to the repository) in `mode` for target `t`:
 * argv `mode kind size seed pgAdminUrl [variant] ...flags` (see `targetOf`).
 */
export function forkBench(
  script: string,
  mode: string,
  t: Target,
  flags: string[],
  env: Record<string, string> = {},
): ChildProcess {
  return fork(
    path.join(ROOT, script),
    [mode, t.kind, String(t.size), String(t.seed), t.pgAdminUrl, `variant=${t.variant ?? ""}`, ...flags],
    {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, NODE_ENV: "production", ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
}

/** In a bench server script: its mode, target and flags, as `forkBench` passed them. */
export function targetOf(argv: string[]): { mode: string; target: Target; flags: string[] } {
  const [mode, kind, size, seed, pgAdminUrl, variant = "", ...flags] = argv;
  const v = variant.replace(/^variant=/, "");
  const target: Target = { kind: kind as DbKind, size: Number(size), seed: Number(seed), pgAdminUrl };
  return { mode, target: v ? { ...target, variant: v } : target, flags };
}

const start = (mode: "prepare" | "serve", t: Target, flags: string[]) => forkBench(SERVER, mode, t, flags);

/** The child's next IPC message of `type` (rejects if it exits first). */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: any) => {
      if (m?.type !== type) return;
      child.off("exit", onExit);
      child.off("message", onMessage);
      resolve(m as T);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`the server process exited (code ${code}) before "${type}"`));
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
const next = nextMessage;

/** Loads or reuses the data and writes the plans, in a process of its own. */
export async function prepareInChild(t: Target, flags: string[]): Promise<PreparedMessage> {
  const child = start("prepare", t, flags);
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  const msg = await next<PreparedMessage>(child, "prepared");
  const code = await exited;
  if (code !== 0) throw new Error(`prepare exited with code ${code}`);
  return msg;
}

/** A server child process: its pid, a CPU profile of it, and its stop. */
export type Handle = {
  pid: number;
  stop: () => Promise<void>;
  /** Profiles the server's CPU while `during` runs. */
  profile: (during: () => Promise<unknown>) => Promise<ProfileSummary>;
};
export type Server = ReadyMessage & Handle;

/**
 * Starts `script` in `mode` in a child process; resolves with its "ready" message once it sent it
 * (killed if this process exits first).
 */
export async function serveChild<R extends { type: "ready" }>(
  script: string,
  mode: string,
  t: Target,
  flags: string[] = [],
  env: Record<string, string> = {},
): Promise<R & Handle> {
  const child = forkBench(script, mode, t, flags, env);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const ready = await next<R>(child, "ready");
  return {
    ...ready,
    pid: child.pid!,
    profile: async (during) => {
      child.send({ type: "profile-start" });
      await during();
      const summary = next<ProfileMessage>(child, "profile");
      child.send({ type: "profile-stop" });
      return (await summary).summary;
    },
    stop: async () => {
      process.off("exit", kill);
      if (child.exitCode === null) child.send({ type: "stop" });
      const timer = setTimeout(kill, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts the app and the baseline app in a child process; resolves once both listen. */
export const serveInChild = (t: Target): Promise<Server> => serveChild<ReadyMessage>(SERVER, "serve", t);

/**
 * In a bench server child: on the parent's "stop", SIGTERM or the parent's end, closes `apps`
 * (the listening servers), waits a second — requests the load generator dropped at the end of its
 * last run may still be in their handlers: let them finish before the pool closes under them —,
 * closes the services and exits; "profile-start" / "profile-stop" profile the process's CPU
 * (`startProfile`, the summary sent back as a "profile" message).
 */
export function serveUntilStopped(
  ctx: AppContext,
  apps: { close: () => Promise<unknown> }[],
  profileName: string,
) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const a of apps) await a.close();
    await new Promise((r) => setTimeout(r, 1000));
    await closeServices(ctx);
    process.exit(0);
  };
  let stopProfile: (() => Promise<ProfileSummary>) | null = null;
  process.on("message", async (m: any) => {
    if (m?.type === "stop") void stop();
    if (m?.type === "profile-start") stopProfile = await startProfile(CACHE_DIR, profileName);
    if (m?.type === "profile-stop" && stopProfile) {
      const summary = await stopProfile();
      stopProfile = null;
      await new Promise<void>((resolve) =>
        process.send ? process.send({ type: "profile", summary }, undefined, {}, () => resolve()) : resolve(),
      );
    }
  });
  process.on("SIGTERM", () => void stop());
  process.on("disconnect", () => void stop()); // the parent died
}
