import { apiRoute } from "@/lib/api/route";
import { createQuestionOp, listQuestionsOp } from "@/lib/api/operations/banks";
import { authoring } from "@/lib/authoring";
import { answered } from "../../answers";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(listQuestionsOp, async ({ params, query, locale }) => {
  const { archived, ...filter } = query;
  return { questions: await authoring.listQuestions(params.courseId, params.bankId, { ...filter, archived: archived === "true" }, locale) };
});

export const POST = apiRoute(createQuestionOp, async ({ params, body, user, locale }) =>
  answered(locale, () => authoring.createQuestion({ userId: user.id, courseId: params.courseId }, params.bankId, body.template, locale)),
);

// The other methods: 405, naming the ones this address takes.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
