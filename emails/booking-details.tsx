import { Button, Link, Section, Text } from "@react-email/components";
import { formatDateTime, formatDateTimeShort, formatTimeZoned } from "../lib/dates/format";
import { buttonStyle } from "./components/layout";

/**
 * Pieces the booking emails share (no default export, so React Email's
 * preview does not list it as a template).
 *
 * What a booking email may say: the practice, the clinician's display name,
 * the service's name, the date and time in the reader's zone (with the
 * clinic's noted when its clock differs), the format or
 * address, and the manage link. Never a service description, intake answer,
 * note or anything else clinical.
 */

export type BookingFormat = "in_person" | "online" | "phone";

export interface BookingEmailDetails {
  practiceName: string;
  clinicianName: string;
  serviceName: string;
  startsAt: Date;
  /** IANA zone the times are shown in: the recipient's (the zone they booked in), else the practice's (or the location's). */
  timeZone: string;
  /** The practice's (or the location's) zone: its time is noted beside the recipient's when the clocks differ. */
  clinicTimeZone?: string | null;
  /** The practice's locale (decision 0044): its clock and words; omitted: en-US. */
  locale?: string | null;
  format: BookingFormat;
  /** In person: the address, one line. */
  location?: string | null;
  /** An online session's join link (never in a cancellation). */
  videoUrl?: string | null;
  /** The first name to greet; omitted: no greeting by name. */
  recipientName?: string | null;
}

// The words come from lib/dates/format, the one home (decision 0039). Relative import: React Email's preview has no "@/".

/** "Monday 9 March 2026, 11:30 PM EST (8:30 PM PST at the clinic)"; the note only when the clinic's clock differs. */
export function formatWhen(date: Date, timeZone: string, clinicTimeZone?: string | null, locale?: string | null): string {
  return formatDateTime(date, { zone: timeZone, practiceZone: clinicTimeZone, locale });
}

/** "Mon 9 Mar, 10:00 AM EDT", for subjects: short, so the clinic's time is left to the body. */
export function formatWhenShort(date: Date, timeZone: string, locale?: string | null): string {
  return formatDateTimeShort(date, { zone: timeZone, locale });
}

/** "10:00 AM EDT", with the clinic's time when given and its clock differs. */
export function formatTime(date: Date, timeZone: string, clinicTimeZone?: string | null, locale?: string | null): string {
  return formatTimeZoned(date, { zone: timeZone, practiceZone: clinicTimeZone, locale });
}

/** Minor units to "$40.00": lib/money's rule for emails. Relative import: React Email's preview has no "@/". */
export { formatMoneyFull as formatMoney } from "../lib/money/format";

export function formatPlace(format: BookingFormat, location?: string | null): string {
  if (format === "online") return "Online (video)";
  if (format === "phone") return "Phone";
  return location ? `In person: ${location}` : "In person";
}

const labelStyle = { fontSize: 13, color: "#5c6468", margin: "0" } as const;
const valueStyle = { fontSize: 16, margin: "0 0 12px" } as const;

export function Greeting({ name }: { name?: string | null }) {
  return name ? <Text style={{ fontSize: 16 }}>Hi {name},</Text> : null;
}

export function DetailRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text style={labelStyle}>{label}</Text>
      <Text style={valueStyle}>{value}</Text>
    </>
  );
}

/** Practice, clinician, service, when and where. */
export function BookingDetails({ details, whenLabel = "When" }: { details: BookingEmailDetails; whenLabel?: string }) {
  return (
    <Section style={{ backgroundColor: "#f6f5f2", borderRadius: 6, padding: "16px 16px 4px", margin: "8px 0 16px" }}>
      <DetailRow label={whenLabel} value={formatWhen(details.startsAt, details.timeZone, details.clinicTimeZone, details.locale)} />
      <DetailRow label="With" value={`${details.clinicianName}, ${details.practiceName}`} />
      <DetailRow label="Service" value={details.serviceName} />
      <DetailRow label="Where" value={formatPlace(details.format, details.location)} />
      {details.format === "online" && details.videoUrl ? (
        <>
          <Text style={labelStyle}>Video link</Text>
          <Text style={valueStyle}>
            <Link href={details.videoUrl}>Join video session</Link>
            <br />
            <span style={{ fontSize: 13, color: "#5c6468", wordBreak: "break-all" }}>{details.videoUrl}</span>
          </Text>
        </>
      ) : null}
    </Section>
  );
}

/** The manage button and the note that goes with it. */
export function ManageLink({ url }: { url: string }) {
  return (
    <>
      <Button href={url} style={buttonStyle}>
        View or change your booking
      </Button>
      <Text style={{ fontSize: 14 }}>To reschedule or cancel, use your link. It needs no password; keep this email private.</Text>
      <Text style={{ fontSize: 13, color: "#5c6468" }}>
        Or paste this address into your browser: <Link href={url}>{url}</Link>
      </Text>
    </>
  );
}

export function bookingFooter(practiceName: string): string {
  return `You received this email because a session with ${practiceName} was booked for this address.`;
}
