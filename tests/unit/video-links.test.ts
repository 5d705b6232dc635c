import { describe, expect, test } from "vitest";
import { bookingEventFor } from "@/lib/jobs/booking-event";
import { buildIcs } from "@/lib/booking/ics";
import { chooseVideoUrl, appointmentRoomToken } from "@/lib/video/join-link";
import { emailVideoUrl, joinState } from "@/lib/video/join-window";
import { videoPatternSchema, videoRoomSchema } from "@/lib/video/settings-schema";

const ROOM = "https://video.example.test/dana";
const PATTERN = "https://meet.example.test/{appointment}";

describe("chooseVideoUrl", () => {
  test("a provider pattern wins, with the appointment's own token in place of {appointment}", () => {
    expect(chooseVideoUrl({ format: "online", pattern: PATTERN, clinicianRoom: ROOM, token: "abc" })).toBe("https://meet.example.test/abc");
    expect(chooseVideoUrl({ format: "online", pattern: "https://m.test/{appointment}?r={appointment}", clinicianRoom: null, token: "t" })).toBe("https://m.test/t?r=t");
  });

  test("without a pattern, the clinician's https room; otherwise nothing", () => {
    expect(chooseVideoUrl({ format: "online", pattern: null, clinicianRoom: ROOM })).toBe(ROOM);
    expect(chooseVideoUrl({ format: "online", pattern: null, clinicianRoom: "http://video.example.test/dana" })).toBeNull();
    expect(chooseVideoUrl({ format: "online", pattern: null, clinicianRoom: "not a url" })).toBeNull();
    expect(chooseVideoUrl({ format: "online", pattern: null, clinicianRoom: null })).toBeNull();
  });

  test("never for a session in person or by phone", () => {
    expect(chooseVideoUrl({ format: "in_person", pattern: PATTERN, clinicianRoom: ROOM })).toBeNull();
    expect(chooseVideoUrl({ format: "phone", pattern: PATTERN, clinicianRoom: ROOM })).toBeNull();
  });

  test("tokens are unguessable and URL-safe: 128 bits, never the same twice", () => {
    const tokens = new Set(Array.from({ length: 200 }, appointmentRoomToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("joinState", () => {
  const session = { status: "confirmed" as const, format: "online" as const, startsAt: new Date("2031-03-04T15:00:00Z"), endsAt: new Date("2031-03-04T15:50:00Z"), videoUrl: ROOM };

  test("later until 15 minutes before the start, open until the end, then nothing", () => {
    expect(joinState(session, new Date("2031-03-04T14:44:59Z"))).toEqual({ kind: "later", opensAt: new Date("2031-03-04T14:45:00Z") });
    expect(joinState(session, new Date("2031-03-04T14:45:00Z"))).toEqual({ kind: "open", url: ROOM });
    expect(joinState(session, new Date("2031-03-04T15:49:59Z"))).toEqual({ kind: "open", url: ROOM });
    expect(joinState(session, new Date("2031-03-04T15:50:00Z"))).toEqual({ kind: "none" });
  });

  test("never for a cancelled, no-show, in-person or linkless session", () => {
    const inWindow = new Date("2031-03-04T15:00:00Z");
    for (const status of ["cancelled", "late_cancelled", "no_show", "completed", "pending_payment"] as const) {
      expect(joinState({ ...session, status }, inWindow)).toEqual({ kind: "none" });
    }
    expect(joinState({ ...session, format: "in_person" }, inWindow)).toEqual({ kind: "none" });
    expect(joinState({ ...session, videoUrl: null }, inWindow)).toEqual({ kind: "none" });
  });

  test("emails carry the link of a live online session only", () => {
    expect(emailVideoUrl(session)).toBe(ROOM);
    expect(emailVideoUrl({ ...session, status: "cancelled" })).toBeNull();
    expect(emailVideoUrl({ ...session, status: "late_cancelled" })).toBeNull();
    expect(emailVideoUrl({ ...session, format: "in_person" })).toBeNull();
  });
});

describe("the calendar file of an online session", () => {
  const base = {
    appointmentId: "0b7c6a1e-1111-4222-8333-444455556666",
    sequence: 0,
    startsAt: new Date("2031-03-04T15:00:00Z"),
    endsAt: new Date("2031-03-04T15:50:00Z"),
    clinicianName: "Dana Whitfield",
    practiceName: "Harbor",
    practiceEmail: "hello@harbor.test",
    format: "online" as const,
    address: null,
    videoUrl: ROOM,
    manageUrl: "https://app.test/manage/abc",
    stamp: new Date("2031-03-01T00:00:00Z"),
  };

  test("LOCATION and URL are the join link; the description has it and the manage link", () => {
    const event = bookingEventFor({ ...base, method: "REQUEST" });
    expect(event.location).toBe(ROOM);
    expect(event.url).toBe(ROOM);
    expect(event.description).toBe(`Join the video session: ${ROOM}\n\nTo reschedule or cancel, use your link: https://app.test/manage/abc`);
    const text = buildIcs(event).replace(/\r\n[ \t]/g, "");
    expect(text).toContain(`LOCATION:${ROOM}`);
    expect(text).toContain(`URL:${ROOM}`);
    expect(text).toContain(`DESCRIPTION:Join the video session: ${ROOM}\\n\\nTo reschedule`);
  });

  test("a cancellation's file carries no link; a session without one says Online and keeps the manage link", () => {
    const cancel = bookingEventFor({ ...base, method: "CANCEL", manageUrl: undefined });
    expect(cancel.location).toBe("Online");
    expect(cancel.url).toBeUndefined();
    expect(cancel.description).toBeUndefined();
    const none = bookingEventFor({ ...base, method: "REQUEST", videoUrl: null });
    expect([none.location, none.url]).toEqual(["Online", "https://app.test/manage/abc"]);
  });
});

describe("video settings schemas", () => {
  const pattern = (v: string) => videoPatternSchema.safeParse({ pattern: v });
  test("a pattern: https, {appointment} after the host, no credentials; empty clears it", () => {
    expect(pattern(PATTERN)).toMatchObject({ success: true, data: { pattern: PATTERN } });
    expect(pattern("https://meet.example.test/rooms?id={appointment}")).toMatchObject({ success: true });
    expect(pattern("")).toMatchObject({ success: true, data: { pattern: null } });
    for (const bad of ["http://meet.example.test/{appointment}", "https://meet.example.test/room", "https://{appointment}.meet.test/", "https://user:pw@meet.test/{appointment}", "meet.test/{appointment}", `https://m.test/${"a".repeat(500)}{appointment}`]) {
      expect(pattern(bad).success, bad).toBe(false);
    }
  });

  test("a room: https or empty", () => {
    expect(videoRoomSchema.safeParse({ room: ROOM })).toMatchObject({ success: true, data: { room: ROOM } });
    expect(videoRoomSchema.safeParse({ room: "" })).toMatchObject({ success: true, data: { room: null } });
    expect(videoRoomSchema.safeParse({ room: "http://x.test" }).success).toBe(false);
  });
});
