import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a staff member that something happened in their practice (decision
 * 0037). It says what kind of thing and, for a booking, the service and
 * time; never who the client is, what they answered or any score: the rest
 * stays behind sign-in, where the button leads.
 */
export interface StaffNoticeEmailProps {
  practiceName: string;
  memberName: string;
  headline: string;
  lines: string[];
  url: string;
  settingsUrl: string;
}

export default function StaffNoticeEmail(props: StaffNoticeEmailProps) {
  return (
    <EmailLayout preview={props.headline} footer={`Sent by Tandem for ${props.practiceName}. Choose what you are emailed about in Settings → Notifications: ${props.settingsUrl}`}>
      <Text style={{ fontSize: 16 }}>Hi {props.memberName},</Text>
      <Text style={{ fontSize: 16 }}>
        {props.headline} at {props.practiceName}.
      </Text>
      {props.lines.map((line) => (
        <Text key={line} style={{ fontSize: 16 }}>
          {line}
        </Text>
      ))}
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.url} style={buttonStyle}>
          Open in Tandem
        </Button>
      </Section>
    </EmailLayout>
  );
}

StaffNoticeEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  memberName: "Maya Okafor",
  headline: "New booking",
  lines: ["Couples session, Tuesday 9 December 2026, 10:00 AM EST"],
  url: "http://localhost:3000/clinic/harbor-couples/schedule/00000000-0000-4000-8000-000000000000",
  settingsUrl: "http://localhost:3000/clinic/harbor-couples/settings/notifications",
} satisfies StaffNoticeEmailProps;
