// What the browser may import of the questions and the engine. Components import this
// module only (never lib/questions or lib/tcp themselves), so the client bundle holds these
// few small pure pieces and types, not the starter library, the scenario families or the
// simulator. A test walks this module's imports to keep it so.
export type { AnswerFormat, GivenSegment, Presentation } from "./present";
export type { Answer, Draft, SegmentAnswer, SegmentDraft } from "./answers";
export type { AnswerOf, DraftOf, FormatOf } from "./kinds";
export type { AskKind, Policy } from "./schema";
export type { ChoiceOption } from "./kinds/choice-topics";
export type { EndpointName } from "../tcp/scenario";
export { STATES, type State, type Trace, type TraceEvent } from "../tcp/trace";
export { FLAG_ORDER, type FlagName } from "../tcp/flags";
export { parseStateName, matchStateName } from "./state-names";
export { answerProgress, type AnswerProgress } from "./progress";
export { describeSegmentAnswer, endpointName, endpointText } from "./segment-words";
