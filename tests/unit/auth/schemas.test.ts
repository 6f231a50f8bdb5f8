import { describe, expect, it } from "vitest";
import { ClaimInviteSchema, SIGN_IN_FAILED, SignInSchema, SignUpSchema } from "@/lib/auth/schemas";

describe("account forms", () => {
  it("sign-in refuses a password longer than any account can have, with the usual answer (no hashing of megabytes, no error page)", () => {
    const r = SignInSchema.safeParse({ email: "ada@example.edu", password: "x".repeat(2_000_000) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([SIGN_IN_FAILED]);
    expect(SignInSchema.safeParse({ email: "ada@example.edu", password: "x".repeat(128) }).success).toBe(true);
  });

  it("refuses emails longer than an address can be, and names over 100 characters, everywhere", () => {
    expect(SignInSchema.safeParse({ email: `${"a".repeat(250)}@example.edu`, password: "p" }).success).toBe(false);
    expect(SignUpSchema.safeParse({ name: "n".repeat(101), email: "a@example.edu", password: "long enough" }).success).toBe(false);
    expect(ClaimInviteSchema.safeParse({ token: "t".repeat(201), name: "Ada", password: "long enough" }).success).toBe(false);
  });
});
