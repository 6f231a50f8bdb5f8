// Public API of the capture reader: pcap and pcapng files as TCP connections and
// their segments, and a captured connection as an engine scenario. Pure: bytes in,
// values out; reading the file is the caller's job.
export { CaptureError, CAPTURE_ERROR_CODES, MAX_CAPTURE_BYTES, MAX_PACKETS, MAX_INTERFACES, type CaptureErrorCode } from "./errors";
export {
  readCapture,
  listConnections,
  connectionSegments,
  type Capture,
  type Connection,
  type CaptureSegment,
  type Peer,
} from "./connections";
export { LINK_TYPES, type TcpPacket, type TcpOptions } from "./packet";
export { reconstructScenario, type Reconstruction, type ReconstructOptions, type Vantage } from "./reconstruct";
export { compareCapture, TIME_TOLERANCE_MS, type EngineSegment, type SegmentComparison } from "./compare";
