import { describe, expect, it } from 'vitest';
import { localDayRange, localMonthRange, parseTimestamp } from './local-time.js';
import { parseCsv } from './transcript-csv.js';
import { fromCsv, fromJson } from './transcript-import.js';

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n1,"说 ""你好""，\n再见",3\r\n\r\n4,,6');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '说 "你好"，\n再见', '3'] },
      { line: 5, fields: ['4', '', '6'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe('local time', () => {
  it('a Shanghai day and month start at 16:00 UTC the day before', () => {
    expect(localDayRange('2026-11-25', 'Asia/Shanghai')).toEqual([Date.parse('2026-11-24T16:00:00Z'), Date.parse('2026-11-25T16:00:00Z')]);
    expect(localMonthRange('2026-12', 'Asia/Shanghai')).toEqual([Date.parse('2026-11-30T16:00:00Z'), Date.parse('2026-12-31T16:00:00Z')]);
    expect(localDayRange('2026-02-30', 'Asia/Shanghai')).toBeUndefined();
    expect(localMonthRange('2026-13', 'Asia/Shanghai')).toBeUndefined();
  });

  it('reads wall times in the zone and instants with an offset', () => {
    expect(parseTimestamp('2026-11-25 09:30:00', 'Asia/Shanghai')).toBe(Date.parse('2026-11-25T01:30:00Z'));
    expect(parseTimestamp('2026-11-25T09:30:00+08:00', 'America/New_York')).toBe(Date.parse('2026-11-25T01:30:00Z'));
    expect(parseTimestamp('2026-07-01 12:00', 'America/New_York')).toBe(Date.parse('2026-07-01T16:00:00Z'));
    expect(parseTimestamp('9:30', 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('fromCsv', () => {
  const csv = [
    '会话编号,工号,说话人,时间,内容',
    'A-1,1003,客服,2026-11-25 09:00:00,"您好，回音花园客服中心，1003号为您服务"',
    'B-7,1005,agent,2026-11-25 10:00:00,喂？',
    'A-1,1003,客户,2026-11-25 09:00:05,我要报修',
    'A-1,1003,客服,2026-11-25 09:00:03,请讲',
  ].join('\n');

  it('groups rows by conversation, orders turns by time and measures them from the first', () => {
    const [a, b] = fromCsv(csv, { channel: 'call', timeZone: 'Asia/Shanghai' });
    expect(a).toMatchObject({ externalId: 'A-1', agent: { employeeNo: '1003' }, channel: 'call', startedAt: Date.parse('2026-11-25T01:00:00Z') });
    expect(a!.turns.map((t) => [t.speaker, t.at, t.text])).toEqual([
      ['agent', 0, '您好，回音花园客服中心，1003号为您服务'],
      ['agent', 3000, '请讲'],
      ['customer', 5000, '我要报修'],
    ]);
    expect(b).toMatchObject({ externalId: 'B-7', agent: { employeeNo: '1005' }, turns: [{ speaker: 'agent', at: 0, text: '喂？' }] });
  });

  it('refuses a missing column, an unknown speaker and an unreadable time with the line', () => {
    expect(() => fromCsv('conversation_id,speaker,time,text\n1,agent,2026-11-25 09:00,hi', { channel: 'chat', timeZone: 'Asia/Shanghai' }))
      .toThrow(expect.objectContaining({ code: 'transcript_invalid', detail: expect.stringContaining('agent') }));
    expect(() => fromCsv('conversation_id,agent_employee_no,speaker,time,text\n1,1003,robot,2026-11-25 09:00,hi', { channel: 'chat', timeZone: 'Asia/Shanghai' }))
      .toThrow(expect.objectContaining({ extra: expect.objectContaining({ line: 2 }) }));
    expect(() => fromCsv('conversation_id,agent_employee_no,speaker,time,text\n1,1003,agent,yesterday,hi', { channel: 'chat', timeZone: 'Asia/Shanghai' }))
      .toThrow(expect.objectContaining({ detail: expect.stringContaining('yesterday') }));
  });
});

describe('fromJson', () => {
  it('takes turn times as instants or as ms from the start', () => {
    const [c] = fromJson([{
      agentEmployeeNo: '1003', channel: 'chat', startedAt: '2026-11-25T01:00:00Z',
      turns: [{ speaker: 'customer', at: '2026-11-25T01:00:10Z', text: '在吗' }, { speaker: 'agent', at: 2000, text: '您好' }],
    }]);
    expect(c!.turns.map((t) => [t.speaker, t.at])).toEqual([['agent', 2000], ['customer', 10_000]]);
  });

  it('refuses a turn before the start', () => {
    expect(() => fromJson([{ agentUserId: 3, channel: 'call', startedAt: '2026-11-25T01:00:00Z', turns: [{ speaker: 'agent', at: '2026-11-25T00:59:00Z', text: '您好' }] }]))
      .toThrow(expect.objectContaining({ code: 'transcript_invalid', extra: expect.objectContaining({ index: 0, turn: 0 }) }));
  });
});
