// A local SMTP sink for the fan-out benchmark (smtp-server), in a process of its own (the load
// generator's event loop is busy with autocannon during the fan-out: a sink there would be the
// bottleneck). It accepts every message and reports arrival times (ms since it started, batched
// every 100 ms) and the first message's headers to the parent over IPC.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

export type Sink = {
  url: string;
  /** Arrival times (the parent's performance.now()) of every message so far. */
  arrivals: number[];
  /** The first message's headers, for a check. */
  sample: string | null;
  /** The sink process (its CPU time: bench/mail). */
  pid: number;
  close: () => Promise<void>;
};

type FromSink =
  | { type: "ready"; port: number; t0: number }
  | { type: "arrived"; at: number[]; sample?: string };

/** Starts the sink process; resolves once it listens. */
export async function startSink(): Promise<Sink> {
  const child = fork(fileURLToPath(import.meta.url), ["--sink"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const sink: Sink = { url: "", arrivals: [], sample: null, pid: child.pid ?? 0, close: async () => {} };
  // The child's clock is its own: arrivals are shifted by the difference measured at start.
  let offset = 0;
  await new Promise<void>((resolve, reject) => {
    child.on("message", (m: FromSink) => {
      if (m.type === "ready") {
        offset = performance.now() - m.t0;
        sink.url = `smtp://127.0.0.1:${m.port}`;
        resolve();
      } else {
        for (const t of m.at) sink.arrivals.push(t + offset);
        if (m.sample && sink.sample === null) sink.sample = m.sample;
      }
    });
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  sink.close = async () => {
    process.off("exit", kill);
    // Let the last batch of arrivals come in.
    await new Promise((r) => setTimeout(r, 200));
    child.kill("SIGTERM");
  };
  return sink;
}

async function runSink() {
  let pending: number[] = [];
  let sample: string | null = null;
  let sampleSent = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      const keep = sample === null;
      stream.on("data", (c: Buffer) => {
        if (keep) chunks.push(c);
      });
      stream.on("end", () => {
        pending.push(performance.now());
        if (keep && sample === null) sample = Buffer.concat(chunks).toString("utf8").split("\r\n\r\n")[0];
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  setInterval(() => {
    if (!pending.length) return;
    const msg: FromSink = { type: "arrived", at: pending, ...(sample && !sampleSent ? { sample } : {}) };
    if (sample) sampleSent = true;
    pending = [];
    process.send?.(msg);
  }, 100);
  process.send?.({ type: "ready", port, t0: performance.now() } satisfies FromSink);
  process.on("disconnect", () => process.exit(0));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv.includes("--sink")) await runSink();
