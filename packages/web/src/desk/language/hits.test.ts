import { describe, expect, it } from 'vitest';
import { applySuggestion, rebaseHits, segmentsOf } from './hits';
import type { Hit } from './types';

const hit = (text: string, matched: string, extra: Partial<Hit> = {}): Hit => {
  const start = text.indexOf(matched);
  return {
    phrase: matched, category: '斗气语', severity: 'forbidden', start, end: start + matched.length, rule: 's1-ban-05',
    suggestion: '很抱歉，请您稍等一下，我帮您核实。', matchedText: matched, ...extra,
  };
};

describe('reply-box hits', () => {
  const text = '王先生，你问我，我问谁？我去问问。';
  const h = hit(text, '你问我，我问谁');

  it('keep marking the same words while the agent types before or after them', () => {
    const typedBefore = `您好，${text}`;
    expect(rebaseHits(text, typedBefore, [h]).map((x) => typedBefore.slice(x.start, x.end))).toEqual(['你问我，我问谁']);
    const typedAfter = `${text}好吗`;
    expect(rebaseHits(text, typedAfter, [h])).toEqual([h]);
  });

  it('are dropped when the edit touches them, until the server looks again', () => {
    expect(rebaseHits(text, text.replace('我问谁', '我问问'), [h])).toEqual([]);
  });

  it('cut the text into plain and marked runs, overlapping hits widening one mark', () => {
    const other = { ...hit(text, '我问谁？我去'), rule: 'x' };
    const segments = segmentsOf(text, [other, h]);
    expect(segments.map((s) => [s.text, s.hit !== null])).toEqual([['王先生，', false], ['你问我，我问谁？我去', true], ['问问。', false]]);
  });

  it('replace the hit by the standard phrase without doubling the sentence stop', () => {
    expect(applySuggestion(text, h).text).toBe('王先生，很抱歉，请您稍等一下，我帮您核实。我去问问。');
  });

  it('drop a filler word instead of pasting the advice, and select a gap the agent must fill', () => {
    const filler = hit('嗯那个，您的快递到了。', '那个', { category: '口头禅', suggestion: '去掉口头禅，简明扼要地回答。' });
    expect(applySuggestion('嗯那个，您的快递到了。', filler).text).toBe('嗯，您的快递到了。');
    const rule = hit('不能退。', '不能', { suggestion: '很抱歉，按规定实在不能……，可以采取其它办法解决吗？' });
    const { text: replaced, select } = applySuggestion('不能退。', rule);
    expect(replaced.slice(select[0], select[1])).toBe('……');
  });
});
