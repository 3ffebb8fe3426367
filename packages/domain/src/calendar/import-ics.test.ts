import { describe, expect, it } from 'vitest';
import { parseCalendarIcs } from './import-ics.js';
import { CalendarError } from './errors.js';

/** Shaped like chinese-days' dist/years/2025.ics: CRLF, folded lines, (休)/(班) summaries. */
const event = (start: string, end: string | undefined, summary: string, extra: string[] = []) => [
  'BEGIN:VEVENT',
  `DTSTART;VALUE=DATE:${start}`,
  ...(end ? [`DTEND;VALUE=DATE:${end}`] : []),
  `SUMMARY:${summary}`,
  'CATEGORIES:节假日',
  'X-APPLE-UNIVERSAL-ID:106c0bb279504ef98528d3d51f434960f5cf2f22c521a2b94f8b6',
  ' f0bf4ed5841',
  ...extra,
  'END:VEVENT',
];
const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'END:VTIMEZONE', ...events.flat(), 'END:VCALENDAR'].join('\r\n');

describe('parseCalendarIcs', () => {
  it('reads 2025 National Day + Mid-Autumn: exclusive DTEND, later event wins, 班 = make-up day', () => {
    const ics = calendar(
      event('20251001', '20251009', '国庆节(休)'),
      event('20251006', '20251007', '中秋(休)'),
      event('20250928', '20250929', '国庆节(班)'),
      event('20251011', undefined, '国庆节（班）'),
    );
    const days = parseCalendarIcs(ics);
    expect(days.map((d) => `${d.date} ${d.type} ${d.name}`)).toEqual([
      '2025-09-28 makeup_workday 国庆节',
      '2025-10-01 holiday 国庆节',
      '2025-10-02 holiday 国庆节',
      '2025-10-03 holiday 国庆节',
      '2025-10-04 holiday 国庆节',
      '2025-10-05 holiday 国庆节',
      '2025-10-06 holiday 中秋',
      '2025-10-07 holiday 国庆节',
      '2025-10-08 holiday 国庆节',
      '2025-10-11 makeup_workday 国庆节',
    ]);
  });

  it('takes 上班 in CATEGORIES, DURATION, LF line ends, escapes, and skips VALARM properties', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270926',
      'SUMMARY:国庆调休',
      'CATEGORIES:上班',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20271001',
      'DURATION:P1W',
      'SUMMARY:国庆节\\, 中秋节',
      'BEGIN:VALARM',
      'SUMMARY:提醒',
      'TRIGGER:-P1D',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const days = parseCalendarIcs(ics);
    expect(days[0]).toEqual({ date: '2027-09-26', type: 'makeup_workday', name: '国庆调休' });
    expect(days.slice(1).map((d) => d.date)).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']);
    expect(days[1]).toEqual({ date: '2027-10-01', type: 'holiday', name: '国庆节, 中秋节' });
  });

  it.each([
    ['not iCalendar', 'hello', 1],
    ['no events', 'BEGIN:VCALENDAR\nEND:VCALENDAR', undefined],
    ['unterminated event', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\nEND:VCALENDAR', 4],
    ['never closed', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\nEND:VEVENT', 1],
    ['missing DTSTART', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:国庆节\nEND:VEVENT\nEND:VCALENDAR', 2],
    ['a timed event', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20271001T090000\nEND:VEVENT\nEND:VCALENDAR', 3],
    ['an impossible date', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270230\nEND:VEVENT\nEND:VCALENDAR', 3],
    ['DTEND not after DTSTART', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\nDTEND;VALUE=DATE:20271001\nEND:VEVENT\nEND:VCALENDAR', 2],
    ['a span of years', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nDTEND;VALUE=DATE:20290101\nEND:VEVENT\nEND:VCALENDAR', 2],
    ['a line without a colon', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\nSUMMARY 国庆\nEND:VEVENT\nEND:VCALENDAR', 4],
    ['an hourly DURATION', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20271001\nDURATION:PT4H\nEND:VEVENT\nEND:VCALENDAR', 4],
  ])('%s → invalid_ics with the line', (_why, text, line) => {
    try {
      parseCalendarIcs(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      expect(e).toMatchObject({ code: 'invalid_ics', detail: line === undefined ? {} : { line } });
    }
  });
});
