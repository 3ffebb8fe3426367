/**
 * Service language (issue #5) in the browser: the live forbidden-phrase check
 * of a customer-visible reply, the phrase shortcut, and quality inspection of
 * a day of conversations with review and an appeal.
 */
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, check, createStaff, deskLogin, newPage, screenshot, type Server } from './harness.js';

/** Today in the organisation's zone, so the month view shows the imported day. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

type Row = ['agent' | 'customer', number, string];
const conversation = (externalId: string, agentEmployeeNo: string, hour: string, rows: Row[], extra: Record<string, unknown> = {}) => ({
  externalId, agentEmployeeNo, channel: 'call', startedAt: `${today}T${hour}:00:00+08:00`,
  turns: rows.map(([speaker, s, text]) => ({ speaker, at: s * 1000, text })), ...extra,
});

/** A day at the desk by two agents: 1003 mostly by the book, 2001 not. */
const DAY = {
  conversations: [
    conversation('A-1', '1003', '09', [
      ['agent', 0, '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？'],
      ['customer', 5, '我想查一下上个月的水费。'],
      ['agent', 9, '您的问题我需要核实一下，请您稍等。'],
      ['agent', 40, '感谢您的耐心等待。上月水费56元。请问您还需要其它帮助吗？'],
      ['customer', 45, '没有了，谢谢。'],
      ['agent', 48, '感谢您的来电，再见！'],
    ]),
    conversation('A-2', '1003', '11', [
      ['agent', 0, '您好，回音花园客服中心，1003号为您服务，请问您需要什么帮助？'],
      ['customer', 5, '电梯卡在三楼了，什么时候能修好？'],
      ['agent', 12, '你问我，我问谁？我去问问工程部。'],
      ['customer', 20, '好吧。'],
      ['agent', 25, '请问您还需要其它帮助吗？感谢您的来电，再见！'],
    ]),
    conversation('B-1', '2001', '13', [
      ['agent', 0, '喂？'],
      ['customer', 2, '我家水管漏水了，你们什么时候来修？'],
      ['agent', 5, '你问我，我问谁？這事不歸我管。'],
      ['customer', 9, '那你叫什么名字？'],
      ['agent', 11, '我叫王小明，你去投诉啊。'],
    ]),
    conversation('B-2', '2001', '15', [
      ['agent', 0, '您好，回音花园客服中心，2001号为您服务'],
      ['customer', 5, '查一下我家上个月的水费'],
      ['agent', 10, '您的问题我需要核实一下，请您稍等。'],
      ['agent', 90, '感谢您的耐心等待。上月水费56元。请问您还需要其它帮助吗？'],
      ['customer', 95, '没有了'],
      ['agent', 100, '感谢您的来电，再见！'],
    ]),
  ],
};

async function noteHits(page: Page) {
  return page.getByTestId('note-composer').getByTestId('hit').all();
}

/** The agent's reply to the customer: flagged as typed, fixed with one click, the shortcut, and a confirmed send. */
async function agentReply(server: Server, orderId: number) {
  const { context, page } = await newPage(server);
  await deskLogin(page, 'agent1003');
  await page.goto(`/work-orders/${orderId}`);
  const composer = page.getByTestId('note-composer');
  await composer.getByTestId('note-visible').click();
  await page.locator('#note-text').fill('你问我，我问谁');
  await composer.locator('[data-testid=hit][data-rule=s1-ban-05]').waitFor();
  await composer.locator('[data-testid=hit-mark][data-rule=s1-ban-05]').waitFor();
  const suggestion = composer.getByTestId('hit-suggestion').first();
  const alternative = (await suggestion.innerText()).trim();
  check(alternative.includes('核实'), `a standard alternative is offered (${alternative})`);
  await composer.scrollIntoViewIfNeeded();
  await screenshot(page, 'language-reply-flagged');

  await suggestion.click();
  await composer.getByTestId('check-clean').waitFor();
  check((await page.locator('#note-text').inputValue()) === alternative, 'the suggestion replaced the phrase');
  check((await noteHits(page)).length === 0, 'no hit left after the replacement');
  await composer.getByTestId('note-submit').click();
  await page.getByText('已发送给客户').first().waitFor();
  await page.locator('.ant-timeline').getByText(alternative).first().waitFor();

  // Ctrl+/ opens the standard phrases; the agent's 工号 is filled in.
  await page.locator('#note-text').press('Control+/');
  await page.locator('#phrase-picker-search').waitFor();
  await page.getByTestId('phrase-choice').first().waitFor();
  await screenshot(page, 'language-phrase-picker');
  await page.locator('#phrase-picker-search').fill('需要核实');
  await page.locator('#phrase-picker-search').press('Enter');
  await page.locator('#phrase-picker-search').waitFor({ state: 'hidden' });
  check((await page.locator('#note-text').inputValue()).includes('核实'), 'Enter inserts the chosen phrase');

  // Sending anyway asks first, and the server records it.
  await page.locator('#note-text').fill('这事不归我管，你找物业公司。');
  await composer.locator('[data-testid=hit][data-rule=s1-taboo-28]').waitFor();
  await composer.getByTestId('note-submit').click();
  await page.getByTestId('send-anyway').waitFor();
  await screenshot(page, 'language-reply-confirm');
  await page.getByTestId('send-anyway').click();
  await page.getByText('已发送给客户').first().waitFor();
  const audit = await server.api<{ items: { action: string }[] }>('GET', `/audit?entityType=work_order&entityId=${orderId}`, undefined, server.adminToken);
  check(audit.body.items.some((e) => e.action === 'language.sent_with_hits'), 'the confirmed send is in the audit log');
  return { context, page };
}

/** The supervisor imports the day and reads each agent's score with the reasons. */
async function supervisorInspects(server: Server, page: Page) {
  await deskLogin(page, 'super1');
  await page.getByTestId('nav-quality').click();
  await page.getByTestId('quality-title').waitFor();
  await page.getByTestId('import-open').click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: `conversations-${today}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(DAY)) });
  await page.locator('.ant-modal').getByText(`conversations-${today}.json`).waitFor();
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-result').waitFor();
  await screenshot(page, 'language-import-result');
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-result').waitFor({ state: 'detached' });

  const rows = page.getByTestId('conversation-table').locator('.ant-table-row');
  await rows.nth(3).waitFor();
  const scoreOf = async (id: string) => Number(await rows.filter({ hasText: id }).getByTestId('score').getAttribute('data-score'));
  check(await scoreOf('A-1') === 100, 'the by-the-book call scores 100');
  check(await scoreOf('B-1') < 40, 'the rude call scores low');
  check(/服务禁语/.test(await rows.filter({ hasText: 'B-1' }).getByTestId('reasons').innerText()), 'the reasons name the forbidden phrases');
  check(/45秒等待提示/.test(await rows.filter({ hasText: 'B-2' }).getByTestId('reasons').innerText()), 'the long hold without notice is a reason');
  await screenshot(page, 'language-quality-list');

  await page.getByRole('tab', { name: '坐席月度成绩' }).click();
  const month = page.getByTestId('agent-month');
  await month.locator('.ant-table-row').nth(1).waitFor();
  check(/1003/.test(await month.innerText()) && /2001/.test(await month.innerText()), 'each agent has a row for the month');
  await page.locator('canvas').first().waitFor();
  await screenshot(page, 'language-agent-month');

  await page.getByRole('tab', { name: '会话' }).click();
  await page.getByTestId('conversation-table').waitFor();
  await rows.filter({ hasText: 'B-1' }).click();
  await page.getByTestId('conversation-title').waitFor();
  check(await page.locator('[data-testid=turn][data-flagged=true]').count() >= 3, 'the findings point at their turns');
  await page.getByTestId('turn-hit').first().waitFor();
  await page.locator('#review-note').fill('开场、禁语、报姓名三处问题，安排复训。');
  await page.getByTestId('review-submit').click();
  await page.getByText('复核意见已保存').first().waitFor();
  await screenshot(page, 'language-conversation');
}

/** The agent appeals a finding of A-2; the supervisor accepts it and the score goes back up. */
async function appeal(server: Server, agentPage: Page, supervisorPage: Page) {
  await agentPage.getByTestId('nav-quality').click();
  await agentPage.locator('.ant-table-row').filter({ hasText: 'A-2' }).click();
  await agentPage.getByTestId('appeal-open').first().click();
  await agentPage.locator('#appeal-reason').fill('这是转述客户原话，不是对客户说的。');
  await agentPage.getByTestId('appeal-submit').click();
  await agentPage.getByText('申诉已提交').first().waitFor();
  await screenshot(agentPage, 'language-appeal-agent');

  await supervisorPage.getByTestId('nav-appeals').click();
  await supervisorPage.getByTestId('appeal-accept').first().waitFor();
  await screenshot(supervisorPage, 'language-appeals');
  await supervisorPage.getByTestId('appeal-accept').first().click();
  await supervisorPage.locator('#decision-note').fill('核实录音，确为转述，撤销扣分。');
  await supervisorPage.getByTestId('decision-submit').click();
  await supervisorPage.getByText(/得分由 \d+ 调整为 100/).first().waitFor();
  await supervisorPage.locator('.ant-segmented-item').filter({ hasText: '已采纳' }).click();
  await supervisorPage.locator('.ant-table-row').filter({ hasText: '撤销扣分' }).waitFor();
  await screenshot(supervisorPage, 'language-appeals-decided');
}

/** The library and the lexicon as an administrator edits them; the lexicon's "try it" box. */
async function libraryScreens(server: Server) {
  const { context, page } = await newPage(server);
  await deskLogin(page, 'admin', ADMIN_PASSWORD);
  await page.getByTestId('nav-phrases').click();
  await page.getByTestId('phrases-title').waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await screenshot(page, 'language-phrases');
  await page.getByTestId('phrase-add').click();
  await page.locator('#phrase-text').fill('{customer}您好，{center}客服中心，{agentNo}号为您服务。');
  await page.getByTestId('phrase-preview').getByText(/王先生您好/).waitFor();
  await screenshot(page, 'language-phrase-edit');
  await page.getByTestId('phrase-save').click();
  await page.getByText('用语已新增').first().waitFor();

  await page.getByTestId('nav-lexicon').click();
  await page.getByTestId('lexicon-title').waitFor();
  await page.locator('#lexicon-try-text').fill('这事不归我管，你问我，我问谁？');
  await page.getByTestId('lexicon-try').locator('[data-testid=hit][data-rule=s1-ban-05]').waitFor();
  await screenshot(page, 'language-lexicon');
  await context.close();
}

export async function serviceLanguage(server: Server) {
  await createStaff(server, [
    { username: 'agent1003', role: 'agent', displayName: '林晓', employeeNo: '1003' },
    { username: 'agent2001', role: 'agent', displayName: '王小明', employeeNo: '2001' },
    { username: 'super1', role: 'supervisor', displayName: '周主管', employeeNo: '0901' },
  ]);
  const siteId = (await server.api<{ items: { id: number }[] }>('GET', '/sites', undefined, server.adminToken)).body.items[0]!.id;
  const order = await server.api<{ id: number }>('POST', '/work-orders', {
    kind: 'repair', channel: 'phone', siteId, description: '电梯卡在三楼，门打不开', customer: { name: '王', title: '先生', phone: '13811112222' },
  }, server.adminToken);
  check(order.status === 201, `order created (${JSON.stringify(order.body)})`);

  const agent = await agentReply(server, order.body.id);
  const supervisor = await newPage(server);
  await supervisorInspects(server, supervisor.page);
  await appeal(server, agent.page, supervisor.page);
  await agent.context.close();
  await supervisor.context.close();
  await libraryScreens(server);
}
