// What a roster file would change in a course (docs/roster-import.md): the plan the preview
// shows and the apply carries out, computed from the file's entries and the course as it is.
// A file only ever makes students: a row naming a member of staff is refused, and nobody's
// role changes. An empty cell changes nothing; accounts keep their names. Pure.
import type { CourseRole } from "../auth/roles";
import { msg } from "../i18n/msg";
import { fieldName, type RefusedRow, type RosterFile } from "./roster-file";
import { IDENTIFIER_FIELDS, type EnrolmentField, type IdentifierField, type Identifiers, type RosterShape } from "./roster-schemas";

/** Someone enrolled in the course, as the plan needs them. */
export interface CourseMember {
  enrollmentId: string;
  userId: string;
  email: string;
  name: string;
  role: CourseRole;
  section: string | null;
  ids: Record<IdentifierField, string | null>;
}

/** An account that exists, found by an address of the file. */
export interface Account {
  userId: string;
  email: string;
  name: string;
}

export interface RosterState {
  /** Every enrolment of the course (the identifiers of all of them are checked for clashes). */
  members: readonly CourseMember[];
  /** The existing accounts among the file's addresses. */
  accounts: readonly Account[];
}

/** A person without an account: one is made, as an invitation (enrolment by email's way). */
export interface NewPerson {
  line: number;
  email: string;
  name: string | null;
  section: string | null;
  ids: Identifiers;
}

/** An existing account, enrolled as a student. */
export interface NewEnrolment extends NewPerson {
  userId: string;
  accountName: string;
}

export interface Change {
  field: EnrolmentField;
  from: string | null;
  to: string;
}

/** An enrolled student whose section or identifiers the file changes. */
export interface Update {
  line: number;
  email: string;
  name: string;
  enrollmentId: string;
  changes: Change[];
}

export interface RosterPlan {
  shape: RosterShape;
  invite: NewPerson[];
  enrol: NewEnrolment[];
  update: Update[];
  /** Students the file lists who are enrolled already with all it says. */
  unchanged: number;
  /** By line. */
  refused: RefusedRow[];
}

/** How many changes applying the plan makes. */
export function changeCount(plan: RosterPlan): number {
  return plan.invite.length + plan.enrol.length + plan.update.length;
}

type Owner = { email: string; name: string };

export function planRoster(file: RosterFile, state: RosterState): RosterPlan {
  const members = new Map(state.members.map((m) => [m.email.toLowerCase(), m]));
  const accounts = new Map(state.accounts.map((a) => [a.email.toLowerCase(), a]));
  // Who holds each identifier: enrolments now, then the file's earlier rows.
  const holders = new Map<IdentifierField, Map<string, Owner>>(IDENTIFIER_FIELDS.map((f) => [f, new Map()]));
  for (const m of state.members)
    for (const field of IDENTIFIER_FIELDS) {
      const value = m.ids[field];
      if (value) holders.get(field)!.set(value, { email: m.email.toLowerCase(), name: m.name });
    }

  const plan: RosterPlan = { shape: file.shape, invite: [], enrol: [], update: [], unchanged: 0, refused: [...file.refused] };
  for (const entry of file.entries) {
    const member = members.get(entry.email);
    if (member && member.role !== "STUDENT") {
      plan.refused.push({ line: entry.line, email: entry.email, reason: msg("rosterImport.refused.staff", { role: member.role }) });
      continue;
    }
    const clash = IDENTIFIER_FIELDS.find((field) => {
      const value = entry.ids[field];
      const holder = value ? holders.get(field)!.get(value) : undefined;
      return holder !== undefined && holder.email !== entry.email;
    });
    if (clash) {
      const value = entry.ids[clash]!;
      const holder = holders.get(clash)!.get(value)!;
      plan.refused.push({
        line: entry.line,
        email: entry.email,
        reason: msg("rosterImport.refused.identifierTaken", { field: fieldName(clash), value, owner: holder.name }),
      });
      continue;
    }
    const name = member?.name ?? accounts.get(entry.email)?.name ?? entry.name ?? entry.email;
    for (const field of IDENTIFIER_FIELDS) {
      const value = entry.ids[field];
      if (value) holders.get(field)!.set(value, { email: entry.email, name });
    }

    if (member) {
      const changes: Change[] = [];
      if (entry.section !== null && entry.section !== member.section)
        changes.push({ field: "section", from: member.section, to: entry.section });
      for (const field of IDENTIFIER_FIELDS) {
        const value = entry.ids[field];
        if (value !== undefined && value !== member.ids[field]) changes.push({ field, from: member.ids[field], to: value });
      }
      if (changes.length)
        plan.update.push({ line: entry.line, email: entry.email, name: member.name, enrollmentId: member.enrollmentId, changes });
      else plan.unchanged++;
      continue;
    }
    const account = accounts.get(entry.email);
    const person: NewPerson = { line: entry.line, email: entry.email, name: entry.name, section: entry.section, ids: entry.ids };
    if (account) plan.enrol.push({ ...person, userId: account.userId, accountName: account.name });
    else plan.invite.push(person);
  }
  plan.refused.sort((a, b) => a.line - b.line);
  return plan;
}
