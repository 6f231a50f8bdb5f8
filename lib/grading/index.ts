// Public API of the grader (DESIGN.md §4).
export { grade, gradeInstance, GRADER_VERSION, type GradeResult, type Feedback, type FirstMistake } from "./grade";
export { alignmentCredit, prefixCredit, firstDivergence } from "./align";
