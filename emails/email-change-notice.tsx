import { Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";

export interface EmailChangeNoticeProps {
  practiceName: string;
  /** "requested": waits for the new address to confirm; "changed"/"removed": already done (no portal access). */
  kind: "requested" | "changed" | "removed";
  practiceContact: string | null;
}

const LINES: Record<EmailChangeNoticeProps["kind"], string> = {
  requested: "asked to move your client portal sign-in to a different email address. It moves only once the new address confirms it.",
  changed: "changed the email address on your client record to a different one.",
  removed: "removed this email address from your client record.",
};

/** To the old address, so a change nobody asked for does not go unseen. No clinical detail, not the new address. */
export default function EmailChangeNoticeEmail({ practiceName, kind, practiceContact }: EmailChangeNoticeProps) {
  return (
    <EmailLayout preview={`Your email address at ${practiceName}`} footer="You received this because this address was on your client record.">
      <Text style={{ fontSize: 16 }}>
        {practiceName} {LINES[kind]}
      </Text>
      <Text style={{ fontSize: 16 }}>
        If you did not ask for this, contact {practiceName}
        {practiceContact ? ` (${practiceContact})` : ""} straight away.
      </Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  kind: "requested",
  practiceContact: "hello@harbor.example",
} satisfies EmailChangeNoticeProps;

export function emailChangeNoticeSubject(practiceName: string) {
  return `Your email address at ${practiceName}`;
}
