/**
 * The notice of the right to a Good Faith Estimate (No Surprises Act, US
 * practices only; decision 0053), in our own words. Shown on the public
 * booking page and in the portal. Server or client: no hooks.
 */
export function GfeNotice({ practiceName, requestHref }: { practiceName: string; requestHref?: string }) {
  return (
    <section aria-labelledby="gfe-notice-title" className="rounded-lg border border-line bg-canvas p-4 text-sm">
      <h2 id="gfe-notice-title" className="font-semibold">
        Your right to a Good Faith Estimate
      </h2>
      <p className="mt-1">
        If you are not using insurance for your sessions, or have none, federal law lets you ask {practiceName} for a written estimate of what your care is
        expected to cost, before you receive it. You get one automatically when you book as a self-pay client, and you can ask for one at any time.
      </p>
      <p className="mt-1">
        If your bill turns out to be $400 or more above your estimate, you can dispute it. Keep a copy of your estimate. To learn more, visit{" "}
        <a className="underline" href="https://www.cms.gov/nosurprises" rel="noreferrer" target="_blank">
          www.cms.gov/nosurprises
        </a>{" "}
        or call 1-800-985-3059.
      </p>
      {requestHref ? (
        <p className="mt-2">
          <a className="font-medium underline" href={requestHref}>
            Ask for an estimate
          </a>
        </p>
      ) : null}
    </section>
  );
}
