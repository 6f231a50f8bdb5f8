// Creating a course and replacing its join code, each recorded in the audit log.
import "server-only";
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import type { Course } from "../db/generated/sqlite/client";
import { newJoinCode } from "./join-code";
import { insertCourse, setJoinCode } from "./queries";

/** The creator becomes the course's instructor. */
export async function createCourse(db: Db, input: Pick<Course, "code" | "title" | "term">, creatorId: string): Promise<Course> {
  const course = await insertCourse(db, { ...input, joinCode: newJoinCode(), createdById: creatorId });
  await writeAudit(db, { actorId: creatorId, courseId: course.id, action: "course.create" });
  return course;
}

/** A new join code; the old one stops working. */
export async function replaceJoinCode(db: Db, courseId: string, actorId: string): Promise<string> {
  const joinCode = newJoinCode();
  await setJoinCode(db, courseId, joinCode);
  await writeAudit(db, { actorId, courseId, action: "course.new-join-code" });
  return joinCode;
}
