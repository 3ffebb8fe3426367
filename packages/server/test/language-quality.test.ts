import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/users/user.service.js';
import { createTestApp, PASSWORD, type TestApp } from './helpers/test-app.js';
import { databaseAvailable, testDialect } from './helpers/test-database.js';

type Row = [('agent' | 'customer'), number, string];
const turns = (rows: Row[]) => rows.map(([speaker, s, text]) => ({ speaker, at: s * 1000, text }));

/** A day at the desk, 2026-11-25 (Asia/Shanghai), by two agents: 1003 and 2001. */
const DAY = [
  {
    externalId: 'A-1', agentEmployeeNo: '1003', channel: 'call', startedAt: '2026-11-25T01:00:00Z',
    turns: turns([
      ['agent', 0, '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？'],
      ['customer', 5, '我想查一下上个月的水费。'],
      ['agent', 9, '您的问题我需要核实一下，请您稍等。'],
      ['agent', 50, '很抱歉，我正在与您核实相关问题，请您耐心等待，谢谢！'],
      ['agent', 80, '感谢您的耐心等待。您咨询的问题是上月水费，共56元。请问您还需要其它帮助吗？'],
      ['customer', 85, '没有了，谢谢。'],
      ['agent', 88, '感谢您的来电，请挂机，再见！'],
    ]),
  },
  {
    externalId: 'A-2', agentEmployeeNo: '1003', channel: 'chat', startedAt: '2026-11-25T03:00:00Z',
    turns: turns([
      ['agent', 0, '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？'],
      ['customer', 5, '电梯卡在三楼了，什么时候能修好？'],
      ['agent', 12, '你问我，我问谁？我去问问工程部。'],
      ['customer', 20, '好吧。'],
      ['agent', 25, '请问您还需要其它帮助吗？感谢您的来电，再见！'],
    ]),
  },
  {
    externalId: 'B-1', agentEmployeeNo: '2001', channel: 'call', startedAt: '2026-11-25T05:00:00Z',
    turns: turns([
      ['agent', 0, '喂？'],
      ['customer', 2, '我家水管漏水了，你们什么时候来修？'],
      ['agent', 5, '你问我，我问谁？這事不歸我管。'],
      ['customer', 9, '那你叫什么名字？'],
      ['agent', 11, '我叫王小明，你去投诉啊。'],
    ]),
  },
  {
    externalId: 'B-next-day', agentEmployeeNo: '2001', channel: 'chat', startedAt: '2026-11-26T02:00:00Z',
    turns: turns([['agent', 0, '您好，请问有什么可以帮您？'], ['customer', 3, '没事了'], ['agent', 5, '感谢您的来电，再见！']]),
  },
];

/** The second agent's calls as a CSV export: traditional script, a hold without the 45-second notice. */
const CSV = [
  'conversation_id,agent_employee_no,speaker,time,text',
  'C-1,2001,客服,2026-11-25 14:00:00,"您好，回音花园客服中心，2001號為您服務，請問您需要什麼幫助？"',
  'C-1,2001,客户,2026-11-25 14:00:06,想問一下停車費怎麼交',
  'C-1,2001,客服,2026-11-25 14:00:15,"停車費可以在物業前台或者微信繳納。請問您還需要其它幫助嗎？"',
  'C-1,2001,客户,2026-11-25 14:00:20,"沒有了，謝謝"',
  'C-1,2001,客服,2026-11-25 14:00:24,"不客氣，感謝您的來電，再見！"',
  'C-2,2001,客服,2026-11-25 15:00:00,"您好，回音花园客服中心，2001号为您服务"',
  'C-2,2001,客户,2026-11-25 15:00:05,查一下我家上个月的水费',
  'C-2,2001,客服,2026-11-25 15:00:10,"您的问题我需要核实一下，请您稍等。"',
  'C-2,2001,客服,2026-11-25 15:01:30,"感谢您的耐心等待。上月水费56元。请问您还需要其它帮助吗？"',
  'C-2,2001,客户,2026-11-25 15:01:35,没有了',
  'C-2,2001,客服,2026-11-25 15:01:40,"感谢您的来电，再见！"',
].join('\r\n');

describe.skipIf(!databaseAvailable)(`quality inspection (${testDialect})`, () => {
  let t: TestApp;
  let agent2: number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    agent2 = (await createUser(t.context.db, {
      orgId: t.org.orgId, username: 't1-agent2', password: PASSWORD, displayName: '李客服', employeeNo: '2001', role: 'agent', siteIds: [t.org.siteId],
    }, null, t.clock.now)).id;
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: unknown, token = t.org.tokens.supervisor) => t.request({ method: 'POST', url: `/api/v1/quality${url}`, token, payload: payload as object });
  const get = (url: string, token = t.org.tokens.supervisor) => t.request({ method: 'GET', url: `/api/v1/quality${url}`, token });

  it('a supervisor imports a day of transcripts (JSON and CSV); each is scored at once', async () => {
    const json = await post('/conversations', { conversations: DAY });
    expect(json.statusCode).toBe(201);
    const csv = await post('/conversations', { format: 'csv', content: CSV, channel: 'call' });
    expect(csv.statusCode).toBe(201);
    for (const item of [...json.json().imported, ...csv.json().imported]) ids[item.externalId] = item.id;
    const scores = Object.fromEntries([...json.json().imported, ...csv.json().imported].map((i: { externalId: string; score: number }) => [i.externalId, i.score]));
    expect(scores['A-1']).toBe(100);
    expect(scores['C-1']).toBe(100);
    expect(scores['A-2']).toBe(73); // one forbidden phrase: half of the 35 points over 65 applicable
    expect(scores['C-2']).toBeLessThan(100);
    expect(scores['B-1']).toBeLessThan(30);
  });

  it('re-sending the same export skips what is stored; unknown agents and bad CSV are refused', async () => {
    const again = await post('/conversations', { conversations: DAY.slice(0, 2) });
    expect(again.json()).toEqual({ imported: [], skipped: [{ externalId: 'A-1', reason: 'duplicate' }, { externalId: 'A-2', reason: 'duplicate' }] });
    const unknown = await post('/conversations', { conversations: [{ ...DAY[0], externalId: 'X-1', agentEmployeeNo: '9999' }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_reference', where: 'conversations[0]' });
    const customerAsAgent = await post('/conversations', { conversations: [{ ...DAY[0], externalId: 'X-2', agentEmployeeNo: undefined, agentUserId: t.org.userIds.customer }] });
    expect(customerAsAgent.statusCode).toBe(422);
    const badCsv = await post('/conversations', { format: 'csv', content: 'conversation_id,agent_employee_no,speaker,time,text\nZ,2001,robot,2026-11-25 09:00,hi' });
    expect(badCsv.json()).toMatchObject({ code: 'transcript_invalid', line: 2 });
    expect((await post('/conversations', {})).statusCode).toBe(400);
    expect((await post('/conversations', { conversations: DAY }, t.org.tokens.agent)).statusCode).toBe(403);
    expect((await post('/conversations', { conversations: DAY }, t.org.tokens.customer)).statusCode).toBe(403);
  });

  it('the supervisor sees each agent’s score for the day with the reasons', async () => {
    const day = (await get('/conversations?date=2026-11-25')).json().items;
    expect(day.map((c: { externalId: string }) => c.externalId)).toEqual(['A-1', 'A-2', 'B-1', 'C-1', 'C-2']);
    const b1 = day.find((c: { externalId: string }) => c.externalId === 'B-1');
    expect(b1.agent).toEqual({ id: agent2, name: '李客服', employeeNo: '2001' });
    const checks = b1.reasons.map((r: { check: string }) => r.check);
    expect(checks).toEqual(expect.arrayContaining(['opening', 'forbiddenPhrases', 'agentIdentity', 'closing']));
    expect(b1.reasons.find((r: { check: string; turnIndex: number }) => r.check === 'agentIdentity').turnIndex).toBe(4);
    const c2 = day.find((c: { externalId: string }) => c.externalId === 'C-2');
    expect(c2.reasons).toMatchObject([{ check: 'waitNotice', turnIndex: 3, message: expect.stringContaining('80 秒') }]);
    expect(day.find((c: { externalId: string }) => c.externalId === 'A-1').reasons).toEqual([]);

    const onlyB = (await get(`/conversations?date=2026-11-25&agentId=${agent2}`)).json().items;
    expect(onlyB.map((c: { externalId: string }) => c.externalId)).toEqual(['B-1', 'C-1', 'C-2']);
  });

  it('a conversation shows every turn with the findings pointing at it', async () => {
    const detail = (await get(`/conversations/${ids['B-1']}`)).json();
    expect(detail.turns).toHaveLength(5);
    expect(detail.turns[2].text).toBe('你问我，我问谁？這事不歸我管。');
    const phrases = detail.turns[2].findings.map((f: { hit: { rule: string; matchedText: string } }) => [f.hit.rule, f.hit.matchedText]);
    expect(phrases).toEqual([['s1-ban-05', '你问我，我问谁'], ['s1-taboo-28', '這事不歸我管']]);
    expect(detail.turns[1].findings).toEqual([]);
    expect(detail.checks.find((c: { check: string }) => c.check === 'complaintApology').applicable).toBe(false);
  });

  it('monthly results per agent: average, count and findings by check', async () => {
    const month = (await get('/agents?month=2026-11')).json();
    const byNo = Object.fromEntries(month.items.map((i: { agent: { employeeNo: string } }) => [i.agent.employeeNo, i]));
    expect(byNo['1003']).toMatchObject({ conversations: 2, averageScore: 86.5, lowestScore: 73, findingsByCheck: { forbiddenPhrases: 1, opening: 0 } });
    expect(byNo['2001'].conversations).toBe(4);
    expect(byNo['2001'].findingsByCheck.waitNotice).toBe(1);
    expect((await get('/agents?month=2026-10')).json().items).toEqual([]);
  });

  it('agents see only their own inspections; customers nothing', async () => {
    const own = (await get('/conversations', t.org.tokens.agent)).json().items;
    expect(own.map((c: { externalId: string }) => c.externalId)).toEqual(['A-1', 'A-2']);
    expect((await get(`/conversations?agentId=${agent2}`, t.org.tokens.agent)).statusCode).toBe(403);
    expect((await get(`/conversations/${ids['B-1']}`, t.org.tokens.agent)).statusCode).toBe(404);
    expect((await get(`/conversations/${ids['A-2']}`, t.org.tokens.agent)).statusCode).toBe(200);
    expect((await get(`/conversations/${ids['A-2']}`, t.otherOrg.tokens.admin)).statusCode).toBe(404);
    const mine = (await get('/agents?month=2026-11', t.org.tokens.agent)).json().items;
    expect(mine.map((i: { agent: { employeeNo: string } }) => i.agent.employeeNo)).toEqual(['1003']);
    expect((await get('/conversations', t.org.tokens.customer)).statusCode).toBe(403);
    expect((await get(`/conversations/${ids['A-2']}`, t.org.tokens.customer)).statusCode).toBe(403);
  });

  it('a supervisor reviews a conversation; agents cannot', async () => {
    expect((await post(`/conversations/${ids['A-2']}/review`, { note: '注意服务禁语' }, t.org.tokens.agent)).statusCode).toBe(403);
    const reviewed = await post(`/conversations/${ids['A-2']}/review`, { note: '注意服务禁语，已面谈' });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().review).toMatchObject({ by: { id: t.org.userIds.supervisor }, note: '注意服务禁语，已面谈' });
  });

  it('an accepted appeal removes the deduction and re-scores; every step is audited', async () => {
    const detail = (await get(`/conversations/${ids['A-2']}`, t.org.tokens.agent)).json();
    const finding = detail.turns[2].findings[0];
    expect(finding).toMatchObject({ check: 'forbiddenPhrases', status: 'standing', deduction: 26.9, appeal: null });

    expect((await post(`/findings/${finding.id}/appeal`, { reason: '我在转述客户的话' })).statusCode).toBe(403); // the supervisor is not the agent
    const b1Finding = (await get(`/conversations/${ids['B-1']}`)).json().turns[2].findings[0];
    expect((await post(`/findings/${b1Finding.id}/appeal`, { reason: '不是我' }, t.org.tokens.agent)).statusCode).toBe(404);

    const appeal = await post(`/findings/${finding.id}/appeal`, { reason: '我在转述客户的话' }, t.org.tokens.agent);
    expect(appeal.statusCode).toBe(201);
    expect(appeal.json()).toMatchObject({ status: 'pending', appellantId: t.org.userIds.agent });
    expect((await post(`/findings/${finding.id}/appeal`, { reason: '再申诉' }, t.org.tokens.agent)).json().code).toBe('already_appealed');

    const pending = (await get('/appeals?status=pending')).json().items;
    expect(pending).toMatchObject([{ id: appeal.json().id, finding: { check: 'forbiddenPhrases', turnIndex: 2 }, appellant: { employeeNo: '1003' } }]);
    expect((await post(`/appeals/${appeal.json().id}/decision`, { accepted: true, note: '同意' }, t.org.tokens.agent)).statusCode).toBe(403);

    const decided = await post(`/appeals/${appeal.json().id}/decision`, { accepted: true, note: '核实为转述客户原话，撤销扣分' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ previousScore: 73, score: 100, appeal: { status: 'accepted', decidedBy: t.org.userIds.supervisor } });
    expect((await post(`/appeals/${appeal.json().id}/decision`, { accepted: false, note: '改主意' })).json().code).toBe('appeal_decided');

    const after = (await get(`/conversations/${ids['A-2']}`, t.org.tokens.agent)).json();
    expect(after).toMatchObject({ score: 100, originalScore: 73 });
    expect(after.turns[2].findings[0]).toMatchObject({ status: 'removed', appeal: { status: 'accepted' } });
    const month = (await get('/agents?month=2026-11')).json().items.find((i: { agent: { employeeNo: string } }) => i.agent.employeeNo === '1003');
    expect(month).toMatchObject({ averageScore: 100, findingsByCheck: { forbiddenPhrases: 0 } });

    const audit = (await t.request({ method: 'GET', url: '/api/v1/audit?limit=50', token: t.org.tokens.admin })).json().items.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['quality.import', 'quality.review', 'quality.appeal', 'quality.appeal_decision']));
  });

  it('a rejected appeal leaves the score as it was', async () => {
    const detail = (await get(`/conversations/${ids['C-2']}`)).json();
    const finding = detail.turns[3].findings[0];
    const token = (await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 't1-agent2', password: PASSWORD } })).json().token;
    const appeal = (await post(`/findings/${finding.id}/appeal`, { reason: '系统卡顿' }, token)).json();
    const decided = (await post(`/appeals/${appeal.id}/decision`, { accepted: false, note: '超过45秒仍应提示客户' })).json();
    expect(decided).toMatchObject({ score: detail.score, previousScore: detail.score, appeal: { status: 'rejected' } });
    expect((await get(`/conversations/${ids['C-2']}`)).json().turns[3].findings[0].status).toBe('standing');
    expect((await get('/appeals', token)).json().items.map((a: { id: number }) => a.id)).toEqual([appeal.id]);
  });

  it('weights are organisation settings: PATCH /settings quality changes how new imports score', async () => {
    expect((await get('/settings', t.org.tokens.agent)).json().weights.forbiddenPhrases).toBe(35);
    const patched = await t.request({ method: 'PATCH', url: '/api/v1/settings', token: t.org.tokens.admin, payload: { quality: { weights: { forbiddenPhrases: 0 } } } });
    expect(patched.statusCode).toBe(200);
    expect((await get('/settings', t.org.tokens.agent)).json().weights).toMatchObject({ forbiddenPhrases: 0, opening: 10 });
    const again = { ...DAY[1]!, externalId: 'A-2-weights' };
    const imported = (await post('/conversations', { conversations: [again] })).json().imported;
    expect(imported).toMatchObject([{ externalId: 'A-2-weights', score: 100, findings: 1 }]);
    const bad = await t.request({ method: 'PATCH', url: '/api/v1/settings', token: t.org.tokens.admin, payload: { quality: { weights: { politeness: 5 } } } });
    expect(bad.statusCode).toBe(400);
  });
});
