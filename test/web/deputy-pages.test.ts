import t, { type Test } from 'tap';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, signedInContext, startWebServer, watchPage, WIDTHS } from './support/browser.js';

/** 周兰's diary and 三个一 on her phone, and every deputy page and the case page at a desk's width. */
const server = await startWebServer();
const browser = await launchBrowser();
t.teardown(async () => {
  await browser.close();
  await server.stop();
});
const [phone, desk] = WIDTHS;

async function open(width: { width: number; height: number }) {
  const context = await signedInContext(browser, server.url, 'dep-zhou-lan', width);
  const page = await context.newPage();
  const problems = watchPage(page);
  return { context, page, problems };
}

async function looked(tt: Test, page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  tt.same(await seriousViolations(page), [], `${name}: no serious accessibility violations`);
  await screenshot(page, name);
}


t.test('the duty diary and 三个一 show the demo year', async (tt) => {
  const { context, page, problems } = await open(phone);
  await page.goto(`${server.url}/me/diary`);
  await page.locator('.entries li').first().waitFor();
  tt.ok((await page.locator('.day').count()) > 0, 'entries by day');
  await looked(tt, page, 'deputy-diary');
  await page.goto(`${server.url}/me/three-ones`);
  await page.getByRole('heading', { name: '每月联系群众' }).waitFor();
  tt.match(await page.locator('.duties').textContent(), /已完成 \d+ \/ 12/, 'the months counted from the demo year');
  tt.ok((await page.locator('.periods li').count()) >= 17, 'twelve months, four quarters and the year');
  await looked(tt, page, 'deputy-three-ones');
  tt.same(problems, [], 'no problems');
  await context.close();
});

t.test('every page at the desk width', async (tt) => {
  const { context, page, problems } = await open(desk);
  for (const [path, name, ready] of [
    ['/me', 'deputy-work', '.work-card'],
    ['/me/notifications', 'deputy-notifications', '.item'],
    ['/me/diary', 'deputy-diary', '.entries li'],
    ['/me/three-ones', 'deputy-three-ones', '.periods li'],
  ] as const) {
    await page.goto(`${server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await looked(tt, page, name);
  }
  await page.goto(`${server.url}/me`);
  await page.locator('.work-card a').first().click();
  await page.locator('.timeline .el-timeline-item').first().waitFor();
  await looked(tt, page, 'case-page');
  tt.same(problems, [], 'no problems');
  await context.close();
});
