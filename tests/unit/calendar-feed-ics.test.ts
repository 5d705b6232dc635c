import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { buildFeed, initialsOf, type FeedEvent } from "@/lib/calendar/feed-ics";

const STAMP = new Date("2031-03-01T00:00:00Z");
const event = (over: Partial<FeedEvent> = {}): FeedEvent => ({
  appointmentId: "0b9c4a52-8f7e-4c1b-9d1e-6f2a3b4c5d6e",
  sequence: 2,
  start: new Date("2031-03-07T17:00:00Z"),
  end: new Date("2031-03-07T17:50:00Z"),
  summary: "Session",
  location: "Online",
  url: "https://tandem.example/clinic/harbor/schedule/0b9c4a52-8f7e-4c1b-9d1e-6f2a3b4c5d6e",
  state: "confirmed",
  updatedAt: new Date("2031-02-20T10:00:00Z"),
  ...over,
});

describe("buildFeed", () => {
  test("a PUBLISH calendar named for its owner, each event with the appointment's UID and SEQUENCE, in UTC", () => {
    const text = buildFeed({ name: "Harbor sessions", stamp: STAMP }, [event(), event({ appointmentId: "1b9c4a52-8f7e-4c1b-9d1e-6f2a3b4c5d6e", state: "cancelled", sequence: 3 })]);
    expect(text).toContain("METHOD:PUBLISH\r\n");
    expect(text).toContain("X-WR-CALNAME:Harbor sessions\r\n");
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents("vevent");
    expect(events.map((v) => [v.getFirstPropertyValue("uid"), v.getFirstPropertyValue("sequence"), v.getFirstPropertyValue("status")])).toEqual([
      ["0b9c4a52-8f7e-4c1b-9d1e-6f2a3b4c5d6e@tandem", 2, "CONFIRMED"],
      ["1b9c4a52-8f7e-4c1b-9d1e-6f2a3b4c5d6e@tandem", 3, "CANCELLED"],
    ]);
    expect(text).toMatch(/DTSTART:20310307T170000Z\r\n/);
    expect(events[1]!.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    // No attendee or organizer lines: no email address of anyone.
    expect(text).not.toMatch(/ATTENDEE|ORGANIZER|@(?!tandem)/);
  });

  test("an empty feed is still a calendar that parses; every line is at most 75 octets", () => {
    const empty = buildFeed({ name: "Zoë's sessions; with Harbor", stamp: STAMP }, []);
    const cal = new ICAL.Component(ICAL.parse(empty));
    expect(cal.getAllSubcomponents("vevent")).toEqual([]);
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Zoë's sessions; with Harbor");
    const long = buildFeed({ name: "Sessions with Clínica Pélvica — Ñandú", stamp: STAMP }, [event({ summary: "Session with Dr. Zoë Ødegård-Ñúñez — Clínica Pélvica Integral del Suroeste" })]);
    for (const line of long.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });
});

describe("initialsOf", () => {
  test.each([
    ["Priya", "Okafor", "P.O."],
    ["  zoë", "ødegård", "Z.Ø."],
    ["Ana", "", "A."],
    ["", "", ""],
    ["'Kai", "(O'Neil)", "K.O."],
  ])("%s %s → %s", (first, last, expected) => {
    expect(initialsOf(first, last)).toBe(expected);
  });
});
