import { describe, expect, it } from 'vitest';
import { formatWorkOrderNumber, localDayOf } from './work-order-number.js';

describe('work-order number', () => {
  it('reads as prefix, local day and a four-digit sequence', () => {
    expect(formatWorkOrderNumber('HY', '2026-11-25', 7)).toBe('HY2611250007');
  });
  it('grows past 9999 instead of wrapping', () => {
    expect(formatWorkOrderNumber('HY', '2026-11-25', 12345)).toBe('HY26112512345');
  });
  it('uses the site day, not the UTC day', () => {
    // 2026-11-24 17:30 UTC is already 01:30 on the 25th in Shanghai.
    expect(localDayOf(new Date('2026-11-24T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(localDayOf(new Date('2026-11-24T17:30:00Z'), 'America/New_York')).toBe('2026-11-24');
  });
  it('refuses malformed input', () => {
    expect(() => formatWorkOrderNumber('HY', '20261125', 1)).toThrow(RangeError);
    expect(() => formatWorkOrderNumber('HY', '2026-11-25', 0)).toThrow(RangeError);
  });
});
