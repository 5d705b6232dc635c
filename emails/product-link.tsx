import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * The download link for a workbook bought or gifted (decision 0056). Never the
 * product's title: a title such as "Desire after birth" says something
 * personal about whoever receives it, and email is not private.
 */
export interface ProductLinkEmailProps {
  practiceName: string;
  recipientName: string | null;
  downloadUrl: string;
  /** "14 days" and 5 downloads: what the link allows. */
  days: number;
  uses: number;
  gift: boolean;
}

export function productLinkSubject(practiceName: string, gift: boolean): string {
  return gift ? `${practiceName} sent you a download` : `Your download from ${practiceName}`;
}

export default function ProductLinkEmail(props: ProductLinkEmailProps) {
  const subject = productLinkSubject(props.practiceName, props.gift);
  return (
    <EmailLayout preview={subject} footer={`Sent by ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>
        {props.gift ? `${props.practiceName} has given you a file to download.` : `Thank you for your purchase from ${props.practiceName}. Your file is ready to download.`}
      </Text>
      <Text style={{ fontSize: 14 }}>
        The link works for {props.days} days and for {props.uses} downloads. Keep this email private: anyone with the link can use it.
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.downloadUrl} style={buttonStyle}>
          Download your file
        </Button>
      </Section>
    </EmailLayout>
  );
}

ProductLinkEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Priya",
  downloadUrl: "http://localhost:3000/products/download/00000000-0000-4000-8000-000000000000.x",
  days: 14,
  uses: 5,
  gift: false,
} satisfies ProductLinkEmailProps;
