import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, isNull } from "drizzle-orm";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "@/db/client";
import { accounts, members, sessions, users, verificationTokens } from "@/db/schema";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { sendEmail } from "@/lib/email/send-email";
import { authSecret } from "./secret";
import { SESSION_POLICY } from "./session-policy";

export const SIGN_IN_LINK_MINUTES = 10;

/**
 * The emailed link opens /sign-in/verify, a page with a "Sign in" button,
 * instead of Auth.js's callback: mail scanners that open links then cannot
 * use up the one-time token.
 */
export function confirmationUrl(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  const confirm = new URL("/sign-in/verify", url.origin);
  confirm.search = url.search;
  return confirm.toString();
}

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, token }) {
    const key = `sign-in:${createHash("sha256").update(token).digest("hex")}`;
    const result = await sendEmail({
      key,
      to: identifier,
      subject: signInSubject,
      template: "sign-in",
      element: SignInEmail({ url: confirmationUrl(url), minutes: SIGN_IN_LINK_MINUTES }),
    });
    if (result.status === "failed") throw new Error("sign-in email could not be sent");
  },
};

export const { handlers, signIn, signOut } = NextAuth({
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  providers: [emailProvider],
  secret: authSecret(),
  trustHost: true,
  // The longest any session may live; lib/auth/current-user.ts applies the
  // tighter per-kind idle and absolute limits on every request.
  session: { strategy: "database", maxAge: SESSION_POLICY.client.absoluteMs / 1000, updateAge: 0 },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
  callbacks: {
    // Always a path on the host the browser is already using: behind a proxy
    // Auth.js's idea of the origin can differ from the browser's, and a
    // path-only redirect also rules out open redirects.
    redirect({ url }) {
      if (url.startsWith("/") && !url.startsWith("//")) return url;
      const target = new URL(url);
      return `${target.pathname}${target.search}`;
    },
    // Only people the system already knows (staff invited, clients given
    // portal access) may sign in; an unknown address never gets an account.
    async signIn({ user }) {
      if (!user.email) return false;
      const [known] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email.toLowerCase()));
      return Boolean(known);
    },
  },
  events: {
    async signIn({ user }) {
      if (!user.id) return;
      // The first sign-in accepts any pending invitations.
      await db
        .update(members)
        .set({ joinedAt: new Date() })
        .where(and(eq(members.userId, user.id), isNull(members.joinedAt)));
    },
  },
});
