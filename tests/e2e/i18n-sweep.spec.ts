// Every page a student, an instructor and an administrator reach, read in Simplified Chinese:
// no English word left on the screen but RFC names (states, flags, calls, seq/ack notation)
// and what people typed (names, emails, course and quiz titles — the demo's are English).
// Also the page's accessible names (aria-label, title, alt), which a screen reader speaks.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { LMS_MENUS, LMS_NAMES } from "../../components/lms-grades/lms-names";
import { withDb } from "./e2e-db";

test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

/** Names that stay as they are in every language: the product's, and each language's own name in the switch. */
const DATA = ["SynAck Lab", "English"];
/** RFC and API names and notation: state names, flags, calls (listen(backlog)), Linux sysctls, the app's paths (/join), fields, units, protocol names. */
const RFC =
  /\b[A-Z][A-Z0-9_+-]*\b|\b[a-z_]+\([a-z_]*\)|\btcp_[a-z_]+|\bbacklog\b|\bcookies?\b|\bMarkdown\b|tcpdump [^\n]*'port N'|\b(seq|ack|len|ms|RFC|Linux|TCP|MSL|RTT|RTO|ISN|listen|connect|close|shutdown|accept|read|send)\b|\S+@\S+|\bt = |(?<![A-Za-z])\/[a-z][a-z/-]*/g;

/**
 * What people typed that the database holds now: other specs add courses, quizzes and people of
 * their own (and API tokens' names). Emails too, removed before names (longest first): an invited person's name is their
 * email's local part.
 */
const typed = () =>
  withDb((db) =>
    (
      db
        .prepare(
          `SELECT title AS v FROM Course UNION SELECT code FROM Course UNION SELECT term FROM Course UNION SELECT joinCode FROM Course
           UNION SELECT title FROM Quiz UNION SELECT title FROM QuestionBank UNION SELECT name FROM user UNION SELECT email FROM user UNION SELECT section FROM Enrollment UNION SELECT name FROM ApiToken
           UNION SELECT title FROM Question UNION SELECT key FROM Question`,
        )
        .all() as { v: string | null }[]
    )
      .map((r) => r.v)
      .filter((v): v is string => Boolean(v))
      // Question tags are the author's words too ("time-wait", "counterfactual"), stored as JSON lists,
      // and so are a template's title, prompt and explanation in each language the author wrote
      // (the editor shows every language's text).
      .concat(
        (db.prepare(`SELECT DISTINCT tags AS v FROM Question`).all() as { v: string }[]).flatMap((r) => JSON.parse(r.v) as string[]),
        (db.prepare(`SELECT DISTINCT template AS v FROM Question`).all() as { v: string }[]).flatMap((r) => {
          const t = JSON.parse(r.v) as Record<string, unknown>;
          return [t.title, t.prompt, t.explanation].flatMap((w) =>
            typeof w === "string" ? [w] : w && typeof w === "object" ? Object.values(w as Record<string, string>) : [],
          );
        }),
      ),
  );

async function englishLeft(page: Page, extra: string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // Commands and JSON shown as code (a tcpdump line, a scenario) are literal, the same in every language.
    let body = document.body.innerText;
    for (const code of document.querySelectorAll("code, kbd, pre")) if (code.textContent) body = body.split(code.textContent).join(" ");
    const out = [body, document.title];
    for (const el of document.querySelectorAll("[aria-label], [title], [alt], [placeholder]"))
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        const v = el.getAttribute(name);
        if (v) out.push(v);
      }
    return out;
  });
  // The API's header and its document's name (Authorization: Bearer synack_…, OpenAPI) and IANA time
  // zones (Asia/Shanghai, the builder's "your time zone"), removed before
  // typed data: a one-letter section ("A") taken out of them would leave word pieces.
  let text = texts.join("\n").replace(/\b(Authorization|Bearer|OpenAPI)\b|\bsynack_\S*|\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g, " ");
  for (const d of [...DATA, ...typed(), ...extra].sort((a, b) => b.length - a.length)) text = text.split(d).join(" ");
  return [...new Set(text.replace(RFC, " ").match(/[A-Za-z]{3,}/g) ?? [])];
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 });
}

async function sweep(page: Page, paths: string[], extra: string[] = []) {
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    expect({ path, english: await englishLeft(page, extra) }).toEqual({ path, english: [] });
  }
}

const demo = () =>
  withDb((db) => {
    const course = db.prepare(`SELECT id, code, joinCode FROM Course WHERE id = 'demo-course-net101'`).get() as {
      id: string;
      code: string;
      joinCode: string;
    };
    return {
      ...course,
      quiz: (db.prepare(`SELECT id FROM Quiz WHERE courseId = ? ORDER BY title LIMIT 1`).get(course.id) as { id: string }).id,
      bank: (db.prepare(`SELECT id FROM QuestionBank WHERE courseId = ? ORDER BY createdAt LIMIT 1`).get(course.id) as { id: string }).id,
    };
  });

test("signed out, every page reads in Chinese", async ({ page }) => {
  await sweep(page, ["/", "/login", "/signup", "/join", "/practice", "/practice/handshake", "/practice/mix", "/no-such-page"]);
});

test("a student's pages read in Chinese", async ({ page }) => {
  const { id, code, joinCode } = demo();
  await signIn(page, "ben@synack.test");
  await sweep(
    page,
    [
      "/",
      `/courses/${id}`,
      `/courses/${id}/grades`,
      "/practice",
      "/practice/passive-close",
      "/account",
      "/join",
      "/sandbox",
      "/sandbox/capture",
    ],
    [code, joinCode],
  );
});

test("an instructor's and an administrator's pages read in Chinese", async ({ browser }) => {
  const { id, code, joinCode, quiz, bank } = demo();
  const teacher = await browser.newPage();
  await signIn(teacher, "instructor@synack.test");
  await sweep(
    teacher,
    [
      "/",
      `/courses/${id}`,
      `/courses/${id}/roster`,
      `/courses/${id}/quizzes/${quiz}`,
      `/courses/${id}/analytics/misconceptions`,
      "/courses/new",
    ],
    [code, joinCode],
  );
  // The roster import and an enrolment's identifiers; the LMSs' names are names in every language.
  const adaEnrolment = withDb(
    (db) =>
      (
        db
          .prepare(`SELECT e.id FROM Enrollment e JOIN user u ON u.id = e.userId WHERE e.courseId = ? AND u.email = 'ada@synack.test'`)
          .get(id) as { id: string }
      ).id,
  );
  await sweep(teacher, [`/courses/${id}/roster/import`, `/courses/${id}/roster/${adaEnrolment}`], [code, joinCode, "Canvas", "Moodle"]);
  // The authoring pages: banks, the library, the editor, a question's history, the quiz builder and its preview, the sandbox.
  await sweep(
    teacher,
    [
      `/courses/${id}/banks`,
      `/courses/${id}/banks/${bank}`,
      `/courses/${id}/banks/${bank}/library`,
      `/courses/${id}/banks/${bank}/questions/new`,
      `/courses/${id}/banks/${bank}/questions/handshake-states`,
      `/courses/${id}/banks/${bank}/questions/handshake-states/history`,
      `/courses/${id}/quizzes`,
      `/courses/${id}/quizzes/new`,
      `/courses/${id}/quizzes/${quiz}/edit`,
      `/courses/${id}/quizzes/${quiz}/preview`,
      `/courses/${id}/analytics`,
      `/courses/${id}/gradebook`,
      `/courses/${id}/regrade`,
      "/sandbox",
    ],
    // The bank's files are named as the LMSs name their formats (Moodle XML, a QTI zip).
    [code, joinCode, "Moodle", "zip"],
  );
  // The grade export: the LMSs' own names and menus, and the headings their files must carry, stay
  // as the LMS spells them; a file's name is the course code, "grades", the LMS and the date.
  await sweep(
    teacher,
    [`/courses/${id}/gradebook/export`],
    [
      code,
      joinCode,
      ...Object.values(LMS_NAMES),
      ...Object.values(LMS_MENUS),
      "SIS User ID",
      "SIS Login ID",
      "OrgDefinedId / Username",
      "Username",
      ...withDb((db) => (db.prepare(`SELECT fileName AS v FROM GradeExport`).all() as { v: string }[]).map((r) => r.v)),
      `${code.normalize("NFKD").replace(/[^A-Za-z0-9._-]+/g, "-")}-grades-canvas-${new Date().toISOString().slice(0, 10)}.csv`,
    ],
  );
  // A gradebook cell and a staff attempt page: a submitted attempt's if another spec left one (with
  // the reasons staff typed, which are theirs), else a cell with no attempt.
  const graded = withDb((db) => ({
    attempt: db
      .prepare(
        `SELECT a.id, a.quizId, a.userId FROM Attempt a JOIN Quiz q ON q.id = a.quizId WHERE q.courseId = ? AND a.status = 'SUBMITTED' ORDER BY a.startedAt LIMIT 1`,
      )
      .get(id) as { id: string; quizId: string; userId: string } | undefined,
    ada: (db.prepare(`SELECT id FROM user WHERE email = 'ada@synack.test'`).get() as { id: string }).id,
    reasons: (
      db
        .prepare(`SELECT reason AS v FROM QuizExcusal UNION SELECT overrideReason FROM Attempt UNION SELECT overrideReason FROM Response`)
        .all() as { v: string | null }[]
    )
      .flatMap((r) => (r.v ? [r.v] : []))
      // The cell's history shows the reasons of changes since undone, kept in the AuditLog.
      .concat(
        (db.prepare(`SELECT detail AS v FROM AuditLog WHERE action LIKE 'grade.%'`).all() as { v: string | null }[]).flatMap((r) => {
          const reason = r.v ? (JSON.parse(r.v) as { reason?: unknown }).reason : null;
          return typeof reason === "string" ? [reason] : [];
        }),
      ),
  }));
  await sweep(
    teacher,
    [
      `/courses/${id}/gradebook/${quiz}/${graded.ada}`,
      ...(graded.attempt
        ? [`/courses/${id}/gradebook/${graded.attempt.quizId}/${graded.attempt.userId}`, `/courses/${id}/submissions/${graded.attempt.id}`]
        : []),
    ],
    [code, joinCode, ...graded.reasons],
  );
  const admin = await browser.newPage();
  await signIn(admin, "admin@synack.test");
  await sweep(admin, ["/admin", "/account"], [code, joinCode]);
});
