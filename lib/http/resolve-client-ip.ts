import { isIP } from "node:net";

/**
 * A private request header the server process sets on every request (always
 * overwriting whatever a client sent under that name); route code reads only
 * this. See docs/decisions/0015-edge-security.md.
 */
export const CLIENT_IP_HEADER = "x-tandem-client-ip";

/** "::ffff:203.0.113.9" (an IPv4 client on a dual-stack socket) is 203.0.113.9. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/**
 * The client's address given the socket's peer and the X-Forwarded-For chain.
 *
 * Each trusted proxy appends the address it received the request from, so the
 * chain read right to left is: the socket peer (hop 0), then what the nearest
 * proxy saw (hop 1), and so on. With `trustedHops` proxies in front of us the
 * client is hop `trustedHops`; everything further left was written by the
 * client and is ignored. With 0 (the default) the socket address is the
 * client and the header is ignored entirely. If the chain is shorter than
 * the configured hops, the furthest address present is used; an entry that
 * is not an IP address (garbage a client sent) is skipped toward the socket.
 */
export function resolveClientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const forwarded = trustedHops > 0 ? [forwardedFor ?? []].flat().join(",").split(",").map(normalise).filter(Boolean) : [];
  const chain = [...forwarded, socketAddress ? normalise(socketAddress) : ""];
  for (let i = Math.max(0, chain.length - 1 - trustedHops); i < chain.length; i++) {
    if (isIP(chain[i]!)) return chain[i]!;
  }
  return "unknown";
}
