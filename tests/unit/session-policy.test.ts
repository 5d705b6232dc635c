import { describe, expect, test } from "vitest";
import { SESSION_POLICY, TOUCH_AFTER_MS, evaluateSession, type SessionKind } from "@/lib/auth/session-policy";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = new Date("2025-03-10T09:00:00.000Z");
const at = (ms: number) => new Date(start.getTime() + ms);

/** A session created at `start`, last seen `lastSeen` ms later, with the expiry Auth.js or we last wrote. */
function session(lastSeen: number, expires = lastSeen + 30 * 24 * HOUR) {
  return { createdAt: start, lastSeenAt: at(lastSeen), expires: at(expires) };
}

describe("the policy values", () => {
  test("staff: 30 minutes idle, 12 hours absolute; clients: 12 hours idle", () => {
    expect(SESSION_POLICY.staff).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR });
    expect(SESSION_POLICY.client.idleMs).toBe(12 * HOUR);
    expect(TOUCH_AFTER_MS).toBe(MINUTE);
  });
});

describe("staff sessions", () => {
  test("are valid up to just under 30 idle minutes and ended at 30", () => {
    expect(evaluateSession(session(0), "staff", at(30 * MINUTE - 1)).valid).toBe(true);
    expect(evaluateSession(session(0), "staff", at(30 * MINUTE))).toEqual({ valid: false, reason: "idle" });
    expect(evaluateSession(session(0), "staff", at(31 * MINUTE))).toEqual({ valid: false, reason: "idle" });
  });

  test("end after 12 hours even when active the whole time", () => {
    const justActive = session(12 * HOUR - 5 * MINUTE);
    expect(evaluateSession(justActive, "staff", at(12 * HOUR - MINUTE)).valid).toBe(true);
    expect(evaluateSession(justActive, "staff", at(12 * HOUR))).toEqual({ valid: false, reason: "absolute" });
  });

  test("a staff idle limit does not apply to clients: 2 hours idle is fine for a client", () => {
    expect(evaluateSession(session(0), "staff", at(2 * HOUR)).valid).toBe(false);
    expect(evaluateSession(session(0), "client", at(2 * HOUR)).valid).toBe(true);
  });
});

describe("client sessions", () => {
  test("end after 12 idle hours", () => {
    expect(evaluateSession(session(0), "client", at(12 * HOUR - 1)).valid).toBe(true);
    expect(evaluateSession(session(0), "client", at(12 * HOUR))).toEqual({ valid: false, reason: "idle" });
  });

  test("end at the absolute cap", () => {
    const absolute = SESSION_POLICY.client.absoluteMs;
    const s = session(absolute - HOUR, absolute + HOUR);
    expect(evaluateSession(s, "client", at(absolute))).toEqual({ valid: false, reason: "absolute" });
  });
});

describe("expiry", () => {
  test("a session past its stored expiry is invalid whatever its activity", () => {
    for (const kind of ["staff", "client"] as SessionKind[]) {
      expect(evaluateSession(session(0, 10 * MINUTE), kind, at(10 * MINUTE))).toEqual({ valid: false, reason: "expired" });
    }
  });
});

describe("touching (writing activity back)", () => {
  test("not within a minute of the last write", () => {
    expect(evaluateSession(session(0), "staff", at(0))).toEqual({ valid: true, touch: false });
    expect(evaluateSession(session(0), "staff", at(TOUCH_AFTER_MS - 1))).toEqual({ valid: true, touch: false });
  });

  test("after a minute, with the expiry pushed to now + the idle limit", () => {
    const now = at(10 * MINUTE);
    expect(evaluateSession(session(0), "staff", now)).toEqual({ valid: true, touch: true, expires: at(40 * MINUTE) });
    expect(evaluateSession(session(0), "client", at(TOUCH_AFTER_MS))).toEqual({
      valid: true,
      touch: true,
      expires: at(TOUCH_AFTER_MS + 12 * HOUR),
    });
  });

  test("the new expiry never passes the absolute cap", () => {
    // Staff, 11h50 in and active: idle would allow 12h20, the cap is 12h.
    const verdict = evaluateSession(session(11 * HOUR + 45 * MINUTE), "staff", at(11 * HOUR + 50 * MINUTE));
    expect(verdict).toEqual({ valid: true, touch: true, expires: at(12 * HOUR) });

    const absolute = SESSION_POLICY.client.absoluteMs;
    const late = evaluateSession(session(absolute - 2 * HOUR, absolute + HOUR), "client", at(absolute - HOUR));
    expect(late).toEqual({ valid: true, touch: true, expires: at(absolute) });
  });
});
