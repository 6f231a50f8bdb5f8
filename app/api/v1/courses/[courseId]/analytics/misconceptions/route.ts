// GET /api/v1/courses/{courseId}/analytics/misconceptions: the class's misconceptions (lib/api/operations/misconceptions.ts).
import { misconceptionService } from "@/lib/analytics/misconception-index";
import { getMisconceptionsOp } from "@/lib/api/operations/misconceptions";
import { apiRoute } from "@/lib/api/route";
import { textIn } from "@/lib/i18n/translate";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getMisconceptionsOp, async ({ params, query, locale }) => {
  const text = textIn(locale);
  const { quizId, feature, report } = await misconceptionService.classMisconceptions(params.courseId, query);
  return {
    quizId,
    feature,
    answered: report.answered,
    wrong: report.wrong,
    unkeyed: report.unkeyed,
    misconceptions: report.misconceptions.map((m) => ({
      ...m,
      sentence: text(m.sentence),
      examples: m.examples.map((e) => ({ ...e, answer: text(e.answer) })),
    })),
    features: report.features.map((f) => ({ ...f, label: text(f.label) })),
  };
});

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
