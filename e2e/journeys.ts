import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { tinyPng } from '../packages/server/src/portal/image-fixtures.js';
import { zhCN } from '../packages/web/src/shared/i18n/zh-CN.js';
import { zhTW } from '../packages/web/src/shared/i18n/zh-TW.js';
import { en } from '../packages/web/src/shared/i18n/en.js';
import { check, createStaff, deskLogin, newPage, pickOption, screenshot, type Server } from './harness.js';

async function clockState(page: Page, kind: string): Promise<string | null> {
  const clock = page.getByTestId(`clock-${kind}`).first();
  if ((await clock.count()) === 0) return null;
  return clock.getAttribute('data-state');
}

async function expectStatus(page: Page, status: string) {
  await page.locator(`[data-testid=order-status][data-status=${status}]`).waitFor();
}

async function runAction(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  const t0 = Date.now();
  await page.getByTestId(`action-${action}`).click();
  await page.locator('.ant-modal').last().waitFor();
  if (fill) await fill(page);
  await page.getByTestId('action-confirm').click();
  await page.locator('.ant-modal').last().waitFor({ state: 'hidden' });
  if (process.env.E2E_DEBUG) console.log('action', action, Date.now() - t0);
}

/** (a) Phone complaint → classify → dispatch → handler acknowledges and gives the result → callback → closed, clocks checked at each step. */
export async function agentAndHandler(server: Server) {
  await createStaff(server, [
    { username: 'agent1', role: 'agent', displayName: '李客服', employeeNo: '8001' },
    { username: 'handler1', role: 'handler', displayName: '张师傅', employeeNo: '9001', departmentName: '工程' },
  ]);
  const { context, page } = await newPage(server);
  await deskLogin(page, 'agent1');
  await screenshot(page, 'desk-queue-empty');
  await page.getByRole('menuitem', { name: /电话受理/ }).click();
  await page.locator('#intake-phone').fill('13812341234');
  await page.getByTestId('customer-card').getByText('新客户').waitFor();
  await page.locator('#intake-name').fill('王建国');
  await page.locator('#intake-title').fill('先生');
  await page.locator('#intake-unit').fill('3栋2单元1502');
  await page.locator('#intake-description').fill('3号楼电梯又坏了，困人半小时，物业一直没人来');
  await screenshot(page, 'desk-intake');
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('order-number').waitFor();
  await expectStatus(page, 'received');
  check((await clockState(page, 'dispatch')) === 'running', 'dispatch clock runs after intake');
  check(/剩余/.test(await page.getByTestId('clock-dispatch').getByTestId('countdown').innerText()), 'dispatch clock counts down');
  const orderUrl = page.url();

  if (await page.getByTestId('classify-submit').count()) {
    await pickOption(page, 'classify-nature', '责任投诉');
    await page.getByTestId('classify-submit').click();
    await page.getByText('操作成功').first().waitFor();
  }
  await runAction(page, 'dispatch', async (p) => {
    await pickOption(p, 'dispatch-department', /工程/);
    await pickOption(p, 'dispatch-handler', '张师傅');
  });
  await expectStatus(page, 'dispatched');
  check((await clockState(page, 'dispatch')) === 'met', 'dispatch clock met by dispatching');
  check((await clockState(page, 'department_reaction')) === 'running', 'department reaction clock runs');
  await screenshot(page, 'desk-order-dispatched');
  await context.close();

  const handler = await newPage(server);
  await deskLogin(handler.page, 'handler1');
  await handler.page.goto(orderUrl);
  await expectStatus(handler.page, 'dispatched');
  await runAction(handler.page, 'start');
  await expectStatus(handler.page, 'in_progress');
  check((await clockState(handler.page, 'department_reaction')) === 'met', 'acknowledging meets the department reaction clock');
  check((await clockState(handler.page, 'result')) === 'running', 'result clock runs while in progress');
  await runAction(handler.page, 'give_result', (p) => p.locator('#action-text').fill('已更换电梯控制板，试运行正常'));
  await expectStatus(handler.page, 'result_given');
  check((await clockState(handler.page, 'result')) === 'met', 'result clock met');
  await screenshot(handler.page, 'desk-order-result');
  await handler.context.close();

  // This organisation sends an order back already at 一般: the desk must warn by its rule, not the default.
  const setReopenAt = async (rating: string) => {
    const patched = await server.api('PATCH', '/settings', { callbacks: { record: { reopenAtOrWorse: rating } } }, server.adminToken);
    check(patched.status === 200, `reopen threshold set to ${rating}: ${JSON.stringify(patched.body)}`);
  };
  await setReopenAt('neutral');
  const agent = await newPage(server);
  await deskLogin(agent.page, 'agent1');
  await agent.page.goto(orderUrl);
  await expectStatus(agent.page, 'result_given');
  // A responsible complaint owes a callback (100%): record it, and it closes the order.
  await agent.page.getByTestId('callback-form').waitFor();
  check((await clockState(agent.page, 'callback')) !== 'met', 'callback clock open before the callback');
  const stars = agent.page.locator('[data-testid=callback-form] .ant-rate-star');
  const consequence = agent.page.getByTestId('callback-consequence');
  await stars.nth(2).click(); // 一般
  await consequence.filter({ hasText: '退回部门' }).waitFor();
  check(await agent.page.getByTestId('callback-submit').evaluate((b) => b.classList.contains('ant-btn-dangerous')), '一般 sends this organisation’s order back: the button says so');
  await stars.nth(4).click(); // 非常满意
  await consequence.filter({ hasText: '关闭' }).waitFor();
  await setReopenAt('dissatisfied');
  await agent.page.locator('#callback-words').fill('修好了，谢谢');
  await agent.page.getByTestId('callback-submit').click();
  await expectStatus(agent.page, 'closed');
  await screenshot(agent.page, 'desk-order-closed');
  await agent.context.close();
}

/** (b) A customer signs up on the portal and submits a repair with a photo; the agent's queue shows it without a reload. */
export async function portalRepairLive(server: Server) {
  await createStaff(server, [{ username: 'agent2', role: 'agent', displayName: '赵客服', employeeNo: '8002' }]);
  const desk = await newPage(server);
  await deskLogin(desk.page, 'agent2');
  await desk.page.getByTestId('live-status').filter({ hasText: '实时' }).waitFor();

  const { context, page } = await newPage(server, { mobile: true });
  await page.goto('/portal');
  await page.getByRole('tab', { name: '注册' }).click();
  await screenshot(page, 'portal-signup');
  const phone = '13900001111';
  await page.locator('#portal-signup-phone').fill(phone);
  await page.locator('#portal-signup-name').fill('陈女士');
  await page.locator('#portal-signup-password').fill('portal-pass-1');
  await page.getByTestId('portal-send-code').click();
  await page.locator('#portal-signup-code').fill(await server.smsCode(phone, 'signup'));
  await page.getByTestId('portal-signup-submit').click();
  await page.getByTestId('portal-new').click();
  await page.locator('#portal-unit').fill('5栋801');
  await page.locator('#portal-description').fill('卫生间天花板渗水，楼上漏下来的');
  const photo = join(tmpdir(), 'huiyin-e2e-leak.png');
  writeFileSync(photo, tinyPng(320, 240));
  await page.getByTestId('portal-photo-input').setInputFiles(photo);
  await page.locator('img[alt="图片 1"]').waitFor();
  await screenshot(page, 'portal-new');
  await page.getByTestId('portal-submit').click();
  const number = await page.getByTestId('portal-order-number').innerText();
  await page.locator('.ant-image img').first().waitFor();
  await screenshot(page, 'portal-order');

  // The agent never reloaded: the order arrives through the event stream.
  await desk.page.getByTestId(`order-row-${number}`).waitFor({ timeout: 10_000 });
  await screenshot(desk.page, 'desk-queue-live');
  await desk.page.getByTestId(`order-row-${number}`).click();
  await desk.page.locator('.ant-image img').first().waitFor();
  await screenshot(desk.page, 'desk-order-photo');
  await context.close();
  await desk.context.close();
}

/** Texts of the desk that differ between zh-CN and the target: none may remain after switching. */
function leftovers(body: string, target: Record<string, string>): string[] {
  return Object.entries(zhCN)
    .filter(([key, value]) => value.length >= 3 && !key.startsWith('fmt.') && !value.includes('{') && target[key] !== value && !Object.values(target).some((v) => v.includes(value)))
    .map(([, value]) => value)
    .filter((value) => body.includes(value));
}

/** (c) Switching to 繁體中文 and to English changes the whole desk, antd's own texts included. */
export async function languages(server: Server) {
  await createStaff(server, [{ username: 'agent3', role: 'agent', displayName: 'Agent Three', employeeNo: '8003' }]);
  const { context, page } = await newPage(server);
  await deskLogin(page, 'agent3');
  const visit = async (lang: '繁體中文' | 'English', target: Record<string, string>, shot: string) => {
    await page.getByTestId('language-switch').first().click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: lang }).click();
    // Each page is a lazily loaded chunk: wait for its own content, not just the shell.
    for (const [path, ready] of [['/queue/all', '[data-testid=queue-title]'], ['/intake', '#intake-phone'], ['/dashboard', `text=${target['dash.title']}`]] as const) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(400);
      const body = await page.locator('body').innerText();
      const left = leftovers(body, target);
      check(left.length === 0, `${lang} ${path}: simplified texts left: ${left.join(', ')}`);
      check(body.includes(target['nav.queues']!), `${lang} ${path}: menu translated`);
    }
    await page.goto('/intake');
    await page.getByTestId('me').waitFor();
    await screenshot(page, shot);
  };
  await visit('繁體中文', zhTW, 'lang-zh-TW-intake');
  await page.goto('/queue/all');
  await page.getByText(zhTW['list.empty']).waitFor();
  await visit('English', en, 'lang-en-intake');
  await page.goto('/queue/all');
  await screenshot(page, 'lang-en-queue');
  const body = await page.locator('body').innerText();
  check(!/[\u4e00-\u9fff]/.test(body.replace(/简体中文|繁體中文|回音/g, '')), `English desk shows no Chinese: ${body.match(/[\u4e00-\u9fff]+/g)?.join(' ')}`);
  await context.close();
}

/** (d) A customer cannot open another customer's order by its URL. */
export async function portalIsolation(server: Server) {
  const signUp = async (phone: string, name: string) => {
    await server.api('POST', '/portal/sms-codes', { phone });
    const response = await fetch(`${server.url}/api/v1/portal/signup`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone, name, password: 'portal-pass-1', code: await server.smsCode(phone, 'signup') }),
    });
    check(response.status === 201, `sign up ${phone}`);
    return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const cookieA = await signUp('13900002222', '甲先生');
  const csrfA = /hy_csrf=([^;]+)/.exec(cookieA)![1]!;
  const sites = await (await fetch(`${server.url}/api/v1/sites`, { headers: { cookie: cookieA } })).json() as { items: { id: number }[] };
  const created = await fetch(`${server.url}/api/v1/work-orders`, {
    method: 'POST', headers: { cookie: cookieA, 'x-csrf-token': csrfA, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'complaint', channel: 'online', siteId: sites.items[0]!.id, description: '甲先生的私人投诉内容' }),
  });
  const order = await created.json() as { id: number; number: string };
  check(created.status === 201, 'customer A created an order');

  await signUp('13900003333', '乙女士');
  const { context, page } = await newPage(server, { mobile: true });
  await page.goto('/portal');
  await page.locator('#portal-login-phone').fill('13900003333');
  await page.locator('#portal-login-password').fill('portal-pass-1');
  await page.getByTestId('portal-login-submit').click();
  await page.locator('#portal-login-code').fill(await server.smsCode('13900003333', 'login'));
  await page.getByTestId('portal-login-submit').click();
  await page.getByTestId('portal-new').waitFor();
  await page.goto(`/portal/orders/${order.id}`);
  await page.getByText('找不到该工单').waitFor();
  const body = await page.locator('body').innerText();
  check(!body.includes('甲先生的私人投诉内容') && !body.includes(order.number), 'nothing of the other customer shows');
  const direct = await page.evaluate(async (id) => (await fetch(`/api/v1/work-orders/${id}`)).status, order.id);
  check(direct === 404, `the API answers 404 to another customer (got ${direct})`);
  const photos = await page.evaluate(async (id) => (await fetch(`/api/v1/work-orders/${id}/photos`)).status, order.id);
  check(photos === 404, 'photos of another customer answer 404');
  await screenshot(page, 'portal-other-customer');
  // The desk at `/` sends a customer to the portal.
  await page.goto('/');
  await page.waitForURL(/\/portal/);
  await context.close();
}
