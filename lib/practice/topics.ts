// How the practice page groups the scenario families, in teaching order.
export const AREAS = [
  {
    id: "open",
    title: "Opening a connection",
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
    title: "Closing a connection",
    families: ["active-close", "passive-close", "combined-fin-ack", "simultaneous-close", "half-close", "lost-fin"],
  },
  {
    id: "time-wait",
    title: "TIME_WAIT and lingering states",
    families: ["time-wait-lost-ack", "time-wait-old-segment", "fin-wait-2-timeout"],
  },
  { id: "queues", title: "listen(), the SYN queue and the accept queue", families: ["syn-queue-overflow", "accept-queue-overflow"] },
  { id: "resets", title: "Resets and half-open connections", families: ["reset-established"] },
  { id: "why", title: "Why TCP does it this way: imaginary TCPs", families: ["two-way-handshake", "no-time-wait"] },
] as const;
