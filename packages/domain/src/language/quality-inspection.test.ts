import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_LEXICON } from './forbidden-lexicon.seed.js';
import { createPhraseChecker } from './phrase-checker.js';
import { inspectConversation } from './quality-inspection.js';
import { DEFAULT_QUALITY_SETTINGS, type Conversation, type Speaker, type TranscriptTurn } from './quality-settings.js';

const checker = createPhraseChecker(FORBIDDEN_LEXICON, { toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }) });

/** Turns written as [speaker, seconds, text]. */
function conversation(rows: [Speaker, number, string][], extra: Partial<Conversation> = {}): Conversation {
  const turns: TranscriptTurn[] = rows.map(([speaker, s, text]) => ({ speaker, at: s * 1000, text }));
  return { turns, ...extra };
}

const inspect = (c: Conversation) => inspectConversation(c, checker);
const where = (c: Conversation) => inspect(c).findings.map((f) => [f.check, f.turnIndex]);

describe('transcripts that score high', () => {
  it('an inquiry with a lookup: greeting, 45-second notice, thanks for waiting, closing → 100', () => {
    const report = inspect(conversation([
      ['agent', 0, '您好，阳光物业客服中心，8号为您服务，请问您需要什么帮助？'],
      ['customer', 5, '我想查一下上个月的水费。'],
      ['agent', 9, '您的问题我需要核实一下，请您稍等。'],
      ['agent', 50, '很抱歉，我正在与您核实相关问题，请您耐心等待，谢谢！'],
      ['agent', 80, '感谢您的耐心等待。您咨询的问题是上月水费，共56元。'],
      ['customer', 85, '好的，谢谢。'],
      ['agent', 88, '不客气，这是我应该做的，请问您还需要其它帮助吗？'],
      ['customer', 92, '没有了。'],
      ['agent', 94, '感谢您的来电，请挂机，再见！'],
    ]));
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.checks.filter((c) => !c.applicable).map((c) => c.check)).toEqual(['complaintApology', 'abusiveCaller']);
  });

  it('a complaint in traditional script: apology first, only the employee number → 100', () => {
    const report = inspect(conversation([
      ['agent', 0, '您好，陽光物業客服中心，8號為您服務，請問您需要什麼幫助？'],
      ['customer', 4, '我要投訴，你們的維修師傅三天都沒來！'],
      ['agent', 8, '對不起，給您添麻煩了，我會將您反映的問題如實上報主管，並盡快核實處理。'],
      ['customer', 15, '你叫什麼名字？'],
      ['agent', 17, '對不起，我的工號是8號。'],
      ['agent', 25, '您的投訴內容我們已做好了詳細記錄，處理完畢後我們會將結果立即通知到您。請問您還需要其它幫助嗎？'],
      ['customer', 30, '沒有了。'],
      ['agent', 32, '感謝您的來電，再見！'],
    ]));
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.checks.find((c) => c.check === 'complaintApology')?.applicable).toBe(true);
  });

  it('an abusive caller warned three times before the agent ends the call → 100, no goodbye required', () => {
    const warning = '请您文明用语陈述您问题，如果您还辱骂客服人员，我将挂断您的电话。';
    const report = inspect(conversation([
      ['agent', 0, '您好，阳光物业客服中心，8号为您服务，请问您需要什么帮助？'],
      ['customer', 3, '你们这帮混蛋！'],
      ['agent', 5, warning],
      ['customer', 8, '王八蛋，修个水管要三天！'],
      ['agent', 10, warning],
      ['customer', 12, '神经病！'],
      ['agent', 14, warning],
      ['customer', 16, '去死吧！'],
    ], { endedBy: 'agent' }));
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.checks.find((c) => c.check === 'closing')?.applicable).toBe(false);
  });
});

describe('transcripts that score low, with the turn at fault', () => {
  it('a rude agent: no greeting, forbidden phrases, full name, no closing', () => {
    const c = conversation([
      ['agent', 0, '喂？'],
      ['customer', 2, '我家水管漏水了，你们什么时候来修？'],
      ['agent', 5, '你问我，我问谁？這事不歸我管。'],
      ['customer', 9, '那你叫什么名字？'],
      ['agent', 11, '我叫王小明，你去投诉啊。'],
    ]);
    const report = inspect(c);
    expect(where(c)).toEqual([
      ['opening', 0],
      ['forbiddenPhrases', 0],
      ['forbiddenPhrases', 2],
      ['forbiddenPhrases', 2],
      ['forbiddenPhrases', 4],
      ['agentIdentity', 4],
      ['closing', 4],
    ]);
    expect(report.findings.find((f) => f.turnIndex === 2)?.hit).toMatchObject({ ruleId: 's1-ban-05', start: 0, end: 7 });
    expect(report.findings.find((f) => f.check === 'agentIdentity')?.message).toContain('我叫王小明');
    // forbiddenPhrases, opening, closing and agentIdentity earn nothing: 0 of 65.
    expect(report.score).toBe(0);
  });

  it('a lookup left silent for 70 s, then "让您久等" → both wait checks fail at turn 3', () => {
    const c = conversation([
      ['agent', 0, '您好，阳光物业客服中心，8号为您服务，请问您需要什么帮助？'],
      ['customer', 4, '帮我查一下停车费。'],
      ['agent', 6, '好的，请您稍等。'],
      ['agent', 76, '不好意思，让您久等了，停车费是每月300元。'],
      ['agent', 80, '请问您还需要其它帮助吗？感谢您的来电，再见！'],
    ]);
    const report = inspect(c);
    expect(where(c)).toEqual([['waitNotice', 3], ['afterWait', 3]]);
    expect(report.findings[0]!.message).toContain('70 秒');
    // waitNotice (15) and afterWait (5) lost out of 85 applicable → 65/85.
    expect(report.score).toBe(Math.round((100 * 65) / 85));
  });

  it('a "still checking" notice that itself comes after 45 s is late', () => {
    const c = conversation([
      ['agent', 0, '您好，请问有什么可以帮您？'],
      ['agent', 10, '请稍等，我帮您查询。'],
      ['agent', 60, '很抱歉，我正在为您查询，请您耐心等待。'],
      ['agent', 90, '感谢您的耐心等待，已经查到了。再见！'],
    ]);
    expect(where(c)).toEqual([['waitNotice', 2]]);
  });

  it('a complaint without any apology, and one where the apology comes late', () => {
    const none = conversation([
      ['agent', 0, '您好，阳光物业客服中心，8号为您服务。'],
      ['customer', 3, '我要投诉保安态度恶劣。'],
      ['agent', 6, '您的问题我已记录好，会提交给相关人员处理，并在三个工作日内回复您。'],
      ['agent', 9, '感谢您的来电，再见！'],
    ]);
    expect(where(none)).toEqual([['complaintApology', 2]]);
    // complaintApology (10) lost; applicable: opening, forbiddenPhrases, complaintApology, agentIdentity, closing = 75.
    expect(inspect(none).score).toBe(Math.round((100 * 65) / 75));

    const late = conversation([
      ['agent', 0, '您好，阳光物业客服中心，8号为您服务。'],
      ['customer', 3, '保安态度恶劣。'],
      ['agent', 6, '请问是哪一位保安？'],
      ['agent', 9, '请问是什么时间？'],
      ['agent', 12, '对不起，给您添麻烦了。感谢您的来电，再见！'],
    ], { complaint: true });
    expect(where(late)).toEqual([['complaintApology', 2]]);
    expect(inspect(late).score).toBe(Math.round((100 * 70) / 75)); // half of complaintApology
  });

  it('an abusive call ended after one warning, and abuse answered without any warning', () => {
    const early = conversation([
      ['agent', 0, '您好，请问有什么可以帮您？'],
      ['customer', 3, '你们都是废物！'],
      ['agent', 5, '请您文明用语，如果您还辱骂客服人员，我将挂断您的电话。'],
      ['customer', 7, '混蛋！'],
    ], { endedBy: 'agent' });
    expect(where(early)).toEqual([['abusiveCaller', 2], ['closing', 2]]);

    const silent = conversation([
      ['agent', 0, '您好，请问有什么可以帮您？'],
      ['customer', 3, '你们都是废物！'],
      ['agent', 5, '请您不要着急，我会尽力帮您解决。请问您还需要其它帮助吗？'],
    ]);
    expect(where(silent)).toEqual([['abusiveCaller', 2]]);
  });
});

describe('details of the checks', () => {
  it('calling a colleague or technician is not disclosing a name; 我姓 is', () => {
    const c = conversation([
      ['agent', 0, '您好，我叫一下维修师傅，让他直接给您回电话。'],
      ['agent', 5, '我姓李，您有事可以找我。再见！'],
    ]);
    expect(where(c)).toEqual([['agentIdentity', 1]]);
  });

  it('weights and limits come from the settings', () => {
    const c = conversation([
      ['agent', 0, '您好，请稍等。'],
      ['agent', 30, '感谢您的耐心等待。再见！'],
    ]);
    expect(where(c)).toEqual([]);
    const strict = { ...DEFAULT_QUALITY_SETTINGS, holdNoticeMs: 20_000 };
    expect(inspectConversation(c, checker, strict).findings.map((f) => f.check)).toEqual(['waitNotice']);
  });

  it('a transcript with no agent turn scores 100 (nothing to judge)', () => {
    expect(inspect(conversation([['customer', 0, '喂？']])).score).toBe(100);
  });
});
