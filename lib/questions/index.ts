// Public API of the question templates: present(template, seed) for the browser,
// expectedAnswer(template, seed) for the server, parseAnswer / parseDraft for what students
// send, and the instance-level forms (presentFor, expectedFor) for callers that hold one.
// Components import lib/questions/client.ts instead.
export {
  QuestionTemplateSchema,
  AskSchema,
  POLICIES,
  CHOICE_TOPICS,
  policyOf,
  type QuestionTemplate,
  type QuestionTemplateInput,
  type Ask,
  type AskKind,
  type Policy,
} from "./schema";
export { present, presentFor, type Presentation, type GivenSegment, type AnswerFormat } from "./present";
export { expectedAnswer, expectedFor } from "./expected";
export { parseAnswer, parseDraft, isBlankAnswer, type Answer, type Draft, type SegmentAnswer, type SegmentDraft } from "./answers";
export { instantiate, TemplateError, type QuestionInstance } from "./instance";
export {
  kinds,
  kindOf,
  type AnswerKind,
  type AnswerOf,
  type DraftOf,
  type FormatOf,
  type Comparison,
  type FirstMistake,
  type Cases,
} from "./kinds";
export { parseStateName } from "./state-names";
export {
  MistakeKeySchema,
  ScenarioFeaturesSchema,
  ROLES,
  mistakeKeyId,
  scenarioFeatures,
  roleOf,
  type MistakeKey,
  type ScenarioFeatures,
  type EndpointRole,
} from "./mistake-key";
export { templateOf } from "./template-cache";
export { starterLibrary } from "./library";
