/** The wizard's steps, in order; "done" is not listed in the step bar. */
export type Step = "service" | "clinician" | "time" | "details" | "done";

/** The practice as the wizard needs it. */
/** `locale`: the practice's (lib/dates/locales.ts), the clock its times read in. */
/** `asksInsurance`: a US practice, whose booking asks "Will you use insurance?" (a self-pay client is owed a Good Faith Estimate, decision 0053). */
export type WizardPractice = { slug: string; name: string; timeZone: string; locale?: string | null; asksInsurance?: boolean };
