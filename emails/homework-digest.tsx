import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * The weekly list of clients whose homework raised a flag. Names and the
 * link only: what the flag is (pain, closeness) stays behind sign-in.
 */
export interface HomeworkDigestEmailProps {
  practiceName: string;
  clinicianName: string;
  clients: { name: string; url: string }[];
}

export default function HomeworkDigestEmail(props: HomeworkDigestEmailProps) {
  return (
    <EmailLayout preview={`${props.clients.length} client(s) to look at this week`} footer={`Weekly homework digest for ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>Hi {props.clinicianName},</Text>
      <Text style={{ fontSize: 16 }}>
        {props.clients.length === 1 ? "One client's homework needs a look" : `${props.clients.length} clients' homework needs a look`} this week.
        Sign in to see why.
      </Text>
      <Section>
        {props.clients.map((c) => (
          <Text key={c.url} style={{ fontSize: 16, margin: "4px 0" }}>
            • <a href={c.url}>{c.name}</a>
          </Text>
        ))}
      </Section>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.clients[0]?.url ?? "#"} style={buttonStyle}>
          Open the first
        </Button>
      </Section>
    </EmailLayout>
  );
}

HomeworkDigestEmail.PreviewProps = {
  practiceName: "Meadowbrook Pelvic Health",
  clinicianName: "Rosa Delgado",
  clients: [{ name: "Emily Carter", url: "http://localhost:3000/clinic/meadowbrook-pelvic-health/homework/clients/00000000-0000-4000-8000-000000000000" }],
} satisfies HomeworkDigestEmailProps;
