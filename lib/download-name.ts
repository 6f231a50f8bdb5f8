// A download's file name, safe in a Content-Disposition header without encoding: each part
// reduced to letters, digits, dot, dash and underscore (accents folded first, "Café" → "Cafe"),
// the parts joined by dashes. Pure; used by every file the app hands out.

export function downloadName(parts: readonly string[], extension: string, fallback = "export"): string {
  const base = parts
    .map((p) =>
      p
        .normalize("NFKD")
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${base || fallback}.${extension}`;
}
