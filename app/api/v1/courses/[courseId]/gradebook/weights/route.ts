// The quizzes' weights in the course total (lib/api/operations/gradebook.ts).
import { setQuizWeightsOp } from "@/lib/api/operations/gradebook";
import { apiRoute } from "@/lib/api/route";
import { gradebook } from "@/lib/gradebook";
import { otherMethods } from "@/lib/server/route";

export const PATCH = apiRoute(setQuizWeightsOp, async ({ params, body, user }) =>
  gradebook.setWeights({ userId: user.id, courseId: params.courseId }, body),
);

// The other methods: 405, naming the ones this address takes.
export const { GET, POST, PUT, DELETE } = otherMethods("PATCH");
