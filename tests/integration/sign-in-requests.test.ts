import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "@/db/client";
import { consumeSignInAllowance } from "@/lib/auth/rate-limit";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { createUser, uniqueEmail } from "./helpers/factories";

/** A documentation-range IPv6 address, unique enough that no other test shares its counter. */
function uniqueIp(): string {
  return `2001:db8::${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}`;
}

function sender() {
  return vi.fn<(email: string) => Promise<void>>(async () => {});
}

describe("requestSignIn", () => {
  test("a known address is sent a link", async () => {
    const user = await createUser({ email: uniqueEmail("known") });
    const send = sender();
    expect(await requestSignIn({ email: user.email, ip: uniqueIp() }, send)).toEqual({ status: "sent" });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(user.email);
  });

  test("an unknown address gets the same answer, but nothing is sent", async () => {
    const send = sender();
    expect(await requestSignIn({ email: uniqueEmail("stranger"), ip: uniqueIp() }, send)).toEqual({ status: "sent" });
    expect(send).not.toHaveBeenCalled();
  });

  test("the 4th request for one address from one IP within 15 minutes is limited, and not sent", async () => {
    const user = await createUser({ email: uniqueEmail("eager") });
    const ip = uniqueIp();
    const send = sender();
    for (let i = 0; i < 3; i++) {
      expect(await requestSignIn({ email: user.email, ip }, send)).toEqual({ status: "sent" });
    }
    const fourth = await requestSignIn({ email: user.email, ip }, send);
    expect(fourth).toEqual({ status: "limited", retryAfterSeconds: expect.any(Number) });
    if (fourth.status === "limited") {
      expect(fourth.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(fourth.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    expect(send).toHaveBeenCalledTimes(3);
  });

  test("an attacker from one IP cannot lock a clinician out: the clinician still signs in from her own IP", async () => {
    const clinician = await createUser({ email: uniqueEmail("clinician") });
    const attacker = uniqueIp();
    const attackerSend = sender();
    // The attacker hammers the clinician's address from one IP.
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await requestSignIn({ email: clinician.email, ip: attacker }, attackerSend)).status);
    expect(statuses.slice(0, 3)).toEqual(["sent", "sent", "sent"]);
    expect(statuses.slice(3).every((s) => s === "limited")).toBe(true);
    const send = sender();
    expect(await requestSignIn({ email: clinician.email, ip: uniqueIp() }, send)).toEqual({ status: "sent" });
    expect(send).toHaveBeenCalledWith(clinician.email);
  });

  test("one inbox gets at most 20 links an hour however many IPs ask (mail-bombing cap)", async () => {
    const user = await createUser({ email: uniqueEmail("bombed") });
    const send = sender();
    const statuses = [];
    // 7 IPs × 3 each = 21 requests, each IP within its own limits.
    for (let n = 0; n < 7; n++) {
      const ip = uniqueIp();
      for (let i = 0; i < 3; i++) statuses.push((await requestSignIn({ email: user.email, ip }, send)).status);
    }
    expect(statuses.filter((s) => s === "sent")).toHaveLength(20);
    expect(statuses.at(-1)).toBe("limited");
    expect(send).toHaveBeenCalledTimes(20);
  });

  test("unknown addresses are limited the same way (no account discovery through limits)", async () => {
    const email = uniqueEmail("probe");
    const send = sender();
    const statuses = [];
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) statuses.push((await requestSignIn({ email, ip }, send)).status);
    expect(statuses).toEqual(["sent", "sent", "sent", "limited"]);
    expect(send).not.toHaveBeenCalled();
  });

  test("the 11th request from one IP within a minute is limited", async () => {
    const ip = uniqueIp();
    const send = sender();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await requestSignIn({ email: uniqueEmail(`spray${i}`), ip }, send)).status);
    expect(statuses).toEqual([...Array(10).fill("sent"), "limited"]);
    const again = await requestSignIn({ email: uniqueEmail("more"), ip }, send);
    expect(again.status).toBe("limited");
    if (again.status === "limited") expect(again.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  test("one address's limit does not affect another address", async () => {
    const ip = uniqueIp();
    const busy = uniqueEmail("busy");
    for (let i = 0; i < 4; i++) await requestSignIn({ email: busy, ip }, sender());
    const other = await createUser({ email: uniqueEmail("other") });
    const send = sender();
    expect(await requestSignIn({ email: other.email, ip }, send)).toEqual({ status: "sent" });
    expect(send).toHaveBeenCalledWith(other.email);
  });
});

describe("when the counters cannot be read", () => {
  test("fails closed: unavailable, and nothing is sent", async () => {
    const user = await createUser({ email: uniqueEmail("closed") });
    const send = sender();
    const ip = uniqueIp();
    // logError writes through the process's logger: error lines are JSON on stderr (lib/log/).
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    // This worker's own database; restored before any other test in the file runs.
    await db.execute(sql`alter table rate_limits rename to rate_limits_away`);
    let logged: unknown[] = [];
    try {
      expect(await requestSignIn({ email: user.email, ip }, send)).toEqual({ status: "unavailable" });
      logged = quiet.mock.calls.map(([chunk]) => (JSON.parse(String(chunk)) as { msg: string }).msg);
    } finally {
      await db.execute(sql`alter table rate_limits_away rename to rate_limits`);
      quiet.mockRestore();
    }
    expect(send).not.toHaveBeenCalled();
    expect(logged).toEqual([expect.stringMatching(/^\[auth\] rate limiter unavailable: .*rate_limits/)]);
    // The log line carries the database's reason, not the query's parameters.
    expect(String(logged[0])).not.toContain(ip);
    expect(String(logged[0])).not.toContain(user.email);
  });
});

describe("consumeSignInAllowance", () => {
  test("counts per address and IP pair: the same address from a new IP is allowed again", async () => {
    const email = uniqueEmail("direct");
    const ip = uniqueIp();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await consumeSignInAllowance(email, ip));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[3]).toMatchObject({ allowed: false, reason: "limited" });
    expect(await consumeSignInAllowance(email, uniqueIp())).toEqual({ allowed: true });
  });
});
