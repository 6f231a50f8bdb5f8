// Which PostgreSQL server the tests use (tests/support/postgres.ts): the decision alone, with the
// probe of 127.0.0.1:5432 replaced by an answer given here.
import { describe, expect, it } from "vitest";
import { choosePostgres, LOCAL_POSTGRES_URL, redacted, testPostgresUrl, type Probe } from "@/tests/support/postgres";

/** A probe that answers `why` and remembers what it was asked. */
function probeAnswering(why: string | null): Probe & { asked: string[] } {
  const asked: string[] = [];
  return Object.assign(
    async (url: string) => {
      asked.push(url);
      return why;
    },
    { asked },
  );
}

describe("choosePostgres", () => {
  it("uses TEST_POSTGRES_URL as given, without probing the local server", async () => {
    const probe = probeAnswering(null);
    const url = "postgresql://ci:secret@db.internal:6543/postgres";
    expect(await choosePostgres({ TEST_POSTGRES_URL: url }, probe)).toEqual({ source: "TEST_POSTGRES_URL", url });
    expect(probe.asked).toEqual([]);
  });

  it("uses the server on 127.0.0.1:5432, as user postgres, when it answers", async () => {
    const probe = probeAnswering(null);
    expect(await choosePostgres({}, probe)).toEqual({ source: "local", url: "postgresql://postgres@127.0.0.1:5432/postgres" });
    expect(probe.asked).toEqual([LOCAL_POSTGRES_URL]);
  });

  it("starts an embedded server when no URL is set and nothing usable answers, and says why", async () => {
    const probe = probeAnswering("nothing listens on 127.0.0.1:5432");
    expect(await choosePostgres({}, probe)).toEqual({ source: "embedded", why: "nothing listens on 127.0.0.1:5432" });
  });

  it("takes an empty or blank TEST_POSTGRES_URL as unset", async () => {
    for (const blank of ["", "  "]) {
      const probe = probeAnswering("nothing listens on 127.0.0.1:5432");
      expect((await choosePostgres({ TEST_POSTGRES_URL: blank }, probe)).source).toBe("embedded");
      expect(probe.asked).toEqual([LOCAL_POSTGRES_URL]);
    }
  });
});

describe("testPostgresUrl", () => {
  it("is the exported TEST_POSTGRES_URL", () => {
    expect(testPostgresUrl({ TEST_POSTGRES_URL: "postgresql://postgres:pw@127.0.0.1:40001/postgres" })).toBe(
      "postgresql://postgres:pw@127.0.0.1:40001/postgres",
    );
  });
  it("refuses to guess when nothing chose a server, and says how to run the tests", () => {
    expect(() => testPostgresUrl({})).toThrow(/TEST_POSTGRES_URL is not set: run the tests through `npm test`/);
  });
});

describe("redacted", () => {
  it("hides the password and keeps the rest", () => {
    expect(redacted("postgresql://postgres:s3cret@127.0.0.1:40001/postgres")).toBe("postgresql://postgres:***@127.0.0.1:40001/postgres");
    expect(redacted(LOCAL_POSTGRES_URL)).toBe(LOCAL_POSTGRES_URL);
  });
});
