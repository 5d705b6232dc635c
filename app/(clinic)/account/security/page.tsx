import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PasskeyManager } from "@/components/two-factor/passkey-manager";
import { RecoveryCodesPanel } from "@/components/two-factor/recovery-codes-panel";
import { TotpSetup } from "@/components/two-factor/totp-setup";
import { Card, PageHeader } from "@/components/ui/card";
import { listMemberships } from "@/lib/auth/guards";
import { SECOND_FACTOR_PATH, SECURITY_PATH } from "@/lib/auth/second-factor-guard";
import { formatDateMedium } from "@/lib/dates";
import { requireStaffSession } from "@/lib/auth/staff-session";
import { factorSummary, pendingTotpEnrolment } from "@/lib/two-factor/manage-factors";
import { mayManageFactors } from "@/lib/two-factor/session-factor";

export const metadata: Metadata = { title: "Sign-in security" };
export const dynamic = "force-dynamic";

// A sign-in spans practices: no one practice's zone or locale applies, so UTC in the default locale.
const day = { format: (d: Date) => formatDateMedium(d, "UTC") };

/** A member's own second factors: set up, see, remove, new recovery codes. */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { required } = await searchParams;
  const { user, session } = await requireStaffSession();
  if (!(await mayManageFactors(session))) redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(SECURITY_PATH)}`);
  const [factors, pending, memberships] = await Promise.all([factorSummary(user.id), pendingTotpEnrolment(session), listMemberships(user.id)]);
  const enrolled = Boolean(factors.totp) || factors.passkeys.length > 0;
  const requiring = required ? memberships.find((m) => m.slug === required) : undefined;
  return (
    <>
      <PageHeader title="Sign-in security" description={user.email} />
      <div className="space-y-4">
        {requiring && !enrolled ? (
          <p role="status" className="rounded-md border border-warn/40 bg-warn-soft px-3 py-2">
            {requiring.name} requires two-step sign-in. Set up an authenticator app or a passkey to open its workspace.
          </p>
        ) : null}
        {requiring && enrolled ? (
          <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-ok">
            Two-step sign-in is on.{" "}
            <Link href={`/clinic/${requiring.slug}`} className="font-medium underline">
              Continue to {requiring.name}
            </Link>
          </p>
        ) : null}
        <Card>
          <h2 className="mb-1 font-semibold">Authenticator app</h2>
          <p className="mb-3 text-sm text-muted">After the emailed link, you enter a 6-digit code from your phone.</p>
          <TotpSetup
            enrolledSince={factors.totp ? day.format(factors.totp.confirmedAt) : null}
            pending={pending ? { secret: pending.secret, secretForDisplay: pending.secretForDisplay, qrSvg: pending.qrSvg } : null}
          />
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">Passkeys</h2>
          <p className="mb-3 text-sm text-muted">After the emailed link, you confirm with your fingerprint, face or device PIN.</p>
          <PasskeyManager
            canAdd
            passkeys={factors.passkeys.map((p) => ({
              id: p.id,
              name: p.name,
              addedOn: day.format(p.createdAt),
              lastUsedOn: p.lastUsedAt ? day.format(p.lastUsedAt) : null,
            }))}
          />
        </Card>
        {enrolled ? (
          <Card>
            <h2 className="mb-1 font-semibold">Recovery codes</h2>
            <p className="mb-3 text-sm text-muted">For when you do not have your phone or passkey. Each code works once.</p>
            <RecoveryCodesPanel left={factors.recoveryCodesLeft} />
          </Card>
        ) : null}
        {memberships.length ? (
          <p>
            <Link href={memberships.length === 1 ? `/clinic/${memberships[0]!.slug}` : "/clinic"} className="font-medium text-brand underline">
              Back to the workspace
            </Link>
          </p>
        ) : null}
      </div>
    </>
  );
}
