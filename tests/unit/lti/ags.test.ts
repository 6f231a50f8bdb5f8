// The pure rules of Assignment and Grade Services: where scores go (the path, with Moodle's
// query kept), what a score says, its timestamp, which value is queued for a student, and the
// retry schedule of the outbox.
import { describe, expect, it } from "vitest";
import {
  CANVAS_SUBMISSION,
  isoWithOffset,
  lineItemsForLinkUrl,
  MAX_TRIES,
  nextPageUrl,
  nextScoredAt,
  retryDelayMs,
  scoreBody,
  scoresUrl,
  scoreToQueue,
} from "@/lib/lti/ags";

describe("scoresUrl", () => {
  it("inserts /scores into the path of a Canvas line item", () => {
    expect(scoresUrl("https://canvas.test/api/lti/courses/7/line_items/31")).toBe(
      "https://canvas.test/api/lti/courses/7/line_items/31/scores",
    );
  });
  it("keeps Moodle's type_id query after the new path segment", () => {
    expect(scoresUrl("https://moodle.test/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3")).toBe(
      "https://moodle.test/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3",
    );
  });
  it("does not double a trailing slash", () => {
    expect(scoresUrl("https://lms.test/items/9/")).toBe("https://lms.test/items/9/scores");
  });
});

describe("the line item container", () => {
  it("filters by resource link and keeps the platform's own query", () => {
    expect(lineItemsForLinkUrl("https://moodle.test/mod/lti/services.php/2/lineitems?type_id=3", "rl 1")).toBe(
      "https://moodle.test/mod/lti/services.php/2/lineitems?type_id=3&resource_link_id=rl+1",
    );
  });
  it("follows rel=next verbatim and nothing else", () => {
    expect(nextPageUrl('<https://lms.test/li?page=2&per_page=10>; rel="next", <https://lms.test/li?page=1>; rel="first"')).toBe(
      "https://lms.test/li?page=2&per_page=10",
    );
    expect(nextPageUrl('<https://lms.test/li?page=1>; rel="first"')).toBeNull();
    expect(nextPageUrl(null)).toBeNull();
  });
});

describe("scoreBody", () => {
  const score = {
    ltiSub: "sub-1",
    scoreGiven: 8.5,
    scoreMaximum: 10,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
    scoredAt: new Date("2026-12-01T10:15:30.123Z"),
    comment: "SynAck Lab: the best attempt counts.",
    postedBefore: false,
  };
  it("says everything the platforms require, the timestamp with milliseconds and an offset", () => {
    expect(scoreBody(score)).toEqual({
      userId: "sub-1",
      scoreGiven: 8.5,
      scoreMaximum: 10,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: "2026-12-01T10:15:30.123+00:00",
      comment: "SynAck Lab: the best attempt counts.",
    });
  });
  it("marks a later post as not a new submission for Canvas", () => {
    expect(scoreBody({ ...score, postedBefore: true })[CANVAS_SUBMISSION]).toEqual({ new_submission: false });
  });
  it("leaves scoreGiven out of a cleared score, keeping its comment", () => {
    const body = scoreBody({ ...score, scoreGiven: null, gradingProgress: "NotReady" });
    expect(body).not.toHaveProperty("scoreGiven");
    expect(body.comment).toBe(score.comment);
  });
  it("writes UTC with a numeric offset", () => {
    expect(isoWithOffset(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe("2026-01-02T03:04:05.006+00:00");
  });
});

describe("nextScoredAt", () => {
  const prev = new Date("2026-12-01T10:00:00.100Z");
  it("is now when now is in a later second", () => {
    const now = new Date("2026-12-01T10:00:01.050Z");
    expect(nextScoredAt(prev, now)).toEqual(now);
  });
  it("moves to the next whole second when now is in the same second (Moodle compares seconds)", () => {
    expect(nextScoredAt(prev, new Date("2026-12-01T10:00:00.900Z")).toISOString()).toBe("2026-12-01T10:00:01.000Z");
    expect(nextScoredAt(prev, prev).toISOString()).toBe("2026-12-01T10:00:01.000Z");
  });
  it("never goes back when the clock did", () => {
    expect(nextScoredAt(prev, new Date("2026-12-01T09:59:00Z")).getTime()).toBeGreaterThan(prev.getTime());
  });
  it("is now for a first score", () => {
    expect(nextScoredAt(null, prev)).toEqual(prev);
  });
});

describe("scoreToQueue", () => {
  const attempts = [
    { number: 1, status: "SUBMITTED" as const, score: 4, maxScore: 10, overrideScore: null },
    { number: 2, status: "SUBMITTED" as const, score: 7, maxScore: 10, overrideScore: 9 },
  ];
  it("sends the counted score by the quiz's rule, overrides applied", () => {
    expect(scoreToQueue("HIGHEST", attempts, false, null)).toEqual({
      scoreGiven: 9,
      scoreMaximum: 10,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    });
    expect(scoreToQueue("AVERAGE", [...attempts, { ...attempts[0], number: 3, score: 0 }], false, null)?.scoreGiven).toBe(4.3333);
  });
  it("sends nothing while nothing is graded", () => {
    expect(scoreToQueue("LATEST", [{ number: 1, status: "IN_PROGRESS", score: null, maxScore: null }], false, null)).toBeNull();
  });
  it("takes an excused student's score back when one was queued, and queues nothing otherwise", () => {
    const previous = { scoreGiven: 9, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded", status: "SENT" };
    expect(scoreToQueue("HIGHEST", attempts, true, previous)).toEqual({
      scoreGiven: null,
      scoreMaximum: 10,
      activityProgress: "Completed",
      gradingProgress: "NotReady",
    });
    expect(scoreToQueue("HIGHEST", attempts, true, null)).toBeNull();
  });
  it("does not queue an unchanged score again, unless it failed or is sent again by hand", () => {
    const previous = { scoreGiven: 9, scoreMaximum: 10, activityProgress: "Completed", gradingProgress: "FullyGraded", status: "SENT" };
    expect(scoreToQueue("HIGHEST", attempts, false, previous)).toBeNull();
    expect(scoreToQueue("HIGHEST", attempts, false, { ...previous, status: "FAILED" })).not.toBeNull();
    expect(scoreToQueue("HIGHEST", attempts, false, previous, true)).not.toBeNull();
  });
});

describe("retryDelayMs", () => {
  it("doubles from 30 seconds and stops at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(7)).toBe(1_920_000);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(MAX_TRIES)).toBe(3_600_000);
  });
  it("gives up after ten tries, about three hours after the first failure", () => {
    const total = Array.from({ length: MAX_TRIES - 1 }, (_, k) => retryDelayMs(k + 1)).reduce((a, b) => a + b, 0);
    expect(MAX_TRIES).toBe(10);
    expect(total / 3_600_000).toBeCloseTo(3.06, 2);
  });
});
