import Link from "next/link";

/** The header's bell: a link to the notices, its name saying the count (a screen reader hears "Notifications, 3 unread"). */
export function NotificationBell({ slug, unread }: { slug: string; unread: number }) {
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread";
  return (
    <Link
      href={`/clinic/${slug}/notifications`}
      aria-label={label}
      className="relative inline-flex h-11 w-11 items-center justify-center rounded-md text-ink hover:bg-canvas focus-visible:outline-2"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" data-testid="bell-count" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-brand-strong px-1 text-center text-xs font-bold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
