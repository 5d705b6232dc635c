import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SIGN_IN_LINK_MINUTES } from "@/lib/auth/auth";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-2">
        If {email ? <strong>{email}</strong> : "that address"} has an account, a sign-in link is on its way. It works once,
        for {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <p className="mt-4 text-sm text-muted">
        Nothing arrived? Check spam, or <Link href="/sign-in" className="font-medium text-brand underline">ask for a new link</Link>.
      </p>
    </Card>
  );
}
