"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { proveAddressAction } from "@/app/(public)/confirm-email/[token]/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ProveResult } from "@/lib/clients/prove-address";

export function ConfirmEmailPanel({ token, firstName, email, practiceName }: { token: string; firstName: string; email: string; practiceName: string }) {
  const [result, setResult] = useState<ProveResult | null>(null);
  const [pending, startTransition] = useTransition();

  if (result?.ok) {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">Thank you, it&apos;s confirmed</h1>
        <p className="mt-2">Your session is now on your record with {result.practiceName}.</p>
        {result.waitingForPartner ? <p className="mt-2">Your partner confirms their own address with the link in their email.</p> : null}
        {result.coupleLinked ? <p className="mt-2">You are both confirmed, so the session is booked for you as a couple.</p> : null}
        {result.portal ? (
          <p className="mt-4">
            <Link href="/sign-in" className="font-medium text-brand underline underline-offset-2">
              Sign in to your portal
            </Link>{" "}
            with {email} to see your sessions and forms.
          </p>
        ) : null}
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Confirm it&apos;s you</h1>
      <p className="mt-2">
        {firstName}, a session with {practiceName} was booked for <strong className="break-words">{email}</strong>. Confirm this is your address to add the session to your record.
      </p>
      {result && !result.ok ? (
        <p role="alert" className="mt-3 font-medium text-danger">
          {result.code === "used" ? "This link was already used." : result.code === "expired" ? "This link has expired. Please contact the practice." : "This link is not valid."}
        </p>
      ) : null}
      <Button className="mt-4 w-full" disabled={pending} onClick={() => startTransition(async () => setResult(await proveAddressAction(token)))}>
        {pending ? "Confirming…" : "Confirm it's me"}
      </Button>
      <p className="mt-3 text-sm text-muted">If you did not book this session, close this page and cancel it with the link in the email.</p>
    </Card>
  );
}
