"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { eventSignUpSchema, type EventSignUpInput } from "@/lib/events/event-schema";

type Answer = { status?: string; checkoutUrl?: string; placeInLine?: number; credits?: number; message?: string; errors?: Record<string, string[]> };

/** The public sign-up form (decision 0055): one zod schema with the server; a couple gives both partners' details. */
type Person = { firstName: string; lastName: string; email: string };

/**
 * `self` and `partner` prefill the form in a portal session; `credit` offers
 * the event's package credits (one a seat), required when the event takes no
 * money (decision 0060). The server checks all of it again.
 */
export function EventSignUpForm({
  slug,
  eventId,
  paid,
  self = null,
  partner = null,
  credit = null,
}: {
  slug: string;
  eventId: string;
  paid: boolean;
  self?: Person | null;
  partner?: Person | null;
  credit?: { packageName: string; left: number; required: boolean } | null;
}) {
  const [done, setDone] = useState<string | null>(null);
  const blank = { firstName: "", lastName: "", email: "" };
  const form = useForm<EventSignUpInput>({
    resolver: zodResolver(eventSignUpSchema),
    defaultValues: {
      kind: "individual",
      attendees: [self ? { firstName: self.firstName, lastName: self.lastName, email: self.email } : blank],
      agreePolicy: false as unknown as true,
      useCredit: Boolean(credit),
    },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "attendees" });
  const errors = form.formState.errors;

  function setKind(kind: "individual" | "couple") {
    form.setValue("kind", kind);
    if (kind === "couple" && fields.length === 1) append(partner ? { firstName: partner.firstName, lastName: partner.lastName, email: partner.email } : blank);
    if (kind === "individual" && fields.length === 2) remove(1);
  }

  async function submit(values: EventSignUpInput) {
    const res = await fetch(`/api/book/${slug}/events/${eventId}/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
    const answer = (await res.json().catch(() => ({}))) as Answer;
    if (answer.errors) {
      for (const [field, messages] of Object.entries(answer.errors)) form.setError(field as "attendees", { message: messages[0] });
      return;
    }
    if (!res.ok) return form.setError("root", { message: answer.message ?? "Something went wrong. Please try again." });
    if (answer.checkoutUrl) return window.location.assign(answer.checkoutUrl);
    if (answer.status === "waitlisted") return setDone(`The event is full, so you are on the waitlist (number ${answer.placeInLine} in line). If a place opens, we email you a link to take it.`);
    const spent = answer.credits ? ` ${answer.credits === 1 ? "One package credit was" : `${answer.credits} package credits were`} used.` : "";
    setDone(`You're signed up.${spent} We emailed ${values.attendees.length === 2 ? "each of you" : "you"} a confirmation with a calendar file.`);
  }

  const kind = useWatch({ control: form.control, name: "kind" });
  const useCredit = useWatch({ control: form.control, name: "useCredit" });
  const seats = kind === "couple" ? 2 : 1;
  if (done) return <p role="status" className="rounded-md bg-surface p-4">{done}</p>;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Who is coming?</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="kind" checked={kind === "individual"} onChange={() => setKind("individual")} /> Just me (one seat)
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="kind" checked={kind === "couple"} onChange={() => setKind("couple")} /> My partner and me (two seats)
        </label>
      </fieldset>
      {fields.map((f, i) =>
        i === 0 && self ? (
          // Signed in: the portal's client signs up as themselves (the server uses their record, not what is typed).
          <p key={f.id} className="rounded-md bg-surface p-3 text-sm">
            <span className="font-medium">You:</span> {self.firstName} {self.lastName} · {self.email} · signed in
          </p>
        ) : (
          <fieldset key={f.id} className="space-y-3">
            <legend className="text-sm font-medium">{i === 0 ? "Your details" : "Your partner's details"}</legend>
            <Field label="First name" required error={errors.attendees?.[i]?.firstName?.message}>
              {(ids) => <Input {...ids} autoComplete={i === 0 ? "given-name" : "off"} {...form.register(`attendees.${i}.firstName`)} />}
            </Field>
            <Field label="Last name" required error={errors.attendees?.[i]?.lastName?.message}>
              {(ids) => <Input {...ids} autoComplete={i === 0 ? "family-name" : "off"} {...form.register(`attendees.${i}.lastName`)} />}
            </Field>
            <Field label="Email" required hint={i === 1 ? "Your partner gets their own confirmation." : undefined} error={errors.attendees?.[i]?.email?.message}>
              {(ids) => <Input {...ids} type="email" autoComplete={i === 0 ? "email" : "off"} {...form.register(`attendees.${i}.email`)} />}
            </Field>
          </fieldset>
        ),
      )}
      <FormError message={errors.attendees?.message ?? errors.attendees?.root?.message} />
      {credit ? (
        <div className="space-y-1 rounded-md bg-surface p-3">
          {credit.required ? (
            <p>
              Paid with {seats === 2 ? "two credits" : "one credit"} from your {credit.packageName} package. You have {credit.left} left.
            </p>
          ) : (
            <label className="flex min-h-11 items-start gap-2">
              <input type="checkbox" {...form.register("useCredit")} aria-invalid={errors.useCredit ? true : undefined} />
              <span>
                Use {seats === 2 ? "two credits" : "one credit"} from my {credit.packageName} package instead of paying ({credit.left} left)
              </span>
            </label>
          )}
          {seats > credit.left && (credit.required || useCredit) ? <p className="text-sm">Two seats need two credits, and you have one.</p> : null}
        </div>
      ) : null}
      <FormError message={errors.useCredit?.message} />
      <label className="flex min-h-11 items-start gap-2">
        <input type="checkbox" {...form.register("agreePolicy")} aria-invalid={errors.agreePolicy ? true : undefined} />
        <span>I agree to the cancellation policy above.</span>
      </label>
      <FormError message={errors.agreePolicy?.message} />
      <FormError message={errors.root?.message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {paid && !(credit && (credit.required || useCredit)) ? "Continue to payment" : "Sign up"}
      </Button>
    </form>
  );
}
