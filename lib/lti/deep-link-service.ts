// Deep linking and the activities' quizzes, bound to the app's database (lib/db/bind.ts): what
// the /lti pages, their actions and the deep-linking route call. Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { answerDeepLink, chooseLinkQuiz, linkQuizFromLaunch, viewDeepLink, viewLink } from "./deep-links";
import { quizzesToPick } from "./deep-link-queries";
import { platformOrigins } from "./platform-queries";

export const deepLinks = bound(db, {
  view: viewDeepLink,
  answer: answerDeepLink,
  quizzes: quizzesToPick,
  viewLink,
  chooseLinkQuiz,
  linkQuizFromLaunch,
  frameOrigins: platformOrigins,
});
