import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil, formatIsoDate, parseIsoDate, weekdayOfDay, yearOfDay } from './civil.js';

describe('civil day numbers', () => {
  it('agree with Date for every day from 1899 to 2101', () => {
    for (let t = Date.UTC(1899, 0, 1); t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const day = t / 86_400_000;
      const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      expect(dayFromCivil(civil.year, civil.month, civil.day)).toBe(day);
      if (d.getUTCDate() === 1 || d.getUTCDate() > 27) {
        expect(civilFromDay(day)).toEqual(civil);
        expect(yearOfDay(day)).toBe(civil.year);
      }
      if (d.getUTCDate() === 15) expect(weekdayOfDay(day)).toBe(d.getUTCDay());
    }
  });

  it('parse and format YYYY-MM-DD, refusing impossible dates', () => {
    expect(formatIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '20250101', '2025-00-10', ''])
      expect(() => parseIsoDate(bad)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
