import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listPortalPlans } from "@/lib/plans/portal";

/** The portal home's plan entry: shown once a plan is published; says when one waits for this client's signature. */
export async function PortalPlanCard({ client }: { client: { id: string; practiceId: string } }) {
  const plans = await listPortalPlans(client);
  if (plans.length === 0) return null;
  const waiting = plans.filter((p) => !p.mySignedAt).length;
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Your plan</h2>
      <p className="mb-3">{waiting > 0 ? "Your treatment plan is ready for you to review and sign." : "Your treatment plan, as you signed it."}</p>
      <ButtonLink variant="secondary" size="sm" href={`/portal/${client.id}/plan`}>
        Your plan
      </ButtonLink>
    </Card>
  );
}
