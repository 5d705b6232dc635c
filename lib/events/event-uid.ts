/**
 * The calendar UID of one date of a group event: the same in each attendee's
 * .ics and in the hosts' feeds, so a calendar holding both keeps one entry.
 */
export function eventDateUid(sessionId: string): string {
  return `${sessionId}@tandem-event`;
}
