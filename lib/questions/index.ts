// Public API of the question templates (DESIGN.md §4).
export { QuestionTemplateSchema, AskSchema, POLICIES, CHOICE_TOPICS, policyOf, type QuestionTemplate, type QuestionTemplateInput, type Ask, type AskKind, type Policy } from "./schema";
export { present, presentFor, type Presentation, type GivenSegment, type AnswerFormat } from "./present";
export { expectedAnswer, expectedFor } from "./expected";
export { parseAnswer, parseDraft, type Answer, type SegmentAnswer } from "./answers";
export { instantiate, TemplateError, type QuestionInstance } from "./instance";
export { parseStateName } from "./state-names";
export { starterLibrary } from "./library";
