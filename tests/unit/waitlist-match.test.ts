import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { describeTerms, describeWish, holdText } from "@/lib/waitlist/describe-wish";
import { matchesSlot, type EntryWish } from "@/lib/waitlist/match";

const ZONE = "America/Los_Angeles";
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const wish = (extra: Partial<EntryWish> = {}): EntryWish => ({ serviceId: "s", memberId: null, daysOfWeek: [], timesOfDay: [], rangeStartMinute: null, rangeEndMinute: null, ...extra });

describe("matchesSlot", () => {
  test("Tuesday mornings stay Tuesday mornings across the spring-forward change (local time, not UTC)", () => {
    const entry = wish({ daysOfWeek: [2], timesOfDay: ["morning"] });
    // 9:00 local on the Tuesdays before and after 9 March 2031: 17:00Z then 16:00Z.
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-03-04T09:00") }, ZONE)).toBe(true);
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-03-11T09:00") }, ZONE)).toBe(true);
    // 11:30 local is still morning after the change, 12:00 is not.
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-03-11T11:30") }, ZONE)).toBe(true);
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-03-11T12:00") }, ZONE)).toBe(false);
    // Monday 16:30 local is Tuesday 00:30 UTC: still Monday, not offered.
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-03-10T16:30") }, ZONE)).toBe(false);
  });

  test("a local range across the fall-back change, the clinician and the service", () => {
    const entry = wish({ rangeStartMinute: 17 * 60, rangeEndMinute: 19 * 60, memberId: "m" });
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-11-01T17:30") }, ZONE)).toBe(true);
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-11-03T17:30") }, ZONE)).toBe(true);
    expect(matchesSlot(entry, { serviceId: "s", memberId: "m", start: at("2031-11-03T19:00") }, ZONE)).toBe(false);
    expect(matchesSlot(entry, { serviceId: "s", memberId: "other", start: at("2031-11-03T17:30") }, ZONE)).toBe(false);
    expect(matchesSlot(entry, { serviceId: "t", memberId: "m", start: at("2031-11-03T17:30") }, ZONE)).toBe(false);
  });

  test("no wishes: any time; evening and afternoon bounds", () => {
    expect(matchesSlot(wish(), { serviceId: "s", memberId: "m", start: at("2031-03-08T06:00") }, ZONE)).toBe(true);
    expect(matchesSlot(wish({ timesOfDay: ["afternoon"] }), { serviceId: "s", memberId: "m", start: at("2031-03-08T16:59") }, ZONE)).toBe(true);
    expect(matchesSlot(wish({ timesOfDay: ["afternoon"] }), { serviceId: "s", memberId: "m", start: at("2031-03-08T17:00") }, ZONE)).toBe(false);
    expect(matchesSlot(wish({ timesOfDay: ["evening"] }), { serviceId: "s", memberId: "m", start: at("2031-03-08T17:00") }, ZONE)).toBe(true);
  });
});

describe("describeWish", () => {
  test("reads days and times the same on the staff page and in the portal", () => {
    const none = { daysOfWeek: [], timesOfDay: [], rangeStartMinute: null, rangeEndMinute: null };
    expect(describeWish(none)).toBe("Any day, any time");
    expect(describeWish({ ...none, daysOfWeek: [3, 1], timesOfDay: ["morning"] })).toBe("Mondays or Wednesdays, mornings (before noon)");
    expect(describeWish({ ...none, daysOfWeek: [1, 2, 3, 4, 5, 6, 7], timesOfDay: ["morning", "afternoon", "evening"] })).toBe("Any day, any time");
    expect(describeWish({ ...none, daysOfWeek: [6], rangeStartMinute: 9 * 60, rangeEndMinute: 11 * 60 + 30 })).toBe("Saturdays, starting 09:00 to 11:30");
  });
});

describe("describeTerms", () => {
  test("says who is offered a time and for how long, as the practice set it", () => {
    expect(describeTerms({ mode: "first_in_line", holdMinutes: 120 })).toBe(
      "When a time that suits you opens, it is held for you for 2 hours and you are emailed a link to take it; if you don't, it goes to the next person waiting.",
    );
    expect(describeTerms({ mode: "all_at_once", holdMinutes: 90 })).toBe("When a time that suits you opens, everyone waiting for it is emailed, and the first to confirm within 90 minutes takes it.");
    expect(holdText(60)).toBe("1 hour");
  });
});
