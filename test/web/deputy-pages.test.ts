import t from 'tap';
import { lookedAt, signedInContext, watchPage, webSuite, WIDTHS } from './support/browser.js';

/** 周兰's diary and 三个一 on her phone, and every deputy page and the case page at a desk's width. */
const { server, browser } = await webSuite(t);
const [phone, desk] = WIDTHS;

async function open(width: { width: number; height: number }) {
  const context = await signedInContext(browser, server.url, 'dep-zhou-lan', width);
  const page = await context.newPage();
  const problems = watchPage(page);
  return { context, page, problems };
}



t.test('the duty diary and 三个一 show the demo year', async (tt) => {
  const { context, page, problems } = await open(phone);
  await page.goto(`${server.url}/me/diary`);
  await page.locator('.entries li').first().waitFor();
  tt.ok((await page.locator('.day').count()) > 0, 'entries by day');
  await lookedAt(tt, page, 'deputy-diary');
  await page.goto(`${server.url}/me/three-ones`);
  await page.getByRole('heading', { name: '每月联系群众' }).waitFor();
  tt.match(await page.locator('.duties').textContent(), /已完成 \d+ \/ 12/, 'the months counted from the demo year');
  tt.ok((await page.locator('.periods li').count()) >= 17, 'twelve months, four quarters and the year');
  await lookedAt(tt, page, 'deputy-three-ones');
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
    await lookedAt(tt, page, name);
  }
  await page.goto(`${server.url}/me`);
  await page.locator('.work-card a').first().click();
  await page.locator('.timeline .el-timeline-item').first().waitFor();
  await lookedAt(tt, page, 'case-page');
  tt.same(problems, [], 'no problems');
  await context.close();
});
