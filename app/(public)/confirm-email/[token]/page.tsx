import type { Metadata } from "next";
import { ConfirmEmailPanel } from "@/components/booking/confirm-email-panel";
import { Card } from "@/components/ui/card";
import { previewProof, type ProofFailure } from "@/lib/clients/prove-address";

export const metadata: Metadata = { title: "Confirm it's you", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const FAILURES: Record<ProofFailure, { title: string; body: string }> = {
  invalid: { title: "This link is not valid", body: "Use the link from your most recent booking email, or contact the practice." },
  expired: { title: "This link has expired", body: "Your booking still stands. Contact the practice to link it to your record." },
  used: { title: "Already confirmed", body: "This link was already used. If you have portal access, sign in to see your sessions." },
};

/**
 * The "confirm it's you" link from a booking confirmation. Opening it
 * changes nothing (mail scanners open links); the button does.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await previewProof(token, new Date());
  if (!preview.ok) {
    const f = FAILURES[preview.code];
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold">{f.title}</h1>
        <p className="mt-2">{f.body}</p>
      </Card>
    );
  }
  return <ConfirmEmailPanel token={token} firstName={preview.firstName} email={preview.email} practiceName={preview.practiceName} />;
}
