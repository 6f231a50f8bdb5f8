"use client";
// Tells the server the browser's time zone (a cookie), so dates rendered on the server read in
// local time from the next page on. Renders nothing.
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/locales";

export function TimeZoneCookie({ current }: { current: string }) {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== current)
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [current]);
  return null;
}
