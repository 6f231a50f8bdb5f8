// `npm run lti:register -- platform.json`: registers an LMS as an LTI 1.3 platform from a JSON
// file (name, product, issuer, clientId, authUrl, tokenUrl, jwksUrl, authAudience?,
// deploymentIds[]), as /admin/lti would; running it again with changed endpoints or more
// deployments updates the platform. Prints the tool's addresses to paste into the LMS. It
// speaks Chinese when LANG (or LC_ALL) asks for it, English otherwise.
import { readFileSync, statSync } from "node:fs";
import { createDb } from "../lib/db/client";
import { appUrl } from "../lib/env";
import type { Locale } from "../lib/i18n/locales";
import { issueText, textIn } from "../lib/i18n/translate";
import { registerPlatform } from "../lib/lti/registration";
import { platformSchema, toolConfiguration } from "../lib/lti/registration-config";
import { AppError } from "../lib/server/errors";

const FILE_LIMIT = 64_000;
const locale: Locale = /^zh/i.test(process.env.LC_ALL || process.env.LANG || "") ? "zh-CN" : "en";
const t = textIn(locale);

const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run lti:register -- platform.json   (use - to read standard input)");
  process.exit(2);
}
let input: unknown;
try {
  if (file !== "-" && statSync(file).size > FILE_LIMIT) throw new Error(`larger than ${FILE_LIMIT} bytes`);
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  if (text.length > FILE_LIMIT) throw new Error(`larger than ${FILE_LIMIT} bytes`);
  input = JSON.parse(text);
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const origin = new URL(appUrl()).origin;
const parsed = platformSchema(!origin.startsWith("https://")).safeParse(input);
if (!parsed.success) {
  console.error(`${file}:`);
  for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".") || "(file)"}: ${t(issueText(issue))}`);
  process.exit(1);
}

const db = createDb();
try {
  const platform = await registerPlatform(db, parsed.data, { actorId: null, via: "cli" });
  const tool = toolConfiguration(origin);
  console.log(`registered ${platform.name} (${platform.issuer}, client ${platform.clientId}) as ${platform.id}`);
  console.log(`deployments: ${parsed.data.deploymentIds.join(", ") || "none yet"}`);
  console.log(`login initiation URL: ${tool.loginUrl}`);
  console.log(`redirect URI / target link URI: ${tool.redirectUrl}`);
  console.log(`public keyset URL: ${tool.jwksUrl}`);
} catch (error) {
  console.error(error instanceof AppError ? t(error.text) : `registration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
