// Public API of the grader: grade(template, seed, answer) -> { score, maxScore, valid,
// feedback }, and gradeInstance for callers that hold the question instance already.
// Feedback is stored as catalog messages; parseStoredFeedback reads it back (old rows too).
export { grade, gradeInstance, familyConcept, GRADER_VERSION, type GradeResult } from "./grade";
export { FeedbackSchema, TextSchema, mistakeRecord, parseStoredFeedback, type Feedback, type FirstMistake } from "./feedback";
export { alignmentCredit, prefixCredit, firstDivergence } from "../questions/compare/align";
