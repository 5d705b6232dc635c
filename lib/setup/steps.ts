import type { SetupStepId } from "@/db/schema";

/**
 * The guided setup's steps, in the order a new practice meets them. Pure (no
 * database): the checklist page, the step screens and the home card read the
 * words from here. The ids are the `setup_step` enum (db/schema/setup.ts).
 *
 * `decisions`: the choices that, stored as "done", finish the step when its
 * data does not (the data-only steps have none: nobody can say a service exists).
 */
export interface SetupStepInfo {
  id: SetupStepId;
  title: string;
  summary: string;
  decisions: readonly { choice: string; label: string }[];
}

export const SETUP_STEPS: readonly SetupStepInfo[] = [
  {
    id: "details",
    title: "Practice details",
    summary: "Address, phone and the numbers your receipts and superbills carry.",
    decisions: [],
  },
  { id: "service", title: "A first service", summary: "What clients can book, from a template for your kind of practice.", decisions: [] },
  { id: "hours", title: "Weekly hours", summary: "When you can be booked each week.", decisions: [] },
  {
    id: "payments",
    title: "Payments",
    summary: "Connect Stripe to take payments at booking, or work without online payments.",
    decisions: [
      // Without Stripe Connect the deployment's own account takes payments: nothing to connect, only to decide.
      { choice: "deployment_account", label: "Take payments with this deployment's Stripe account" },
      { choice: "no_online_payments", label: "No online payments for now" },
    ],
  },
  {
    id: "forms",
    title: "Forms and policies",
    summary: "The intake, consent and policy forms installed for your kind of practice, ready to review.",
    decisions: [{ choice: "reviewed", label: "I have reviewed the forms" }],
  },
  {
    id: "team",
    title: "Invite the team",
    summary: "Clinicians and staff who work with you.",
    decisions: [{ choice: "solo", label: "It is just me for now" }],
  },
  { id: "publish", title: "Publish the booking page", summary: "Open your booking page to clients and copy its link.", decisions: [] },
];

export const SETUP_STEP_IDS = SETUP_STEPS.map((s) => s.id);

export function isSetupStepId(value: unknown): value is SetupStepId {
  return typeof value === "string" && (SETUP_STEP_IDS as string[]).includes(value);
}

export function setupStepInfo(id: SetupStepId): SetupStepInfo {
  return SETUP_STEPS.find((s) => s.id === id)!;
}

/** The step after `id`, or null after the last. */
export function nextStepAfter(id: SetupStepId): SetupStepId | null {
  const i = SETUP_STEP_IDS.indexOf(id);
  return SETUP_STEP_IDS[i + 1] ?? null;
}

export function isDecisionOf(id: SetupStepId, choice: string): boolean {
  return setupStepInfo(id).decisions.some((d) => d.choice === choice);
}
