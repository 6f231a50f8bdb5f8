// The ladder diagram's segment labels: never across their own arrow, at any latency; and for
// two arrows in flight at once (a simultaneous close, RFC 9293 §3.6 Figure 13, or a FIN that
// crosses data), neither label across the other arrow nor on the other label. The checks here
// are independent of the module's own collision tests: points sampled along the lines, and a
// separating-axis test written again.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelCorners, LABEL_CHAR_WIDTH, LABEL_GAP, ladderLayout, placeLabels, type Arrow } from "@/components/ladder-geometry";

type Point = [number, number];

/** Signed distance of p from the line through a→b, negative above it (SVG's y grows down). */
function side(a: Point, b: Point, p: Point) {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const c = ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / len;
  return b[0] >= a[0] ? c : -c;
}

function strictlyInside(poly: Point[], p: Point) {
  const signs = poly.map((a, i) => {
    const b = poly[(i + 1) % poly.length];
    return Math.sign((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
  });
  return signs.every((s) => s > 0) || signs.every((s) => s < 0);
}

/** Whether the line a→b runs through the box: 400 points along it, tested one by one. */
function lineThrough(a: Point, b: Point, box: Point[]) {
  for (let k = 0; k <= 400; k++) {
    const f = k / 400;
    if (strictlyInside(box, [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f])) return true;
  }
  return false;
}

function overlap(a: Point[], b: Point[]) {
  for (const poly of [a, b])
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const project = (p: Point[]) => p.map(([x, y]) => x * (y2 - y1) + y * (x1 - x2));
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) <= Math.min(...pb) + 1e-9 || Math.max(...pb) <= Math.min(...pa) + 1e-9) return false;
    }
  return true;
}

const single = fc.record({
  longest: fc.integer({ min: 1, max: 60 }),
  rightward: fc.boolean(),
  y1: fc.double({ min: 40, max: 4000, noNaN: true }),
  // From a level arrow to one as steep as the time scale draws one (long gaps are cut short).
  drop: fc.double({ min: 0, max: 140, noNaN: true }),
  // A lost segment's arrow ends halfway across.
  lost: fc.boolean(),
});

describe("a segment's label on the ladder", () => {
  it("alone, lies wholly on one side of its own arrow, clear of it, between the lifelines, reading left to right", () => {
    fc.assert(
      fc.property(single, ({ longest, rightward, y1, drop, lost }) => {
        const { client, server } = ladderLayout(longest);
        const [x1, x2] = rightward ? [client, server] : [server, client];
        const arrow: Arrow = {
          x1,
          y1,
          x2: lost ? (x1 + x2) / 2 : x2,
          y2: y1 + (lost ? drop / 2 : drop),
          width: longest * LABEL_CHAR_WIDTH,
        };
        const [place] = placeLabels([arrow]);
        expect(Math.abs(place.angle)).toBeLessThan(90);
        const box = labelCorners(place, arrow.width);
        const sides = box.map((p) => side([arrow.x1, arrow.y1], [arrow.x2, arrow.y2], p));
        expect(sides.every((d) => d <= -LABEL_GAP + 1e-9) || sides.every((d) => d >= LABEL_GAP - 1e-9)).toBe(true);
        for (const [px] of box) {
          expect(px).toBeGreaterThan(client);
          expect(px).toBeLessThan(server);
        }
      }),
    );
  });

  it("of two arrows that cross, meets neither the other arrow nor the other label", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        fc.double({ min: 40, max: 4000, noNaN: true }),
        // One sent before the other, by up to most of the trip: they still cross.
        fc.double({ min: -0.8, max: 0.8, noNaN: true }),
        fc.double({ min: 18, max: 140, noNaN: true }),
        fc.boolean(),
        (longest, shorter, y, skew, drop, clientFirst) => {
          const { client, server } = ladderLayout(longest);
          const a: Arrow = { x1: client, y1: y, x2: server, y2: y + drop, width: longest * LABEL_CHAR_WIDTH };
          const b: Arrow = {
            x1: server,
            y1: y + skew * drop,
            x2: client,
            y2: y + skew * drop + drop,
            width: Math.max(1, Math.round(longest * shorter)) * LABEL_CHAR_WIDTH,
          };
          const arrows = clientFirst ? [a, b] : [b, a];
          const boxes = placeLabels(arrows).map((p, i) => labelCorners(p, arrows[i].width));
          expect(overlap(boxes[0], boxes[1])).toBe(false);
          expect(lineThrough([arrows[1].x1, arrows[1].y1], [arrows[1].x2, arrows[1].y2], boxes[0])).toBe(false);
          expect(lineThrough([arrows[0].x1, arrows[0].y1], [arrows[0].x2, arrows[0].y2], boxes[1])).toBe(false);
        },
      ),
    );
  });
});
