import { describe, expect, it } from 'vitest';
import { parseCalendarJson } from './import-json.js';
import { CalendarError } from './errors.js';

describe('parseCalendarJson', () => {
  it('reads an array of {date, type, name}, trimming names and dropping empty ones', () => {
    const text = JSON.stringify([
      { date: '2027-10-01', type: 'holiday', name: ' 国庆节 ' },
      { date: '2027-09-26', type: 'makeup_workday', name: '国庆节' },
      { date: '2027-10-09', type: 'workday', name: '' },
    ]);
    expect(parseCalendarJson(text)).toEqual([
      { date: '2027-10-01', type: 'holiday', name: '国庆节' },
      { date: '2027-09-26', type: 'makeup_workday', name: '国庆节' },
      { date: '2027-10-09', type: 'workday' },
    ]);
  });

  it('accepts an already-parsed body and tolerates an exact repeat', () => {
    const row = { date: '2027-10-01', type: 'holiday', name: '国庆节' };
    expect(parseCalendarJson([row, row])).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{oops', 'invalid_json', {}],
    ['not an array', '{"date":"2027-10-01"}', 'invalid_json', {}],
    ['a row that is not an object', '[1]', 'invalid_entry', { index: 0 }],
    ['missing date', '[{"type":"holiday"}]', 'invalid_entry', { index: 0, field: 'date', value: 'undefined' }],
    ['impossible date', '[{"date":"2027-02-29","type":"holiday"}]', 'invalid_entry', { index: 0, field: 'date', value: '2027-02-29' }],
    ['wrong date format', '[{"date":"2027/10/01","type":"holiday"}]', 'invalid_entry', { index: 0, field: 'date', value: '2027/10/01' }],
    ['unknown type', '[{"date":"2027-10-01","type":"off"}]', 'invalid_entry', { index: 0, field: 'type', value: 'off' }],
    ['name not a string', '[{"date":"2027-10-01","type":"holiday","name":5}]', 'invalid_entry', { index: 0, field: 'name', value: '5' }],
    [
      'the same date twice, differently',
      '[{"date":"2027-10-01","type":"holiday"},{"date":"2027-10-01","type":"workday"}]',
      'duplicate_date',
      { index: 1, field: 'date', value: '2027-10-01' },
    ],
  ])('%s → %s', (_why, text, code, detail) => {
    try {
      parseCalendarJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarError);
      expect(e).toMatchObject({ code, detail });
    }
  });

  it('says which row is wrong, counting from 1 for people', () => {
    expect(() => parseCalendarJson('[{"date":"2027-10-01","type":"holiday"},{"date":"x","type":"holiday"}]')).toThrow(/entry 2/);
  });
});
