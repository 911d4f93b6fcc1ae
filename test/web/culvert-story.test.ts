import t from 'tap';
import type { BrowserContext, Page } from 'playwright-core';
import { lookedAt, signedInContext, watchPage, WIDTHS, webSuite, nobodySignedIn } from './support/browser.js';

/**
 * The culvert story through the pages, by the people who live it: 王芳 at
 * 百车河 registers 韦秀英's visit; 陈刚, the district's supervisor, watches
 * his dashboard move without a reload and assigns two deputies from his
 * list; 周兰 acknowledges on her phone, checks the site and answers in
 * person; 王芳 records the follow-up call; 赵敏 the auditor sees the chain
 * verified in her browser; and 韦秀英 tracks her matter by its code.
 */
const { server, browser } = await webSuite(t);
const [phone, desk] = WIDTHS;
const SUMMARY = '法那村四组涵洞堵塞，一下雨村道就积水，孩子上学要绕路';
const PHONE = '139 8580 7788';

const everyone: { name: string; page: Page; problems: string[] }[] = [];
async function as(account: string | undefined, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = account ? await signedInContext(browser, server.url, account, viewport) : await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  // The citizen is nobody to the server: asking who is signed in answers 401, on purpose.
  const problems = watchPage(page, (status, url) => !account && nobodySignedIn(status, url));
  everyone.push({ name: account ?? 'citizen', page, problems });
  return { context, page };
}

/** One of a case page's action buttons, its form filled, sent, and the dialog gone. */
async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const staff = await as('staff-baichehe', desk);
const supervisor = await as('sup-shuicheng', desk);
const dashboard = await as('sup-shuicheng', desk);
let code = '';
let caseId = '';

t.test('staff register the visit, and the supervisor’s dashboard moves without a reload', async (t) => {
  const board = dashboard.page;
  await board.goto(`${server.url}/dashboard`);
  await board.locator('[data-live].live').waitFor();
  const received = () => board.locator('[data-stat="received"] .stat-value').textContent().then(Number);
  const before = await received();
  await board.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const page = staff.page;
  await page.goto(`${server.url}/station/visit`);
  await page.getByRole('heading', { level: 1, name: '人大代表接待选民登记表' }).waitFor();
  await page.locator('#visit-deputy-dep-zhou-lan').waitFor({ state: 'attached' });
  await page.locator('select[id$="-category"] option').nth(1).waitFor({ state: 'attached' });
  await page.locator('label:has(#visit-deputy-dep-zhou-lan)').click();
  await page.locator('#visit-visitor-name').fill('韦秀英');
  await page.locator('#visit-visitor-phone').fill(PHONE);
  await page.locator('select[id$="-category"]').selectOption({ label: '道路与排水' });
  await page.locator('textarea[id$="-summary"]').fill(SUMMARY);
  await page.locator('textarea[id$="-summary"]').press('Control+Enter');
  const saved = page.locator('section[aria-labelledby="visit-saved-title"]');
  await saved.getByRole('heading', { name: /登记成功/ }).waitFor();
  code = (await saved.locator('.tracking').first().textContent())!.trim();
  t.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'the visitor’s slip has a tracking code');

  await board.waitForFunction((n) => Number(document.querySelector('[data-stat="received"] .stat-value')?.textContent) === n, before + 1, { timeout: 15_000 });
  t.ok(await board.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the dashboard counted the new case in the same page');
});

t.test('the supervisor assigns two deputies from his list', async (t) => {
  const page = supervisor.page;
  await page.goto(`${server.url}/cases?q=${encodeURIComponent('涵洞')}`);
  const assign = page.getByRole('button', { name: `交办：${code}` });
  await assign.waitFor();
  const row = page.locator('[data-case]', { has: assign });
  caseId = (await row.getAttribute('data-case'))!;
  await assign.click();
  const dialog = page.getByRole('dialog', { name: '交办代表' });
  await dialog.locator('label', { hasText: '周兰' }).click();
  await dialog.locator('label', { hasText: '吴海涛' }).click();
  await dialog.getByRole('button', { name: '确认交办' }).click();
  await page.waitForFunction((id) => document.querySelector(`[data-case="${id}"]`)?.getAttribute('data-status') === 'assigned', caseId);
  t.match(await row.locator('[data-deputies]').textContent(), /周兰.*吴海涛|吴海涛.*周兰/, 'the row names both deputies');
});

t.test('a deputy acknowledges on her phone, checks the site and answers in person', async (t) => {
  const { page } = await as('dep-zhou-lan', phone);
  await page.goto(`${server.url}/cases/${caseId}`);
  const timeline = page.locator('.timeline');
  await timeline.getByText('交办给').waitFor();
  await act(page, 'acknowledge');
  await timeline.getByText('周兰 确认接收').waitFor();
  await act(page, 'schedule-site-check', (d) => d.locator('input[type="datetime-local"]').fill('2026-12-03T09:00'));
  await act(page, 'complete-site-check', async (d) => {
    await d.getByLabel('查看情况').fill('涵洞口被树枝和淤泥堵死，过水不到三成。');
    await d.getByLabel(/其他参加人员/).fill('王芳');
  });
  await timeline.getByText('周兰 现场查看（参与人：周兰、王芳）').waitFor();
  await act(page, 'resolve', async (d) => {
    await d.locator('label', { hasText: '已解决' }).click();
    await d.getByLabel('情况说明').fill('镇里派人清淤，涵洞已通。');
  });
  await act(page, 'give-feedback', async (d) => {
    await d.locator('label', { hasText: '当面' }).click();
    await d.getByLabel('情况说明').fill('到韦秀英家当面说明清淤情况。');
  });
  await timeline.getByText('周兰 当面反馈群众').waitFor();
  t.match(await page.locator('.tags').textContent(), /已反馈/, 'the case is answered');
  await lookedAt(t, page, 'story-deputy-answered');
});

t.test('staff record the follow-up call', async (t) => {
  const page = staff.page;
  await page.goto(`${server.url}/cases/${caseId}`);
  await page.locator('[data-action="record-follow-up"]').waitFor();
  await act(page, 'record-follow-up', async (d) => {
    await d.locator('label', { hasText: '已解决' }).click();
    await d.locator('label', { hasText: /^\s*满意\s*$/ }).click();
  });
  await page.locator('.timeline').getByText(/回访：已解决，满意/).waitFor();
  t.match(await page.locator('.tags').textContent(), /已回访/, 'the case is followed up');
});

t.test('the auditor sees the chain verified in her browser', async (t) => {
  const { page } = await as('auditor-demo', desk);
  await page.goto(`${server.url}/audit/${caseId}`);
  const verdict = page.locator('[data-test="browser-verdict"]');
  await verdict.getByText(/链条完整/).waitFor();
  const events = await page.locator('[data-test="link-verdict"]').count();
  t.ok(events >= 8, `every step is an event with a verdict (${events})`);
  t.match(await verdict.innerText(), `链条完整（共 ${events} 个事件）`);
  await lookedAt(t, page, 'story-audit');
});

t.test('the citizen tracks her matter by its code and her phone’s last digits', async (t) => {
  const { page } = await as(undefined, phone);
  await page.goto(`${server.url}/track`);
  await page.locator('#track-code').fill(code);
  await page.locator('#track-phone4').fill(PHONE.replace(/\s/g, '').slice(-4));
  await page.locator('#track-phone4').press('Enter');
  const status = page.getByTestId('status-text');
  await status.waitFor();
  t.notMatch(await status.textContent(), /已受理/, 'she sees it moved on from received');
  await lookedAt(t, page, 'story-citizen-track');
});

t.test('nobody met an error on the way', async (t) => {
  for (const person of everyone) t.same(person.problems, [], `${person.name}: no console errors, failed requests or unexpected answers`);
});
