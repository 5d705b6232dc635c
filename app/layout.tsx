import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { TestPaymentsBanner } from "@/components/layout/test-payments-banner";
import "./globals.css";

// Inter from the @fontsource-variable/inter npm package: no download at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Tandem", template: "%s · Tandem" },
  description: "Practice management for clinicians who help parents find their way back to closeness.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP
  // nonce (proxy.ts). A page prerendered at build time would have none and
  // the browser would refuse to run it.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <TestPaymentsBanner />
        {children}
      </body>
    </html>
  );
}
