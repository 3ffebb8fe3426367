import { createPhraseChecker, DEFAULT_QUALITY_SETTINGS, FORBIDDEN_LEXICON, inspectConversation, type Conversation } from '@huiyin/domain';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { deductionPoints, findingPenalties, rescore } from './quality-score.js';

const checker = createPhraseChecker(FORBIDDEN_LEXICON, { toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) });

const conversation = (rows: [('agent' | 'customer'), number, string][]): Conversation => ({
  turns: rows.map(([speaker, s, text]) => ({ speaker, at: s * 1000, text })),
});

function inspect(c: Conversation) {
  const report = inspectConversation(c, checker, DEFAULT_QUALITY_SETTINGS);
  const penalties = findingPenalties(report, DEFAULT_QUALITY_SETTINGS);
  const findings = report.findings.map((f, i) => ({ check: f.check, penalty: penalties[i]!, standing: true }));
  return { report, findings };
}

describe('rescoring after appeals', () => {
  const rude = conversation([
    ['agent', 0, '喂？'],
    ['customer', 2, '我家水管漏水了，你们什么时候来修？'],
    ['agent', 5, '你问我，我问谁？這事不歸我管。'],
    ['agent', 9, '好的，再见。'],
  ]);

  it('with every finding standing, gives the inspection’s own score', () => {
    const { report, findings } = inspect(rude);
    expect(report.score).toBeLessThan(70);
    expect(rescore(report.checks, findings).score).toBe(report.score);
  });

  it('with every finding removed, gives 100', () => {
    const { report, findings } = inspect(rude);
    expect(rescore(report.checks, findings.map((f) => ({ ...f, standing: false }))).score).toBe(100);
  });

  it('removing one of several capped forbidden-phrase hits gives back only what the cap allows', () => {
    const { report, findings } = inspect(conversation([
      ['agent', 0, '您好，请问有什么可以帮您？'],
      ['agent', 5, '你问我，我问谁？这事不归我管。你去投诉啊。'],
      ['agent', 9, '感谢您的来电，再见！'],
    ]));
    const forbidden = findings.filter((f) => f.check === 'forbiddenPhrases');
    expect(forbidden.length).toBeGreaterThanOrEqual(3);
    expect(report.checks.find((c) => c.check === 'forbiddenPhrases')!.earned).toBe(0);
    let removed = 0;
    const oneRemoved = findings.map((f) => (f.check === 'forbiddenPhrases' && removed++ === 0 ? { ...f, standing: false } : f));
    // Three or more hits at 0.5 each: dropping one still loses the whole check.
    expect(rescore(report.checks, oneRemoved).score).toBe(report.score);
    const allButOne = findings.map((f, i) => (f.check === 'forbiddenPhrases' && i !== findings.indexOf(forbidden[0]!) ? { ...f, standing: false } : f));
    expect(rescore(report.checks, allButOne).score).toBeGreaterThan(report.score);
  });

  it('a missing greeting costs the whole opening weight, and its deduction says so', () => {
    const { report, findings } = inspect(conversation([
      ['agent', 0, '请问有什么事？'],
      ['customer', 2, '查一下水费。'],
      ['agent', 5, '上月水费56元。请问您还需要其它帮助吗？'],
    ]));
    const opening = findings.findIndex((f) => f.check === 'opening');
    expect(opening).toBeGreaterThanOrEqual(0);
    const points = deductionPoints(report.checks, 'opening', findings[opening]!.penalty);
    const after = rescore(report.checks, findings.map((f, i) => (i === opening ? { ...f, standing: false } : f))).score;
    expect(after - report.score).toBeCloseTo(points, 0);
    expect(after).toBe(100);
  });
});
