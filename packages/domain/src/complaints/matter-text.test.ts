import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import * as OpenCC from 'opencc-js/t2cn';
import { compareMatters, matterConflict, matterFeatures, normaliseMatterText, parseChineseNumber } from './matter-text.js';

const jieba = Jieba.withDict(dict);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const deps = { segment: (t: string) => jieba.cut(t, true), toSimplified };
const features = (text: string) => matterFeatures(text, deps);

describe('parseChineseNumber', () => {
  it.each([
    ['3', 3],
    ['三', 3],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
    ['一百零五', 105],
    ['一五零二', 1502],
    ['〇', 0],
    ['号', null],
    ['', null],
  ] as const)('%s → %s', (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });
});

describe('normaliseMatterText: locations become canonical tokens', () => {
  it.each([
    ['三号楼电梯', '[b3] 电梯'],
    ['3号楼电梯', '[b3] 电梯'],
    ['3栋电梯', '[b3] 电梯'],
    ['3幢电梯', '[b3] 电梯'],
    ['三栋电梯', '[b3] 电梯'],
    ['第三栋电梯', '[b3] 电梯'],
    ['3#楼电梯', '[b3] 电梯'],
    ['３号楼电梯', '[b3] 电梯'], // full-width digit
    ['三號樓電梯', '[b3] 电梯'], // traditional script
    ['十二幢', '[b12]'],
    ['A座大堂', '[ba] 大堂'],
    ['3-2-1502漏水', '[b3] [u2] 漏水'],
    ['5号楼2单元', '[b5] [u2]'],
    ['我住十八楼', '我住 [f18]'],
    ['3号楼楼道灯', '[b3] 楼道灯'], // the 楼 of 楼道 is not a floor
    ['1502室漏水', '漏水'],
  ] as const)('%s → %s', (text, expected) => {
    expect(normaliseMatterText(text, toSimplified).replace(/\s+/g, ' ').trim()).toBe(expected);
  });
});

describe('matterFeatures', () => {
  it('finds objects by longest match, whatever the segmenter does', () => {
    expect(features('3号楼楼道灯不亮')).toMatchObject({ buildings: ['3'], objects: ['obj:楼道灯'], problems: ['prob:fault'] });
    expect(features('商场手扶电梯停了').objects).toEqual(['obj:扶梯']);
    expect(features('3号楼电梯里的灯不亮').objects).toEqual(['obj:电梯灯']);
    expect(features('电梯维修费用分摊不合理').problems).toEqual(['prob:fee']);
  });

  it('names supply and fault together for outage words', () => {
    expect(features('又停水了')).toMatchObject({ objects: ['obj:供水'], problems: ['prob:fault'] });
    expect(features('水龙头的水发黄')).toMatchObject({ objects: ['obj:供水'], problems: ['prob:water_quality'] });
  });

  it('drops stop words, numbers and single characters from the context words', () => {
    expect(features('物业你们怎么回事，3号楼电梯又坏了！').words).toEqual([]);
  });
});

describe('compareMatters: the issue examples', () => {
  const base = features('3号楼电梯又坏了');
  it.each([
    ['三号楼电梯停运一上午', true, null],
    ['3栋的電梯困人', true, null],
    ['3号楼楼道灯不亮', false, 'different_object'],
    ['5号楼电梯坏了', false, 'different_building'],
    ['3号楼电梯广告声音太吵', false, 'different_object'],
    ['3号楼电梯太慢了，要等十分钟', false, 'different_problem'],
    ['电梯坏了', true, null], // no building named: compatible
  ] as const)('3号楼电梯又坏了 ~ %s → same=%s', (text, same, conflict) => {
    const result = compareMatters(base, features(text), 0.5);
    expect(result.same).toBe(same);
    expect(result.conflict).toBe(conflict);
  });
});

describe('matterConflict', () => {
  it.each([
    ['3号楼电梯坏了', '3号楼电梯坏了', 'a', 'b', 'different_category'],
    ['3号楼电梯坏了', '3号楼电梯坏了', 'a', null, null],
    ['3号楼1单元电梯坏了', '3号楼2单元电梯坏了', null, null, 'different_unit'],
    ['3号楼1单元电梯坏了', '3号楼电梯坏了', null, null, null],
    ['停车场收费太贵', '停车场积水', null, null, 'different_problem'],
    ['广场舞太吵', '广场舞占了停车位', null, null, 'different_problem'],
  ] as const)('%s ~ %s (%s/%s) → %s', (a, b, ca, cb, expected) => {
    expect(matterConflict(features(a), features(b), { a: ca, b: cb })).toBe(expected);
  });
});
