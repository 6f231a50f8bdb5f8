// What an enrolment by email did, said to the person who asked. Pure: the action renders it.
import type { CourseRole } from "../auth/roles";
import { msg, type Msg } from "../i18n/msg";
import type { EnrollResult } from "./enroll";

/**
 * What an enrolment by email did, in one sentence: "2 enrolled; 2 invited (…); 1 already in
 * the course." Who shares the invite links depends on who asked: an instructor sees them on
 * the roster, a TA does not.
 */
export function enrolmentSummary(result: EnrollResult, askedBy: CourseRole): Msg {
  return msg("roster.summary", {
    added: result.added,
    invited: result.invited,
    offered: result.offered.length,
    already: result.alreadyEnrolled,
    sharer: askedBy === "INSTRUCTOR" ? "instructor" : "ta",
  });
}
