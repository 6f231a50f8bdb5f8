// Deep linking and the quiz an LMS activity opens: the rules and the order of the steps.
// A deep-linking request (an LtiDeepLink row the launch made) belongs to the person who launched
// it and is answered once: with the quiz an instructor of the linked course chose, with nothing
// (cancelled), or — when the platform accepts no LTI resource links — with an error message for
// the platform to show (Deep Linking 2.0 §4.5 dl:errormsg). An activity made without deep
// linking gets its quiz here too, or from its custom claim on its first launch; once scores of
// an activity are in the outbox its quiz stays, since the LMS column holds that quiz's scores.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { courseWithEnrollment } from "../auth/queries";
import type { CourseRole } from "../auth/roles";
import { msg, type Text } from "../i18n/msg";
import { AppError } from "../server/errors";
import {
  acceptsResourceLinks,
  deepLinkingResponseClaims,
  parseDeepLinkingSettings,
  quizIdFromCustom,
  resourceLinkItem,
  signDeepLinkingResponse,
  type DeepLinkingSettings,
} from "./deep-linking";
import {
  contextById,
  deepLinkById,
  linkHasScores,
  markDeepLinkUsed,
  quizToPick,
  resourceLinkById,
  setLinkQuiz,
  type DeepLinkRow,
  type PickableQuiz,
} from "./deep-link-queries";
import { platformById } from "./platform-queries";

export type Caller = { id: string; isAdmin: boolean };

export type DeepLinkView =
  /** No such request, or another person's: not shown to exist. */
  | { state: "missing" }
  | { state: "used"; usedAt: Date }
  | { state: "expired" }
  /** The stored claim cannot be answered (no usable return URL): nothing can be sent back. */
  | { state: "invalid"; problem: string }
  /** The LMS course is not linked to a course here yet. */
  | { state: "unlinked"; contextId: string; contextTitle: string | null }
  | { state: "open"; row: DeepLinkRow; settings: DeepLinkingSettings; courseId: string; acceptsQuizzes: boolean };

/** What the person who launched request `id` may do with it now. */
export async function viewDeepLink(db: Db, id: string, caller: Pick<Caller, "id">, now: Date): Promise<DeepLinkView> {
  const row = await deepLinkById(db, id);
  if (!row || row.userId !== caller.id) return { state: "missing" };
  if (row.usedAt) return { state: "used", usedAt: row.usedAt };
  if (row.expiresAt <= now) return { state: "expired" };
  const parsed = parseDeepLinkingSettings(row.settings);
  if (!parsed.ok) return { state: "invalid", problem: parsed.problem };
  const context = await contextById(db, row.contextId);
  if (!context?.courseId) return { state: "unlinked", contextId: row.contextId, contextTitle: context?.title ?? null };
  return {
    state: "open",
    row,
    settings: parsed.settings,
    courseId: context.courseId,
    acceptsQuizzes: acceptsResourceLinks(parsed.settings),
  };
}

/** The caller's role in the course (site administrators act as instructors), or null when not part of it. */
async function roleIn(db: Db, courseId: string, caller: Caller): Promise<CourseRole | null> {
  const row = await courseWithEnrollment(db, courseId, caller.id);
  if (!row) return null;
  if (row.role) return row.role as CourseRole;
  return caller.isAdmin ? "INSTRUCTOR" : null;
}

const refusedView: Record<Exclude<DeepLinkView["state"], "open">, () => AppError> = {
  missing: () => new AppError("NOT_FOUND", msg("ltiDeepLink.errors.notFound")),
  used: () => new AppError("CONFLICT", msg("ltiDeepLink.errors.used")),
  expired: () => new AppError("CONFLICT", msg("ltiDeepLink.errors.expired")),
  invalid: () => new AppError("UNPROCESSABLE", msg("ltiDeepLink.errors.invalid")),
  unlinked: () => new AppError("CONFLICT", msg("ltiDeepLink.errors.unlinked")),
};

export type Answer = { kind: "quiz"; quizId: string } | { kind: "cancel" };

export type SignedAnswer = { returnUrl: string; jwt: string; courseId: string };

/**
 * Answers request `id` once: checks the caller (the person who launched it, an instructor of
 * the linked course), signs the response, then marks the request used — a second answer, or
 * one racing this, is refused and its token never leaves the server.
 */
export async function answerDeepLink(
  db: Db,
  input: { id: string; caller: Caller; answer: Answer; launchUrl: string; now: Date; render: (text: Text) => string },
): Promise<SignedAnswer> {
  const { caller, answer, now, render } = input;
  const view = await viewDeepLink(db, input.id, caller, now);
  if (view.state !== "open") throw refusedView[view.state]();
  const role = await roleIn(db, view.courseId, caller);
  if (!role) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.notFound"));
  if (role !== "INSTRUCTOR") throw new AppError("FORBIDDEN", msg("ltiDeepLink.errors.instructorsOnly"));
  const platform = await platformById(db, view.row.platformId);
  if (!platform) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.notFound"));

  let quiz: PickableQuiz | null = null;
  if (answer.kind === "quiz") {
    if (!view.acceptsQuizzes) throw new AppError("UNPROCESSABLE", msg("ltiDeepLink.errors.notAccepted"));
    quiz = await quizToPick(db, view.courseId, answer.quizId);
    if (!quiz) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.quizNotFound"));
  }
  const items = quiz
    ? [resourceLinkItem(quiz, input.launchUrl, view.settings, render(msg("ltiDeepLink.itemText", { points: quiz.points })))]
    : [];
  const claims = deepLinkingResponseClaims({
    clientId: platform.clientId,
    issuer: platform.issuer,
    deploymentId: view.row.deploymentId,
    settings: view.settings,
    items,
    nonce: randomUUID(),
    ...(quiz
      ? {}
      : view.acceptsQuizzes
        ? { message: render(msg("ltiDeepLink.cancelledMessage")) }
        : {
            errorMessage: render(
              msg("ltiDeepLink.notAcceptedMessage", { kind: "ltiResourceLink", types: view.settings.accept_types.join(", ") }),
            ),
          }),
  });
  const jwt = await signDeepLinkingResponse(db, claims, now);
  const answered = await markDeepLinkUsed(db, view.row.id, now, {
    action: quiz ? "lti.deepLink.link" : "lti.deepLink.cancel",
    actorId: caller.id,
    courseId: view.courseId,
    target: view.row.id,
    detail: quiz ? { quizId: quiz.id, title: quiz.title, points: quiz.points } : { accepted: view.acceptsQuizzes },
  });
  if (!answered) throw new AppError("CONFLICT", msg("ltiDeepLink.errors.used"));
  return { returnUrl: view.settings.deep_link_return_url, jwt, courseId: view.courseId };
}

/**
 * On a launch of a link with no quiz yet: the quiz its custom claim names, when it is a quiz of
 * `courseId` (the link's course), becomes the link's. Returns the link's quiz afterwards, or null.
 */
export async function linkQuizFromLaunch(db: Db, input: { linkId: string; courseId: string; custom: unknown }): Promise<string | null> {
  const link = await resourceLinkById(db, input.linkId);
  if (!link) return null;
  if (link.quizId) return link.quizId;
  const quizId = quizIdFromCustom(input.custom);
  if (!quizId || link.context.courseId !== input.courseId) return null;
  const quiz = await quizToPick(db, input.courseId, quizId);
  if (!quiz) return null;
  const set = await setLinkQuiz(db, link.id, null, quiz.id, {
    action: "lti.link.quiz",
    courseId: input.courseId,
    target: link.id,
    detail: { quizId: quiz.id, from: "custom" },
  });
  if (set) return quiz.id;
  return (await resourceLinkById(db, input.linkId))?.quizId ?? null;
}

export type LinkView =
  | { state: "missing" }
  | { state: "unlinked"; contextId: string; contextTitle: string | null }
  | { state: "ready"; linkId: string; title: string | null; courseId: string; quizId: string | null; hasScores: boolean };

/** An LMS activity and whether its quiz may still be chosen. */
export async function viewLink(db: Db, linkId: string): Promise<LinkView> {
  const link = await resourceLinkById(db, linkId);
  if (!link) return { state: "missing" };
  if (!link.context.courseId) return { state: "unlinked", contextId: link.context.id, contextTitle: link.context.title };
  return {
    state: "ready",
    linkId: link.id,
    title: link.title,
    courseId: link.context.courseId,
    quizId: link.quizId,
    hasScores: link.quizId ? await linkHasScores(db, link.id) : false,
  };
}

/**
 * Sets the quiz activity `linkId` opens (the caller's right to is checked before). Refused
 * once the activity has scores in the outbox: the LMS column already holds that quiz's scores,
 * and another quiz's would mix into it.
 */
export async function chooseLinkQuiz(
  db: Db,
  input: { linkId: string; courseId: string; actorId: string; quizId: string },
): Promise<PickableQuiz> {
  const link = await resourceLinkById(db, input.linkId);
  if (!link || link.context.courseId !== input.courseId) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.linkNotFound"));
  const quiz = await quizToPick(db, input.courseId, input.quizId);
  if (!quiz) throw new AppError("NOT_FOUND", msg("ltiDeepLink.errors.quizNotFound"));
  if (link.quizId === quiz.id) return quiz;
  if (await linkHasScores(db, link.id)) throw new AppError("CONFLICT", msg("ltiDeepLink.errors.hasScores"));
  const set = await setLinkQuiz(db, link.id, link.quizId, quiz.id, {
    action: "lti.link.quiz",
    actorId: input.actorId,
    courseId: input.courseId,
    target: link.id,
    detail: { quizId: quiz.id, previous: link.quizId, from: "instructor" },
  });
  if (!set) throw new AppError("CONFLICT", msg("ltiDeepLink.errors.linkChanged"));
  return quiz;
}
