// PUT / DELETE: a student's excusal from a quiz (lib/api/operations/overrides.ts).
import { excuseStudentOp, unexcuseStudentOp } from "@/lib/api/operations/overrides";
import { apiRoute } from "@/lib/api/route";
import { gradeChanges } from "@/lib/gradebook/override-service";
import { otherMethods } from "@/lib/server/route";

export const PUT = apiRoute(excuseStudentOp, async ({ params, body, user }) =>
  gradeChanges.excuse({ userId: user.id, courseId: params.courseId }, params.quizId, params.userId, body),
);

export const DELETE = apiRoute(unexcuseStudentOp, async ({ params, user }) => {
  await gradeChanges.unexcuse({ userId: user.id, courseId: params.courseId }, params.quizId, params.userId);
  return null;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PATCH } = otherMethods("PUT", "DELETE");
