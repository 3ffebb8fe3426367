import { describe, expect, it } from 'vitest';
import { TimeZone } from './time-zone.js';

const local = (iso: string) => Date.parse(`${iso}Z`); // wall time written as UTC

describe('TimeZone', () => {
  it('Shanghai is +08:00 (and the cached offsets match Intl over a year)', () => {
    const zone = TimeZone.of('Asia/Shanghai');
    expect(zone.toUtc(local('2025-10-01T00:00'))).toBe(Date.parse('2025-09-30T16:00:00Z'));
    expect(zone.offsetAt(Date.parse('2025-06-01T00:00:00Z'))).toBe(8 * 3_600_000);
  });

  it('New York: offsets switch at the right second', () => {
    const zone = TimeZone.of('America/New_York');
    const change = Date.parse('2025-03-09T07:00:00Z'); // 02:00 EST → 03:00 EDT
    expect(zone.offsetAt(change - 1000)).toBe(-5 * 3_600_000);
    expect(zone.offsetAt(change)).toBe(-4 * 3_600_000);
    expect(zone.offsetAt(Date.parse('2025-11-02T06:00:00Z'))).toBe(-5 * 3_600_000);
    expect(zone.offsetAt(Date.parse('2025-11-02T05:59:59Z'))).toBe(-4 * 3_600_000);
  });

  it('a wall time in the spring gap moves forward; a repeated one takes the earlier instant', () => {
    const zone = TimeZone.of('America/New_York');
    expect(zone.toUtc(local('2025-03-09T02:30'))).toBe(Date.parse('2025-03-09T07:30:00Z')); // = 03:30 EDT
    expect(zone.toUtc(local('2025-11-02T01:30'))).toBe(Date.parse('2025-11-02T05:30:00Z')); // 01:30 EDT
    expect(zone.toUtc(local('2025-07-01T12:00'))).toBe(Date.parse('2025-07-01T16:00:00Z'));
  });

  it('matches Intl for random instants in several zones', () => {
    for (const id of ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata']) {
      const zone = TimeZone.of(id);
      const f = new Intl.DateTimeFormat('sv-SE', { timeZone: id, dateStyle: 'short', timeStyle: 'medium' });
      for (let i = 0; i < 200; i++) {
        const t = Date.UTC(2020, 0, 1) + i * 789_012_000; // whole seconds, ~9 days apart, 2020–2025
        expect(zone.toLocal(t)).toBe(Date.parse(`${f.format(t).replace(' ', 'T')}Z`));
      }
    }
  });

  it('an unknown zone is a typed error', () => {
    expect(() => TimeZone.of('Asia/Beijing')).toThrow(expect.objectContaining({ code: 'invalid_time_zone' }));
  });
});
