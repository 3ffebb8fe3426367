import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_LEXICON } from './forbidden-lexicon.seed.js';
import { createPhraseChecker, LexiconError, naiveIncludesScan } from './phrase-checker.js';
import type { PhraseRule } from './types.js';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

const rule = (id: string, phrase: string, extra: Partial<PhraseRule> = {}): PhraseRule => ({
  id,
  phrase,
  group: '否定语',
  severity: 'forbidden',
  sources: [{ seed: 'S1', at: 'test' }],
  suggestion: '很抱歉，请您稍等一下，我帮您核实。',
  ...extra,
});

describe('createPhraseChecker', () => {
  it('works on editable rule data, not only the seed lexicon', () => {
    const checker = createPhraseChecker([rule('r1', '没门儿')], { toSimplified });
    expect(checker.check('這個嘛，沒門兒！')).toMatchObject([{ ruleId: 'r1', start: 4, end: 7, matchedText: '沒門兒' }]);
  });

  it('returns no hits for empty text or text without any pattern character', () => {
    const checker = createPhraseChecker(FORBIDDEN_LEXICON, { toSimplified });
    expect(checker.check('')).toEqual([]);
    expect(checker.check('12345 abc ...')).toEqual([]);
  });

  it('two rules sharing one pattern: identical spans keep the rule listed first', () => {
    const checker = createPhraseChecker([rule('first', '不归我管'), rule('second', '这事不归我管', { patterns: ['不归我管'] })], { toSimplified });
    expect(checker.check('不归我管').map((h) => h.ruleId)).toEqual(['first']);
  });

  it('partial overlaps of different rules are both reported', () => {
    const checker = createPhraseChecker([rule('a', '你问我'), rule('b', '我问谁')], { toSimplified });
    expect(checker.check('你问我问谁').map((h) => [h.ruleId, h.start, h.end])).toEqual([
      ['a', 0, 3],
      ['b', 2, 5],
    ]);
  });

  it('clause leads and modal particles can be configured', () => {
    const rules = [rule('bare', '不行', { scope: 'wholeClause' })];
    const strict = createPhraseChecker(rules, { toSimplified, clauseLeads: [], modalParticles: '' });
    expect(strict.check('我不行').map((h) => h.ruleId)).toEqual([]);
    expect(strict.check('不行啊').map((h) => h.ruleId)).toEqual([]);
    const loose = createPhraseChecker(rules, { toSimplified });
    expect(loose.check('我不行').map((h) => h.ruleId)).toEqual(['bare']);
    expect(loose.check('不行啊').map((h) => h.ruleId)).toEqual(['bare']);
  });

  it('fold() exposes the matching form of a text', () => {
    const checker = createPhraseChecker(FORBIDDEN_LEXICON, { toSimplified });
    expect(checker.fold('請您稍等，謝謝！')).toBe('请您稍等谢谢');
  });
});

describe('lexicon errors name the rule', () => {
  const build = (rules: PhraseRule[]) => () => createPhraseChecker(rules, { toSimplified });

  it('duplicate ids', () => {
    expect(build([rule('x', '甲乙'), rule('x', '丙丁')])).toThrow(expect.objectContaining({ code: 'duplicate_id', ruleId: 'x' }));
  });

  it('a pattern that is only punctuation', () => {
    expect(build([rule('p', '，。！')])).toThrow(LexiconError);
    expect(build([rule('p', '，。！')])).toThrow(expect.objectContaining({ code: 'empty_pattern' }));
  });

  it('an exception that contains none of the patterns', () => {
    expect(build([rule('e', '不行', { exceptions: ['步行'] })])).toThrow(expect.objectContaining({ code: 'exception_without_pattern', ruleId: 'e' }));
  });
});

describe('naiveIncludesScan (benchmark baseline)', () => {
  it('finds exact simplified phrases only', () => {
    expect(naiveIncludesScan(FORBIDDEN_LEXICON, '我要下班了')).toContain('s1-taboo-23');
    expect(naiveIncludesScan(FORBIDDEN_LEXICON, '我 要 下 班 了')).not.toContain('s1-taboo-23');
    expect(naiveIncludesScan(FORBIDDEN_LEXICON, '這事不歸我管')).toEqual([]);
  });
});
