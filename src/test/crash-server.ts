// The real server as a child process for the crash test: started on a free port with its own
// DATA_DIR (and DATABASE_URL for PostgreSQL), killed with SIGKILL, restarted on the same data;
// plus a small HTTP client that keeps the session cookie and sends the Origin header.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ServerOptions = {
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  authSecret: string;
};

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export class ServerProcess {
  child: ChildProcess | null = null;
  port = 0;
  baseUrl = "";
  /** The output of the current process (warnings and errors at LOG_LEVEL=warn). */
  output = "";
  cookies = new Map<string, string>();

  constructor(private opts: ServerOptions) {}

  /** Starts the server and waits until /healthz answers (at most `timeoutMs`). */
  async start(timeoutMs = 60_000): Promise<number> {
    const t0 = Date.now();
    this.port = await freePort();
    this.baseUrl = `http://localhost:${this.port}`;
    this.output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATA_DIR: this.opts.dataDir,
        DATABASE_URL: this.opts.databaseUrl ?? "",
        SMTP_URL: this.opts.smtpUrl ?? "",
        BASE_URL: this.baseUrl,
        AUTH_SECRET: this.opts.authSecret,
        LOG_LEVEL: "warn",
        // This test is about crashes, not sign-in: its operator works without a second factor
        // (two-factor enforcement has its own tests).
        REQUIRE_2FA: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-20_000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    let exited: number | null | undefined;
    child.on("exit", (code) => {
      exited = code;
    });
    while (Date.now() - t0 < timeoutMs) {
      if (exited !== undefined) throw new Error(`server exited (${exited}) while starting:\n${this.output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (res.ok) return Date.now() - t0;
      } catch {}
      await sleep(100);
    }
    await this.kill();
    throw new Error(`server did not start in ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGKILL: no shutdown handler runs, the data directory is left as the crash left it. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await gone;
  }

  killNow(): void {
    this.child?.kill("SIGKILL");
  }

  /** A request to the API with the session cookie and Origin: BASE_URL. */
  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const isBuffer = body instanceof Uint8Array;
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(body !== undefined && !isBuffer ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : isBuffer
            ? new Blob([body as Uint8Array<ArrayBuffer>])
            : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json, text };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
