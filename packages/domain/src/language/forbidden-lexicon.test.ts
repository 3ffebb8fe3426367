import * as ToTraditional from 'opencc-js/cn2t';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_LEXICON } from './forbidden-lexicon.seed.js';
import { createPhraseChecker } from './phrase-checker.js';
import { PHRASE_GROUPS } from './types.js';

const checker = createPhraseChecker(FORBIDDEN_LEXICON, { toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) });
const toTraditional = ToTraditional.Converter({ from: 'cn', to: 'tw' });

/** The seeds' placeholders ("不关**的事", "我又不是***…") filled with something a person would say. */
const sample = (phrase: string) => phrase.replace(/\*+/g, '我');

describe('seed lexicon data', () => {
  it('has unique ids, a known group, a source and a suggestion for every rule', () => {
    expect(new Set(FORBIDDEN_LEXICON.map((r) => r.id)).size).toBe(FORBIDDEN_LEXICON.length);
    for (const rule of FORBIDDEN_LEXICON) {
      expect(PHRASE_GROUPS).toContain(rule.group);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(0);
      // Suggestions are themselves clean, or an agent following them would be flagged.
      expect(checker.check(rule.suggestion), rule.id).toEqual([]);
    }
  });

  it('covers every group and both seeds with phrase lists (S1 parts 3 and 5) and S2, S3, S4', () => {
    expect(new Set(FORBIDDEN_LEXICON.map((r) => r.group))).toEqual(new Set(PHRASE_GROUPS));
    const seeds = new Set(FORBIDDEN_LEXICON.flatMap((r) => r.sources.map((s) => s.seed)));
    expect([...seeds].sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('contains the S1 lists verbatim (spot checks in simplified script)', () => {
    const phrases = FORBIDDEN_LEXICON.map((r) => r.phrase);
    for (const p of ['你问我，我问谁？', '这事不归我管', '我要下班了', '你怎么不早说', '不行就是不行。', '也许是吧', '你真罗嗦']) {
      expect(phrases).toContain(p);
    }
  });
});

describe('every seed phrase is found, in simplified and in traditional script', () => {
  it.each(FORBIDDEN_LEXICON.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const text = sample(rule.phrase);
    for (const written of [text, toTraditional(text)]) {
      const hits = checker.check(written);
      expect(hits.map((h) => h.ruleId), written).toContain(id);
      for (const h of hits) expect(h.matchedText).toBe(written.slice(h.start, h.end));
    }
    for (const pattern of rule.patterns ?? []) {
      expect(checker.check(toTraditional(pattern)).map((h) => h.ruleId), pattern).toContain(id);
    }
  });
});

describe('offsets point into the original text', () => {
  const cases: [string, string, string][] = [
    ['你问我，我问谁', 's1-ban-05', '你问我，我问谁'],
    ['這事不歸我管', 's1-taboo-28', '這事不歸我管'],
    ['這事不归我管', 's1-taboo-28', '這事不归我管'], // mixed scripts, as in the seed itself
    ['你 问 我 , 我 问 谁', 's1-ban-05', '你 问 我 , 我 问 谁'],
    ['你 问 我，我-问-谁', 's1-ban-05', '你 问 我，我-问-谁'],
    ['先生，你問我，我問誰？我也是剛來的。', 's1-ban-05', '你問我，我問誰'],
    ['ＯＫ，你快點講啦！', 's1-ns-02', '你快點講'],
    ['你问我🙂我问谁', 's1-ban-05', '你问我🙂我问谁'],
    ['“你·问·我”，“我·问·谁”', 's1-ban-05', '你·问·我”，“我·问·谁'],
    ['我 要 下 班 了', 's1-taboo-23', '我 要 下 班 了'],
    ['跟您說了，這事與我無關。', 's1-taboo-29', '這事與我無關'],
  ];
  it.each(cases)('%s', (text, ruleId, matched) => {
    const hits = checker.check(text);
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({ ruleId, matchedText: matched, start: text.indexOf(matched), end: text.indexOf(matched) + matched.length });
    expect(hit!.suggestion.length).toBeGreaterThan(0);
  });

  it('reports several hits in order, each with its suggestion', () => {
    const text = '你怎么不早说？我正忙着呢，你明天再打来。';
    const hits = checker.check(text);
    expect(hits.map((h) => [h.ruleId, h.matchedText])).toEqual([
      ['s1-taboo-09', '你怎么不早说'],
      ['s1-taboo-27', '我正忙着呢'],
      ['s1-taboo-24', '你明天再打来'],
    ]);
    expect(hits.every((h) => h.suggestion.length > 0 && h.severity === 'forbidden')).toBe(true);
  });

  it('a longer phrase explains a shorter one inside it; repeated "喂" is one hit', () => {
    expect(checker.check('要投诉你去投诉吧').map((h) => h.ruleId)).toEqual(['s1-ban-03']);
    expect(checker.check('喂、喂、喂、喂').map((h) => [h.ruleId, h.start, h.end])).toEqual([['s1-ns-01a', 0, 7]]);
  });
});

describe('context rules settle the seeds\' conflicts', () => {
  const ids = (text: string) => checker.check(text).map((h) => h.ruleId);

  it('bare refusals fire only as a curt whole clause', () => {
    expect(ids('不能。')).toEqual(['s1-ns-09c']);
    expect(ids('我们不能啊')).toEqual(['s1-ns-09c']);
    expect(ids('如果师傅不能及时到达的话，我们会提前通知您')).toEqual([]);
    expect(ids('不行！')).toEqual(['s1-ns-09a']);
    expect(ids('车辆不行驶时请熄火')).toEqual([]);
    expect(ids('您看这样行不行？')).toEqual([]);
    expect(ids('不可以。')).toEqual(['s1-ns-09b']);
    expect(ids('您看明天可不可以？')).toEqual([]);
    expect(ids('这个我也不清楚啊')).toEqual(['s1-ban-10b']);
    expect(ids('不知道。')).toEqual(['s1-ban-10a']);
    expect(ids('不知道您现在是否方便？')).toEqual([]);
  });

  it('an apology earlier in the same sentence licenses the refusal (S2, S3)', () => {
    expect(ids('很抱歉，不能。')).toEqual([]);
    expect(ids('对不起，这方面的问题我也不清楚。')).toEqual([]);
    expect(ids('很抱歉，按规定实在不能退换。')).toEqual([]);
    expect(ids('很抱歉。不能。')).toEqual(['s1-ns-09c']); // the apology was another sentence
    expect(ids('我们这里不卖食品。')).toEqual(['s3-sorry-01']);
    expect(ids('对不起，我们这里不卖食品。')).toEqual([]);
  });

  it('"我不知道" / "我不清楚" stay banned after an apology (S1 part 5 note 7, S3)', () => {
    expect(ids('对不起，我不清楚。')).toEqual(['s1-taboo-21']);
    expect(ids('對不起，我不知道。')).toEqual(['s1-taboo-19']);
    expect(ids('对不起，我不太清楚，请稍候，我去问问再答您。')).toEqual([]);
    expect(ids('我不知道您是否方便接听？')).toEqual([]);
  });

  it('"喂" and "哎" alone, not inside words', () => {
    expect(ids('喂？')).toEqual(['s1-taboo-01']);
    expect(ids('喂，你出声啦')).toEqual(['s1-taboo-06']);
    expect(ids('宠物喂养请遵守规定')).toEqual([]);
    expect(ids('哎，你过来一下')).toEqual(['s4-address-01']);
    expect(ids('哎呀，给您添麻烦了')).toEqual([]);
  });

  it('exceptions and clause positions', () => {
    expect(ids('应该是吧。')).toEqual(['s1-ns-17b']);
    expect(ids('问题应该是吧台的插座')).toEqual([]);
    expect(ids('有可能是。')).toEqual(['s1-ns-17c']);
    expect(ids('有可能是管道堵塞，我们安排师傅上门')).toEqual([]);
    expect(ids('就是说，您得自己来')).toEqual(['s1-ns-18h']);
    expect(ids('也就是说，您的水表需要更换')).toEqual([]);
    expect(ids('请您直接与维修工程师联系')).toEqual(['s2-refer-01']);
    expect(ids('我会安排工程师联系您')).toEqual([]);
    expect(ids('付钱！')).toEqual(['s3-please-01']);
    expect(ids('请您付钱，谢谢')).toEqual([]);
  });

  it('a short pattern does not join the end of one clause to the next', () => {
    expect(ids('有问题随时问我，不清楚的地方我再解释。')).toEqual([]);
    expect(ids('有问题随时问我不清楚')).toEqual(['s1-taboo-21']);
  });
});
