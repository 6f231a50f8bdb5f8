// How the practice page groups the scenario families, in teaching order. An area's title is
// a catalog message, so the topic list reads in the reader's language.
import { msg } from "../i18n/msg";

export const AREAS = [
  {
    id: "open",
    title: msg("practice.areas.open"),
    families: [
      "handshake",
      "lost-syn",
      "lost-syn-ack",
      "lost-final-ack",
      "old-duplicate-syn",
      "simultaneous-open",
      "connection-refused",
      "syn-timeout",
    ],
  },
  {
    id: "close",
    title: msg("practice.areas.close"),
    families: ["active-close", "passive-close", "combined-fin-ack", "simultaneous-close", "half-close", "lost-fin"],
  },
  {
    id: "time-wait",
    title: msg("practice.areas.timeWait"),
    families: ["time-wait-lost-ack", "time-wait-old-segment", "fin-wait-2-timeout"],
  },
  { id: "queues", title: msg("practice.areas.queues"), families: ["syn-queue-overflow", "accept-queue-overflow"] },
  { id: "resets", title: msg("practice.areas.resets"), families: ["reset-established"] },
  { id: "why", title: msg("practice.areas.why"), families: ["two-way-handshake", "no-time-wait"] },
] as const;
