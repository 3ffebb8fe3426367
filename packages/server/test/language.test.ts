import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { complaintBody, createTestApp, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

const VERIFY = '很抱歉，请您稍等一下，我帮您核实。';

/** Ordinary desk sentences; several contain the characters of a forbidden word in an innocent place. */
const ORDINARY = [
  '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？',
  '如果师傅不能及时到达的话，我们会提前通知您。',
  '不知道您现在是否方便接听电话？',
  '小区内请勿投喂流浪猫，宠物喂养请遵守养犬管理规定。',
  '也就是说，您家的水表读数和账单上的不一致，对吗？',
  '问题应该是吧台那边的插座跳闸了，我马上安排电工过去。',
  '对不起，这方面的问题我也不清楚，我请工程部的同事给您回电。',
  '很抱歉，按规定实在不能退换，可以采取其它办法解决吗？',
  '您的问题我已记录好，会提交给相关人员处理，并在三个工作日内回复您。',
  '這個月的物業費可以通過微信或者前台繳納。',
];

describe.skipIf(!databaseAvailable)(`service language (${testDialect})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const check = (text: string, token = t.org.tokens.agent) => t.request({ method: 'POST', url: '/api/v1/language/check', token, payload: { text } });

  describe('the live check', () => {
    it('flags "你问我，我问谁" with a standard alternative and offsets in the text as sent', async () => {
      const text = '王先生，你问我，我问谁？';
      const response = await check(text);
      expect(response.statusCode).toBe(200);
      const [hit, ...rest] = response.json().hits;
      expect(rest).toEqual([]);
      expect(hit).toEqual({
        phrase: '你问我，我问谁？', category: '斗气语', severity: 'forbidden', start: 4, end: 11, rule: 's1-ban-05', suggestion: VERIFY, matchedText: '你问我，我问谁',
      });
      expect(text.slice(hit.start, hit.end)).toBe(hit.matchedText);
    });

    it('flags "這事不歸我管" written in traditional script, offsets still in the original', async () => {
      const text = '抱歉，這事不歸我管。';
      const [hit] = (await check(text)).json().hits;
      expect(hit).toMatchObject({ rule: 's1-taboo-28', category: '否定语', start: 3, end: 9, matchedText: '這事不歸我管' });
      expect(hit.suggestion).toContain('您的问题是属于我的职责范围内的');
    });

    it('sees through spaces and punctuation between the characters', async () => {
      const text = '你 问 我 , 我-问-谁';
      const [hit] = (await check(text)).json().hits;
      expect(hit).toMatchObject({ rule: 's1-ban-05', start: 0, end: text.length });
    });

    it('leaves ordinary polite sentences alone', async () => {
      for (const sentence of ORDINARY) expect((await check(sentence)).json().hits, sentence).toEqual([]);
    });

    it('takes up to 20,000 characters from any staff member; customers and strangers are refused', async () => {
      const long = `${'您好，请问有什么可以帮您？'.repeat(1500)}我要下班了`.slice(-20_000);
      const ok = await check(long, t.org.tokens.handler);
      expect(ok.statusCode).toBe(200);
      expect(ok.json().hits.map((h: { rule: string }) => h.rule)).toEqual(['s1-taboo-23']);
      expect((await check('x'.repeat(20_001))).statusCode).toBe(400);
      expect((await check('你问我，我问谁', t.org.tokens.customer)).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: '/api/v1/language/check', payload: { text: '你好' } })).statusCode).toBe(401);
      expect((await t.request({ method: 'POST', url: '/api/v1/language/check', token: t.org.tokens.agent, payload: { text: '你好', extra: 1 } })).statusCode).toBe(400);
    });
  });

  describe('customer-visible notes', () => {
    let orderId: number;
    beforeAll(async () => {
      const created = await t.request({ method: 'POST', url: '/api/v1/work-orders', token: t.org.tokens.agent, payload: complaintBody(t.org) });
      orderId = created.json().id;
    });
    const note = (payload: Record<string, unknown>, token = t.org.tokens.agent) =>
      t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/notes`, token, payload });
    const audit = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=work_order&entityId=${orderId}`, token: t.org.tokens.admin })).json().items as { action: string; after: { hits?: unknown[] } }[];

    it('refuses a customer-visible note with a forbidden phrase unless confirmed, and stores nothing', async () => {
      const refused = await note({ text: '这事不归我管，你找物业公司。', customerVisible: true });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'forbidden_phrase', hits: [{ rule: 's1-taboo-28', start: 0, end: 6 }] });
      const order = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${orderId}`, token: t.org.tokens.agent })).json();
      expect(order.timeline.some((e: { data: { text?: string } }) => e.data.text?.includes('不归我管'))).toBe(false);
      expect((await audit()).some((e) => e.action === 'language.sent_with_hits')).toBe(false);
    });

    it('stores a confirmed send and records the hits in the audit log', async () => {
      const sent = await note({ text: '这事不归我管，你找物业公司。', customerVisible: true, confirmForbidden: true });
      expect(sent.statusCode).toBe(201);
      const recorded = (await audit()).find((e) => e.action === 'language.sent_with_hits');
      expect(recorded?.after.hits).toMatchObject([{ rule: 's1-taboo-28', matchedText: '这事不归我管' }]);
      const portal = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${orderId}`, token: t.org.tokens.agent })).json();
      expect(portal.timeline.at(-1)).toMatchObject({ data: { text: '这事不归我管，你找物业公司。' } });
    });

    it('does not check internal notes or clean customer-visible ones', async () => {
      expect((await note({ text: '内部：客户说“你问我，我问谁”是前任说的' })).statusCode).toBe(201);
      expect((await note({ text: '师傅明天上午十点上门，请您留人在家。', customerVisible: true })).statusCode).toBe(201);
    });

    it('records a customer-visible step the agent sent despite hits; a step is never refused for its wording', async () => {
      const step = async (payload: Record<string, unknown>) => {
        const { version } = (await t.request({ method: 'GET', url: `/api/v1/work-orders/${orderId}`, token: t.org.tokens.agent })).json();
        return t.request({ method: 'POST', url: `/api/v1/work-orders/${orderId}/transitions`, token: t.org.tokens.agent, payload: { ...payload, version } });
      };
      const recorded = async () => (await audit()).filter((e) => e.action === 'language.sent_with_hits').map((e) => (e.after as { text: string }).text);

      expect((await step({ action: 'start', text: '你问我，我问谁？我去问问工程部。', confirmForbidden: true })).statusCode).toBe(200);
      const sent = (await audit()).find((e) => e.action === 'language.sent_with_hits' && (e.after as { text: string }).text.startsWith('你问我'));
      expect(sent?.after.hits).toMatchObject([{ rule: 's1-ban-05', matchedText: '你问我，我问谁' }]);

      const before = await recorded();
      expect((await step({ action: 'give_result', text: '我要下班了，明天再说。' })).statusCode).toBe(200);
      expect((await step({ action: 'reopen', text: '客户反映仍未修好，重新处理。', confirmForbidden: true })).statusCode).toBe(200);
      expect(await recorded()).toEqual(before);
    });
  });

  describe('the lexicon', () => {
    it('is seeded exactly once when an organisation’s first uses race each other', async () => {
      const token = t.otherOrg.tokens.agent;
      const responses = await Promise.all([
        ...Array.from({ length: 4 }, () => t.request({ method: 'GET', url: '/api/v1/language/lexicon', token })),
        ...Array.from({ length: 4 }, () => check('你问我，我问谁', token)),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
      const counts = new Set(responses.slice(0, 4).map((r) => r.json().items.length));
      expect(counts.size).toBe(1);
      const keys = responses[0]!.json().items.map((r: { key: string }) => r.key);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('is seeded from the seeds, grouped, readable by staff and refused to customers', async () => {
      const response = await t.request({ method: 'GET', url: '/api/v1/language/lexicon', token: t.org.tokens.agent });
      expect(response.statusCode).toBe(200);
      const { items } = response.json();
      expect(items.find((r: { key: string }) => r.key === 's1-ban-05')).toMatchObject({ phrase: '你问我，我问谁？', group: '斗气语', enabled: true, version: 1 });
      expect(new Set(items.map((r: { group: string }) => r.group))).toEqual(new Set(['蔑视语', '烦躁语', '否定语', '斗气语', '模糊用语', '口头禅', '不规范用语']));
      const fillers = (await t.request({ method: 'GET', url: `/api/v1/language/lexicon?group=${encodeURIComponent('口头禅')}`, token: t.org.tokens.agent })).json().items;
      expect(fillers.length).toBeGreaterThan(0);
      expect(fillers.every((r: { group: string }) => r.group === '口头禅')).toBe(true);
      expect((await t.request({ method: 'GET', url: '/api/v1/language/lexicon', token: t.org.tokens.customer })).statusCode).toBe(403);
    });

    it('only administrators edit it', async () => {
      const body = { phrase: '没门儿', group: '斗气语', suggestion: '很抱歉，这超出我们的服务范围。' };
      expect((await t.request({ method: 'POST', url: '/api/v1/language/lexicon', token: t.org.tokens.agent, payload: body })).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: '/api/v1/language/lexicon', token: t.org.tokens.supervisor, payload: body })).statusCode).toBe(403);
      const rule = (await t.request({ method: 'GET', url: '/api/v1/language/lexicon', token: t.org.tokens.agent })).json().items[0];
      expect((await t.request({ method: 'PATCH', url: `/api/v1/language/lexicon/${rule.id}`, token: t.org.tokens.agent, payload: { version: 1, enabled: false } })).statusCode).toBe(403);
      expect((await t.request({ method: 'DELETE', url: `/api/v1/language/lexicon/${rule.id}`, token: t.org.tokens.customer })).statusCode).toBe(403);
    });

    it('edits change the results, on this server and on a second one sharing the database', async () => {
      const second = await buildApp({ database: t.database.handle, now: () => t.clock.now });
      const checkOn = async (app: typeof second.app, text: string, token = t.org.tokens.agent) =>
        (await app.inject({ method: 'POST', url: '/api/v1/language/check', headers: { authorization: `Bearer ${token}` }, payload: { text } })).json().hits.map((h: { rule: string }) => h.rule);
      try {
        // Both servers have built and cached their checker before the edit.
        expect(await checkOn(t.app, '这事没门儿！')).toEqual([]);
        expect(await checkOn(second.app, '这事没门儿！')).toEqual([]);

        const created = await t.request({ method: 'POST', url: '/api/v1/language/lexicon', token: t.org.tokens.admin, payload: { phrase: '没门儿', group: '斗气语', suggestion: '很抱歉，这超出我们的服务范围。' } });
        expect(created.statusCode).toBe(201);
        const rule = created.json();
        expect(rule).toMatchObject({ key: expect.stringMatching(/^org-/), severity: 'forbidden', scope: 'anywhere', version: 1 });
        expect(await checkOn(second.app, '这事沒門兒！')).toEqual([rule.key]);
        expect(await checkOn(t.app, '这事没门儿！')).toEqual([rule.key]);
        // Another organisation's lexicon is its own.
        expect(await checkOn(second.app, '这事没门儿！', t.otherOrg.tokens.agent)).toEqual([]);

        const seeded = (await t.request({ method: 'GET', url: '/api/v1/language/lexicon', token: t.org.tokens.admin })).json().items.find((r: { key: string }) => r.key === 's1-ban-05');
        const disabled = await t.request({ method: 'PATCH', url: `/api/v1/language/lexicon/${seeded.id}`, token: t.org.tokens.admin, payload: { version: seeded.version, enabled: false } });
        expect(disabled.json()).toMatchObject({ enabled: false, version: seeded.version + 1 });
        expect(await checkOn(second.app, '你问我，我问谁？')).toEqual([]);

        expect((await t.request({ method: 'DELETE', url: `/api/v1/language/lexicon/${rule.id}`, token: t.org.tokens.admin })).statusCode).toBe(204);
        expect(await checkOn(second.app, '这事没门儿！')).toEqual([]);
        const actions = (await t.request({ method: 'GET', url: '/api/v1/audit?entityType=language_rule', token: t.org.tokens.admin })).json().items.map((e: { action: string }) => e.action);
        expect(actions).toEqual(['language.rule_delete', 'language.rule_update', 'language.rule_create']);
      } finally {
        await second.app.close();
      }
    });

    it('refuses a stale version, a missing version, a rule that can never match and another organisation’s rule', async () => {
      const rule = (await t.request({ method: 'GET', url: '/api/v1/language/lexicon', token: t.org.tokens.admin })).json().items.find((r: { key: string }) => r.key === 's1-taboo-23');
      const patch = (payload: Record<string, unknown>, token = t.org.tokens.admin) => t.request({ method: 'PATCH', url: `/api/v1/language/lexicon/${rule.id}`, token, payload });
      expect((await patch({ version: rule.version + 5, note: 'x' })).statusCode).toBe(409);
      expect((await patch({ note: 'x' })).statusCode).toBe(428);
      const unusable = await patch({ version: rule.version, exceptions: ['马上就要下雨了'] });
      expect(unusable.statusCode).toBe(422);
      expect(unusable.json()).toMatchObject({ code: 'lexicon_rule_invalid', reason: 'exception_without_pattern' });
      const empty = await t.request({ method: 'POST', url: '/api/v1/language/lexicon', token: t.org.tokens.admin, payload: { phrase: '……', group: '口头禅', suggestion: '去掉' } });
      expect(empty.json()).toMatchObject({ code: 'lexicon_rule_invalid', reason: 'empty_pattern' });
      expect((await patch({ version: rule.version, enabled: false }, t.otherOrg.tokens.admin)).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: '/api/v1/language/lexicon', token: t.org.tokens.admin, payload: { phrase: '哼', group: '没有这组', suggestion: '-' } })).statusCode).toBe(400);
    });
  });

  describe('the phrase library', () => {
    const phrases = (query: string, token = t.org.tokens.agent) => t.request({ method: 'GET', url: `/api/v1/language/phrases?${query}`, token });

    it('renders the opening with the site name and the caller’s employee number', async () => {
      const response = await phrases('moment=opening');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ festival: false, holiday: null, date: '2026-11-25', siteId: t.org.siteId });
      expect(body.items[0]).toMatchObject({ text: '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？', template: '您好，{center}客服中心，{agentNo}号为您服务，请问您需要什么帮助？', festival: false, missing: [] });
      expect(body.items.every((p: { moment: string }) => p.moment === 'opening')).toBe(true);
    });

    it('fills {customer} when given and leaves it for the agent otherwise', async () => {
      const named = (await phrases(`moment=callbackComplaint&customer=${encodeURIComponent('王先生')}`)).json().items[0];
      expect(named.text).toBe('您好，请问您是王先生吗？我是回音花园的客服代表，关于您上次投诉的问题……');
      expect(named.followUp).toBe('感谢您的理解与支持，再见！');
      const unnamed = (await phrases('moment=callbackComplaint')).json().items[0];
      expect(unnamed).toMatchObject({ missing: ['customer'], text: expect.stringContaining('请问您是{customer}吗') });
    });

    it('offers the festival variant first on a statutory holiday of the site calendar', async () => {
      const saved = t.clock.now;
      try {
        t.clock.now = new Date('2026-10-01T02:00:00Z');
        const national = (await phrases('moment=opening')).json();
        expect(national).toMatchObject({ festival: true, date: '2026-10-01', holiday: expect.stringContaining('国庆') });
        expect(national.items[0]).toMatchObject({ festival: true, moment: 'festivalOpening', text: '节日好！1003号为您服务，请问您需要什么帮助？' });
        expect(national.items.some((p: { festival: boolean; moment: string }) => !p.festival && p.moment === 'opening')).toBe(true);
        t.clock.now = new Date('2026-02-17T02:00:00Z');
        const spring = (await phrases('moment=opening')).json();
        expect(spring.items[0].text).toBe('春节好！1003号为您服务，请问您需要什么帮助？');
        // A moment without a festival form is listed once, as ordinary.
        const apology = (await phrases('moment=apology')).json();
        expect(apology.items.every((p: { festival: boolean }) => !p.festival)).toBe(true);
      } finally {
        t.clock.now = saved;
      }
    });

    it('administrators add, edit and remove phrases; agents and customers cannot', async () => {
      const body = { moment: 'closing', text: '感谢您对{center}的支持，祝您生活愉快！' };
      expect((await t.request({ method: 'POST', url: '/api/v1/language/phrases', token: t.org.tokens.agent, payload: body })).statusCode).toBe(403);
      expect((await phrases('moment=closing', t.org.tokens.customer)).statusCode).toBe(403);
      const created = await t.request({ method: 'POST', url: '/api/v1/language/phrases', token: t.org.tokens.admin, payload: body });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await phrases('moment=closing')).json().items.at(-1)).toMatchObject({ id, text: '感谢您对回音花园的支持，祝您生活愉快！' });
      const edited = await t.request({ method: 'PATCH', url: `/api/v1/language/phrases/${id}`, token: t.org.tokens.admin, headers: { 'if-match': '"1"' }, payload: { text: '感谢您的来电，祝您生活愉快！' } });
      expect(edited.json()).toMatchObject({ text: '感谢您的来电，祝您生活愉快！', version: 2 });
      expect((await t.request({ method: 'DELETE', url: `/api/v1/language/phrases/${id}`, token: t.otherOrg.tokens.admin })).statusCode).toBe(404);
      expect((await t.request({ method: 'DELETE', url: `/api/v1/language/phrases/${id}`, token: t.org.tokens.admin })).statusCode).toBe(204);
      expect((await phrases('moment=closing')).json().items.some((p: { id: number }) => p.id === id)).toBe(false);
      expect((await phrases('moment=nonsense')).statusCode).toBe(400);
      expect((await phrases(`siteId=${t.otherOrg.siteId}`)).statusCode).toBe(404);
    });

    it('a switched-off phrase leaves the reply boxes but stays in the administrators’ library; switched on, it is back', async () => {
      const closing = (await phrases('moment=closing')).json().items as { id: number; text: string; version: number; enabled: boolean }[];
      const phrase = closing[0]!;
      expect(phrase.enabled).toBe(true);
      const switchTo = (enabled: boolean, version: number, token = t.org.tokens.admin) =>
        t.request({ method: 'PATCH', url: `/api/v1/language/phrases/${phrase.id}`, token, payload: { enabled, version } });

      expect((await switchTo(false, phrase.version, t.org.tokens.agent)).statusCode).toBe(403);
      expect((await switchTo(false, phrase.version, t.otherOrg.tokens.admin)).statusCode).toBe(404);
      const off = await switchTo(false, phrase.version);
      expect(off.statusCode).toBe(200);
      expect(off.json()).toMatchObject({ id: phrase.id, enabled: false, version: phrase.version + 1 });

      // The picker asks by moment, the panel by moment, the picker's "all" without one: none offers it.
      const offered = async (query: string) => ((await phrases(query)).json().items as { id: number }[]).some((p) => p.id === phrase.id);
      expect(await offered('moment=closing')).toBe(false);
      expect(await offered('')).toBe(false);
      // The library shows it, marked, to whoever may switch it back on — and to nobody else.
      expect((await phrases('includeDisabled=true')).statusCode).toBe(403);
      const library = (await phrases('includeDisabled=true', t.org.tokens.admin)).json().items as { id: number; enabled: boolean }[];
      expect(library.find((p) => p.id === phrase.id)).toMatchObject({ enabled: false, text: phrase.text });

      const audit = (await t.request({ method: 'GET', url: `/api/v1/audit?entityType=language_phrase&entityId=${phrase.id}`, token: t.org.tokens.admin })).json().items as { action: string; before: { enabled: boolean }; after: { enabled: boolean } }[];
      expect(audit[0]).toMatchObject({ action: 'language.phrase_update', before: { enabled: true }, after: { enabled: false } });

      expect((await switchTo(true, phrase.version)).statusCode).toBe(409);
      expect((await switchTo(true, phrase.version + 1)).json()).toMatchObject({ enabled: true });
      expect(await offered('moment=closing')).toBe(true);
      expect(((await phrases('moment=closing')).json().items as { id: number }[])[0]!.id).toBe(phrase.id);
    });

    it('a phrase added switched off is kept for later and offered nowhere yet', async () => {
      const created = await t.request({ method: 'POST', url: '/api/v1/language/phrases', token: t.org.tokens.admin, payload: { moment: 'closing', text: '新春将至，祝您阖家幸福！', enabled: false } });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ enabled: false });
      expect(((await phrases('moment=closing')).json().items as { id: number }[]).some((p) => p.id === created.json().id)).toBe(false);
      expect(((await phrases('includeDisabled=true', t.org.tokens.admin)).json().items as { id: number }[]).some((p) => p.id === created.json().id)).toBe(true);
    });
  });
});
