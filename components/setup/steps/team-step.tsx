import Link from "next/link";
import { InviteForm } from "@/components/team/invite-form";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { ROLE_LABELS, can } from "@/lib/auth/roles";
import type { SetupChecklistStep } from "@/lib/setup/checklist";
import { listTeam } from "@/lib/team/manage-team";
import { DecisionButtons } from "../step-frame";

/** Who is on the team, the team page's own invitation form, or "just me". */
export async function TeamStep({ scope, step }: { scope: PracticeScope; step: SetupChecklistStep }) {
  const slug = scope.practice.slug;
  const team = await listTeam(scope);
  return (
    <div className="space-y-6">
      <ul className="divide-y divide-line" aria-label="Team members">
        {team.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="min-w-0">
              <span className="font-medium">{m.displayName}</span>
              <span className="block truncate text-sm text-muted">{m.email}</span>
            </span>
            <span className="flex gap-2">
              {m.joinedAt ? null : <Badge tone="warn">Invited</Badge>}
              <Badge>{ROLE_LABELS[m.role]}</Badge>
            </span>
          </li>
        ))}
      </ul>
      {can(scope.role, "team.manage") ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="mb-2 font-semibold">
            Invite someone
          </h2>
          <InviteForm practiceSlug={slug} canInviteOwner={can(scope.role, "team.manage_owners")} />
        </section>
      ) : null}
      {team.length <= 1 ? (
        <div className="space-y-2 border-t border-line pt-4">
          <p className="text-sm text-muted">Working alone? You can invite people any time from the team page.</p>
          <DecisionButtons slug={slug} step={step} choices={step.decisions} />
        </div>
      ) : (
        <p className="text-sm">
          <Link href={`/clinic/${slug}/settings/team`} className="text-brand underline underline-offset-2">
            Roles and removals on the team page
          </Link>
        </p>
      )}
    </div>
  );
}
