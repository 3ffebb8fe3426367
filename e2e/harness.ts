import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const ADMIN_PASSWORD = 'e2e-admin-pass-1';
export const PASSWORD = 'e2e-staff-pass-1';

/** The server and web app as `npm start` builds them (CI has no build step before the browser tests). */
export function buildOnce(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Server {
  url: string;
  /** Every line the server logged (JSON), for the development SMS transport's codes. */
  log: string[];
  smsCode(phone: string, purpose: 'signup' | 'login'): Promise<string>;
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  adminToken: string;
  stop(): Promise<void>;
}

/** A fresh server process on its own SQLite file in a temp directory. */
export async function startServer(): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'huiyin-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'packages/server/dist/main.js')], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'huiyin.db')}`, HUIYIN_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    log.push(...lines);
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const api = async <T>(method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  const login = await api<{ token: string }>('POST', '/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);

  return {
    url, log, api, adminToken: login.body.token,
    async smsCode(phone, purpose) {
      for (let i = 0; i < 50; i++) {
        for (const line of [...log].reverse()) {
          if (!line.includes('smsCode')) continue;
          const entry = JSON.parse(line) as { smsTo?: string; smsCode?: string; purpose?: string };
          if (entry.smsTo === phone && entry.purpose === purpose && entry.smsCode) return entry.smsCode;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no SMS code for ${phone} in the server log`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Staff accounts a journey needs, made through the API like an administrator would. */
export async function createStaff(server: Server, users: { username: string; role: string; displayName: string; employeeNo: string; departmentName?: string }[]) {
  const departments = (await server.api<{ items: { id: number; name: string }[] }>('GET', '/departments', undefined, server.adminToken)).body.items;
  const ids: Record<string, number> = {};
  for (const user of users) {
    const departmentId = user.departmentName ? departments.find((d) => d.name.includes(user.departmentName!))?.id ?? departments[1]?.id : undefined;
    const created = await server.api<{ id: number }>('POST', '/users', {
      username: user.username, password: PASSWORD, displayName: user.displayName, employeeNo: user.employeeNo, role: user.role, ...(departmentId ? { departmentId } : {}),
    }, server.adminToken);
    if (created.status !== 201) throw new Error(`create ${user.username}: ${JSON.stringify(created.body)}`);
    ids[user.username] = created.body.id;
  }
  return { ids, departments };
}

let browser: Browser | null = null;
const openPages = new Set<Page>();

/** On a failed journey: what every open page showed, for the CI artifact. */
export async function screenshotOpenPages(prefix: string) {
  let i = 0;
  for (const page of openPages) await screenshot(page, `${prefix}-${++i}`).catch(() => undefined);
}
export async function openBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return browser;
}
export async function closeBrowser() {
  await browser?.close();
  browser = null;
}

export async function newPage(server: Server, options: { mobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await (await openBrowser()).newContext({
    baseURL: server.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
  });
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.setDefaultTimeout(30_000); // the CI machine may be busy
  page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function deskLogin(page: Page, username: string, password = PASSWORD) {
  await page.goto('/');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('me').waitFor();
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/**
 * antd Select: open it by its visible box and click the option, then make sure
 * the box shows it. Under load a click can land while the popup is still
 * animating and select nothing, leaving the popup open over the form: then the
 * option is clicked again (up to three times).
 */
export async function pickOption(page: Page, selectId: string, text: string | RegExp) {
  const box = page.locator('.ant-select').filter({ has: page.locator(`#${selectId}`) }).first();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
  const chosen = box.filter({ hasText: text });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await option.isVisible())) await box.click();
    try {
      await option.waitFor({ state: 'visible', timeout: 5_000 });
      await option.click();
    } catch {
      await page.keyboard.press('Escape');
      continue;
    }
    if (await chosen.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`option ${String(text)} not chosen in #${selectId}`);
}
