// The seeds a bank is exported with: derived from the template's id, so exporting the same bank
// again writes the same variants (the same file), and two questions do not share seeds.
// FNV-1a over the id and the variant's number; pure.

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The k-th candidate seed of a template (k = 0, 1, 2, …), a whole number below 2^32. */
export function candidateSeed(templateId: string, k: number): number {
  return fnv1a(`${templateId}#${k}`);
}
