"use client";

import "./globals.css";

// The last boundary, for a failure in the root layout itself: it replaces the whole document,
// so it brings its own <html> and <body>. The message never carries the error's text.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">
        <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
          <h1 className="text-2xl font-semibold">This page could not be shown</h1>
          <p className="mt-2 text-muted">Something went wrong on our side. Try again in a moment.</p>
          {error.digest ? <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p> : null}
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand px-4 py-2 font-medium text-white">
              Try again
            </button>
            {/* A plain link, a full page load: the router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="inline-flex min-h-11 items-center rounded-md border border-line px-4 py-2 font-medium text-brand">
              Go to the home page
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
