/**
 * The demo sign-in accounts: every person the demo seed (`db/seed/`, data in `db/seed/data/`)
 * creates, for one-click sign-in on the development sign-in page.
 * Pure data, safe to import anywhere (no database code). All names,
 * practices and addresses are fictional.
 */

import type { MemberRole } from "@/db/schema";

/** A member role (lib/auth/roles) or a portal client. */
export type DemoAccountKind = MemberRole | "client";

export interface DemoAccount {
  /** Lower-case, as stored in `users.email`. */
  readonly email: string;
  readonly name: string;
  readonly practiceSlug: string;
  /** The member role in the practice, or "client" for a portal client. */
  readonly kind: DemoAccountKind;
  /** A short description for the sign-in button. */
  readonly label: string;
}

/** Every demo address ends with this domain (reserved `.test` TLD: never delivered). */
export const DEMO_EMAIL_DOMAIN = "demo.tandem.test";

export const DEMO_PRACTICE_SLUGS = {
  couplesTherapy: "harbor-couples",
  coaching: "kindling-coaching",
  pelvicPt: "meadowbrook-pelvic-health",
} as const;

const HARBOR = DEMO_PRACTICE_SLUGS.couplesTherapy;
const KINDLING = DEMO_PRACTICE_SLUGS.coaching;
const MEADOWBROOK = DEMO_PRACTICE_SLUGS.pelvicPt;

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // Harbor Couples Therapy: EFT couples therapy, Los Angeles.
  { email: "therapist@harbor.demo.tandem.test", name: "Maya Lindqvist", practiceSlug: HARBOR, kind: "owner", label: "Couples therapist (LMFT), owner" },
  { email: "daniel.okafor@harbor.demo.tandem.test", name: "Daniel Okafor", practiceSlug: HARBOR, kind: "client", label: "Client, couple with Priya Okafor" },
  { email: "priya.okafor@harbor.demo.tandem.test", name: "Priya Okafor", practiceSlug: HARBOR, kind: "client", label: "Client, couple with Daniel Okafor" },
  { email: "alex.chen@harbor.demo.tandem.test", name: "Alex Chen", practiceSlug: HARBOR, kind: "client", label: "Client, couple with Jamie Rivera" },
  { email: "jamie.rivera@harbor.demo.tandem.test", name: "Jamie Rivera", practiceSlug: HARBOR, kind: "client", label: "Client, couple with Alex Chen" },
  { email: "hannah.brooks@harbor.demo.tandem.test", name: "Hannah Brooks", practiceSlug: HARBOR, kind: "client", label: "Client, individual sessions" },

  // Kindling Coaching: intimacy and parenting coaching, online only, London.
  { email: "coach@kindling.demo.tandem.test", name: "Eleanor Whitcombe", practiceSlug: KINDLING, kind: "owner", label: "Intimacy & parenting coach, owner" },
  { email: "tom.hargreaves@kindling.demo.tandem.test", name: "Tom Hargreaves", practiceSlug: KINDLING, kind: "client", label: "Client, couple with Amira Hargreaves" },
  { email: "amira.hargreaves@kindling.demo.tandem.test", name: "Amira Hargreaves", practiceSlug: KINDLING, kind: "client", label: "Client, couple with Tom Hargreaves" },
  { email: "sophie.ashworth@kindling.demo.tandem.test", name: "Sophie Ashworth", practiceSlug: KINDLING, kind: "client", label: "Client, individual coaching" },

  // Meadowbrook Pelvic Health: pelvic physical therapy, Chicago, two locations.
  { email: "owner@meadowbrook.demo.tandem.test", name: "Laura Benedetti", practiceSlug: MEADOWBROOK, kind: "owner", label: "Physical therapist (PT, DPT), owner" },
  { email: "pt@meadowbrook.demo.tandem.test", name: "Keisha Warren", practiceSlug: MEADOWBROOK, kind: "clinician", label: "Physical therapist (PT, DPT)" },
  { email: "pt2@meadowbrook.demo.tandem.test", name: "Megan Sorensen", practiceSlug: MEADOWBROOK, kind: "clinician", label: "Physical therapist (PT, DPT)" },
  { email: "admin@meadowbrook.demo.tandem.test", name: "Nate Kowalski", practiceSlug: MEADOWBROOK, kind: "admin", label: "Practice manager, admin" },
  { email: "frontdesk@meadowbrook.demo.tandem.test", name: "Rosa Delgado", practiceSlug: MEADOWBROOK, kind: "front_desk", label: "Front desk" },
  { email: "emily.carter@meadowbrook.demo.tandem.test", name: "Emily Carter", practiceSlug: MEADOWBROOK, kind: "client", label: "Client, postpartum" },
  { email: "aisha.rahman@meadowbrook.demo.tandem.test", name: "Aisha Rahman", practiceSlug: MEADOWBROOK, kind: "client", label: "Client, postpartum" },
  { email: "lauren.fitzgerald@meadowbrook.demo.tandem.test", name: "Lauren Fitzgerald", practiceSlug: MEADOWBROOK, kind: "client", label: "Client, postpartum" },
  { email: "mei.tanaka@meadowbrook.demo.tandem.test", name: "Mei Tanaka", practiceSlug: MEADOWBROOK, kind: "client", label: "Client, postpartum" },
  { email: "brianna.jackson@meadowbrook.demo.tandem.test", name: "Brianna Jackson", practiceSlug: MEADOWBROOK, kind: "client", label: "Client, postpartum" },
];

/** The demo account for an email address, if it is one. */
export function findDemoAccount(email: string): DemoAccount | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_ACCOUNTS.find((a) => a.email === wanted);
}
