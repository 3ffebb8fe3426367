import { describe, expect, it } from 'vitest';
import { compileSiteHours, parseRanges } from './service-hours.js';

describe('service hours', () => {
  it('parses split shifts, overnight ranges and 24:00, sorted', () => {
    expect([...parseRanges(['13:30-18:00', '08:30-12:00'], 'x')]).toEqual([510, 720, 810, 1080]);
    expect([...parseRanges(['22:00-06:00'], 'x')]).toEqual([1320, 1800]);
    expect([...parseRanges(['18:00 – 24:00'], 'x')]).toEqual([1080, 1440]);
  });

  it('defaults to Shanghai and to Monday hours on make-up days', () => {
    const site = compileSiteHours({ weekly: { mon: ['09:00-17:00'], sat: ['09:00-12:00'] } });
    expect(site.zone.id).toBe('Asia/Shanghai');
    expect([...site.makeupDay]).toEqual([540, 1020]);
    expect(site.overnight).toBe(false);
    expect(compileSiteHours({ weekly: { fri: ['22:00-06:00'] } }).overnight).toBe(true);
  });

  it.each([
    [{ weekly: { mon: ['8:30-25:00'] } }, 'invalid_hours'],
    [{ weekly: { mon: ['08:30'] } }, 'invalid_hours'],
    [{ weekly: { mon: ['09:00-09:00'] } }, 'invalid_hours'],
    [{ weekly: { mon: ['08:00-12:00', '11:00-13:00'] } }, 'invalid_hours'],
    [{}, 'invalid_hours'],
    [{ allDay: true, timeZone: 'Mars/Olympus' }, 'invalid_time_zone'],
  ])('refuses %j', (input, code) => {
    expect(() => compileSiteHours(input)).toThrow(expect.objectContaining({ code }));
  });
});
