import Link from "next/link";

export function PublicHeader() {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand">
          Tandem
        </Link>
        <nav aria-label="Site">
          <Link href="/sign-in" className="rounded-md px-3 py-2 font-medium text-brand hover:bg-brand-soft">
            Sign in
          </Link>
        </nav>
      </div>
    </header>
  );
}
