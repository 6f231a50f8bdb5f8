// Public API of the grader: grade(template, seed, answer) -> { score, maxScore, valid,
// feedback }, and gradeInstance for callers that hold the question instance already.
export { grade, gradeInstance, GRADER_VERSION, type GradeResult, type Feedback, type FirstMistake } from "./grade";
export { alignmentCredit, prefixCredit, firstDivergence } from "../questions/compare/align";
