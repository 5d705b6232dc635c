import { describe, expect, test } from "vitest";
import { buildIcs, icsAttachment, icsUid, refoldOctets, type IcsEvent } from "@/lib/booking/ics";

const APPOINTMENT_ID = "0b7c6a1e-1111-4222-8333-444455556666";

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    appointmentId: APPOINTMENT_ID,
    sequence: 0,
    method: "REQUEST",
    start: new Date("2026-03-08T14:00:00.000Z"),
    end: new Date("2026-03-08T14:50:00.000Z"),
    summary: "Session with Dana Whitfield, LMFT — Harbor Couples Therapy",
    location: "Online",
    url: "https://app.example.com/manage/abc.def",
    organizer: { name: "Harbor Couples Therapy", email: "hello@harbor.test" },
    attendees: [{ name: "Alex", email: "alex@example.test" }],
    stamp: new Date("2026-03-01T09:30:00.000Z"),
    ...overrides,
  };
}

/** Physical lines, without the final CRLF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}

/** Content lines after unfolding (RFC 5545 §3.1). */
function contentLines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
}

/** The value of the first property `name` (with or without parameters). */
function prop(text: string, name: string): string | undefined {
  const line = contentLines(text).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line?.slice(line.indexOf(":") + 1);
}

/** 20260308T140000Z → Date */
function parseUtc(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

describe("buildIcs", () => {
  test("a REQUEST: calendar and event properties, CRLF line endings only", () => {
    const text = buildIcs(event());
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).not.toMatch(/\r(?!\n)/);
    const lines = contentLines(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(prop(text, "VERSION")).toBe("2.0");
    expect(prop(text, "METHOD")).toBe("REQUEST");
    expect(prop(text, "PRODID")).toBe("-//Tandem//Booking//EN");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(prop(text, "UID")).toBe(`${APPOINTMENT_ID}@tandem`);
    expect(prop(text, "SEQUENCE")).toBe("0");
    expect(prop(text, "STATUS")).toBe("CONFIRMED");
    expect(prop(text, "SUMMARY")).toBe("Session with Dana Whitfield\\, LMFT — Harbor Couples Therapy");
    expect(prop(text, "LOCATION")).toBe("Online");
    expect(prop(text, "URL")).toBe("https://app.example.com/manage/abc.def");
    expect(prop(text, "ORGANIZER")).toBe("MAILTO:hello@harbor.test");
    expect(lines.find((l) => l.startsWith("ORGANIZER;"))).toContain('CN="Harbor Couples Therapy"');
    expect(lines.find((l) => l.startsWith("ATTENDEE;"))).toMatch(/CN="Alex":mailto:alex@example\.test$/);
  });

  test("DTSTART, DTEND and DTSTAMP are UTC (Z) and equal the instants given", () => {
    const e = event({ start: new Date("2026-11-01T05:30:00Z"), end: new Date("2026-11-01T06:30:00Z") });
    const text = buildIcs(e);
    for (const name of ["DTSTART", "DTEND", "DTSTAMP"]) expect(prop(text, name)).toMatch(/^\d{8}T\d{6}Z$/);
    expect(parseUtc(prop(text, "DTSTART")!).getTime()).toBe(e.start.getTime());
    expect(parseUtc(prop(text, "DTEND")!).getTime()).toBe(e.end.getTime());
    expect(parseUtc(prop(text, "DTSTAMP")!).getTime()).toBe(e.stamp!.getTime());
    // No floating or TZID-qualified times.
    expect(text).not.toMatch(/TZID/);
  });

  test("the UID stays the same across sequence changes; SEQUENCE carries the appointment's value", () => {
    const first = buildIcs(event({ sequence: 0 }));
    const moved = buildIcs(event({ sequence: 3, start: new Date("2026-03-09T15:00:00Z"), end: new Date("2026-03-09T15:50:00Z") }));
    expect(prop(first, "UID")).toBe(prop(moved, "UID"));
    expect(prop(moved, "UID")).toBe(icsUid(APPOINTMENT_ID));
    expect(prop(moved, "SEQUENCE")).toBe("3");
    // Another appointment: another UID.
    expect(prop(buildIcs(event({ appointmentId: "9f0e0000-0000-4000-8000-000000000001" })), "UID")).not.toBe(prop(first, "UID"));
  });

  test("a CANCEL has METHOD:CANCEL and STATUS:CANCELLED, same UID, its sequence", () => {
    const text = buildIcs(event({ method: "CANCEL", sequence: 2 }));
    expect(prop(text, "METHOD")).toBe("CANCEL");
    expect(prop(text, "STATUS")).toBe("CANCELLED");
    expect(prop(text, "SEQUENCE")).toBe("2");
    expect(prop(text, "UID")).toBe(`${APPOINTMENT_ID}@tandem`);
    expect(contentLines(text).find((l) => l.startsWith("ATTENDEE;"))).not.toMatch(/PARTSTAT/);
  });

  test("long lines are folded at 75 octets, never inside a UTF-8 character, and unfold to the original", () => {
    const summary = `Session with Zoë Ångström-Çelik, PT, DPT — Clínica Pélvica “Mães” ${"— ünïcödé ".repeat(12)}`;
    const description = `To reschedule or cancel, use your link: https://app.example.com/manage/${"x".repeat(300)}`;
    const text = buildIcs(event({ summary, description }));
    const lines = physicalLines(text);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
    // Unfolding gives back every character: none was cut in half or lost.
    expect(prop(text, "SUMMARY")).toBe(summary.replace(/,/g, "\\,"));
    expect(prop(text, "DESCRIPTION")).toBe(description.replace(/,/g, "\\,"));
  });

  test("text values are escaped; parameter values lose characters they cannot hold", () => {
    const text = buildIcs(
      event({
        description: "Line one\nLine two; with, punctuation",
        organizer: { name: 'Harbor "Couples" Therapy', email: "hello@harbor.test" },
      }),
    );
    expect(prop(text, "DESCRIPTION")).toBe("Line one\\nLine two\\; with\\, punctuation");
    expect(contentLines(text).find((l) => l.startsWith("ORGANIZER;"))).toBe('ORGANIZER;CN="Harbor \'Couples\' Therapy":MAILTO:hello@harbor.test');
  });

  test("the same input gives the same text (pure)", () => {
    expect(buildIcs(event())).toBe(buildIcs(event()));
  });

  test("refuses an end before the start and a negative sequence", () => {
    expect(() => buildIcs(event({ end: new Date("2026-03-08T13:00:00Z") }))).toThrow(/start must be before end/);
    expect(() => buildIcs(event({ sequence: -1 }))).toThrow(/sequence/);
  });

  test("icsAttachment names the file and gives the method in the content type", () => {
    expect(icsAttachment(event())).toMatchObject({ filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST" });
    const cancel = icsAttachment(event({ method: "CANCEL" }));
    expect(cancel).toMatchObject({ filename: "cancel.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL" });
    expect(prop(cancel.content, "METHOD")).toBe("CANCEL");
  });
});

describe("refoldOctets", () => {
  test("leaves short lines alone and folds with CRLF + space", () => {
    expect(refoldOctets("A:b\r\n")).toBe("A:b\r\n");
    const long = `X:${"é".repeat(60)}`; // 2 + 120 octets
    const out = refoldOctets(`${long}\r\n`);
    const lines = out.slice(0, -2).split("\r\n");
    expect(lines.length).toBe(2);
    expect(Buffer.byteLength(lines[0]!, "utf8")).toBeLessThanOrEqual(75);
    expect(lines[1]!.startsWith(" ")).toBe(true);
    expect(out.replace(/\r\n /g, "")).toBe(`${long}\r\n`);
  });
});
