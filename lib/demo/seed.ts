// The demo course a new user sees after `npm start`: one instructor, three students, a
// question bank, a practice quiz and an exam shell. Seeding twice changes nothing.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db/client";
import { STARTER_BANK_TITLE } from "./starter-library";
import { DEMO_JOIN_CODE, DEMO_PASSWORD, DEMO_USERS } from "./seed-data";
import { auditCreate } from "../audit";
import { DEMO_COURSE_ID, DEMO_SEED_ACTION, demoWasSeeded } from "./identity";

/** Seeds the demo course unless the seed ran before (lib/demo/identity.ts). Returns true when it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await demoWasSeeded(db)) return false;
  const password = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const ids: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const existing = await tx.user.findUnique({ where: { email: u.email } });
      const id = existing?.id ?? randomUUID();
      ids[u.email] = id;
      if (existing) continue;
      await tx.user.create({
        data: {
          id,
          email: u.email,
          name: u.name,
          emailVerified: true,
          isAdmin: u.isAdmin,
          canTeach: u.canTeach,
          accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password } },
        },
      });
    }
    const course = await tx.course.create({
      data: {
        id: DEMO_COURSE_ID,
        code: "NET 101",
        title: "Computer Networks",
        term: "Spring 2027",
        joinCode: DEMO_JOIN_CODE,
        createdById: ids["instructor@synack.test"],
        enrollments: {
          create: DEMO_USERS.filter((u) => u.role !== null).map((u) => ({
            userId: ids[u.email],
            role: u.role as string,
            section: u.section,
          })),
        },
        banks: { create: { title: STARTER_BANK_TITLE } },
      },
    });
    await tx.quiz.create({
      data: {
        courseId: course.id,
        title: "Practice: opening and closing connections",
        mode: "PRACTICE",
        feedbackRelease: "IMMEDIATELY",
        published: true,
      },
    });
    await tx.quiz.create({
      data: {
        courseId: course.id,
        title: "Midterm: TCP connection management",
        mode: "EXAM",
        timeLimitSec: 20 * 60,
        attemptsAllowed: 1,
        feedbackRelease: "AFTER_CLOSE",
        published: false,
      },
    });
    await auditCreate(tx, { action: DEMO_SEED_ACTION, courseId: course.id, detail: { users: DEMO_USERS.length } });
  });
  return true;
}
