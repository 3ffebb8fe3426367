import type { Page } from 'playwright-core';
import { check, createStaff, deskLogin, newPage, PASSWORD, screenshot, type Server } from './harness.js';

interface Order { id: number; number: string; version: number; status: string; confirmation: { rating: string | null; method: string } | null }

/** A portal customer made through the API, with the session cookies a browser would keep. */
async function portalCustomer(server: Server, phone: string, name: string) {
  await server.api('POST', '/portal/sms-codes', { phone });
  const response = await fetch(`${server.url}/api/v1/portal/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, name, password: 'portal-pass-1', code: await server.smsCode(phone, 'signup') }),
  });
  check(response.status === 201, `sign up ${phone}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const cookie = cookies.join('; ');
  const csrf = /hy_csrf=([^;]+)/.exec(cookie)![1]!;
  const call = async <T>(method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/v1${path}`, {
      method, headers: { cookie, 'x-csrf-token': csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return (await r.json()) as T;
  };
  return { cookies: cookies.map((c) => ({ name: c.split('=')[0]!, value: c.slice(c.indexOf('=') + 1), url: server.url })), call };
}

/** Click a pie chart's ring at an angle (clockwise from the top), where ECharts draws the first slices. */
async function clickRing(page: Page, testId: string, centreY: number, radius: number) {
  const chart = page.getByTestId(testId);
  await chart.locator('canvas').waitFor();
  await chart.scrollIntoViewIfNeeded();
  await page.waitForTimeout(800); // the pie's opening animation
  const box = (await chart.boundingBox())!;
  const angle = (150 * Math.PI) / 180;
  await page.mouse.click(box.x + box.width / 2 + radius * Math.sin(angle), box.y + box.height * centreY - radius * Math.cos(angle));
}

/** A few strokes of a signature, drawn with the mouse as pointer events. */
async function sign(page: Page) {
  const box = (await page.getByTestId('signature-pad').boundingBox())!;
  const stroke = async (points: [number, number][]) => {
    const [first, ...rest] = points;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
    await page.mouse.up();
  };
  await stroke(Array.from({ length: 24 }, (_, i) => [0.12 + i * 0.015, 0.55 - Math.sin(i / 2.2) * 0.25] as [number, number]));
  await stroke([[0.5, 0.3], [0.52, 0.7], [0.6, 0.35], [0.66, 0.68], [0.78, 0.4]]);
}

/**
 * (g) Confirmation, callbacks, collective complaints and the dashboard: the
 * customer signs on the desk's screen; on the portal a customer rates a result
 * and answers the callback online; five customers complaining about one lift
 * appear as one collective complaint; a dashboard chart opens its orders.
 */
export async function handling(server: Server) {
  await createStaff(server, [{ username: 'agent7', role: 'agent', displayName: '孙客服', employeeNo: '8007' }]);
  const agentToken = (await server.api<{ token: string }>('POST', '/auth/login', { username: 'agent7', password: PASSWORD })).body.token;
  const siteId = (await server.api<{ items: { id: number }[] }>('GET', '/sites', undefined, agentToken)).body.items[0]!.id;
  const giveResult = async (order: Order, text: string) => {
    const r = await server.api<Order>('POST', `/work-orders/${order.id}/transitions`, { action: 'give_result', version: order.version, text }, agentToken);
    check(r.status === 200, `give result: ${JSON.stringify(r.body)}`);
    return r.body;
  };

  // A repair taken on the phone, repaired: the customer signs for it at the desk.
  const repair = (await server.api<Order>('POST', '/work-orders', {
    kind: 'repair', channel: 'phone', siteId, description: '厨房水管接头漏水，地上全是水', unit: '2栋1单元602', customer: { name: '赵建华', title: '先生', phone: '13812345678' },
  }, agentToken)).body;
  await giveResult(repair, '已更换水管接头，试水无渗漏');

  // A portal customer's complaint (the policy owes a callback) and inquiry (no callback: the customer rates it).
  const customer = await portalCustomer(server, '13900005555', '刘女士');
  const complaint = await customer.call<Order>('POST', '/work-orders', { kind: 'complaint', channel: 'online', siteId, unit: '7栋302', description: '阳台下水管堵了三天，物业一直没人来' });
  const inquiry = await customer.call<Order>('POST', '/work-orders', { kind: 'inquiry', channel: 'online', siteId, description: '小区游泳池今年什么时候开放？' });
  await giveResult(complaint, '已疏通阳台下水管，并清理了楼上的排水口');
  await giveResult(inquiry, '游泳池6月1日开放，开放时间为每天9:00–21:00');

  // --- The desk: the customer signs on screen. ---
  const desk = await newPage(server);
  await deskLogin(desk.page, 'agent7');
  await desk.page.goto(`/work-orders/${repair.id}`);
  await desk.page.getByTestId('confirmation-card').waitFor();
  await sign(desk.page);
  await desk.page.locator('#confirmation-signer').fill('赵建华');
  await desk.page.locator('[data-testid=confirmation-card] .ant-rate-star').nth(4).click();
  await screenshot(desk.page, 'handling-desk-signature');
  await desk.page.getByTestId('confirmation-submit').click();
  const signature = desk.page.locator('[data-testid=confirmation-done] img').first();
  await signature.waitFor();
  check((await signature.getAttribute('src'))?.startsWith('data:image/png;base64,'), 'the stored signature is shown as a PNG');
  check((await desk.page.getByTestId('confirmation-rating').innerText()) === '非常满意', 'the rating is shown with the confirmation');
  await screenshot(desk.page, 'handling-desk-confirmed');
  const stored = (await server.api<Order>('GET', `/work-orders/${repair.id}`, undefined, agentToken)).body;
  check(stored.confirmation?.method === 'signature' && stored.confirmation.rating === 'very_satisfied', 'the signature and rating are stored');

  // --- The portal: the customer rates the inquiry's answer and answers the complaint's callback. ---
  const portal = await newPage(server, { mobile: true });
  await portal.context.addCookies(customer.cookies);
  await portal.page.goto('/portal');
  await portal.page.getByTestId('portal-callbacks-waiting').waitFor();
  await screenshot(portal.page, 'handling-portal-home');

  await portal.page.goto(`/portal/orders/${inquiry.id}`);
  await portal.page.getByTestId('portal-confirm-card').waitFor();
  await portal.page.locator('[data-testid=portal-confirm-card] .ant-rate-star').nth(3).click();
  await portal.page.locator('#portal-confirm-text').fill('回复很清楚，谢谢');
  await portal.page.getByTestId('portal-confirm').click();
  await portal.page.getByTestId('portal-confirmed').filter({ hasText: '满意' }).waitFor();
  await screenshot(portal.page, 'handling-portal-rated');
  const rated = (await server.api<Order>('GET', `/work-orders/${inquiry.id}`, undefined, agentToken)).body;
  check(rated.confirmation?.rating === 'satisfied', `the rating is a field of the confirmation (got ${JSON.stringify(rated.confirmation)})`);

  await portal.page.goto('/portal');
  await portal.page.getByTestId(`portal-callback-link-${complaint.number}`).click();
  await portal.page.getByTestId('portal-callback').waitFor();
  await portal.page.locator('[data-testid=portal-callback] .ant-rate-star').nth(3).click();
  await portal.page.locator('#portal-callback-words').fill('水管通了，师傅很负责');
  await screenshot(portal.page, 'handling-portal-callback');
  await portal.page.getByTestId('portal-callback-submit').click();
  await portal.page.getByTestId('portal-callback-done').waitFor();
  await screenshot(portal.page, 'handling-portal-callback-done');
  const answered = (await server.api<Order>('GET', `/work-orders/${complaint.id}`, undefined, agentToken)).body;
  check(answered.status === 'closed', `a satisfied callback answer closes the order (got ${answered.status})`);
  await portal.context.close();

  // --- Five customers complain about one lift: one collective complaint on the desk. ---
  const lift = ['3号楼电梯又坏了', '三号楼电梯停运一上午', '3栋的電梯困人，老人被關在裏面', '3幢电梯故障，只能爬楼梯', '3号楼电梯不动了，什么时候修好？'];
  for (const [i, description] of lift.entries()) {
    const r = await server.api('POST', '/work-orders', { kind: 'complaint', channel: 'phone', siteId, description, customer: { name: `业主${i + 1}`, phone: `1381111000${i}` } }, agentToken);
    check(r.status === 201, `lift complaint ${i + 1}`);
  }
  await desk.page.getByTestId('queue-collective').click();
  const group = desk.page.locator('[data-testid^=collective-group-]').first();
  await group.waitFor();
  check((await group.getByTestId('collective-customers').innerText()) === '5 位客户', 'the group counts five customers');
  check((await group.locator('tbody tr').count()) === 5, 'the group lists its five orders');
  await screenshot(desk.page, 'handling-collective-queue');
  await group.locator('tbody tr').first().click();
  await desk.page.getByTestId('classification').waitFor();
  check((await desk.page.getByTestId('grading-severity').innerText()) === '重大投诉', 'a collective complaint is major');
  await screenshot(desk.page, 'handling-order-classification');

  // A major reason recorded by mistake is undone from the success message.
  await desk.page.getByRole('tab', { name: '重大理由' }).click();
  await desk.page.locator('.ant-select').filter({ has: desk.page.locator('#grading-reason') }).click();
  await desk.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '重大经济损失' }).click();
  await desk.page.locator('#grading-detail').fill('误操作测试');
  await desk.page.getByTestId('reason-submit').click();
  await desk.page.getByTestId('withdraw-major_loss_or_injury').waitFor();
  await screenshot(desk.page, 'handling-order-undo');
  await desk.page.getByTestId('undo').click();
  await desk.page.getByTestId('withdraw-major_loss_or_injury').waitFor({ state: 'detached' });
  check(await desk.page.getByTestId('withdraw-collective').isVisible(), 'the undo takes back only the reason just added');

  // --- The dashboard: a chart opens the orders behind it. ---
  await desk.page.getByRole('menuitem', { name: /数据看板/ }).click();
  await desk.page.getByTestId('chart-satisfaction').locator('canvas').waitFor();
  await screenshot(desk.page, 'handling-dashboard');
  // This month's complaints are all uncategorised: one slice, the lift five and the portal one.
  await clickRing(desk.page, 'chart-complaints', 0.5, 77);
  await desk.page.waitForURL(/\/queue\/filter\?.*categoryId=none/);
  await desk.page.getByTestId('filter-tags').waitFor();
  await desk.page.getByTestId(`order-row-${complaint.number}`).waitFor();
  const rows = await desk.page.locator('[data-testid^=order-row-]').count();
  check(rows === 6, `the complaint chart opens its 6 complaints (got ${rows})`);
  await screenshot(desk.page, 'handling-dashboard-orders');

  await desk.page.goBack();
  await clickRing(desk.page, 'chart-satisfaction', 0.44, 74);
  await desk.page.waitForURL(/\/queue\/callbacks\?.*rating=satisfied/);
  await desk.page.getByTestId(`callback-row-${complaint.number}`).waitFor();
  await screenshot(desk.page, 'handling-dashboard-callbacks');
  await desk.context.close();
}

/** Decide a complaint's nature on the desk's classification card. */
async function decideNature(page: Page, nature: string, basis: string) {
  await page.getByTestId('classification').waitFor();
  await page.locator('.ant-select').filter({ has: page.locator('#classify-nature') }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: nature }).click();
  await page.locator('#classify-basis').fill(basis);
  await page.getByTestId('classify-submit').click();
  await page.getByTestId('nature-handling').waitFor();
}

/**
 * (h) Handling by nature (S1 4.6.3): an assistance complaint gets the water
 * company's number from the site's directory — the note with a forbidden phrase
 * is sent only after the agent confirms — and it is on the timeline; a
 * non-responsible complaint gets its explanation recorded, revised first when
 * the checker flags "不归我管".
 */
export async function natureHandling(server: Server) {
  await createStaff(server, [{ username: 'agent8', role: 'agent', displayName: '周客服', employeeNo: '8008' }]);
  const agentToken = (await server.api<{ token: string }>('POST', '/auth/login', { username: 'agent8', password: PASSWORD })).body.token;
  const siteId = (await server.api<{ items: { id: number }[] }>('GET', '/sites', undefined, agentToken)).body.items[0]!.id;
  const water = (await server.api<{ id: number }>('POST', '/agencies', { siteId, service: 'water', name: '市自来水公司', phone: '96116', notes: '24 小时报修' }, server.adminToken)).body;
  await server.api('POST', '/agencies', { siteId, service: 'power', name: '国网供电服务', phone: '95598' }, server.adminToken);
  await server.api('POST', '/agencies', { siteId: null, service: 'gas', name: '燃气集团客服', phone: '96777' }, server.adminToken);
  const complain = async (description: string, phone: string) => (await server.api<Order>('POST', '/work-orders', {
    kind: 'complaint', channel: 'phone', siteId, description, unit: '5栋2单元301', customer: { name: '钱淑芬', title: '女士', phone },
  }, agentToken)).body;
  const outage = await complain('家里从早上开始停水，到现在还没来水，物业也不通知', '13822220001');
  const parking = await complain('市政在小区门口修路，车开不进来，物业为什么不管', '13822220002');

  const { context, page } = await newPage(server);
  await deskLogin(page, 'agent8');

  // --- Assistance: the water company's number, with a note sent after confirming its hit. ---
  await page.goto(`/work-orders/${outage.id}`);
  await decideNature(page, '协助处理投诉', '市政供水管网检修，需由自来水公司处理');
  const card = page.getByTestId('nature-handling');
  await card.getByTestId(`agency-${water.id}`).waitFor();
  check((await card.getByTestId('agency-directory').locator('.ant-list-item').count()) === 3, 'the site’s entries and the organisation-wide one are listed');
  await card.getByText('市自来水公司').click();
  await page.locator('#agencies-note').fill('具体哪天恢复我不知道，请您拨打供水热线询问。');
  await card.locator('[data-testid=hit-mark][data-rule=s1-taboo-19]').waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'handling-nature-assistance');
  await card.getByTestId('agencies-submit').click();
  await page.getByTestId('send-anyway').waitFor();
  await page.getByTestId('send-anyway').click();
  await card.getByTestId('referral').waitFor();
  check((await card.getByTestId('referral').innerText()).includes('96116'), 'the number given is listed on the card');
  const event = page.getByTestId('event-agencies_given');
  await event.waitFor();
  check((await event.innerText()).includes('市自来水公司 96116'), `the timeline says which number was given (${await event.innerText()})`);
  await screenshot(page, 'handling-nature-assistance-given');
  const given = (await server.api<{ timeline: { type: string; customerVisible: boolean }[] }>('GET', `/work-orders/${outage.id}`, undefined, agentToken)).body;
  check(given.timeline.some((e) => e.type === 'agencies_given' && e.customerVisible), 'the customer sees the numbers given');
  const audit = await server.api<{ items: { action: string }[] }>('GET', `/audit?entityType=work_order&entityId=${outage.id}`, undefined, server.adminToken);
  check(audit.body.items.some((e) => e.action === 'language.sent_with_hits'), 'the confirmed note is in the audit log');

  // --- Non-responsible: the explanation, revised when the checker flags it. ---
  await page.goto(`/work-orders/${parking.id}`);
  await decideNature(page, '无责任投诉', '市政道路施工，不属于物业管理范围');
  check((await page.getByTestId('explanation-status').getAttribute('data-status')) === 'pending', 'the explanation is pending');
  await page.locator('#explanation-text').fill('这事不归我管，修路是市政的工程。');
  await page.getByTestId('explain-form').locator('[data-testid=hit-mark][data-rule=s1-taboo-28]').waitFor();
  await page.getByTestId('explain-submit').click();
  await page.getByTestId('send-anyway').waitFor();
  await screenshot(page, 'handling-nature-explain-confirm');
  await page.getByRole('button', { name: '返回修改' }).click();
  const words = '门口道路由市政部门施工，预计本月20日完工；施工期间请从北门进出，我们已在路口设置指示牌。';
  await page.locator('#explanation-text').fill(words);
  await page.getByTestId('explain-form').getByTestId('check-clean').waitFor();
  await page.getByTestId('explain-submit').click();
  await page.getByTestId('explanation-done').waitFor();
  check((await page.getByTestId('explanation-done').innerText()).includes('北门进出'), 'the recorded explanation is shown');
  check((await page.getByTestId('explanation-status').getAttribute('data-status')) === 'done', 'the explanation is done');
  await page.getByTestId('event-explanation_given').waitFor();
  await screenshot(page, 'handling-nature-explained');
  await context.close();
}
