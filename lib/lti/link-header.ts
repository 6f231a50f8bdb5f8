// The HTTP Link header (RFC 8288 §3), as paged LTI services send it: `<url>; rel="next"`,
// several links in one header (or several headers, which fetch joins with ", "), rel values
// quoted or bare, several relations in one rel ("next last"), and commas or semicolons inside
// the <…> of a URL. Pure.

export interface WebLink {
  /** The target as written between < and >; a relative one resolved against `base`. */
  url: string;
  /** The relation types, lower-cased. */
  rels: string[];
}

/** Every link of the header; entries that are not links are skipped. */
export function parseLinkHeader(header: string | null, base?: string): WebLink[] {
  if (!header) return [];
  const links: WebLink[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(header[i])) i++;
  };
  while (i < n) {
    skipSpace();
    if (header[i] !== "<") {
      // Not a link: skip to the next top-level comma.
      while (i < n && header[i] !== ",") i++;
      i++;
      continue;
    }
    const close = header.indexOf(">", i + 1);
    if (close < 0) break;
    const target = header.slice(i + 1, close).trim();
    i = close + 1;
    const params = new Map<string, string>();
    for (;;) {
      skipSpace();
      if (header[i] !== ";") break;
      i++;
      skipSpace();
      let name = "";
      while (i < n && !/[\s=;,]/.test(header[i])) name += header[i++];
      skipSpace();
      let value = "";
      if (header[i] === "=") {
        i++;
        skipSpace();
        if (header[i] === '"') {
          i++;
          while (i < n && header[i] !== '"') {
            if (header[i] === "\\" && i + 1 < n) i++;
            value += header[i++];
          }
          i++;
        } else while (i < n && !/[\s;,]/.test(header[i])) value += header[i++];
      }
      // RFC 8288 §3.3: the first occurrence of a parameter counts.
      const key = name.toLowerCase();
      if (key && !params.has(key)) params.set(key, value);
    }
    skipSpace();
    if (header[i] === ",") i++;
    // An absolute target is kept exactly as sent (a platform's paging parameters are its own).
    let url = target;
    if (base && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      try {
        url = new URL(target, base).toString();
      } catch {
        continue;
      }
    }
    const rels = (params.get("rel") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    links.push({ url, rels });
  }
  return links;
}

/** The URL of the first link with relation `rel`, or null. */
export function linkWithRel(header: string | null, rel: string, base?: string): string | null {
  return parseLinkHeader(header, base).find((l) => l.rels.includes(rel.toLowerCase()))?.url ?? null;
}
