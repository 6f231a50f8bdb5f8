// What the browser may import of authoring: small pure pieces and types only (components
// import this entry, never lib/authoring itself; docs/architecture.md §9).
export { encodeShared, decodeShared, MAX_SHARED_CHARS } from "./share";
export { captureQuestion, givenLimit, MAX_GIVEN_SEGMENTS, type CaptureAsk, type CaptureRun } from "./capture-question";
