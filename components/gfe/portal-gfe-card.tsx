import Link from "next/link";
import { Card } from "@/components/ui/card";
import { isUsPractice } from "@/lib/gfe/us";

/** The portal home's card: the right to a Good Faith Estimate and the way to them (US practices only). */
export function PortalGfeCard({ clientId, practice }: { clientId: string; practice: { country: string } }) {
  if (!isUsPractice(practice)) return null;
  return (
    <Card>
      <h2 className="font-semibold">Good Faith Estimates</h2>
      <p className="mt-1 text-sm">If you pay for your sessions yourself, you have the right to a written estimate of what they will cost.</p>
      <p className="mt-2">
        <Link href={`/portal/${clientId}/estimates`} className="text-brand underline underline-offset-2">
          Your estimates, or ask for one
        </Link>
      </p>
    </Card>
  );
}
