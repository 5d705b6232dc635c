import Link from "next/link";
import type { PracticeBrand } from "@/lib/brand/load-brand";

export interface HeaderAccount {
  /** The signed-in person's name (or address). */
  name: string;
  /** Their portal or workspace, and what to call it. */
  href: string;
  label: string;
}

/**
 * The public pages' header. On a practice's pages (its booking page, a
 * sign-in on the way to it) it carries the practice's logo and name, not the
 * product's; signed in, it says who and links to their portal instead of
 * offering "Sign in".
 */
export function PublicHeader({ brand, account, signInHref = "/sign-in" }: { brand?: PracticeBrand | null; account?: HeaderAccount | null; signInHref?: string }) {
  return (
    <header className="border-b-4 border-b-brand bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        {brand ? <BrandMark brand={brand} href={`/book/${brand.slug}`} /> : (
          <Link href="/" className="text-lg font-bold text-brand">
            Tandem
          </Link>
        )}
        <nav aria-label="Account" className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {account ? (
            <>
              <span className="text-sm text-muted">
                Signed in as <strong className="font-semibold text-ink">{account.name}</strong>
              </span>
              <Link href={account.href} className="rounded-md px-3 py-2 font-medium text-brand underline-offset-2 hover:underline">
                {account.label}
              </Link>
            </>
          ) : (
            <Link href={signInHref} className="rounded-md px-3 py-2 font-medium text-brand hover:bg-brand-soft">
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}

/** The practice's logo and name, linking to its booking page (or `href`). */
export function BrandMark({ brand, href }: { brand: PracticeBrand; href: string }) {
  return (
    <Link href={href} className="flex min-w-0 items-center gap-3 text-lg font-bold text-brand">
      {brand.logoPath ? (
        // A plain img: the logo route already answers with long-lived caching; next/image would re-encode it.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={brand.logoPath} alt="" className="h-10 w-auto max-w-32 object-contain" />
      ) : null}
      <span className="min-w-0 break-words" data-testid="practice-brand-name">{brand.name}</span>
    </Link>
  );
}

/** The product's name, small, at the foot of a practice's pages. */
export function PoweredByFooter() {
  return (
    <footer className="mx-auto max-w-5xl px-4 pb-6 text-xs text-muted">
      Scheduling and client portal by{" "}
      <Link href="/" className="underline underline-offset-2">
        Tandem
      </Link>
    </footer>
  );
}
