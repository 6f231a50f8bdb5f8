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
];

export default config;
