import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { requireMember } from "@/lib/auth/guards";
import { listClients } from "@/lib/clients/list-clients";

export const metadata: Metadata = { title: "Clients" };
export const dynamic = "force-dynamic";

export default async function ClientsPage({
  params,
  searchParams,
}: {
  params: Promise<{ practice: string }>;
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "clients.view");
  const { q = "", page: pageParam } = await searchParams;
  const page = Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1);
  const { rows, hasMore } = await listClients(scope, { q, page });
  const base = `/clinic/${slug}/clients`;
  const pageHref = (n: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;

  return (
    <>
      <PageHeader title="Clients" actions={
          <>
            <ButtonLink href={`${base}/import`} variant="secondary">
              Import from CSV
            </ButtonLink>
            <ButtonLink href={`${base}/new`}>New client</ButtonLink>
          </>
        } />
      <form role="search" method="get" className="mb-4 flex gap-2">
        <label htmlFor="client-search" className="sr-only">
          Search clients by name or email
        </label>
        <Input id="client-search" name="q" type="search" defaultValue={q} placeholder="Search by name or email" className="max-w-md" />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={q ? "No clients match your search" : "No clients yet"}>
          {q ? "Try part of a name or an email address." : "Add your first client to get started."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label="Client list">
          {rows.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`${base}/${c.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                  {c.lastName}, {c.firstName}
                  {c.preferredName ? ` (${c.preferredName})` : ""}
                </Link>
                <p className="truncate text-sm text-muted">{c.email ?? "No email"}</p>
              </div>
              <div className="flex flex-wrap gap-2 text-sm">
                {c.partner ? (
                  <Badge tone="brand">
                    Couple with {c.partner.firstName} {c.partner.lastName}
                  </Badge>
                ) : null}
                {c.hasPortal ? <Badge tone="ok">Portal</Badge> : null}
                {c.unverified ? <Badge tone="warn">Unverified email</Badge> : null}
                {c.status === "archived" ? <Badge>Archived</Badge> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Pages" className="mt-4 flex gap-2">
          {page > 1 ? (
            <Link className={buttonClass("secondary", "sm")} href={pageHref(page - 1)}>
              Previous
            </Link>
          ) : null}
          {hasMore ? (
            <Link className={buttonClass("secondary", "sm")} href={pageHref(page + 1)}>
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
