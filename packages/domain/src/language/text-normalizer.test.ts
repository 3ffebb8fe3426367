import * as ToTraditional from 'opencc-js/cn2t';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_LEXICON } from './forbidden-lexicon.seed.js';
import { STANDARD_PHRASES } from './standard-phrases.seed.js';
import {
  BREAK_CLAUSE,
  BREAK_SENTENCE,
  clauseEnd,
  createTextNormalizer,
  segmentStart,
  spansBreak,
} from './text-normalizer.js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = ToTraditional.Converter({ from: 'cn', to: 'tw' });
const normalizer = createTextNormalizer(toSimplified);

describe('normalisation', () => {
  it('drops spaces, symbols and punctuation and maps each kept unit to its original offset', () => {
    const text = '你 问-我，我*问 谁？';
    const t = normalizer.normalize(text);
    expect(t.text()).toBe('你问我我问谁');
    expect([...t.origin.subarray(0, t.length)]).toEqual([0, 2, 4, 6, 8, 10]);
    expect(t.breaks).toEqual([3]);
    expect(t.breakKinds).toEqual([BREAK_CLAUSE]);
  });

  it('folds full-width ASCII and case, keeps digits and latin letters', () => {
    expect(normalizer.fold('ＡＢｃ１２３，Ok')).toBe('abc123ok');
    expect(normalizer.fold('　X　先生')).toBe('x先生');
  });

  it('converts traditional to simplified character by character', () => {
    expect(normalizer.fold('這事不歸我管')).toBe('这事不归我管');
    expect(normalizer.fold('你問我，我問誰？')).toBe('你问我我问谁');
  });

  it('folds both scripts of 怎么/怎麼 to one key although opencc maps a lone 么 to 幺', () => {
    expect(normalizer.fold('怎麼')).toBe(normalizer.fold('怎么'));
    expect(normalizer.fold('什麼')).toBe(normalizer.fold('什么'));
  });

  it('is idempotent and agrees between the scripts for the whole BMP CJK block', () => {
    const disagree: string[] = [];
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      const once = normalizer.fold(ch);
      if (normalizer.fold(once) !== once) disagree.push(`${ch} not idempotent`);
      const s = toSimplified(ch);
      if (s.length === 1 && normalizer.fold(s) !== once) disagree.push(`${ch}/${s}`);
    }
    expect(disagree).toEqual([]);
  });

  it('keeps offsets: opencc keeps the length of every seed phrase, and per character equals whole string for all lexicon patterns', () => {
    const patterns = FORBIDDEN_LEXICON.flatMap((r) => [r.phrase, ...(r.patterns ?? [])]);
    for (const phrase of [...patterns, ...STANDARD_PHRASES.map((p) => p.text)]) {
      const traditional = toTraditional(phrase);
      expect(toSimplified(traditional).length, phrase).toBe(traditional.length);
    }
    for (const phrase of patterns) {
      const traditional = toTraditional(phrase);
      expect(normalizer.fold(traditional), phrase).toBe(normalizer.fold(toSimplified(traditional)));
    }
  });

  it('known limit: phrase-level conversions (回覆 → 回复) are not made character by character', () => {
    // 覆 is also a simplified character, so only opencc's phrase table turns 回覆 into 回复.
    expect(toSimplified('回覆')).toBe('回复');
    expect(normalizer.fold('回覆')).toBe('回覆');
  });

  it('keeps astral letters (two units, both mapped) and drops emoji', () => {
    const text = '𠮷野家🙂好';
    const t = normalizer.normalize(text);
    expect(t.text()).toBe('𠮷野家好');
    expect([...t.origin.subarray(0, t.length)]).toEqual([0, 1, 2, 3, 6]);
  });

  it('records clause and sentence breaks once per run of punctuation', () => {
    const t = normalizer.normalize('您好，请讲。。！喂\n好的');
    expect(t.text()).toBe('您好请讲喂好的');
    expect(t.breaks).toEqual([2, 4, 5]);
    expect(t.breakKinds).toEqual([BREAK_CLAUSE, BREAK_SENTENCE, BREAK_SENTENCE]);
    expect(spansBreak(t, 1, 3)).toBe(true);
    expect(spansBreak(t, 2, 4)).toBe(false);
    expect(segmentStart(t, 3)).toBe(2);
    expect(segmentStart(t, 3, true)).toBe(0);
    expect(segmentStart(t, 6, true)).toBe(5);
    expect(clauseEnd(t, 3)).toBe(4);
    expect(clauseEnd(t, 7)).toBe(7);
  });

  it('handles empty and punctuation-only text', () => {
    expect(normalizer.normalize('').length).toBe(0);
    const t = normalizer.normalize('，。！ ');
    expect(t.length).toBe(0);
    expect(t.breaks).toEqual([]);
  });
});
