// Every door of the app a client can knock on, in one table: route handlers, server actions
// (by exported name; ids come from the build) and the better-auth endpoints that
// app/api/auth/[...all] exposes. A new route, action or exposed endpoint gets a row here.
import { z } from "zod";
import { CourseRoleSchema } from "@/lib/auth/roles";
import {
  ChangePasswordSchema,
  ClaimInviteSchema,
  ForgotPasswordSchema,
  ResetLinkSchema,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
} from "@/lib/auth/schemas";
import { AcceptStaffInviteSchema, CreateCourseSchema, EnrollByEmailSchema, JoinCourseSchema } from "@/lib/courses/schemas";
import { operations } from "@/lib/api/operations";
import { EnrollmentFieldsSchema, RosterApplySchema, RosterPreviewSchema } from "@/lib/lms/roster-schemas";
import { platformSchema } from "@/lib/lti/registration-config";
import { SegmentAnswerSchema } from "@/lib/questions/kinds/fields";

export type RouteDoor = { kind: "route"; method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; path: string; body?: z.ZodType };
/** form: useActionState (FormData in); call: a plain value in; button: a form with no fields. */
export type ActionDoor = { kind: "action"; name: string; shape: "form" | "call" | "button"; input: z.ZodType; signedIn: boolean };
export type AuthDoor = { kind: "auth"; method: "GET" | "POST"; path: string };

const courseId = z.object({ courseId: z.string() });
const id = z.string().min(1).max(100);
const member = courseId.extend({ enrollmentId: id });
const platform = platformSchema(true);

export const ROUTES: RouteDoor[] = [
  { kind: "route", method: "GET", path: "/api/health" },
  { kind: "route", method: "POST", path: "/api/quizzes/:quizId/attempts" },
  { kind: "route", method: "POST", path: "/api/attempts/:attemptId/submit" },
  {
    kind: "route",
    method: "PUT",
    path: "/api/attempts/:attemptId/responses/:position",
    body: z.object({
      answer: z.union([
        z.object({ segments: z.array(SegmentAnswerSchema) }),
        z.object({ states: z.object({ client: z.array(z.string()) }) }),
        z.unknown(),
      ]),
    }),
  },
  // LTI 1.3: the addresses an LMS and its users' browsers reach (docs/lti.md).
  { kind: "route", method: "GET", path: "/api/lti/jwks" },
  { kind: "route", method: "GET", path: "/api/lti/login" },
  {
    kind: "route",
    method: "POST",
    path: "/api/lti/login",
    body: z.object({ iss: z.string(), login_hint: z.string(), target_link_uri: z.string() }),
  },
  { kind: "route", method: "POST", path: "/api/lti/launch", body: z.object({ id_token: z.string(), state: z.string() }) },
  { kind: "route", method: "GET", path: "/api/lti/register" },
  { kind: "route", method: "POST", path: "/api/lti/handoff", body: z.object({ token: z.string() }) },
  { kind: "route", method: "POST", path: "/api/lti/deep-link/:id", body: z.object({ quizId: z.string(), action: z.string() }) },
  // Every /api/v1 operation, from its declaration (lib/api/operations): `{name}` becomes `:name`.
  ...operations.map((op): RouteDoor => ({
    kind: "route",
    method: op.method,
    path: `/api/v1${op.path.replace(/\{(\w+)\}/g, ":$1")}`,
    body: op.body,
  })),
];

export const ACTIONS: ActionDoor[] = [
  { kind: "action", name: "signInAction", shape: "form", input: SignInSchema, signedIn: false },
  { kind: "action", name: "signUpAction", shape: "form", input: SignUpSchema, signedIn: false },
  { kind: "action", name: "claimInviteAction", shape: "form", input: ClaimInviteSchema, signedIn: false },
  { kind: "action", name: "joinCourseAction", shape: "form", input: JoinCourseSchema, signedIn: true },
  { kind: "action", name: "acceptStaffInviteAction", shape: "form", input: AcceptStaffInviteSchema, signedIn: true },
  { kind: "action", name: "createCourseAction", shape: "form", input: CreateCourseSchema, signedIn: true },
  { kind: "action", name: "enrollByEmailAction", shape: "form", input: EnrollByEmailSchema.extend(courseId.shape), signedIn: true },
  { kind: "action", name: "newJoinCodeAction", shape: "form", input: courseId, signedIn: true },
  { kind: "action", name: "previewRosterAction", shape: "call", input: RosterPreviewSchema, signedIn: true },
  { kind: "action", name: "applyRosterAction", shape: "call", input: RosterApplySchema, signedIn: true },
  { kind: "action", name: "updateEnrollmentFieldsAction", shape: "form", input: EnrollmentFieldsSchema, signedIn: true },
  { kind: "action", name: "startAttemptAction", shape: "form", input: courseId.extend({ quizId: z.string() }), signedIn: true },
  {
    kind: "action",
    name: "setUserFlagsAction",
    shape: "form",
    input: z.object({ userId: z.string(), flag: z.enum(["canTeach", "isAdmin"]), value: z.enum(["true", "false"]) }),
    signedIn: true,
  },
  {
    kind: "action",
    name: "checkPracticeAction",
    shape: "call",
    input: z.object({ token: z.string().min(10).max(400), answer: z.unknown() }),
    signedIn: true,
  },
  {
    kind: "action",
    name: "revealPracticeAction",
    shape: "call",
    input: z.object({ token: z.string().min(10).max(400) }),
    signedIn: true,
  },
  {
    kind: "action",
    name: "setLocaleAction",
    shape: "form",
    input: z.object({ locale: z.enum(["en", "zh-CN", "browser"]), from: z.enum(["header", "account"]) }),
    signedIn: false,
  },
  // Passwords.
  { kind: "action", name: "changePasswordAction", shape: "form", input: ChangePasswordSchema, signedIn: true },
  { kind: "action", name: "forgotPasswordAction", shape: "form", input: ForgotPasswordSchema, signedIn: false },
  { kind: "action", name: "resetPasswordAction", shape: "form", input: ResetPasswordSchema, signedIn: false },
  { kind: "action", name: "makeCourseResetLinkAction", shape: "call", input: ResetLinkSchema, signedIn: true },
  { kind: "action", name: "makeAdminResetLinkAction", shape: "call", input: ResetLinkSchema, signedIn: true },
  // The roster's edits of one person.
  { kind: "action", name: "changeRoleAction", shape: "form", input: member.extend({ role: CourseRoleSchema }), signedIn: true },
  { kind: "action", name: "removeMemberAction", shape: "form", input: member, signedIn: true },
  // LTI: the admin page, linking an LMS course and activities, the roster sync, scores sent again.
  { kind: "action", name: "addPlatformAction", shape: "form", input: platform, signedIn: true },
  { kind: "action", name: "editPlatformAction", shape: "form", input: platform.extend({ platformId: id }), signedIn: true },
  { kind: "action", name: "deletePlatformAction", shape: "form", input: z.object({ platformId: id }), signedIn: true },
  { kind: "action", name: "addDeploymentAction", shape: "form", input: z.object({ platformId: id, deploymentId: id }), signedIn: true },
  { kind: "action", name: "removeDeploymentAction", shape: "form", input: z.object({ platformId: id, deploymentId: id }), signedIn: true },
  { kind: "action", name: "rotateKeyAction", shape: "form", input: z.object({}), signedIn: true },
  { kind: "action", name: "createInviteAction", shape: "form", input: z.object({}), signedIn: true },
  {
    kind: "action",
    name: "linkLtiContextAction",
    shape: "form",
    input: z.object({ contextId: id, ticket: id, courseId: id, next: z.string().max(200).optional() }),
    signedIn: true,
  },
  { kind: "action", name: "chooseLinkQuizAction", shape: "form", input: courseId.extend({ linkId: id, quizId: id }), signedIn: true },
  { kind: "action", name: "createLtiQuizAction", shape: "form", input: courseId.extend({ title: z.string().max(200) }), signedIn: true },
  {
    kind: "action",
    name: "applyRosterSyncAction",
    shape: "form",
    input: courseId.extend({ digest: z.string().regex(/^[0-9a-f]{64}$/) }),
    signedIn: true,
  },
  { kind: "action", name: "resendLtiScoreAction", shape: "form", input: courseId.extend({ quizId: id, userId: id }), signedIn: true },
  { kind: "action", name: "resendFailedLtiScoresAction", shape: "form", input: courseId, signedIn: true },
  // Signing out ends the fuzzing session, so these are knocked on without one.
  { kind: "action", name: "signOutAction", shape: "button", input: z.object({}), signedIn: false },
  { kind: "action", name: "signOutEverywhereAction", shape: "button", input: z.object({}), signedIn: false },
];

/** better-auth's endpoints under /api/auth, as the catch-all route serves them (without a session). */
export const AUTH: AuthDoor[] = [
  ...[
    "/sign-in/email",
    "/sign-up/email",
    "/sign-in/social",
    "/sign-out",
    "/get-session",
    "/reset-password",
    "/verify-password",
    "/send-verification-email",
  ].map((path) => ({ kind: "auth" as const, method: "POST" as const, path })),
  ...[
    "/change-email",
    "/change-password",
    "/update-session",
    "/update-user",
    "/delete-user",
    "/request-password-reset",
    "/revoke-session",
    "/revoke-sessions",
  ].map((path) => ({ kind: "auth" as const, method: "POST" as const, path })),
  ...["/revoke-other-sessions", "/link-social", "/unlink-account", "/refresh-token", "/get-access-token", "/callback/x"].map((path) => ({
    kind: "auth" as const,
    method: "POST" as const,
    path,
  })),
  ...[
    "/get-session",
    "/verify-email",
    "/reset-password/x",
    "/list-sessions",
    "/list-accounts",
    "/delete-user/callback",
    "/account-info",
    "/ok",
    "/error",
    "/callback/x",
  ].map((path) => ({ kind: "auth" as const, method: "GET" as const, path })),
];
