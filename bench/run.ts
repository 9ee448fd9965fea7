// `npm run bench`: the directory benchmark, then the feed's (feed reads, announcement fan-out,
// digest), then the events' (RSVPs for a full event, the event list), then the opportunities'
// (postings list and search, matching, an offer's fan-out). `npm run bench -- feed
// [options]` runs only the feed's, `-- directory` only the directory's, `-- events` only the
// events'. Without a name, the options go to the directory benchmark, and those the others
// understand too (sizes, durations, seed, …) to them. `-- opportunities` runs the opportunities'
// alone.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(here, script), ...args], { stdio: "inherit" })
    .status ?? 1;

/** Options of the directory benchmark the feed benchmark also takes (with their value or not). */
const SHARED: Record<string, boolean> = {
  "--pg-size": true,
  "--pglite-size": true,
  "--duration": true,
  "--rounds": true,
  "--warmup": true,
  "--connections": true,
  "--seed": true,
  "--pg-admin-url": true,
  "--results": true,
  "--reload": false,
  "--profile": false,
  "--help": false,
  "-h": false,
};

function shared(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name] = args[i].split("=");
    if (!(name in SHARED)) continue;
    out.push(args[i]);
    if (SHARED[name] && !args[i].includes("=") && i + 1 < args.length) out.push(args[++i]);
  }
  return out;
}

const args = process.argv.slice(2);
let status: number;
if (args[0] === "feed") status = run("feed/main.ts", args.slice(1));
else if (args[0] === "directory") status = run("directory/main.ts", args.slice(1));
else if (args[0] === "events") status = run("events/main.ts", args.slice(1));
else if (args[0] === "mail") status = run("mail/main.ts", args.slice(1));
else if (args[0] === "opportunities") status = run("opportunities/main.ts", args.slice(1));
else {
  const a = run("directory/main.ts", args);
  const b = run("feed/main.ts", shared(args));
  // Its own options (--db, --members, --seconds): run at its defaults.
  const c = run("events/main.ts", []);
  const d = run(
    "opportunities/main.ts",
    shared(args).filter((a) => a !== "--profile"),
  );
  status = a || b || c || d;
}
process.exit(status);
