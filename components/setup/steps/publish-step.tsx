import Link from "next/link";
import { publishAction, unpublishAction } from "@/app/(clinic)/clinic/[practice]/setup/actions";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import type { SetupChecklist } from "@/lib/setup/checklist";
import { bookingPageUrl } from "@/lib/setup/booking-link";
import { CopyLink } from "../copy-link";

/** Publish (or close again) the public booking page, with its link to copy. */
export function PublishStep({ scope, checklist }: { scope: PracticeScope; checklist: SetupChecklist }) {
  const slug = scope.practice.slug;
  const url = bookingPageUrl(slug);
  const published = checklist.publishedAt !== null;
  const noService = checklist.steps.find((s) => s.id === "service")?.status !== "done";
  return (
    <div className="space-y-4">
      {published ? (
        <>
          <p>
            <Badge tone="ok">Published</Badge> Clients can book on your page. Share the link on your website, in your email signature or with a new client.
          </p>
          <CopyLink url={url} label="Your booking page" />
          <p className="text-sm">
            <Link href={`/book/${slug}`} className="text-brand underline underline-offset-2">
              Open your booking page
            </Link>
          </p>
          <form action={unpublishAction.bind(null, slug)} className="border-t border-line pt-4">
            <p className="mb-2 text-sm text-muted">Unpublishing closes the page to new bookings; sessions already booked and their links stay.</p>
            <button type="submit" className={buttonClass("secondary")}>
              Unpublish the booking page
            </button>
          </form>
        </>
      ) : (
        <>
          <p>
            <Badge>Not published</Badge> Until you publish, your booking page answers &ldquo;not found&rdquo; and nobody can book online.
          </p>
          {noService ? (
            <p className="rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
              You have no bookable service yet: the page will say online booking is not open.{" "}
              <Link href={`/clinic/${slug}/setup/service`} className="underline">
                Add a first service
              </Link>
              .
            </p>
          ) : null}
          <form action={publishAction.bind(null, slug)}>
            <button type="submit" className={buttonClass("primary")}>
              Publish the booking page
            </button>
          </form>
        </>
      )}
    </div>
  );
}
