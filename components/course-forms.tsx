"use client";
import { useActionState } from "react";
import { createCourseAction } from "@/app/actions/create-course";
import { enrollByEmailAction } from "@/app/actions/enroll-by-email";
import { joinCourseAction } from "@/app/actions/join-course";
import { newJoinCodeAction } from "@/app/actions/new-join-code";
import { initialFormState } from "@/lib/forms";
import { Field, FormMessage, SubmitButton } from "./form-fields";

export function CreateCourseForm() {
  const [state, action] = useActionState(createCourseAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label="Course code" placeholder="NET 101" required state={state} />
      <Field name="title" label="Title" placeholder="Computer Networks" required state={state} />
      <Field name="term" label="Term (optional)" placeholder="Spring 2027" state={state} />
      <div>
        <SubmitButton pending="Creating…">Create course</SubmitButton>
      </div>
    </form>
  );
}

export function JoinCourseForm() {
  const [state, action] = useActionState(joinCourseAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="joinCode"
        label="Join code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        state={state}
        hint="Your instructor shows it in class or in the course announcement. Spaces and dashes do not matter."
      />
      <div>
        <SubmitButton pending="Joining…">Join course</SubmitButton>
      </div>
    </form>
  );
}

export function EnrollByEmailForm({ courseId, canAddStaff }: { courseId: string; canAddStaff: boolean }) {
  const [state, action] = useActionState(enrollByEmailAction, initialFormState);
  const emailErrors = state.fieldErrors?.emails;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="emails" className="text-sm font-medium text-slate-800">
          Email addresses
        </label>
        <textarea
          id="emails"
          name="emails"
          rows={5}
          required
          defaultValue={state.ok ? "" : state.values?.emails}
          key={state.ok ? "cleared" : state.values?.emails}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby={`emails-hint${emailErrors ? " emails-error" : ""}`}
          className={`rounded-lg border bg-white px-3 py-2 font-mono text-sm ${emailErrors ? "border-rose-500" : "border-slate-300"}`}
          placeholder={"ada@example.edu\nben@example.edu"}
        />
        <p id="emails-hint" className="text-xs text-slate-600">
          One per line, or separated by commas. People without an account get one, with an invite link you can share.
        </p>
        {emailErrors ? (
          <p id="emails-error" className="text-sm text-rose-700">
            {emailErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="role" className="text-sm font-medium text-slate-800">
            Role
          </label>
          <select id="role" name="role" defaultValue="STUDENT" className="rounded-lg border border-slate-300 bg-white px-3 py-2">
            <option value="STUDENT">Student</option>
            {canAddStaff ? <option value="TA">Teaching assistant</option> : null}
            {canAddStaff ? <option value="INSTRUCTOR">Instructor</option> : null}
          </select>
        </div>
        <Field name="section" label="Section (optional)" placeholder="A" state={state} />
      </div>
      <div>
        <SubmitButton pending="Enrolling…">Enrol</SubmitButton>
      </div>
    </form>
  );
}

export function NewJoinCodeForm({ courseId }: { courseId: string }) {
  const [state, action] = useActionState(newJoinCodeAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <FormMessage state={state} />
      <div>
        <SubmitButton variant="secondary" pending="Replacing…">
          Replace join code
        </SubmitButton>
      </div>
    </form>
  );
}
