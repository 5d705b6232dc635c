import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/team/invite-form";
import { MemberRowActions } from "@/components/team/member-row-actions";
import { RequireTwoFactorForm } from "@/components/two-factor/require-two-factor-form";
import { ResetMemberFactor } from "@/components/two-factor/reset-member-factor";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { ROLES, ROLE_LABELS, can } from "@/lib/auth/roles";
import { listTeam } from "@/lib/team/manage-team";
import { membersWithSecondFactor } from "@/lib/two-factor/reset-member";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

export default async function TeamPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const [team, withFactor] = await Promise.all([listTeam(scope), membersWithSecondFactor(scope.practice.id)]);
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
                      {withFactor.has(m.id) ? <Badge tone="ok">Two-step on</Badge> : null}
                    </div>
                  </div>
                  <div className="flex flex-col gap-2 sm:items-end">
                    {editable ? (
                      <MemberRowActions
                        practiceSlug={slug}
                        memberId={m.id}
                        memberName={m.displayName}
                        role={m.role}
                        assignableRoles={isOwner ? [...ROLES] : ROLES.filter((r) => r !== "owner")}
                      />
                    ) : null}
                    {isOwner && m.userId !== scope.user.id && withFactor.has(m.id) ? (
                      <ResetMemberFactor practiceSlug={slug} memberId={m.id} memberName={m.displayName} />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-1 font-semibold">Two-step sign-in</h2>
          {isOwner ? (
            <RequireTwoFactorForm practiceSlug={slug} required={scope.practice.requireTwoFactor} />
          ) : (
            <p className="text-muted">
              {scope.practice.requireTwoFactor ? "This practice requires two-step sign-in for everyone." : "Two-step sign-in is up to each member."}
            </p>
          )}
          <p className="mt-3 text-sm">
            <Link href="/account/security" className="font-medium text-brand underline">
              Your own sign-in security
            </Link>
          </p>
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
