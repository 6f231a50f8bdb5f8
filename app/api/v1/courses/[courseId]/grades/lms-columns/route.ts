// The quizzes' columns in each LMS (lib/api/operations/lms-grades.ts): read by the staff, set by instructors.
import { getLmsColumnsOp, setLmsColumnsOp } from "@/lib/api/operations/lms-grades";
import { apiRoute } from "@/lib/api/route";
import { gradeExport } from "@/lib/lms";
import { otherMethods } from "@/lib/server/route";

export const GET = apiRoute(getLmsColumnsOp, async ({ params }) => gradeExport.columns(params.courseId));

export const PUT = apiRoute(setLmsColumnsOp, async ({ params, body, user }) =>
  gradeExport.setColumns({ userId: user.id, courseId: params.courseId }, body),
);

// The other methods: 405, naming the ones this address takes.
export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
