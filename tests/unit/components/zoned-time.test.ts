// The builder's date-time fields read and write wall-clock times in the reader's zone: what an
// instructor in Shanghai types as 09:30 is 01:30 UTC, across daylight-saving changes too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoToZoned, zonedToIso } from "@/components/quiz-builder/zoned-time";

describe("zoned time fields", () => {
  it("reads a wall-clock time in the zone", () => {
    expect(zonedToIso("2026-12-01T09:30", "Asia/Shanghai")).toBe("2026-12-01T01:30:00.000Z");
    expect(zonedToIso("2026-12-01T09:30", "UTC")).toBe("2026-12-01T09:30:00.000Z");
    expect(zonedToIso("2026-07-01T09:30", "America/New_York")).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedToIso("2026-12-01T09:30", "America/New_York")).toBe("2026-12-01T14:30:00.000Z");
  });

  it("shows an instant as the zone's wall clock, and nothing for none", () => {
    expect(isoToZoned("2026-12-01T01:30:00.000Z", "Asia/Shanghai")).toBe("2026-12-01T09:30");
    expect(isoToZoned("2026-03-29T01:30:00Z", "Europe/Berlin")).toBe("2026-03-29T03:30");
    expect(isoToZoned(null, "UTC")).toBe("");
  });

  it("refuses a malformed field", () => {
    expect(zonedToIso("", "UTC")).toBeNull();
    expect(zonedToIso("2026-12-01", "UTC")).toBeNull();
  });

  it("round-trips every minute of a year in zones with and without daylight saving", () => {
    const zones = ["UTC", "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Adelaide"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }), fc.constantFrom(...zones), (minute, zone) => {
        const iso = new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString();
        expect(zonedToIso(isoToZoned(iso, zone), zone)).toBe(iso);
      }),
    );
  });
});
