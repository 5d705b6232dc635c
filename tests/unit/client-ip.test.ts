import { describe, expect, test } from "vitest";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";

describe("resolveClientIp", () => {
  test.each([
    // [socket, X-Forwarded-For, hops, client]
    ["198.51.100.20", undefined, 0, "198.51.100.20"],
    ["198.51.100.20", "6.6.6.6", 0, "198.51.100.20"],
    ["198.51.100.20", "6.6.6.6, 7.7.7.7", 0, "198.51.100.20"],
    ["::ffff:198.51.100.20", "6.6.6.6", 0, "198.51.100.20"],
    ["::1", undefined, 0, "::1"],
    // One proxy (a load balancer): it appended the address it saw.
    ["10.0.0.2", "203.0.113.9", 1, "203.0.113.9"],
    ["10.0.0.2", "6.6.6.6, 203.0.113.9", 1, "203.0.113.9"],
    ["10.0.0.2", ["6.6.6.6", "203.0.113.9"], 1, "203.0.113.9"],
    ["10.0.0.2", "6.6.6.6,203.0.113.9", 1, "203.0.113.9"],
    ["10.0.0.2", "2001:DB8::1", 1, "2001:db8::1"],
    // Two proxies (CDN then load balancer).
    ["10.0.0.2", "6.6.6.6, 203.0.113.9, 172.16.0.5", 2, "203.0.113.9"],
    // Fewer entries than hops: the furthest address we have.
    ["10.0.0.2", undefined, 1, "10.0.0.2"],
    ["10.0.0.2", "203.0.113.9", 3, "203.0.113.9"],
    // Garbage where an address should be: the next address toward the socket.
    ["10.0.0.2", "6.6.6.6, not-an-ip", 1, "10.0.0.2"],
    ["10.0.0.2", "", 1, "10.0.0.2"],
    [undefined, undefined, 0, "unknown"],
  ] as const)("socket %j, X-Forwarded-For %j, %i hop(s): %j", (socket, xff, hops, expected) => {
    expect(resolveClientIp(socket, xff as string | string[] | undefined, hops)).toBe(expected);
  });
});
