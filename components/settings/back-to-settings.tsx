import Link from "next/link";

/** The link above every settings sub-page, back to the practice's settings index. */
export function BackToSettings({ slug }: { slug: string }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={`/clinic/${slug}/settings`} className="text-brand underline underline-offset-2">
        Back to settings
      </Link>
    </p>
  );
}
