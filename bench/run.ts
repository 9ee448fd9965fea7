// `npm run bench [-- <name>] [options]`: the benchmark named first (directory by default), with the
// rest of the options passed on as if it were run alone.
export {};

const BENCHES = ["directory", "events"];
const first = process.argv[2] ?? "";
const which = BENCHES.includes(first) ? first : "directory";
if (first === which) process.argv.splice(2, 1);
if (which === "events") await import("./events/main.ts");
else await import("./directory/main.ts");
