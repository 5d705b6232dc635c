import Link from "next/link";

/**
 * What a workspace or portal page shows when it is not there (the error boundary's face is
 * area-error.tsx). One look for both areas, and the same heading as the site's own not-found, so a
 * record of another practice reads exactly like one that never existed.
 */
export function AreaNotFound({ homeHref, homeLabel, text }: { homeHref: string; homeLabel: string; text: string }) {
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">{text}</p>
      <Link href={homeHref} className="mt-6 inline-block font-medium text-brand underline">
        {homeLabel}
      </Link>
    </div>
  );
}
