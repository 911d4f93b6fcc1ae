import t from 'tap';
import type { Page } from 'playwright-core';
import { chinaDate } from '../../services/web/src/lib/time.js';
import { lookedAt, signedInContext, watchPage, webSuite, WIDTHS } from './support/browser.js';

/**
 * A station's desk as 王芳 of 百车河 works it: today's board, a visitor
 * registered with two matters without touching the mouse, the visit on the
 * board and its cases in the open list, and a form with a matter left
 * without a category that sends nothing.
 */
const { server, browser } = await webSuite(t);
const [phone, desk] = WIDTHS;

async function open(width: { width: number; height: number }) {
  const context = await signedInContext(browser, server.url, 'staff-baichehe', width);
  const page = await context.newPage();
  const problems = watchPage(page);
  const visitPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/visits') visitPosts.push(request.headers()['idempotency-key'] ?? '');
  });
  return { context, page, problems, visitPosts };
}


/** The registration form, loaded: its station chosen and its deputies and categories read. */
async function openForm(page: Page) {
  await page.goto(`${server.url}/station/visit`);
  await page.getByRole('heading', { level: 1, name: '人大代表接待选民登记表' }).waitFor();
  await page.locator('#visit-deputy-dep-zhou-lan').waitFor({ state: 'attached' });
  await page.locator('select[id$="-category"] option').nth(1).waitFor({ state: 'attached' });
}

t.test('a visitor with two matters, registered by keyboard alone, on the board and in the open cases', async (tt) => {
  const { context, page, problems, visitPosts } = await open(desk);
  await page.goto(`${server.url}/station`);
  await page.getByRole('heading', { level: 1, name: '今日接待' }).waitFor();
  tt.match(await page.locator('.today').textContent(), chinaDate(), 'the board says which day today is in Beijing');
  await page.getByRole('heading', { level: 2, name: '百车河社区人大代表联络室' }).waitFor();
  await lookedAt(tt, page, 'station-board');

  await openForm(page);
  await lookedAt(tt, page, 'station-visit-form');
  const keys = page.keyboard;
  tt.equal(await page.evaluate(() => document.activeElement?.id), 'visit-visitor-name', 'the form starts at the visitor name');
  await keys.press('Shift+Tab'); // back to the last deputy's box
  await keys.press('Space');
  await keys.press('Tab');
  await keys.type('罗大伯');
  await keys.press('Enter');
  await keys.type('138 0851 2233');
  await keys.press('Enter');
  await keys.type('百车河社区三组');
  await keys.press('Enter'); // matter 1: category
  await keys.press('ArrowDown');
  await keys.press('Enter'); // urgency: the category's own
  await keys.press('Enter');
  await keys.type('三组到村委会的路灯坏了三盏，晚上走路看不见');
  await keys.press('Enter');
  await keys.type('三组路口');
  await keys.press('Alt+N'); // matter 2, focus on its category
  tt.match(await page.evaluate(() => document.activeElement?.id), /^visit-matters-\d+-category$/, 'Alt+N adds a matter and goes to its category');
  await keys.press('ArrowDown');
  await keys.press('ArrowDown');
  await keys.press('Enter');
  await keys.press('Enter');
  await keys.type('家门口水沟堵了，下雨就漫到路上');
  await keys.press('Control+Enter');
  await keys.press('Control+Enter'); // a second press while the first is on its way registers nothing more
  const saved = page.locator('section[aria-labelledby="visit-saved-title"]');
  await saved.getByRole('heading', { name: /登记成功/ }).waitFor();
  const codes = (await saved.locator('.tracking').allTextContents()).map((c) => c.trim());
  tt.equal(codes.length, 2, 'two matters opened two cases, each with its tracking code');
  for (const code of codes) tt.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, `${code} is a tracking code`);
  tt.equal(visitPosts.length, 1, 'the form was sent once');
  await lookedAt(tt, page, 'station-visit-saved');

  await saved.getByRole('button', { name: '接待下一位' }).click();
  await page.locator('#visit-visitor-name').waitFor();
  tt.equal(await page.locator('#visit-visitor-name').inputValue(), '', 'the next visitor starts with an empty name');
  tt.ok(await page.locator('#visit-deputy-dep-zhou-lan').isChecked(), 'the deputies stay ticked for the next visitor');

  await page.goto(`${server.url}/station`);
  const here = page.locator('section[aria-labelledby="today-st-baichehe"]');
  await here.getByText('罗大伯').waitFor();
  const board = (await here.textContent()) ?? '';
  for (const code of codes) tt.match(board, code, `the board lists ${code} with the visit`);
  tt.match(board, /今天已登记 1 位来访群众/, 'the board counts the visit');

  await page.goto(`${server.url}/station/cases`);
  await page.locator('#cases-station').selectOption('st-baichehe');
  await page.locator('.case-table').getByText(codes[0]!).waitFor();
  const table = (await page.locator('.case-table').textContent()) ?? '';
  for (const code of codes) tt.match(table, code, `the open cases list ${code}`);
  const stations = await page.locator('.case-table tbody td.summary .muted').allTextContents();
  tt.ok(stations.length > 0 && stations.every((s) => s.includes('百车河')), 'the station filter keeps only that station');
  await page.getByText('仅看超期').click();
  await page.waitForLoadState('networkidle');
  const rows = page.locator('.case-table tbody tr');
  for (let i = 0; i < (await rows.count()); i += 1) tt.match(await rows.nth(i).textContent(), /已超期/, 'overdue only: each row says overdue in words');
  tt.notMatch((await page.locator('.case-table').textContent().catch(() => '')) ?? '', codes[0]!, 'a new case is not overdue');
  await page.getByText('仅看超期').click();
  await page.locator('.case-table').getByText(codes[0]!).waitFor();
  await lookedAt(tt, page, 'station-cases');
  tt.same(problems, [], 'no console errors, failed requests or unexpected answers');
  await context.close();
});

t.test('a matter without a category is named beside it, and nothing is sent', async (tt) => {
  const { context, page, problems, visitPosts } = await open(phone);
  await openForm(page);
  await page.locator('label:has(#visit-deputy-dep-wu-haitao)').click();
  await page.locator('#visit-visitor-name').fill('张阿姨');
  await page.locator('textarea[id$="-summary"]').fill('小区门口垃圾没人清运');
  await page.getByRole('button', { name: /提交登记/ }).click();
  const category = page.locator('select[id$="-category"]');
  const errorId = await category.getAttribute('aria-describedby');
  tt.ok(errorId, 'the category field points at its error');
  tt.equal((await page.locator(`#${errorId}`).textContent())?.trim(), '请选择类别', 'the error says what to do, beside the category');
  tt.equal(await category.getAttribute('aria-invalid'), 'true', 'the category field is marked invalid');
  tt.equal(await page.evaluate(() => document.activeElement?.id), await category.getAttribute('id'), 'focus goes to the field to fix');
  tt.equal(visitPosts.length, 0, 'nothing was sent');
  await lookedAt(tt, page, 'station-visit-missing-category');
  tt.same(problems, [], 'no console errors, failed requests or unexpected answers');
  await context.close();
});

// The desk width was looked at page by page above; here each page on a phone, fresh.
t.test('every page at a phone width', async (tt) => {
  for (const width of [phone]) {
    const { context, page, problems } = await open(width);
    for (const [path, heading, name] of [
      ['/station', '今日接待', 'station-board'],
      ['/station/visit', '人大代表接待选民登记表', 'station-visit-form'],
      ['/station/cases', '本站在办事项', 'station-cases'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await lookedAt(tt, page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      tt.ok(overflow <= 0, `${name} at ${width.width} px does not scroll sideways`);
    }
    tt.same(problems, [], `no problems at ${width.width} px`);
    await context.close();
  }
});
