// Where the ladder diagram writes each segment's label. A label written level at its arrow's
// middle crosses its own arrow once the arrow slopes (a long latency), and the labels of two
// arrows that cross (a simultaneous close: both FINs in flight at once) land on the same spot.
// So a label runs along its arrow, clear of it, and of the places it could take — beside the
// sender, beside the receiver, in the middle, above the arrow or below — takes the first that
// meets no other arrow and no label already placed. The space between the lifelines grows with
// the longest label (full sequence numbers are ten digits), so a label can keep to one side of
// an arrow that crosses its own.

/** How far along the arrow, from its end, the label starts (px). */
export const LABEL_INSET = 14;
/** The gap between the arrow and the label's glyphs (px). */
export const LABEL_GAP = 4;
/** A segment label's advance per character: 10.5 px monospace is 0.6 em wide, and some slack. */
export const LABEL_CHAR_WIDTH = 6.5;
/** The height of a label's glyphs (10.5 px text). */
export const LABEL_HEIGHT = 11;
/** Room outside the lifelines for the state names, timers and the time axis. */
const MARGIN = 150;
const MIN_SPAN = 340;

/** The drawing's width and the lifelines' places, for labels of at most `longest` characters. */
export function ladderLayout(longest: number): { width: number; client: number; server: number } {
  const span = Math.max(MIN_SPAN, Math.ceil(2 * (longest * LABEL_CHAR_WIDTH + LABEL_INSET) + 4));
  return { width: span + 2 * MARGIN, client: MARGIN, server: MARGIN + span };
}

/** A drawn arrow, from its sender's end, and the width of its label. */
export interface Arrow {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

export interface LabelPlacement {
  /** The anchor point, in the diagram's coordinates. */
  x: number;
  y: number;
  /** Degrees, as SVG's rotate(): the label reads left to right along the arrow. */
  angle: number;
  anchor: "start" | "middle" | "end";
  /** The label's baseline, in its own rotated frame: negative above the arrow, positive below. */
  dy: number;
}

type Point = [number, number];

/** The places a label may take along its arrow, best first. */
function candidates(a: Arrow): LabelPlacement[] {
  const length = Math.hypot(a.x2 - a.x1, a.y2 - a.y1) || 1;
  const ux = (a.x2 - a.x1) / length;
  const uy = (a.y2 - a.y1) / length;
  // Text upside down is no use: an arrow to the left is read from its left end.
  const rightward = a.x2 >= a.x1;
  const angle = (Math.atan2(rightward ? uy : -uy, rightward ? ux : -ux) * 180) / Math.PI;
  const at = (d: number): Point => [a.x1 + ux * d, a.y1 + uy * d];
  // Beside the sender the label runs toward the receiver; beside the receiver, back toward the sender.
  const spots: { point: Point; anchor: LabelPlacement["anchor"] }[] = [
    { point: at(LABEL_INSET), anchor: rightward ? "start" : "end" },
    { point: at(length - LABEL_INSET), anchor: rightward ? "end" : "start" },
    { point: at(length / 2), anchor: "middle" },
  ];
  const sides = [-LABEL_GAP, LABEL_GAP + LABEL_HEIGHT];
  return sides.flatMap((dy) => spots.map(({ point: [x, y], anchor }) => ({ x, y, angle, anchor, dy })));
}

/** The label's corners in the diagram, for a label `width` wide and `height` tall. */
export function labelCorners(p: LabelPlacement, width: number, height = LABEL_HEIGHT): Point[] {
  const rad = (p.angle * Math.PI) / 180;
  const cos = Math.cos(rad);
  const sin = Math.sin(rad);
  const x0 = p.anchor === "start" ? 0 : p.anchor === "end" ? -width : -width / 2;
  // The glyphs stand on the baseline (dy) and rise `height` above it (negative y in its frame).
  const local: Point[] = [
    [x0, p.dy],
    [x0 + width, p.dy],
    [x0 + width, p.dy - height],
    [x0, p.dy - height],
  ];
  return local.map(([lx, ly]) => [p.x + lx * cos - ly * sin, p.y + lx * sin + ly * cos]);
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function segmentsMeet(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function inside(poly: Point[], p: Point): boolean {
  const signs = poly.map((a, i) => Math.sign(cross(a, poly[(i + 1) % poly.length], p)));
  return signs.every((s) => s >= 0) || signs.every((s) => s <= 0);
}

/** Whether the line from `a` to `b` passes through the convex polygon `poly`. */
export function lineMeetsBox(a: Point, b: Point, poly: Point[]): boolean {
  if (inside(poly, a) || inside(poly, b)) return true;
  return poly.some((p, i) => segmentsMeet(a, b, p, poly[(i + 1) % poly.length]));
}

/** Whether two convex polygons overlap (the separating-axis test). */
export function boxesMeet(a: Point[], b: Point[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const nx = y2 - y1;
      const ny = x1 - x2;
      const pa = a.map(([x, y]) => x * nx + y * ny);
      const pb = b.map(([x, y]) => x * nx + y * ny);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/**
 * Each arrow's label, in the arrows' order: the first place that meets no other arrow and no
 * label placed before it, or else the place that meets the fewest.
 */
export function placeLabels(arrows: readonly Arrow[]): LabelPlacement[] {
  const placed: Point[][] = [];
  return arrows.map((arrow, i) => {
    let best: { place: LabelPlacement; box: Point[]; hits: number } | null = null;
    for (const place of candidates(arrow)) {
      const box = labelCorners(place, arrow.width);
      let hits = placed.filter((other) => boxesMeet(box, other)).length;
      arrows.forEach((other, k) => {
        if (k !== i && lineMeetsBox([other.x1, other.y1], [other.x2, other.y2], box)) hits++;
      });
      if (!best || hits < best.hits) best = { place, box, hits };
      if (hits === 0) break;
    }
    placed.push(best!.box);
    return best!.place;
  });
}
