// Courses, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
// Enrolment (lib/courses/enroll.ts) has its own entry.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { createCourse, replaceJoinCode } from "./manage";
import { courseCount, enrollmentsOfUser, roleCounts, rosterOf } from "./queries";

export const courseService = bound(db, { enrollmentsOfUser, roleCounts, rosterOf, courseCount, createCourse, replaceJoinCode });
