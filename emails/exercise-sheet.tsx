import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a client a home-exercise sheet is in their portal. Only the practice's
 * name and a link: no exercise names, dosage or instructions (they are clinical).
 */
export interface ExerciseSheetEmailProps {
  practiceName: string;
  recipientName: string | null;
  portalUrl: string;
}

export default function ExerciseSheetEmail(props: ExerciseSheetEmailProps) {
  return (
    <EmailLayout preview={exerciseSheetSubject(props.practiceName)} footer={`Sent by ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>{props.practiceName} sent you a home-exercise sheet.</Text>
      <Text style={{ fontSize: 16 }}>Sign in to your portal to read it or download it.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.portalUrl} style={buttonStyle}>
          Open your portal
        </Button>
      </Section>
    </EmailLayout>
  );
}

ExerciseSheetEmail.PreviewProps = {
  practiceName: "Riverside Pelvic Health",
  recipientName: "Dana",
  portalUrl: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000/homework/sheets",
} satisfies ExerciseSheetEmailProps;

export function exerciseSheetSubject(practiceName: string): string {
  return `${practiceName} sent you a home-exercise sheet`;
}
