// What an enrolment by email did, said to the person who asked. Pure: the action renders it.
import type { CourseRole } from "../auth/roles";
import { msg, type Msg } from "../i18n/msg";
import type { EnrollResult } from "./enroll";

/**
 * What an enrolment by email did, in one sentence that counts each person once and names only
 * what happened: "1 enrolled, 2 invited (…) and 1 already in the course." Who shares the invite
 * links depends on who asked: an instructor sees them on the roster, a TA does not.
 */
export function enrolmentSummary(result: EnrollResult, askedBy: CourseRole): Msg {
  const parts: Msg[] = [];
  if (result.added) parts.push(msg("roster.summaryPart.enrolled", { count: result.added }));
  if (result.invited)
    parts.push(msg("roster.summaryPart.invited", { count: result.invited, sharer: askedBy === "INSTRUCTOR" ? "instructor" : "ta" }));
  if (result.offered.length) parts.push(msg("roster.summaryPart.offered", { count: result.offered.length }));
  if (result.alreadyEnrolled) parts.push(msg("roster.summaryPart.already", { count: result.alreadyEnrolled }));
  if (parts.length === 0) parts.push(msg("roster.summaryPart.none"));
  return msg("roster.summary", { parts });
}
