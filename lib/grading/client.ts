// What the browser may import of the grader: the shape of a grade's feedback, for the
// answer review. Types only; the grader itself runs on the server.
export type { Feedback, FirstMistake } from "./feedback";
export type { GradeResult } from "./grade";
