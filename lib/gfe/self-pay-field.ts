import { z } from "zod";

/**
 * "Will you use insurance for these sessions?" (decision 0053): asked at
 * booking by US practices, public and staff alike. "no" makes the client
 * self-pay, which owes them a Good Faith Estimate. Optional, so a booking
 * page that does not ask (outside the US) and the existing forms still
 * parse; an unanswered question leaves what the record said before.
 * Pure zod: the booking schemas are bundled for the browser.
 */
export const INSURANCE_QUESTION = "Will you use insurance for these sessions?";

// nullish: an unticked radio group reaches react-hook-form as null.
export const usesInsuranceField = z
  .enum(["yes", "no"], { message: "Choose yes or no" })
  .nullish()
  .transform((v) => v ?? undefined);

/** The record's self-pay flag for an answer; undefined: not asked, leave it. */
export function selfPayFrom(answer: "yes" | "no" | undefined): boolean | undefined {
  return answer === undefined ? undefined : answer === "no";
}
