// Public API of the TCP engine (docs/engine.md). Other parts of the app import from here only.
export { simulate, simulateParsed, MAX_EVENTS } from "./simulate";
export {
  ScenarioSchema,
  LinuxSysctlSchema,
  ScenarioError,
  parseScenario,
  ENDPOINTS,
  PROFILES,
  CALLS,
  MAX_UNTIL_MS,
  type Scenario,
  type ScenarioInput,
  type LinuxSysctls,
  type EndpointName,
  type Profile,
  type CallName,
  type Action,
  type Fault,
  type Injection,
} from "./scenario";
export {
  STATES,
  stateSequence,
  stateAt,
  type State,
  type Trace,
  type TraceEvent,
  type StateEvent,
  type SegmentView,
  type TimerName,
  type SignalId,
  type CallError,
} from "./trace";
export { formatFlags, parseFlags } from "./flags";
export { renderLadder } from "./ladder";
export { describeSegment, describeEvent, endpointName, ruleReason, signalText, callErrorText } from "./describe";
export { MSS } from "./endpoint";
export { wireSegments, stateAfterSend, stateSpan, type WireSegment } from "./trace";
