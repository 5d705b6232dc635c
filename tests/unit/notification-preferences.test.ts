import { describe, expect, it } from "vitest";
import { DEFAULT_CHANNELS, NOTIFICATION_KINDS, resolveChannels } from "@/lib/notifications/kinds";
import { preferencesSchema } from "@/lib/notifications/preferences-schema";

describe("notification preferences", () => {
  it("uses the defaults when a member saved nothing: bookings, flags and payments both ways, forms in the app only", () => {
    expect(resolveChannels("booking_new", null)).toEqual({ email: true, inApp: true });
    expect(resolveChannels("form_completed", undefined)).toEqual({ email: false, inApp: true });
    expect(resolveChannels("payment_failed", null)).toEqual({ email: true, inApp: true });
  });

  it("uses a saved choice over the default", () => {
    expect(resolveChannels("booking_new", { email: false, inApp: true })).toEqual({ email: false, inApp: true });
    expect(resolveChannels("booking_cancelled", { email: false, inApp: false })).toEqual({ email: false, inApp: false });
  });

  it("keeps a safety flag's in-app notice on whatever was saved; its email may be off", () => {
    expect(resolveChannels("safety_flag", { email: false, inApp: false })).toEqual({ email: false, inApp: true });
  });

  it("refuses a form that turns the flag's in-app notice off, naming the field", () => {
    const all = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_CHANNELS[k]]));
    expect(preferencesSchema.safeParse(all).success).toBe(true);
    const bad = preferencesSchema.safeParse({ ...all, safety_flag: { email: true, inApp: false } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["safety_flag", "inApp"]);
  });
});
