import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, check, deskLogin, newPage, pickOption, screenshot, type Server } from './harness.js';

interface SiteView { id: number; twentyFourHour: boolean; serviceHours: { weekly: Record<string, string[]> } | null }

async function openTab(page: Page, key: string) {
  await page.getByTestId(`settings-tab-${key}`).click();
  await page.waitForURL(`**/settings/${key}`);
}

/** Wait for antd's success message, then let it go so the next one is not confused with it. */
async function expectSaved(page: Page, text: string | RegExp = /已保存|已创建|已添加|已设为/) {
  await page.locator('.ant-message-success').filter({ hasText: text }).first().waitFor();
}

/** Go to a month of the calendar with the ‹ › buttons. */
async function showMonth(page: Page, year: number, month: number) {
  for (let i = 0; i < 60; i++) {
    const text = await page.getByTestId('calendar-month').innerText();
    const [y, m] = text.match(/\d+/g)!.map(Number) as [number, number];
    if (y === year && m === month) return;
    await page.getByTestId(y * 12 + m > year * 12 + month ? 'calendar-prev' : 'calendar-next').click();
  }
  throw new Error(`could not reach ${year}-${month}`);
}

/**
 * (e) The administrator's settings: change a site's service hours, add a calendar
 * day and see it in the month view next to the statutory holidays, add a
 * department and a user in it, edit an SLA limit — each checked through the API.
 */
export async function adminSettings(server: Server) {
  const { page } = await newPage(server);
  await deskLogin(page, 'admin', ADMIN_PASSWORD);
  await page.getByTestId('nav-settings').click();
  await page.waitForURL('**/settings/organisation');
  await page.locator('#org-name').waitFor();
  await screenshot(page, 'settings-organisation');

  // Sites: off 24-hour duty, Monday 08:30–18:00 plus an evening shift, copied to Tuesday–Friday.
  await openTab(page, 'sites');
  const siteId = (await server.api<{ items: { id: number }[] }>('GET', '/sites', undefined, server.adminToken)).body.items[0]!.id;
  await page.getByTestId('site-editor').waitFor();
  await page.locator('#site-24h').click();
  const mondayStart = page.getByTestId('hours-mon-range-0').locator('input').first();
  await mondayStart.click();
  await mondayStart.fill('08:30');
  await mondayStart.press('Enter');
  check((await page.locator('.ant-message-success').count()) === 0, 'Enter in a time picker does not save the site');
  await page.getByTestId('hours-mon-add').click();
  await page.getByRole('button', { name: /复制到周二至周五/ }).click();
  await page.getByTestId('hours-sat-open').click();
  await screenshot(page, 'settings-sites');
  await page.getByTestId('site-save').click();
  await expectSaved(page);
  const site = (await server.api<SiteView>('GET', `/sites/${siteId}`, undefined, server.adminToken)).body;
  check(site.twentyFourHour === false, 'the site is no longer on 24-hour duty');
  check(JSON.stringify(site.serviceHours?.weekly.mon) === JSON.stringify(['08:30-18:00', '19:00-23:00']), `Monday has a split shift: ${JSON.stringify(site.serviceHours)}`);
  check(JSON.stringify(site.serviceHours?.weekly.fri) === JSON.stringify(['08:30-18:00', '19:00-23:00']), 'Monday’s shifts were copied to Friday');
  check((site.serviceHours?.weekly.sat ?? []).length > 0, 'Saturday opened');

  // Calendar: October 2025 shows National Day and the 10-11 make-up workday; a closure day added on 10-20 appears.
  await openTab(page, 'calendar');
  await showMonth(page, 2025, 10);
  const day = (date: string) => page.getByTestId(`day-${date}`);
  await day('2025-10-01').and(page.locator('[data-type=holiday]')).waitFor();
  check((await day('2025-10-01').innerText()).includes('国庆'), '10-01 is named National Day');
  check((await day('2025-10-11').getAttribute('data-type')) === 'makeup_workday', '10-11 is a make-up workday');
  check((await day('2025-10-18').getAttribute('data-type')) === 'weekend', '10-18 is a weekend');
  await day('2025-10-20').click();
  await page.locator('#override-name').fill('停电检修闭馆');
  await pickOption(page, 'override-type', '法定节假日/闭馆日');
  await screenshot(page, 'settings-calendar-day');
  await page.getByTestId('override-save').click();
  await expectSaved(page, /已设为/);
  await day('2025-10-20').and(page.locator('[data-type=holiday]')).waitFor();
  check((await day('2025-10-20').innerText()).includes('本机构设置'), 'the own day is marked as set by the organisation');
  check((await day('2025-10-20').innerText()).includes('停电检修闭馆'), 'the own day shows its name');
  await screenshot(page, 'settings-calendar');
  // A year the statutory data does not cover yet is provisional.
  await showMonth(page, 2027, 10);
  await page.getByTestId('calendar-provisional').waitFor();
  await screenshot(page, 'settings-calendar-provisional');
  // Importing the (typed-up) notice for 2027 as official: National Day appears and the month is no longer provisional.
  await page.getByTestId('calendar-import').click();
  const notice = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2027-10-0${d}`, type: 'holiday', name: '国庆节' }));
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'notice-2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(notice)) });
  await page.getByText('notice-2027.json').waitFor();
  await page.getByRole('checkbox', { name: /国务院放假通知/ }).check();
  await page.getByTestId('import-submit').click();
  await expectSaved(page, /已导入 7 天/);
  await day('2027-10-01').and(page.locator('[data-type=holiday]')).waitFor();
  check((await page.getByTestId('calendar-provisional').count()) === 0, '2027 is official after the import');
  check((await day('2027-10-11').getAttribute('data-provisional')) === null, 'days of 2027 are no longer provisional');

  // Departments: a new one.
  await openTab(page, 'departments');
  await page.getByTestId('department-add').click();
  await page.locator('#department-name').fill('绿化部');
  await page.getByTestId('department-save').click();
  await expectSaved(page);
  await page.getByTestId('department-绿化部').waitFor();
  await screenshot(page, 'settings-departments');

  // Users: a handler with 工号 in the new department, working at the first site only.
  await openTab(page, 'users');
  await page.getByTestId('user-add').click();
  await page.locator('#user-displayName').fill('赵园丁');
  await page.locator('#user-employeeNo').fill('7001');
  await page.locator('#user-username').fill('gardener1');
  await pickOption(page, 'user-role', '处理人员');
  await pickOption(page, 'user-department', '绿化部');
  await pickOption(page, 'user-sites', '服务中心');
  await page.keyboard.press('Escape');
  await screenshot(page, 'settings-user-new');
  await page.getByTestId('user-save').click();
  await expectSaved(page, /已创建用户/);
  await page.getByTestId('user-gardener1').waitFor();
  await screenshot(page, 'settings-users');
  const users = (await server.api<{ items: { username: string; employeeNo: string; role: string; departmentId: number; siteIds: number[] }[] }>('GET', '/users', undefined, server.adminToken)).body.items;
  const departments = (await server.api<{ items: { id: number; name: string }[] }>('GET', '/departments', undefined, server.adminToken)).body.items;
  const gardener = users.find((u) => u.username === 'gardener1');
  check(gardener?.employeeNo === '7001' && gardener.role === 'handler', 'the user has 工号 and role');
  check(gardener?.departmentId === departments.find((d) => d.name === '绿化部')?.id, 'the user is in the new department');
  check(JSON.stringify(gardener?.siteIds) === JSON.stringify([siteId]), 'the user works at the first site');

  // Categories and routing, looked at.
  await openTab(page, 'categories');
  await page.getByTestId('category-node-物业服务').click();
  await page.getByTestId('category-panel').waitFor();
  await screenshot(page, 'settings-categories');

  // A category added here reaches the desk's intake picker without reloading the page.
  await page.locator('#category-child').fill('电动车充电');
  await page.locator('#category-child').press('Enter');
  await expectSaved(page, /已添加分类/);
  await page.evaluate(() => {
    window.history.pushState({}, '', '/intake');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.locator('#intake-category').click();
  await page.locator('#intake-category').fill('电动车');
  await page.locator('.ant-select-tree-title').filter({ hasText: '电动车充电' }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    window.history.pushState({}, '', '/settings/categories');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByTestId('category-node-物业服务').waitFor();

  // SLA: dispatch within 15 minutes instead of 10.
  await openTab(page, 'sla');
  const dispatch = page.getByTestId('sla-dispatch').locator('input').first();
  await dispatch.fill('15');
  await page.getByTestId('sla-save').click();
  await expectSaved(page);
  const settings = (await server.api<{ sla: { dispatch: { unit: string; amount: number } } }>('GET', '/settings', undefined, server.adminToken)).body;
  check(settings.sla.dispatch.amount === 15 && settings.sla.dispatch.unit === 'minutes', `dispatch limit is 15 minutes: ${JSON.stringify(settings.sla.dispatch)}`);
  await screenshot(page, 'settings-sla');

  // The callback deadline is set per rule in the callback policy: the SLA tab has no field for it, only a link there.
  check(await page.locator('[data-testid^="sla-callback"] input').count() === 0, 'the SLA tab has no callback limit field');
  await page.getByTestId('sla-callback-link').click();
  await page.waitForURL('**/settings/callbacks');
  await page.getByTestId('callbacks-save').waitFor();
  await screenshot(page, 'settings-callbacks');

  // Agencies: the water company's hotline for every site.
  await openTab(page, 'agencies');
  await page.getByTestId('agency-add').click();
  await page.locator('#agency-name').fill('市自来水公司');
  await page.locator('#agency-phone').fill('0571-96390');
  await page.getByTestId('agency-save').click();
  await expectSaved(page);
  await page.getByText('市自来水公司').waitFor();
  await screenshot(page, 'settings-agencies');
}
