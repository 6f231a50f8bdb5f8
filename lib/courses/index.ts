// Courses, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { acceptStaffInvite, enrollByEmail, findStaffInvite, joinByCode } from "./enroll";
import { staffInvitesOf } from "./enrollment-queries";
import { createCourse, replaceJoinCode } from "./manage";
import { changeRole, memberOf, removeMember } from "./roster-edits";
import { courseCount, enrollmentsOfUser, roleCounts, rosterOf } from "./queries";

export const courseService = bound(db, { enrollmentsOfUser, roleCounts, rosterOf, courseCount, createCourse, replaceJoinCode });
export const enrollmentService = bound(db, { enrollByEmail, joinByCode, findStaffInvite, acceptStaffInvite, staffInvitesOf });
export const rosterEdits = bound(db, { memberOf, changeRole, removeMember });
