import type { Metadata } from "next";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Confirm sign-in" };

/**
 * The emailed link lands here, not on Auth.js's callback: opening the link
 * does nothing until a person presses the button, so mail scanners that
 * prefetch links cannot use up the one-time token.
 */
export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token, email, callbackUrl } = await searchParams;
  if (!token || !email) {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">This link is incomplete</h1>
        <p className="mt-2">Copy the whole link from the email, or ask for a new one on the sign-in page.</p>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Confirm sign-in</h1>
      <p className="mt-2">
        Continue as <strong>{email}</strong>?
      </p>
      <form method="get" action="/api/auth/callback/email" className="mt-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <button type="submit" className="min-h-11 w-full rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-strong">
          Sign in
        </button>
      </form>
    </Card>
  );
}
