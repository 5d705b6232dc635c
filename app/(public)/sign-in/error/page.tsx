import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or has already been used. Links work once, for 10 minutes.",
  AccessDenied: "This email address does not have access to Tandem. Ask your practice to invite you.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">We couldn&apos;t sign you in</h1>
      <p className="mt-2">{(error && MESSAGES[error]) ?? "Something went wrong with that sign-in link."}</p>
      <ButtonLink href="/sign-in" className="mt-4">
        Get a new link
      </ButtonLink>
    </Card>
  );
}
