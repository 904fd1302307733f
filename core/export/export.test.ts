import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './icalendar';
import { csvLine, escapeCsvCell, neutraliseFormula } from './spreadsheet-cell';

// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed.
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
// §3.3.11 in reverse.
const unescapeText = (text: string) =>
  text.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));

/** A minimal reader of the calendar: events as property maps, built independently of the writer. */
function parseCalendar(ics: string) {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of unfold(ics).split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('spreadsheet cells (OWASP CSV Injection)', () => {
  it('neutralises formula starters and quotes per RFC 4180', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(escapeCsvCell(-5)).toBe('-5');
    expect(escapeCsvCell('a,"b"')).toBe('"a,""b"""');
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvLine(['a', null, 2])).toBe('a,,2\r\n');
  });

  it('never leaves a text cell that starts a formula', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = escapeCsvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
        expect(unquoted).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      }),
    );
  });
});

describe('iCalendar (RFC 5545)', () => {
  it('folds at 75 octets without splitting UTF-8 characters, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `SUMMARY:${escapeText(s)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n'))
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
        expect(unescapeText(escapeText(s))).toBe(s.replace(/\r\n|\r/g, '\n'));
      }),
    );
  });

  it('writes all-day events that parse back with stable UIDs and an exclusive end', () => {
    const long = 'Go-live, phase 2; données migrées — '.repeat(4);
    const events = [
      {
        uid: 'milestone-1@triad',
        stamp: '2025-01-02T03:04:05.678Z',
        start: '2025-03-31',
        end: '2025-03-31',
        summary: long,
        description: 'line 1\nline 2',
        categories: ['Milestone'],
      },
      {
        uid: 'sprint-7@triad',
        stamp: '2025-01-02T00:00:00.000Z',
        start: '2025-02-03',
        end: '2025-02-14',
        summary: 'Sprint 7',
      },
    ];
    const ics = renderCalendar('Triad, PAY', events);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const parsed = parseCalendar(ics);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      UID: 'milestone-1@triad',
      DTSTAMP: '20250102T030405Z',
      'DTSTART;VALUE=DATE': '20250331',
      'DTEND;VALUE=DATE': '20250401',
      DESCRIPTION: 'line 1\\nline 2',
    });
    expect(unescapeText(parsed[0]?.SUMMARY ?? '')).toBe(long);
    expect(parsed[1]?.['DTEND;VALUE=DATE']).toBe('20250215');
    expect(renderCalendar('Triad, PAY', events)).toBe(ics);
  });
});
