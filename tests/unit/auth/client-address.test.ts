import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "@/lib/auth/client-address";

describe("the client's address for the sign-in limits", () => {
  it("with no trusted proxy, is the socket's peer: X-Forwarded-For, which any client can send, is ignored", () => {
    expect(resolveClientAddress("203.0.113.5", "1.2.3.4", 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("203.0.113.5", null, 0)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:127.0.0.1", "10.0.0.1, 10.0.0.2", 0)).toBe("127.0.0.1");
    expect(resolveClientAddress("2001:DB8::1", null, 0)).toBe("2001:db8::1");
  });

  it("behind N trusted proxies, is the entry the outermost one appended: the Nth from the right, never a forged one to its left", () => {
    // The client forged "6.6.6.6"; the proxy appended the real address.
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.1", 2)).toBe("198.51.100.7");
    // Fewer entries than proxies: the furthest hop known.
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", null, 1)).toBe("10.0.0.1");
  });

  it("is unknown when there is no address, or the entry is not one", () => {
    expect(resolveClientAddress(null, null, 0)).toBeNull();
    expect(resolveClientAddress(null, "1.2.3.4", 0)).toBeNull();
    expect(resolveClientAddress("", null, 0)).toBeNull();
    expect(resolveClientAddress("10.0.0.1", "not-an-address", 1)).toBeNull();
  });
});
