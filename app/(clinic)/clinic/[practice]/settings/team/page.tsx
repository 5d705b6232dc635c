import type { Metadata } from "next";
import { InviteForm } from "@/components/team/invite-form";
import { MemberRowActions } from "@/components/team/member-row-actions";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { listTeam } from "@/lib/team/manage-team";
import { ROLE_LABELS } from "@/lib/team/team-schema";
import type { MemberRole } from "@/db/schema";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

const ALL_ROLES = Object.keys(ROLE_LABELS) as MemberRole[];

export default async function TeamPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const team = await listTeam(scope);
  const manages = can(scope.role, "team.manage");
  const isOwner = can(scope.role, "team.manage_owners");
  return (
    <>
      <PageHeader title="Team" description={scope.practice.name} />
      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 font-semibold">Members</h2>
          <ul className="divide-y divide-line" aria-label="Team members">
            {team.map((m) => {
              const editable = manages && m.userId !== scope.user.id && (isOwner || m.role !== "owner");
              return (
                <li key={m.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {m.displayName}
                      {m.credentials ? <span className="text-muted">, {m.credentials}</span> : null}
                    </p>
                    <p className="truncate text-sm text-muted">{m.email}</p>
                    <div className="mt-1 flex gap-2">
                      {m.joinedAt ? null : <Badge tone="warn">Invited</Badge>}
                      {!editable ? <Badge>{ROLE_LABELS[m.role]}</Badge> : null}
                    </div>
                  </div>
                  {editable ? (
                    <MemberRowActions
                      practiceSlug={slug}
                      memberId={m.id}
                      memberName={m.displayName}
                      role={m.role}
                      assignableRoles={isOwner ? ALL_ROLES : ALL_ROLES.filter((r) => r !== "owner")}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </Card>
        {manages ? (
          <Card>
            <h2 className="mb-3 font-semibold">Invite someone</h2>
            <InviteForm practiceSlug={slug} canInviteOwner={isOwner} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
