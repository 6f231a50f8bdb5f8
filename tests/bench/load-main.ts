// `npm run bench:load`: a class taking an exam together (tests/bench/load.ts) against each
// configuration named, each started by the bench itself. Not part of `npm test`; needs a build.
//   npm run bench:load -- --students 1000 --within 10 --config sqlite,postgres,postgres-2
// --duration: seconds from the last start to the exam's close (default 25); --port: the first
// port (default 3400; postgres-2 also takes the next two); --static next: the build's static files
// served by Next.js as before scripts/static-files.mjs, --static both: each configuration that way
// first and then as `npm start` serves them, for a comparison in one run. Exits non-zero when a
// budget is missed. --vitals / --no-vitals: the attempt page's web vitals in a headless Chromium
// during the class (tests/bench/load-vitals.ts; default: on when a Chromium is found), --vitals-samples
// how many during the class (default 3). --fault kill: the app (postgres-2: its first instance)
// killed with SIGKILL mid-saves and mid-submits and started again; --fault db-restart (PostgreSQL
// configurations): a PostgreSQL of the bench's own stopped for 5 s at those moments. With a fault
// the students send a save or a submit again as the attempt page does.
import { parseArgs } from "node:util";
import { findChromium } from "../e2e/browser";
import { CONFIGS, type ConfigName } from "./load-servers";
import { DEFAULT_LOAD, LOAD_FAULTS, reportLoad, runLoad, type LoadFault } from "./load";

const { values } = parseArgs({
  options: {
    students: { type: "string", default: String(DEFAULT_LOAD.students) },
    within: { type: "string", default: String(DEFAULT_LOAD.within) },
    config: { type: "string", default: CONFIGS.join(",") },
    duration: { type: "string", default: String(DEFAULT_LOAD.duration) },
    port: { type: "string", default: String(DEFAULT_LOAD.port) },
    static: { type: "string", default: "server" },
    vitals: { type: "boolean" },
    "vitals-samples": { type: "string", default: "3" },
    fault: { type: "string", default: "" },
  },
  allowNegative: true,
});
const number = (name: string, text: string, min: number) => {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name} must be a number of at least ${min} (got ${JSON.stringify(text)})`);
    process.exit(2);
  }
  return n;
};
const configs = values.config.split(",").map((c) => c.trim());
for (const c of configs) {
  if (!(CONFIGS as readonly string[]).includes(c)) {
    console.error(`--config: ${c} is not one of ${CONFIGS.join(", ")}`);
    process.exit(2);
  }
}
const ways = { server: [false], next: [true], both: [true, false] }[values.static];
if (!ways) {
  console.error(`--static: ${values.static} is not one of server, next, both`);
  process.exit(2);
}
const fault = values.fault === "" ? null : (values.fault as LoadFault);
if (fault !== null && !(LOAD_FAULTS as readonly string[]).includes(fault)) {
  console.error(`--fault: ${values.fault} is not one of ${LOAD_FAULTS.join(", ")}`);
  process.exit(2);
}
if (fault === "db-restart" && configs.includes("sqlite")) {
  console.error("--fault db-restart: PostgreSQL configurations only (--config postgres,postgres-2)");
  process.exit(2);
}
let vitals: { executablePath: string | undefined; samples: number } | null = null;
if (values.vitals !== false) {
  try {
    vitals = { executablePath: findChromium(), samples: Math.floor(number("vitals-samples", values["vitals-samples"], 1)) };
  } catch (error) {
    if (values.vitals) {
      console.error(`--vitals: ${(error as Error).message}`);
      process.exit(2);
    }
    console.log(`No web vitals of the attempt page (--no-vitals: none, without looking for a Chromium). ${(error as Error).message}`);
  }
}
let ok = true;
for (const config of configs as ConfigName[])
  for (const nextStatic of ways) {
    const result = await runLoad({
      nextStatic,
      students: Math.floor(number("students", values.students, 1)),
      within: number("within", values.within, 0),
      duration: number("duration", values.duration, 5),
      port: Math.floor(number("port", values.port, 1024)),
      config,
      vitals,
      fault,
    });
    if (!reportLoad(result)) ok = false;
  }
process.exit(ok ? 0 : 1);
