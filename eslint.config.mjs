import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/architecture.md §1). Each folder of lib/ names the project folders it may
// import; anything else — another lib folder, app/, components/ — fails lint, so a wrong arrow
// cannot land. Read bottom-up: the engine imports nothing of the project, the core above it
// only what is below, the edges (server, auth, domains, demo) the core and the database.
const CORE = ["tcp", "scenarios", "questions", "grading"];
const LAYERS = {
  tcp: [],
  scenarios: ["tcp"],
  questions: ["scenarios", "tcp"],
  grading: ["questions", "scenarios", "tcp"],
  capture: ["tcp"],
  "kernel-check": ["capture", "tcp"],
  env: [],
  forms: [],
  "download-name": [],
  db: ["env"],
  audit: ["db"],
  auth: ["db", "env", "audit", "server/errors"],
  server: ["auth", "db", "env", "forms"],
  accounts: ["auth", "db", "audit", "server/errors"],
  // Mail the app sends (password reset links), when a mail server is configured.
  mail: ["auth", "db", "env", "audit", "server/errors"],
  courses: ["auth", "db", "audit", "server/errors"],
  attempts: [...CORE, "db", "audit", "server/errors"],
  quizzes: [...CORE, "attempts", "db", "audit", "server/errors"],
  practice: [...CORE, "auth", "db", "audit", "server/errors"],
  demo: [...CORE, "db", "audit", "courses"],
  // Authoring: banks, question versions, quizzes as instructors build them, the sandbox's runs.
  authoring: [...CORE, "capture", "attempts", "quizzes", "db", "audit", "server/errors"],
  // The gradebook: counted scores, grade changes by staff (overrides, excusals) and their history.
  gradebook: [...CORE, "attempts", "db", "audit", "server/errors"],
  // The /api/v1 kit and its operations: below app/, above the domains it exposes.
  api: [
    ...CORE,
    "auth",
    "db",
    "env",
    "server",
    "authoring",
    "quizzes",
    "attempts",
    "courses",
    "gradebook",
    "analytics",
    "regrade",
    "lms",
    "interchange",
    "download-name",
  ],
  // Analytics: item statistics and the misconceptions report (stats.ts and the grouping are
  // pure; attempts for the release rule), and the queries that feed them.
  analytics: [...CORE, "attempts", "db", "server/errors"],
  // Regrade: the stored responses graded again (the grading submit uses), off the request path.
  regrade: [...CORE, "attempts", "auth", "db", "audit", "server/errors"],
  // Grades and rosters to and from an LMS: grade files per LMS (from the gradebook), the
  // quizzes' columns there, roster files in.
  // The CSV writer (lib/api/csv.ts) is the one every file leaving the app goes through.
  lms: [...CORE, "attempts", "gradebook", "courses", "auth", "db", "audit", "server/errors", "api/csv"],
  // Question banks in and out: this project's JSON, Moodle XML, GIFT, QTI 2.1.
  interchange: [...CORE, "authoring", "db", "audit", "server/errors", "download-name"],
  // LTI 1.3: platforms and the tool's keys, launches (users, courses, enrolments, sessions),
  // deep linking, scores to the LMS (an outbox) and rosters from it.
  lti: [...CORE, "attempts", "gradebook", "courses", "auth", "db", "env", "audit", "server/errors"],
  i18n: [],
};
// Every layer may say things in the reader's language: lib/i18n is a pure leaf.
for (const folder of Object.keys(LAYERS)) if (folder !== "i18n") LAYERS[folder].push("i18n");
const PURE = ["tcp", "scenarios", "questions", "grading", "capture", "kernel-check", "i18n"];

/** Import specifiers reaching lib/<name> (relative from inside lib/, or through the @/ alias). */
function specifiersOf(name) {
  return [`^(\\.\\./)+${name}(/|$)`, `^\\./${name}(/|$)`, `^@/lib/${name}(/|$)`];
}

function layerRules() {
  const folders = Object.keys(LAYERS);
  return folders.map((folder) => {
    const allowed = new Set([folder, ...LAYERS[folder]]);
    // "server/errors" allowed means the rest of lib/server is not.
    const forbidden = folders.filter((f) => !allowed.has(f) && ![...allowed].some((a) => a.startsWith(`${f}/`)));
    const partial = [...new Set([...allowed].filter((a) => a.includes("/")).map((a) => a.split("/")[0]))];
    // The modules of a partly allowed folder that may be imported: "errors" of "server/errors".
    const modulesOf = (f) => [...allowed].filter((a) => a.startsWith(`${f}/`)).map((a) => a.slice(f.length + 1));
    const patterns = [
      ...forbidden.map((f) => ({
        regex: specifiersOf(f).join("|"),
        message: `lib/${folder} may not import lib/${f} (docs/architecture.md §1).`,
      })),
      ...partial.map((f) => ({
        regex:
          specifiersOf(f)
            .map((r) => r.replace("(/|$)", `/(?!(${modulesOf(f).join("|")})$)`))
            .join("|") + `|^(\\.\\./)+${f}$|^@/lib/${f}$`,
        message: `lib/${folder} may import only ${modulesOf(f)
          .map((m) => `lib/${f}/${m}`)
          .join(", ")} of lib/${f} (docs/architecture.md §1).`,
      })),
      { regex: "^@/(app|components)(/|$)|^(\\.\\./)+(app|components)(/|$)", message: "lib/ is below app/ and components/." },
      ...(PURE.includes(folder) ? [{ regex: "^(node:|fs$|path$)", message: "Pure module: no I/O." }] : []),
    ];
    const files =
      folder.includes("-") || !["env", "forms", "audit"].includes(folder) ? [`lib/${folder}/**/*.{ts,tsx}`] : [`lib/${folder}.ts`];
    const rules = { "no-restricted-imports": ["error", { patterns }] };
    if (PURE.includes(folder)) {
      // The engine and the question/grading modules are pure: no clock, no randomness, no I/O.
      rules["no-restricted-properties"] = [
        "error",
        { object: "Math", property: "random", message: "Pure module: take randomness from a seeded PRNG passed in." },
        { object: "Date", property: "now", message: "Pure module: take the time as an argument." },
      ];
      rules["no-restricted-syntax"] = [
        "error",
        { selector: "NewExpression[callee.name='Date']", message: "Pure module: take the time as an argument." },
      ];
    }
    return { files, ignores: ["lib/db/generated/**"], rules };
  });
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layerRules(),
  {
    // Components run in the browser (or render for it): they import the client-safe entry
    // points only (lib/questions/client.ts, lib/grading/client.ts, lib/forms.ts, the light
    // trace readers of lib/tcp, role names) and reach the server through app/actions. Types may
    // come from anywhere: they leave nothing in the bundle.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "^@/lib/(?!forms$|attempts/client$|questions/client$|grading/client$|tcp/(describe|trace|flags)$|auth/roles$|auth/permissions$|authoring/client$|gradebook/client$|lms/grades-client$|lti/client$|i18n/(locales|msg|render|localized)$)",
              allowTypeImports: true,
              message: "Components import client-safe entry points only (docs/architecture.md §9).",
            },
          ],
        },
      ],
    },
  },
  {
    // Pages, actions, route handlers and components reach the database only through a domain's
    // services or queries (lib/<domain>/index.ts binds them to the app's database): every
    // statement lives in a queries module (docs/data-access.md).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db/client", message: "Call a service or query of lib/<domain> instead (docs/data-access.md)." }],
          patterns: [
            {
              group: ["**/lib/db/client", "**/lib/db/generated/**", "@/lib/db/sql"],
              message: "Call a service or query of lib/<domain> instead (docs/data-access.md).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
