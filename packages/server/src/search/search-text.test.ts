import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens } from './search-text.js';

/** A query matches a record when every query word is one of the record's words. */
const finds = (query: string, record: string) => {
  const indexed = new Set(indexTokens([record]));
  const wanted = queryTokens(query);
  return wanted.length > 0 && wanted.every((word) => indexed.has(word));
};

describe('Chinese search words', () => {
  it.each([
    ['电梯', '3号楼电梯又坏了，困人半小时'],
    ['漏水', '厨房漏水到楼下'],
    ['噪音', '楼上装修噪音太大，晚上十点还在施工'],
    ['電梯', '3号楼电梯停运'], // traditional query, simplified record
    ['电梯', '三號樓電梯停運一上午'], // simplified query, traditional record
    ['坏了', '电梯又坏了'],
    ['3号楼电梯', '3号楼电梯又坏了'],
  ])('%s finds "%s"', (query, record) => expect(finds(query, record)).toBe(true));

  it.each([
    ['电梯', '3号楼楼道灯不亮'],
    ['漏水', '物业费怎么交'],
    ['3号楼电梯', '5号楼电梯又坏了'],
  ])('%s does not find "%s"', (query, record) => expect(finds(query, record)).toBe(false));

  it('keeps whole values such as numbers and units findable', () => {
    const tokens = indexTokens(['门禁卡失灵'], ['HY2611250007', '3栋2单元1502', '王建国']);
    expect(tokens).toContain('hy2611250007');
    expect(tokens).toContain('3栋2单元1502');
    expect(tokens).toContain('王建国');
  });

  it('drops punctuation and gives nothing for an empty query', () => {
    expect(queryTokens('，。！  ')).toEqual([]);
    expect(indexTokens(['你好，世界！'])).not.toContain('，');
  });
});
