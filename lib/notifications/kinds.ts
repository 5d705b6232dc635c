/**
 * What a member can be told of, and how (decision 0037). Pure: the schema's
 * check, the settings form and the producers all read the kinds from here.
 *
 * Messages are not a kind yet: secure messaging does not exist, and a
 * switch for something that never happens would be a control that lies.
 * The kind is added with messaging (issue 15).
 */
export const NOTIFICATION_KINDS = ["booking_new", "booking_changed", "booking_cancelled", "form_completed", "safety_flag", "payment_failed", "plan_review"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Channels {
  email: boolean;
  inApp: boolean;
}

export const KIND_LABELS: Record<NotificationKind, string> = {
  booking_new: "New bookings",
  booking_changed: "Rescheduled bookings",
  booking_cancelled: "Cancelled bookings",
  form_completed: "Completed forms",
  safety_flag: "Safety flags",
  payment_failed: "Failed payments",
  plan_review: "Treatment plan reviews",
};

/**
 * With no row of their own a member gets these. Bookings, flags and failed
 * payments ask for action soon, so both; a completed form is read when the
 * client is next seen, so in the app only (an email per form would teach
 * people to ignore the emails that matter).
 */
export const DEFAULT_CHANNELS: Record<NotificationKind, Channels> = {
  booking_new: { email: true, inApp: true },
  booking_changed: { email: true, inApp: true },
  booking_cancelled: { email: true, inApp: true },
  form_completed: { email: false, inApp: true },
  safety_flag: { email: true, inApp: true },
  payment_failed: { email: true, inApp: true },
  // Once per plan version and review date, a week ahead (lib/plans/review-reminders.ts): rare enough to email.
  plan_review: { email: true, inApp: true },
};

/** Kinds whose in-app notice cannot be turned off: a safety flag must always reach a person. */
export const ALWAYS_IN_APP: readonly NotificationKind[] = ["safety_flag"];

/**
 * A member's channels for a kind: their saved choice, else the default; a
 * kind that is always in the app stays so whatever a row says (the database
 * refuses such a row too).
 */
export function resolveChannels(kind: NotificationKind, saved: Partial<Channels> | null | undefined): Channels {
  const base = DEFAULT_CHANNELS[kind];
  const email = saved?.email ?? base.email;
  const inApp = ALWAYS_IN_APP.includes(kind) ? true : (saved?.inApp ?? base.inApp);
  return { email, inApp };
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
