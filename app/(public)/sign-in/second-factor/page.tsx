import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SecondFactorChallenge } from "@/components/two-factor/second-factor-challenge";
import { Card } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/second-factor-guard";
import { requireStaffSession } from "@/lib/auth/staff-session";
import { factorSummary } from "@/lib/two-factor/manage-factors";
import { secondFactorGate } from "@/lib/two-factor/session-factor";

export const metadata: Metadata = { title: "Two-step sign-in" };
export const dynamic = "force-dynamic";

/** The second step after the magic link, for staff who have a second factor. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(next);
  const { user, session } = await requireStaffSession();
  if ((await secondFactorGate(session, false)) === "pass") redirect(target);
  const factors = await factorSummary(user.id);
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Two-step sign-in</h1>
      <p className="mt-2 text-muted">
        Signed in as <strong className="text-ink">{user.email}</strong>.{" "}
        {factors.totp ? "Enter the code from your authenticator app to continue." : "Use your passkey to continue."}
      </p>
      <div className="mt-4">
        <SecondFactorChallenge next={target} hasTotp={Boolean(factors.totp)} hasPasskey={factors.passkeys.length > 0} />
      </div>
      <p className="mt-6 text-sm text-muted">Lost your phone or passkey and your recovery codes? An owner of your practice can reset your two-step sign-in.</p>
      <div className="mt-2">
        <SignOutButton />
      </div>
    </Card>
  );
}
