import t, { type Test } from 'tap';
import type { APIRequestContext, Page } from 'playwright-core';
import { screenshot, seriousViolations, signedInContext, watchPage, WIDTHS, webSuite } from './support/browser.js';

/**
 * 陈刚, supervisor of 水城区, at the dashboard and the case list: the rates
 * with the counts behind them; a case registered at 百车河 by 王芳 moving
 * the figures without a reload; the list filtered by status and searched
 * in Chinese, matching the API; two deputies assigned and a 督办 sent from
 * the list, the row changing in place.
 */
const { server, browser } = await webSuite(t);
const [phone, desk] = WIDTHS;
const wall = { width: 1920, height: 1080 };
const SUMMARY = '百车河社区文化广场的路灯坏了三盏，晚上跳舞的群众出行不便。';

async function looked(tt: Test, page: Page, name: string, sizes: { width: number; height: number }[]) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300); // the charts follow the new width
    const violations = await seriousViolations(page);
    tt.same(violations, [], `${name} at ${size.width}px: no serious accessibility violations`);
    await screenshot(page, name);
  }
}

const asNumber = async (page: Page, selector: string) => Number((await page.locator(selector).textContent())?.trim());

async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const answer = await request.get(`${server.url}${path}`);
  if (!answer.ok()) throw new Error(`${path}: ${answer.status()} ${await answer.text()}`);
  return (await answer.json()) as T;
}

const context = await signedInContext(browser, server.url, 'sup-shuicheng', desk);
const page = await context.newPage();
const problems = watchPage(page);
let createdId = '';
let createdCode = '';

t.test('the dashboard shows each rate as a fraction, and goes live without a reload', async (tt) => {
  await page.goto(`${server.url}/dashboard`);
  await page.getByRole('heading', { level: 1, name: '督办看板' }).waitFor();
  await page.locator('[data-live].live').waitFor();
  const api = await apiGet<{ rates: Record<string, { numerator: number; denominator: number }>; cases: { total: number } }>(context.request, '/api/dashboard');
  for (const name of ['response', 'resolution', 'satisfaction']) {
    const shown = (await page.locator(`[data-fraction="${name}"] [aria-hidden="true"]`).textContent())?.replace(/\s/g, '');
    tt.equal(shown, `${api.rates[name]!.numerator}/${api.rates[name]!.denominator}`, `${name}: numerator and denominator shown`);
  }
  const before = await asNumber(page, '[data-stat="received"] .stat-value');
  tt.equal(before, api.cases.total, 'the cases received in the period, as the API counts them');
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const staff = await signedInContext(browser, server.url, 'staff-baichehe');
  const categories = await apiGet<{ items: { code: string }[] }>(staff.request, '/api/categories?area=520221104201');
  const created = await staff.request.post(`${server.url}/api/cases`, {
    headers: { 'x-huiyin-request': '1', 'idempotency-key': `supervisor-test-${Date.now()}` },
    data: { channel: 'reception-day', stationId: 'st-baichehe', category: categories.items[0]!.code, summary: SUMMARY, constituent: { name: '黄大姐' } },
  });
  tt.equal(created.status(), 201, 'staff registered a case');
  const view = (await created.json()) as { id: string; trackingCode: string };
  createdId = view.id;
  createdCode = view.trackingCode;
  await staff.close();

  await page.waitForFunction((n) => Number(document.querySelector('[data-stat="received"] .stat-value')?.textContent) === n, before + 1, { timeout: 10_000 });
  tt.ok(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the figure changed in the same page, not by a reload');
  tt.match(await page.locator('[aria-live="polite"]').first().textContent(), /数据已更新/, 'the update is announced');
  await looked(tt, page, 'supervisor-dashboard', [phone, desk, wall]);

  await page.goto(`${server.url}/dashboard?wall=1`);
  await page.locator('[data-live].live').waitFor();
  await looked(tt, page, 'supervisor-dashboard-wall', [wall]);
  tt.same(problems, [], 'no console errors, failed requests or error answers');
});

t.test('the case list, filtered by status and searched in Chinese, is what the API answers', async (tt) => {
  await page.setViewportSize(desk);
  await page.goto(`${server.url}/cases`);
  await page.locator('[data-case]').first().waitFor();
  const all = await page.locator('[data-case]').count();

  await page.locator('#f-q').fill('路灯');
  await page.locator('.el-form-item:has(#f-status) .el-select__wrapper').click();
  await page.getByRole('option', { name: '已受理' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.waitForURL(/status=received/);
  await page.locator('[data-count]').filter({ hasText: '共' }).waitFor();
  const shown = await page.locator('[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
  const api = await apiGet<{ items: { id: string; status: string }[] }>(context.request, `/api/cases?status=received&q=${encodeURIComponent('路灯')}`);
  tt.same(shown, api.items.map((i) => i.id), 'the rows are the API answer, in its order');
  tt.ok(shown.includes(createdId), 'the new case is found by a Chinese word of its summary');
  tt.ok(shown.length < all, 'the filters narrowed the list');
  tt.ok(api.items.every((i) => i.status === 'received'), 'only received cases');

  await page.reload();
  await page.locator(`[data-case="${createdId}"]`).waitFor();
  tt.equal(await page.locator('[data-case]').count(), shown.length, 'the view survives a reload (the filters are in the address)');
  tt.equal(await page.locator('#f-q').inputValue(), '路灯', 'the search words are back in the form');
  await looked(tt, page, 'supervisor-cases', [phone, desk]);
  tt.same(problems, [], 'no console errors, failed requests or error answers');
});

t.test('two deputies assigned and a 督办 sent from the list; the row changes in place', async (tt) => {
  await page.setViewportSize(desk);
  await page.goto(`${server.url}/cases?trackingCode=${createdCode}`);
  const row = page.locator(`[data-case="${createdId}"]`);
  await row.waitFor();
  tt.equal(await row.getAttribute('data-status'), 'received', 'the new case waits to be assigned');

  await row.getByRole('button', { name: `交办：${createdCode}` }).click();
  const dialog = page.getByRole('dialog', { name: '交办代表' });
  await dialog.locator('label', { hasText: '周兰' }).click();
  await dialog.locator('label', { hasText: '吴海涛' }).click();
  tt.equal(await dialog.getByRole('checkbox', { checked: true }).count(), 2, 'two deputies ticked');
  await looked(tt, page, 'supervisor-assign', [desk]);
  await dialog.getByRole('button', { name: '确认交办' }).click();
  await page.waitForFunction((id) => document.querySelector(`[data-case="${id}"]`)?.getAttribute('data-status') === 'assigned', createdId);
  tt.match(await row.locator('[data-deputies]').textContent(), /周兰/, 'the row names the deputies');
  tt.match(await row.locator('[data-deputies]').textContent(), /吴海涛/, 'both of them');
  const afterAssign = await apiGet<{ status: string; deputyIds: string[] }>(context.request, `/api/cases/${createdId}`);
  tt.equal(afterAssign.status, 'assigned', 'the case is assigned');
  tt.same([...afterAssign.deputyIds].sort(), ['dep-wu-haitao', 'dep-zhou-lan'], 'to the two deputies chosen');

  await row.getByRole('button', { name: `督办：${createdCode}` }).click();
  const form = page.getByRole('dialog', { name: '督办' });
  await form.getByLabel('督办事由').waitFor();
  await form.getByRole('button', { name: '发出督办' }).click();
  await form.locator('.el-form-item__error').first().waitFor();
  tt.ok(await form.locator('.el-form-item__error').count() >= 2, 'an empty form is refused beside its fields, nothing sent');
  await form.getByLabel('督办对象').fill('蟠龙镇人大主席团');
  await form.getByLabel('督办事由').fill('群众夜间出行安全，请一周内修复路灯并答复。');
  await form.getByRole('button', { name: '发出督办' }).click();
  await row.getByText('督办中').waitFor();
  const afterEscalate = await apiGet<{ escalated: boolean }>(context.request, `/api/cases/${createdId}`);
  tt.ok(afterEscalate.escalated, 'the case is under 督办');
  tt.same(problems, [], 'no console errors, failed requests or error answers');
});
