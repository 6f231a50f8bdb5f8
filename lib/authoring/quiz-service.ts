// The quiz builder's services, bound to the app's database (lib/db/bind.ts): what the quiz
// pages and the /api/v1 quiz routes call. Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import {
  builderChoices,
  createQuiz,
  deleteQuiz,
  getQuiz,
  listQuizzes,
  previewQuiz,
  putItems,
  removeAccommodation,
  setAccommodation,
  setPublished,
  updateQuiz,
} from "./quizzes";

export const quizBuilder = bound(db, {
  list: listQuizzes,
  get: getQuiz,
  create: createQuiz,
  update: updateQuiz,
  putItems,
  setPublished,
  remove: deleteQuiz,
  setAccommodation,
  removeAccommodation,
  preview: previewQuiz,
  choices: builderChoices,
});
