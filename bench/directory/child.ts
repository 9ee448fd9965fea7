// Starting and talking to the server process (server.ts) from the load generator's process.
import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { Target } from "./data.ts";
import { ROOT } from "./options.ts";
import type { ProfileSummary } from "./profile.ts";
import type { PreparedMessage, ProfileMessage, ReadyMessage } from "./server.ts";

const SERVER = path.join(ROOT, "bench/directory/server.ts");

function start(mode: "prepare" | "serve", t: Target, flags: string[]): ChildProcess {
  return fork(SERVER, [mode, t.kind, String(t.size), String(t.seed), t.pgAdminUrl, ...flags], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

function next<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
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

/** Loads or reuses the data and writes the plans, in a process of its own. */
export async function prepareInChild(t: Target, flags: string[]): Promise<PreparedMessage> {
  const child = start("prepare", t, flags);
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  const msg = await next<PreparedMessage>(child, "prepared");
  const code = await exited;
  if (code !== 0) throw new Error(`prepare exited with code ${code}`);
  return msg;
}

export type Server = ReadyMessage & {
  pid: number;
  stop: () => Promise<void>;
  /** Profiles the server's CPU while `during` runs. */
  profile: (during: () => Promise<unknown>) => Promise<ProfileSummary>;
};

/** Starts the app and the baseline app in a child process; resolves once both listen. */
export async function serveInChild(t: Target): Promise<Server> {
  const child = start("serve", t, []);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const ready = await next<ReadyMessage>(child, "ready");
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
