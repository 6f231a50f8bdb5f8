import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The engine and the question/grading modules are pure: no clock, no randomness, no I/O.
    files: ["lib/tcp/**/*.ts", "lib/scenarios/**/*.ts", "lib/questions/**/*.ts", "lib/grading/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Pure module: take randomness from a seeded PRNG passed in." },
        { object: "Date", property: "now", message: "Pure module: take the time as an argument." },
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "@/lib/db/*", "../db/*"] }],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "Pure module: take the time as an argument." }],
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
          patterns: [{ group: ["**/lib/db/client", "**/lib/db/generated/**", "@/lib/db/sql"], message: "Call a service or query of lib/<domain> instead (docs/data-access.md)." }],
        },
      ],
    },
  },
  {
    // MERGE: these still pass the app's db to lib/auth, lib/practice and lib/courses/enroll,
    // whose queries move to lib/auth/queries.ts and lib/practice/queries.ts on another branch.
    // Delete this block once they no longer import @/lib/db/client.
    files: [
      "app/page.tsx",
      "app/courses/[[]courseId]/roster/page.tsx",
      "app/account/page.tsx",
      "app/invite/[[]token]/page.tsx",
      "app/practice/page.tsx",
      "app/actions/check-practice.ts",
      "app/actions/claim-invite.ts",
      "app/actions/enroll-by-email.ts",
      "app/actions/join-course.ts",
      "app/actions/sign-in.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
