// Wall-clock times in a named time zone, for the builder's date-time fields: a
// `<input type="datetime-local">` holds "2026-12-01T09:30" with no zone, and the builder reads
// and writes it in the reader's zone (the `synack-tz` cookie's, the same zone the pages print
// times in), so what an instructor types is what every page shows back.

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2026-12-01T09:30" read in `zone` as an ISO instant; null for an empty or malformed field. */
export function zonedToIso(local: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset depends on the instant; a second pass settles it across a DST change.
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  return new Date(instant).toISOString();
}

/** An ISO instant as the "2026-12-01T09:30" a datetime-local field shows in `zone`; "" for none. */
export function isoToZoned(iso: string | null, zone: string): string {
  if (!iso) return "";
  const instant = Date.parse(iso);
  const d = new Date(instant + offsetAt(instant, zone));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
