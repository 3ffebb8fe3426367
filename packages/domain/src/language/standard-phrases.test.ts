import { describe, expect, it } from 'vitest';
import { PHRASE_MOMENTS, STANDARD_PHRASES } from './standard-phrases.seed.js';
import { festivalGreeting, festivalVariant, MissingPhraseVariableError, phrasesFor, renderPhrase } from './standard-phrases.js';

const vars = { center: '阳光物业', agentNo: '8', customer: '王先生' };

describe('standard phrase data', () => {
  it('has unique ids, a source for every phrase and at least one phrase per moment', () => {
    expect(new Set(STANDARD_PHRASES.map((p) => p.id)).size).toBe(STANDARD_PHRASES.length);
    for (const p of STANDARD_PHRASES) expect(p.sources.length, p.id).toBeGreaterThan(0);
    for (const moment of PHRASE_MOMENTS) expect(phrasesFor(moment).length, moment).toBeGreaterThan(0);
  });

  it('uses only the known variables', () => {
    for (const p of STANDARD_PHRASES) {
      for (const [, name] of p.text.matchAll(/\{(\w+)\}/g)) expect(['center', 'agentNo', 'customer', 'reason'], p.id).toContain(name);
    }
  });

  it('holds the seeds\' key phrases verbatim', () => {
    const texts = STANDARD_PHRASES.map((p) => p.text);
    expect(texts).toContain('您的问题我需要核实一下，请您稍等。');
    expect(texts).toContain('很抱歉，为了维护用户的利益，我无法为您提供用户个人信息，请您谅解。');
    expect(texts).toContain('请问您还需要其它帮助吗？');
    expect(texts).toContain('感谢您的来电，请挂机，再见！');
    expect(texts).toContain('对不起，您方便留下您的联系方式吗？我们核实后在三个工作日内尽快与您联系。');
  });
});

describe('renderPhrase', () => {
  it('fills the variables', () => {
    expect(renderPhrase('您好，{center}客服中心，{agentNo}号为您服务，请问您需要什么帮助？', vars)).toBe(
      '您好，阳光物业客服中心，8号为您服务，请问您需要什么帮助？',
    );
    expect(renderPhrase('对不起，{customer}，请您慢慢说好吗？', vars)).toBe('对不起，王先生，请您慢慢说好吗？');
  });

  it('leaves text without variables alone and rejects a missing variable', () => {
    expect(renderPhrase('请您稍候', {})).toBe('请您稍候');
    expect(() => renderPhrase('{agentNo}号为您服务', {})).toThrow(MissingPhraseVariableError);
  });
});

describe('festivalVariant', () => {
  it('on 春节 the opening greets "春节好"', () => {
    const openings = festivalVariant('opening', '春节').map((p) => renderPhrase(p.text, vars));
    expect(openings).toContain('春节好！8号为您服务，请问您需要什么帮助？');
    expect(openings.every((t) => t.startsWith('春节好'))).toBe(true);
  });

  it('on 国庆节 (as the statutory calendar names it) the opening greets "节日好", on 元旦 "新年好"', () => {
    expect(festivalVariant('opening', '国庆节').map((p) => p.text)).toContain('节日好！{agentNo}号为您服务，请问您需要什么帮助？');
    expect(festivalVariant('opening', 'National Day,国庆节').map((p) => p.text.slice(0, 3))).toContain('节日好');
    expect(festivalVariant('opening', '元旦').every((p) => p.text.startsWith('新年好'))).toBe(true);
    expect(festivalVariant('opening', '五一').every((p) => p.text.startsWith('节日好'))).toBe(true);
  });

  it('the closing becomes the festival closing; callbacks change their greeting', () => {
    expect(festivalVariant('closing', '中秋节').map((p) => p.text)).toEqual(['再次祝您节日快乐！感谢您的来电，再见！', '祝您节日愉快！']);
    expect(festivalVariant('callbackSurvey', '春节')[0]!.text.startsWith('春节好，请问您是{customer}吗？')).toBe(true);
  });

  it('ordinary days, non-statutory names and other moments get the ordinary phrases', () => {
    expect(festivalVariant('opening', undefined)).toEqual(phrasesFor('opening'));
    expect(festivalVariant('opening', '情人节')).toEqual(phrasesFor('opening'));
    expect(festivalVariant('askToWait', '春节')).toEqual(phrasesFor('askToWait'));
  });

  it('festivalGreeting', () => {
    expect(festivalGreeting('春节')).toBe('春节好');
    expect(festivalGreeting('清明节')).toBe('节日好');
    expect(festivalGreeting('')).toBeUndefined();
    expect(festivalGreeting('周末')).toBeUndefined();
  });
});
