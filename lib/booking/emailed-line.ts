/**
 * Who a move or a cancellation emails, in the words of the confirm dialog
 * (decision 0034): "Dana Okafor and Sam Lee are emailed an updated
 * invitation." The list is the attendees with an address, as
 * notifyAttendees sends; "You" for the reader on their own manage page.
 */
export function emailedLine(names: string[], what: string): string {
  if (names.length === 0) return "No one is emailed: no attendee has an email address.";
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${who} ${names.length === 1 && names[0] !== "You" ? "is" : "are"} emailed ${what}.`;
}
