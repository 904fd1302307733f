/**
 * iCalendar (RFC 5545) text for all-day events: milestones and sprints. Pure: the caller gives
 * every event with its own stable UID and DTSTAMP, so the same data always gives the same bytes
 * and calendar clients update events instead of duplicating them.
 */
export interface CalendarEvent {
  /** Globally unique and stable across fetches (RFC 5545 §3.8.4.7), e.g. `milestone-<id>@triad`. */
  uid: string;
  /** ISO 8601 UTC instant the event last changed, written as DTSTAMP and LAST-MODIFIED. */
  stamp: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, YYYY-MM-DD (DTEND is the day after: §3.6.1, exclusive end). */
  end: string;
  summary: string;
  description?: string | null;
  categories?: string[];
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 §3.1), each continuation
 * starting with one space, never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations 74 plus their leading space.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const compactDate = (day: string) => day.replaceAll('-', '');
const compactStamp = (iso: string) => `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A VCALENDAR with one all-day VEVENT per event, CRLF line breaks, folded at 75 octets. */
export function renderCalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Triad//Milestones and sprints//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${compactStamp(e.stamp)}`,
      `LAST-MODIFIED:${compactStamp(e.stamp)}`,
      `DTSTART;VALUE=DATE:${compactDate(e.start)}`,
      `DTEND;VALUE=DATE:${compactDate(dayAfter([e.start, e.end].sort()[1] as string))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories && e.categories.length > 0)
      lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
