import t, { type Test } from 'tap';
import type { Page } from 'playwright-core';
import type { CaseListItem } from '../../contracts/case/list.js';
import type { HistoryEvent } from '../../contracts/history.js';
import { chinaDate } from '../../services/web/src/lib/time.js';
import { screenshot, seriousViolations, signedInContext, watchPage, WIDTHS, webSuite, nobodySignedIn } from './support/browser.js';

/**
 * The auditor's bench as 赵敏 uses it: the demo's culvert case found by a
 * word, its chain recomputed in the browser event by event and agreeing with
 * the server, the case as it stood on the day it was received; and the
 * workflow chart, on screen and on one A4 sheet for the station wall.
 */
const { server, browser } = await webSuite(t);

async function looked(tt: Test, page: Page, problems: string[], name: string) {
  await page.waitForLoadState('networkidle');
  tt.same(await seriousViolations(page), [], `${name}: no serious accessibility violations`);
  tt.same(problems, [], `${name}: no console errors or failed requests`);
  await screenshot(page, name);
}

for (const width of WIDTHS) {
  t.test(`the culvert case audited at ${width.width} px`, async (tt) => {
    const context = await signedInContext(browser, server.url, 'auditor-demo', width);
    const found = await context.request.get(`${server.url}/api/cases?q=${encodeURIComponent('涵洞')}`);
    const items = ((await found.json()) as { items: CaseListItem[] }).items;
    const culvert = items.find((item) => item.status === 'closed') ?? items[0]!;
    tt.ok(culvert, 'the demo has a culvert case');
    const history = ((await (await context.request.get(`${server.url}/api/cases/${culvert.id}/history`)).json()) as { events: HistoryEvent[] }).events;
    tt.ok(history.length >= 3, 'with a history worth checking');

    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/audit`);
    await page.getByRole('heading', { level: 1, name: '案件审计' }).waitFor();
    await page.locator('#audit-find').fill('涵洞');
    await page.keyboard.press('Enter');
    const link = page.locator(`a[href="/audit/${culvert.id}"]`);
    await link.waitFor();
    tt.ok((await page.locator('.result').count()) >= 1, 'the word finds the case');
    await looked(tt, page, problems, 'auditor-find');
    await link.click();

    const verdict = page.locator('[data-test="browser-verdict"]');
    await verdict.waitFor();
    tt.match(await verdict.innerText(), `链条完整（共 ${history.length} 个事件）`, 'the browser verified the whole chain');
    await page.locator('[data-test="server-verdict"]').waitFor();
    tt.match(await page.locator('[data-test="server-verdict"]').innerText(), `服务器核验通过（共 ${history.length} 个事件）`, 'the server agrees');
    const marks = await page.locator('[data-test="link-verdict"]').allInnerTexts();
    tt.equal(marks.length, history.length, 'a verdict on every event');
    tt.ok(marks.every((mark) => mark.includes('✓')), 'every event ✓');

    // The case as it stood at the end of the day it was received (Beijing).
    const day = chinaDate(String(history[0]!.metadata.occurredAt));
    const endOfDay = Date.parse(`${day}T23:59:00+08:00`);
    const byThen = history.findIndex((e) => Date.parse(String(e.metadata.occurredAt)) > endOfDay);
    const expected = byThen === -1 ? history.length : byThen;
    await page.locator('#as-of-day').fill(day);
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.locator('[data-test="as-of-result"]').filter({ hasText: '截至' }).waitFor();
    tt.match(await page.locator('[data-test="as-of-result"]').innerText(), `共 ${expected} 个事件`, 'the events up to that day');
    tt.equal(await page.locator('.timeline > li').count(), expected, 'and only those are listed');
    await looked(tt, page, problems, 'auditor-case');

    await page.goto(`${server.url}/workflow`);
    await page.locator('svg.flow').waitFor();
    tt.ok((await page.locator('svg.flow .box').count()) >= 12, 'the chart draws every status');
    tt.ok((await page.locator('table.moves tbody tr').count()) > 40, 'the transitions in words under it');
    tt.match(await page.locator('table.moves').innerText(), /接单\s+代表已接单\s+代表、督办人员、管理员/, 'with who may take each');
    await looked(tt, page, problems, 'auditor-workflow');
    await context.close();
  });
}

t.test('the printable chart fits one A4 sheet, signed in or not', async (tt) => {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  // Nobody is signed in: the app asks who is, and is told nobody.
  const problems = watchPage(page, nobodySignedIn);
  await page.goto(`${server.url}/workflow/print`);
  await page.locator('svg.flow').waitFor();
  tt.equal(await page.locator('header.app-header').count(), 0, 'drawn without the app’s menu');
  await looked(tt, page, problems, 'auditor-print');
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  tt.equal(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, 1, 'one page when printed');
  await context.close();
});
